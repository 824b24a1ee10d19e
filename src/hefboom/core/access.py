"""Permission-checked fetching: views get records through these helpers, never by bare pk.

One checker per object type keeps rules such as contact confidentiality in one tested place.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from hefboom.monitoring.models import (
    Activity,
    Confidentiality,
    Contact,
    ContributionClaim,
    ContributionLink,
    Evidence,
    Outcome,
    Output,
)


def require_record_editor(user) -> None:
    if not user.can_edit_records:
        raise PermissionDenied("Your role may read but not change records.")


def visible_contacts(user):
    return Contact.objects.visible_to(user)


HIDDEN_CONTACT = _("a confidential contact")


def hide_contacts(user, value):
    """`value` (a record or a list of records) with every contact `user` may not see replaced
    by a placeholder: for pages that show related records by name, such as version changes."""
    items = value if isinstance(value, list) else [value]
    contacts = [item.pk for item in items if isinstance(item, Contact)]
    if not contacts:
        return value
    visible = set(Contact.all_objects.visible_to(user).filter(pk__in=contacts)
                  .values_list("pk", flat=True))
    shown = [HIDDEN_CONTACT if isinstance(item, Contact) and item.pk not in visible else item
             for item in items]
    return shown if isinstance(value, list) else shown[0]


def hidden_contact_names(user) -> list[str]:
    """How the confidential contacts `user` may not see are named on pages (plain and
    HTML-escaped), for texts that were built from other records' names."""
    if user.is_active and user.is_administrator:
        return []
    hidden = Contact.all_objects.filter(confidentiality=Confidentiality.CONFIDENTIAL).exclude(
        Exists(Contact.all_objects.visible_to(user).filter(pk=OuterRef("pk"))))
    names = {str(contact) for contact in hidden}
    return sorted(names | {escape(name) for name in names}, key=len, reverse=True)


def get_contact_for_user(user, pk) -> Contact:
    """The contact, or 404 when it does not exist or is confidential and `user` may not see it."""
    return get_object_or_404(visible_contacts(user), pk=pk)


def get_outcome_for_user(user, pk) -> Outcome:
    return get_object_or_404(Outcome.objects.all(), pk=pk)


def get_output_for_user(user, pk) -> Output:
    return get_object_or_404(Output.objects.all(), pk=pk)


def get_activity_for_user(user, pk) -> Activity:
    return get_object_or_404(Activity.objects.all(), pk=pk)


def visible_contributions(user, queryset=None):
    """Contribution links, minus those that point at a contact `user` may not see and those
    whose outcome or source (contact, output, activity or earlier outcome) is in the bin."""
    queryset = ContributionLink.objects.all() if queryset is None else queryset
    return queryset.filter(
        # Exists, not `contact__in`: the latter makes the database build the whole visible set.
        Q(contact__isnull=True) | Exists(visible_contacts(user).filter(pk=OuterRef("contact_id"))),
        outcome__deleted_at__isnull=True,
    ).exclude(
        Q(output__deleted_at__isnull=False) | Q(activity__deleted_at__isnull=False)
        | Q(source_outcome__deleted_at__isnull=False)
    )


# Deleted records, for the bin: one entry per kind of record that can be deleted.
BIN_KINDS = {
    "contact": (Contact, lambda user: Contact.all_objects.visible_to(user)),
    "activity": (Activity, lambda user: Activity.all_objects.all()),
    "output": (Output, lambda user: Output.all_objects.all()),
    "outcome": (Outcome, lambda user: Outcome.all_objects.all()),
    # A claim of an outcome in the bin goes and comes back with its outcome.
    "claim": (ContributionClaim,
              lambda user: ContributionClaim.all_objects.filter(outcome__deleted_at__isnull=True)),
}


def get_record_for_user(user, kind, pk, *, deleted=False):
    """A contact, activity, output or outcome by kind and pk, alive (default) or in the bin."""
    if kind not in BIN_KINDS:
        raise Http404
    _model, queryset = BIN_KINDS[kind]
    records = queryset(user)
    records = records.deleted() if deleted else records.alive()
    return get_object_or_404(records, pk=pk)


# Evidence and contribution links (the outcome pathway).

def get_evidence_for_user(user, pk) -> Evidence:
    """An evidence item of an outcome that is not in the bin."""
    return get_object_or_404(
        Evidence.objects.filter(outcome__deleted_at__isnull=True).select_related("outcome"), pk=pk)


def get_contribution_for_user(user, pk) -> ContributionLink:
    """A contribution link `user` may see (404 for one whose contact is confidential to them)."""
    return get_object_or_404(visible_contributions(user).select_related("outcome"), pk=pk)


CONTRIBUTING_KINDS = {
    "contact": get_contact_for_user,
    "output": get_output_for_user,
    "activity": get_activity_for_user,
}


def get_contributing_record_for_user(user, kind, pk):
    """The contact, output or activity whose page offers "link to an outcome"."""
    if kind not in CONTRIBUTING_KINDS:
        raise Http404
    return CONTRIBUTING_KINDS[kind](user, pk)
# Contribution claims (issue 4): a claim is visible while it and its outcome are not in the bin.

def visible_claims(user):
    return ContributionClaim.objects.filter(outcome__deleted_at__isnull=True)


def get_claim_for_user(user, pk):
    return get_object_or_404(
        visible_claims(user).select_related("outcome", "created_by", "updated_by"), pk=pk)


def get_claim_evidence_for_user(user, claim, pk):
    """An assessed evidence item of `claim` (a pk from another claim is a 404)."""
    return get_object_or_404(claim.evidence_items.select_related("evidence"), pk=pk)
