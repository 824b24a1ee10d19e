"""Writes of roles, memberships and persons: adding and ending a role or a membership, and
merging a duplicate person.

Each runs in one transaction and validates through the model (`PersonRole.clean`), so the forms,
the admin and the demo loader refuse the same overlapping roles with the same message.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from hefboom.actors.models import Membership, Person, PersonMerge, PersonRole
from hefboom.actors.signals import persons_merged
from hefboom.core.access import require_record_editor
from hefboom.core.actions import save_record
from hefboom.learning.models import Narrative, NarrativeReference
from hefboom.learning.references import Kind, token
from hefboom.monitoring.models import Contact, Outcome

# Fields of the duplicate that fill the same field of the person kept when that one is empty.
FILLED_FIELDS = ("first_name", "email", "phone")


def add_role(user, role: PersonRole) -> PersonRole:
    """Record a person's function in an organisation (refused when it overlaps an impossible
    way with a role already recorded, see `PersonRole.clean`)."""
    require_record_editor(user)
    return save_record(role, user)


def end_role(user, role: PersonRole, end_date, *, expected_version=None) -> PersonRole:
    """End a role on `end_date` (a minister leaves): contacts before it keep this role."""
    require_record_editor(user)
    return _end(user, role, end_date, _("This role already ended on %(day)s."),
                expected_version=expected_version)


def _end(user, span, end_date, already_ended: str, *, expected_version=None):
    """End a dated span (a role, a membership) on `end_date`: refused with `already_ended`
    (naming the day as `%(day)s`) when it ended before that day already."""
    if span.end_date is not None and span.end_date < end_date:
        raise ValidationError({"end_date": already_ended % {"day": span.end_date}})
    span.end_date = end_date
    return save_record(span, user, expected_version=expected_version)


def require_membership_editor(user) -> None:
    """Memberships say who counts as a partner on a date: the M&E officer and administrators
    keep them."""
    if not user.can_edit_strategy:
        raise PermissionDenied(_("Only the M&E officer or an administrator can change "
                                 "memberships."))


def add_membership(user, membership: Membership) -> Membership:
    """Record that an organisation is a member organisation, or a coalition we take part in,
    from a date (refused when it overlaps another membership of it, see `Membership.clean`)."""
    require_membership_editor(user)
    return save_record(membership, user)


def change_membership(user, membership: Membership, *, expected_version=None) -> Membership:
    """Correct a membership's kind, dates or notes. Records already naming the organisation as
    partner are not re-checked (their own next save is)."""
    require_membership_editor(user)
    return save_record(membership, user, expected_version=expected_version)


def end_membership(user, membership: Membership, end_date, *,
                   expected_version=None) -> Membership:
    """End a membership on `end_date` (an organisation leaves, a coalition is wound up)."""
    require_membership_editor(user)
    return _end(user, membership, end_date, _("This membership already ended on %(day)s."),
                expected_version=expected_version)


def _role_key(role):
    return (role.organisation_id, role.title.strip().lower(), role.start_date, role.end_date)


def merge_preview(duplicate: Person, into: Person, contacts=None) -> dict:
    """What `merge_persons` would move, for the confirmation step. `contacts` is the queryset of
    contacts the reader may see (a confidential contact is then neither shown nor counted)."""
    kept = {_role_key(r) for r in into.roles.all()}
    roles = list(duplicate.roles.select_related("organisation"))
    contacts = Contact.objects if contacts is None else contacts
    return {
        "roles": [r for r in roles if _role_key(r) not in kept],
        "dropped_roles": [r for r in roles if _role_key(r) in kept],
        "contacts": contacts.filter(persons=duplicate).exclude(persons=into).count(),
        "outcomes": Outcome.objects.filter(social_actor_persons=duplicate)
                                   .exclude(social_actor_persons=into).count(),
        "fields": [(Person._meta.get_field(f).verbose_name, getattr(duplicate, f))
                   for f in FILLED_FIELDS if getattr(duplicate, f) and not getattr(into, f)],
        "user": duplicate.user if duplicate.user_id and not into.user_id else None,
    }


def _refusal(duplicate: Person, into: Person) -> str | None:
    if duplicate.pk == into.pk:
        return _("A person cannot be merged into themself: choose the duplicate record.")
    if duplicate.erased_at or into.erased_at:
        return _("%(person)s was erased on request and cannot take part in a merge.") % {
            "person": duplicate if duplicate.erased_at else into}
    if duplicate.user_id and into.user_id:
        return _("Both %(duplicate)s and %(into)s are linked to a Hefboom user; unlink one of "
                 "them first.") % {"duplicate": duplicate, "into": into}
    return None


@transaction.atomic
def merge_persons(duplicate: Person, into: Person, user) -> PersonMerge:
    """Merge `duplicate` into `into`: its roles (exact duplicates dropped), contact and outcome
    links, user link, empty fields and notes move; a `PersonMerge` row and a new version of
    `into` record it; the duplicate is deleted (its change history keeps its name).
    Refused, with nothing changed, for the same person, an erased person or two users."""
    require_record_editor(user)
    # Lock both rows, and read them fresh: the forms may hold stale copies.
    locked = {p.pk: p for p in Person.objects.select_for_update().filter(
        pk__in=[duplicate.pk, into.pk])}
    duplicate, into = locked.get(duplicate.pk, duplicate), locked.get(into.pk, into)
    refusal = _refusal(duplicate, into)
    if refusal:
        raise ValidationError(refusal)

    moved = {"roles": 0, "roles_dropped": 0, "contacts": 0, "outcomes": 0, "narratives": 0,
             "fields": [], "user": False, "notes": False}
    kept = {_role_key(r) for r in into.roles.all()}
    for role in duplicate.roles.all():
        if _role_key(role) in kept:
            role.delete()
            moved["roles_dropped"] += 1
            continue
        role.person = into
        try:
            save_record(role, user)
        except ValidationError as exc:
            raise ValidationError(_("The role “%(title)s” (%(period)s) cannot move: %(reason)s")
                                  % {"title": role.title, "period": role.period,
                                     "reason": " ".join(exc.messages)}) from exc
        moved["roles"] += 1

    contact_ids = list(Contact.persons.through.objects.filter(person_id=duplicate.pk)
                       .values_list("contact_id", flat=True))
    moved["contacts"] = _move_links(Contact.persons.through, "contact_id", duplicate, into)
    persons_merged.send(sender=Person, duplicate=duplicate, into=into, contact_ids=contact_ids)
    moved["outcomes"] = _move_links(Outcome.social_actor_persons.through, "outcome_id",
                                    duplicate, into)
    moved["narratives"] = _move_narrative_references(duplicate, into)

    for name in FILLED_FIELDS:
        if getattr(duplicate, name) and not getattr(into, name):
            setattr(into, name, getattr(duplicate, name))
            moved["fields"].append(name)
    if duplicate.notes.strip() and duplicate.notes.strip() not in into.notes:
        into.notes = "\n\n".join(n for n in [into.notes.strip(), duplicate.notes.strip()] if n)
        moved["notes"] = True
    into.is_public_figure = into.is_public_figure or duplicate.is_public_figure
    if duplicate.user_id and not into.user_id:
        user_link = duplicate.user
        Person.objects.filter(pk=duplicate.pk).update(user=None)  # one person per user
        into.user = user_link
        moved["user"] = True

    merge = PersonMerge.objects.create(into=into, merged_name=str(duplicate),
                                       merged_id=duplicate.pk, merged_by=user, moved=moved)
    into._change_reason = f"merged {str(duplicate)[:60]} (#{duplicate.pk})"
    save_record(into, user)
    duplicate.delete()
    return merge


def _move_links(through, record_field: str, duplicate: Person, into: Person) -> int:
    """Point the duplicate's links (contacts or outcomes) at `into`; a record that already names
    both keeps one link. The records themselves are unchanged, so no locked year refuses it."""
    links = through.objects.filter(person_id=duplicate.pk)
    both = through.objects.filter(person_id=into.pk).values(record_field)
    links.filter(**{f"{record_field}__in": both}).delete()
    return links.update(person_id=into.pk)


def _move_narrative_references(duplicate: Person, into: Person) -> int:
    """Narratives that cite the duplicate (`[@person:ID]`) cite the kept person instead, so the
    reference does not turn into an unavailable record. The narrative's text is rewritten in
    place, like the links above, without a new version."""
    old, new = token(Kind.PERSON.value, duplicate.pk), token(Kind.PERSON.value, into.pk)
    references = NarrativeReference.objects.filter(kind=Kind.PERSON, object_id=duplicate.pk)
    narratives = list(Narrative.objects.filter(references__in=references).distinct())
    for narrative in narratives:
        Narrative.objects.filter(pk=narrative.pk).update(text=narrative.text.replace(old, new))
    already = NarrativeReference.objects.filter(kind=Kind.PERSON, object_id=into.pk)
    references.filter(narrative__in=already.values("narrative")).delete()
    references.update(object_id=into.pk)
    return len(narratives)
