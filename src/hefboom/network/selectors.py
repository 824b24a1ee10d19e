"""What a briefing shows about a person or organisation, read with a fixed number of queries.

Every contact goes through `Contact.objects.visible_to(user)`: a confidential contact the
reader did not take part in adds nothing (no interaction, position, follow-up or "who knows
them" count). An organisation's briefing covers the organisation, its parts (two levels down:
a party's group and research service) and the persons who held a role in one of them *on the
date of the contact or outcome*: a minister met after leaving the cabinet is not the cabinet.
"""

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import BooleanField, Case, F, Q, When
from django.db.models.expressions import RawSQL
from django.utils import timezone

from hefboom.accounts.models import User
from hefboom.actors.models import Organisation, Person, PersonRole
from hefboom.core.access import visible_contacts
from hefboom.monitoring.models import Contact, FollowUp, Outcome

PAGE_SIZE = 50  # interactions per page of a briefing
LATEST = 20  # positions and outcomes shown; the rest are counted
FOLLOW_UPS = 50  # open follow-ups shown


@dataclass
class Knower:
    """A staff member who took part in contacts with the subject."""

    user: User
    contacts: int
    last: date

    @property
    def is_active(self) -> bool:
        return self.user.is_active


@dataclass
class Briefing:
    subject: object  # Person or Organisation
    kind: str  # "person" or "organisation"
    roles: list
    years: list  # [(year, number of contacts)], newest first
    contact_count: int
    page: object  # a Paginator page of contacts
    order: str  # "newest" or "oldest"
    year: int | None
    positions: list
    position_count: int
    outcomes: list
    outcome_count: int
    follow_ups: list
    more_follow_ups: bool
    knowers: list[Knower]
    parts: list = field(default_factory=list)  # an organisation's parts included
    today: date = field(default_factory=timezone.localdate)


def _with_participants(contacts, relations) -> None:
    """Set `contact.shown_<relation>` (a list, in the related model's order) on each contact:
    one query a relation, and one instance per person, organisation or user however many of
    the contacts they took part in. A prefetch would make a queryset per contact and an
    instance per row, thousands of objects per page that the garbage collector then walks
    (its full collections were the slow tail of the briefing)."""
    by_id = {contact.pk: contact for contact in contacts}
    for relation in relations:
        for contact in by_id.values():
            setattr(contact, f"shown_{relation}", [])
        if not by_id:
            continue
        field = Contact._meta.get_field(relation)
        name = field.related_query_name()
        shared = {}
        rows = field.related_model.objects.filter(**{f"{name}__in": list(by_id)}).annotate(
            shown_in=F(name))
        for row in rows:
            getattr(by_id[row.shown_in], f"shown_{relation}").append(
                shared.setdefault(row.pk, row))


def _shared(records, *relations) -> list:
    """The records, each related organisation (or government...) one instance however many
    records name it: fewer objects kept for the garbage collector to walk."""
    records, seen = list(records), {}
    for record in records:
        for relation in relations:
            related = getattr(record, relation)
            if related is not None:
                setattr(record, relation, seen.setdefault((relation, related.pk), related))
    return records


def _current_first(roles, today):
    """Roles held today first (latest start first), then past roles by their end, latest first."""

    def key(role):
        is_current = role.is_held_on(today)
        moment = role.start_date if is_current else role.end_date
        return (not is_current, -(moment.toordinal() if moment else 0))

    return sorted(roles, key=key)


def organisation_parts(organisation) -> list[Organisation]:
    """The organisation's parts, two levels down (a party, its group, the group's staff)."""
    return list(Organisation.objects.filter(
        Q(parent=organisation) | Q(parent__parent=organisation)).order_by("name"))


def person_contacts(user, person):
    return visible_contacts(user).filter(persons=person)


def organisation_contacts(user, organisation_ids):
    """Contacts with the organisations or with a person holding a role in one of them that day.

    The contacts are found from the organisations (indexed) as one `pk IN (... UNION ...)`
    subquery, not by a condition tested on each of the 100,000 contacts: written as two `IN`
    terms joined by OR, PostgreSQL scans every contact (60 ms instead of 3 on the dataset).
    """
    ids = _involving(Contact.organisations, Contact.persons, "contact", organisation_ids)
    return visible_contacts(user).filter(pk__in=ids)


def organisation_outcomes(organisation_ids):
    """Outcomes with the organisations as social actor, or a person holding a role in one of
    them on the outcome's date (one UNION subquery, as for contacts)."""
    ids = _involving(Outcome.social_actor_organisations, Outcome.social_actor_persons,
                     "outcome", organisation_ids)
    return Outcome.objects.filter(pk__in=ids)


def _involving(organisations, persons, record, organisation_ids):
    """The ids of records (contacts or outcomes, through their many-to-many `organisations` and
    `persons`) naming one of the organisations, or a person holding a role in one of them on the
    record's date: a `... UNION ...` subquery."""
    direct = organisations.through.objects.filter(
        organisation__in=organisation_ids).values(f"{record}_id")
    on_date = F(f"{record}__date")
    through_role = persons.through.objects.filter(
        Q(person__roles__start_date__isnull=True) | Q(person__roles__start_date__lte=on_date),
        Q(person__roles__end_date__isnull=True) | Q(person__roles__end_date__gte=on_date),
        person__roles__organisation__in=organisation_ids,
    ).values(f"{record}_id")
    return direct.union(through_role)


def id_list(ids) -> RawSQL:
    """`ids` as a subquery that is one parameter, for `field__in=id_list(ids)`: a JSON array
    read by `json_each` on SQLite, an array unnested on PostgreSQL. Unlike a Python list given
    to `__in` (one parameter per id), it keeps SQLite below its variable limit for a party with
    40,000 contacts and costs the database one parse, not one condition per id."""
    ids = [int(pk) for pk in ids]
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", (ids,))
    return RawSQL("SELECT value FROM json_each(%s)", (json.dumps(ids),))


def knowers_of(dated) -> list[Knower]:
    """Staff members who took part in the contacts `dated` ({contact id: date}), with their
    number and latest date, most recent first (two queries). The contacts' set is read once
    (by the caller); this reads only who took part in them."""
    counts, last = Counter(), {}
    pairs = Contact.our_participants.through.objects.filter(
        contact_id__in=id_list(dated)).values_list("contact_id", "user_id")
    for contact_id, user_id in pairs:
        day = dated[contact_id]
        counts[user_id] += 1
        if user_id not in last or day > last[user_id]:
            last[user_id] = day
    users = User.objects.in_bulk(list(counts))
    order = sorted(counts, key=lambda pk: (-last[pk].toordinal(), -counts[pk], pk))
    return [Knower(users[pk], counts[pk], last[pk]) for pk in order]


def briefing(user, subject, *, order="newest", year=None, page=None) -> Briefing:
    today = timezone.localdate()
    if isinstance(subject, Person):
        kind, parts = "person", []
        contacts = person_contacts(user, subject)
        roles = subject.roles.select_related("organisation", "government")
        outcomes = subject.outcomes.all()
    else:
        kind = "organisation"
        parts = organisation_parts(subject)
        scope = [subject.pk, *(part.pk for part in parts)]
        contacts = organisation_contacts(user, scope)
        roles = PersonRole.objects.filter(organisation__in=scope).select_related(
            "person", "organisation", "government")
        outcomes = organisation_outcomes(scope)

    # One pass reads the date of every contact (and whether it has a position); the year
    # counts, the page and the latest positions are cut from it, so the costly condition (a
    # party's role holders on each date) runs three times per page, not six.
    dated = list(contacts.order_by("-date", "-pk").annotate(
        has_position=Case(When(their_position="", then=False), default=True,
                          output_field=BooleanField()),
    ).values_list("pk", "date", "has_position"))
    years = sorted(Counter(day.year for _pk, day, _has in dated).items(), reverse=True)
    chosen = [pk for pk, day, _has in dated if not year or day.year == year]
    if order == "oldest":
        chosen.reverse()
    page = Paginator(chosen, PAGE_SIZE).get_page(page)
    with_position = [pk for pk, _day, has in dated if has]
    # The page's contacts and the latest positions are read together (one query), with who
    # took part: our staff, and on an organisation's briefing who else was there.
    shown_with = ("persons", "organisations") if kind == "organisation" else ()
    found = Contact.objects.in_bulk([*page.object_list, *with_position[:LATEST]])
    _with_participants(found.values(), ("our_participants", *shown_with))
    page.object_list = [found[pk] for pk in page.object_list if pk in found]
    positions = [found[pk] for pk in with_position[:LATEST] if pk in found]

    # The contacts' set is evaluated once (above); follow-ups and knowers read it as a list.
    dates = {pk: day for pk, day, _has in dated}
    # A follow-up shows its contact's date (known from `dates`) and link; owners are shared.
    open_follow_ups = (FollowUp.objects.open().filter(contact_id__in=id_list(dates))
                       .select_related("owner")
                       .order_by(F("due_date").asc(nulls_last=True), "pk"))
    follow_ups = list(open_follow_ups[:FOLLOW_UPS + 1])  # one more tells there are more
    owners = {}
    for follow_up in follow_ups:
        follow_up.owner = owners.setdefault(follow_up.owner_id, follow_up.owner)
        follow_up.contact_date = dates[follow_up.contact_id]
    return Briefing(
        subject=subject, kind=kind, parts=parts, today=today,
        roles=_current_first(_shared(roles, "organisation", "government"), today),
        years=years, contact_count=len(dated), page=page, order=order, year=year,
        positions=positions,
        position_count=len(with_position),
        outcomes=list(outcomes.order_by("-date", "-pk")[:LATEST]),
        outcome_count=outcomes.count(),
        follow_ups=follow_ups[:FOLLOW_UPS],
        more_follow_ups=len(follow_ups) > FOLLOW_UPS,
        knowers=knowers_of(dates),
    )
