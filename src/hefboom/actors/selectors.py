"""Who held which role when: the role a person had on a contact's date, and the holders of an
organisation's one-holder functions over time. One query for many persons, never one per row.
"""

from django.db.models import Exists, OuterRef

from hefboom.actors.models import Membership, Organisation, PersonRole, held_on


def partner_organisations():
    """Organisations that are or were a member organisation or a coalition of ours (any
    membership): what a record's `partners` field offers. Whether one was a partner on the
    record's date is the write check's job (`monitoring/partners.py`)."""
    return Organisation.objects.filter(
        Exists(Membership.objects.filter(organisation=OuterRef("pk"))))


def best_role(roles, day, organisation_ids=()):
    """Of `roles` (already fetched), the one to show for `day`: a role in one of the given
    organisations (the contact's) first, then a one-holder function, then the latest to start
    (on a hand-over day the newcomer). None when no role was held that day."""
    held = [r for r in roles if r.is_held_on(day)]
    if not held:
        return None
    organisation_ids = set(organisation_ids)
    return max(held, key=lambda r: (r.organisation_id in organisation_ids, r.single_holder,
                                    r.start_date or day.min))


def roles_at(persons, day, organisation_ids=()) -> dict:
    """{person pk: the role shown for that person on `day`} for all `persons`, in one query."""
    person_ids = [p.pk if hasattr(p, "pk") else p for p in persons]
    by_person: dict = {}
    for role in (PersonRole.objects.filter(held_on(day), person_id__in=person_ids)
                 .select_related("organisation", "government")):
        by_person.setdefault(role.person_id, []).append(role)
    return {pk: best_role(roles, day, organisation_ids) for pk, roles in by_person.items()}


def holders_over_time(organisation):
    """The roles of `organisation`'s one-holder functions (a minister, a party chair), oldest
    first, with their persons: enough to answer "who held it on day X" without more queries."""
    return list(organisation.roles.filter(single_holder=True)
                .select_related("person", "government").order_by("start_date", "pk"))


def holder_on(holder_roles, day):
    """Of `holders_over_time`, who held a one-holder function on `day` (the newcomer on a
    hand-over day)."""
    return best_role(holder_roles, day)
