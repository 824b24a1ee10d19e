"""Every searchable kind of record, registered in one place: monitoring (contacts, activities,
outputs, outcomes, evidence, contribution claims), actors and the learning app's narratives."""

from django.utils.translation import gettext_lazy as _

from hefboom.search.registry import register


def _evidence_url(evidence) -> str:
    return f"{evidence.outcome.get_absolute_url()}#evidence-{evidence.pk}"


def _follow_up_url(follow_up) -> str:
    return f"{follow_up.contact.get_absolute_url()}#follow-up-{follow_up.pk}"


def register_core_records() -> None:
    from hefboom.actors.models import Organisation, Person
    from hefboom.learning.models import Narrative
    from hefboom.monitoring.models import (
        Activity,
        Contact,
        ContributionClaim,
        Evidence,
        FollowUp,
        Outcome,
        Output,
    )

    register(Contact, kind="contact", label=_("Contact"),
             fields=("summary", "arguments", "their_position"),
             confidential_contact=lambda contact: contact.pk if contact.is_confidential else None,
             queryset=lambda: Contact.objects.all(),
             # A follow-up leaves the index with its contact (bin) and follows its confidentiality.
             dependents=("follow_ups",))
    register(FollowUp, kind="follow_up", label=_("Follow-up"), fields=("description",),
             url=_follow_up_url, date=lambda follow_up: follow_up.contact.date,
             alive=lambda follow_up: follow_up.contact.deleted_at is None,
             confidential_contact=lambda follow_up: (
                 follow_up.contact_id if follow_up.contact.is_confidential else None),
             queryset=lambda: FollowUp.objects.select_related("contact"))
    register(Activity, kind="activity", label=_("Activity"), fields=("description",))
    register(Output, kind="output", label=_("Output"),
             fields=("description", "full_text"))
    register(Outcome, kind="outcome", label=_("Outcome"),
             fields=("description", "significance", "contribution"), title="title",
             dependents=("evidence", "claims"))
    register(Evidence, kind="evidence", label=_("Evidence"), fields=("reference", "quote"),
             url=_evidence_url,
             # Evidence of an outcome in the bin is not found either.
             alive=lambda evidence: evidence.outcome.deleted_at is None,
             queryset=lambda: Evidence.objects.select_related("outcome"))
    register(Person, kind="person", label=_("Person"), fields=(), date=None)
    register(Organisation, kind="organisation", label=_("Organisation"),
             fields=("name", "short_name"), date=None)
    register(ContributionClaim, kind="claim", label=_("Contribution claim"),
             fields=("statement", "story", "alternatives"), title="statement",
             date=lambda claim: claim.outcome.date,
             # A claim on an outcome in the bin is not found either.
             alive=lambda claim: claim.deleted_at is None and claim.outcome.deleted_at is None,
             queryset=lambda: ContributionClaim.objects.select_related("outcome"))
    register(Narrative, kind="narrative", label=_("Narrative"), fields=("text",), title="title",
             date="period_end")
