"""Who knows whom, and the bus factor: key contacts that only one staff member knows.

A *key contact* of a dossier is a person who took part in one of the dossier's contacts in the
last N months (default 24). A staff member *knows* a person when they took part in a contact
with that person, in any dossier, in the same N months, and their account is active: a
deactivated user (someone who left) knows nobody any more. A key contact known by one active
staff member is flagged; one known by none (only by people who left) more so.
Only contacts the reader may see count (`Contact.objects.visible_to`).
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Max
from django.utils import formats, timezone
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from hefboom.accounts.models import User
from hefboom.actors.models import Organisation, Person, PersonRole
from hefboom.core.access import visible_contacts
from hefboom.monitoring.models import Contact
from hefboom.network.selectors import id_list
from hefboom.strategy.models import Dossier

DEFAULT_MONTHS = 24
MAX_MONTHS = 240


def months_ago(day: dt.date, months: int) -> dt.date:
    """The same day `months` months earlier (the month's last day when it is shorter)."""
    month = day.month - 1 - months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def parse_months(value) -> int:
    """The window in months from a query string: default when missing or not a number."""
    try:
        months = int(value)
    except (TypeError, ValueError):
        return DEFAULT_MONTHS
    return min(max(months, 1), MAX_MONTHS)


def render_knowers(knowers) -> SafeString:
    """"Name (contacts), Name (contacts)": what the template wrote with a loop, joined here. A
    dossier's page lists thousands of (staff member, number) pairs; a template loop renders
    each value through the template engine, the slowest part of the page. Each staff member's
    escaped name is worked out once per instance (the instances are shared by `who_knows`)."""
    parts = []
    for user, n, _last in knowers:
        label = user.__dict__.get("_network_label")
        if label is None:
            label = user.__dict__["_network_label"] = conditional_escape(str(user))
        number = formats.localize(n) if settings.USE_THOUSAND_SEPARATOR else str(n)
        parts.append(f"{label} ({number})")
    return mark_safe(", ".join(parts))  # noqa: S308 - each name is escaped, n is a number


class Known:
    """What the pages ask of a key person or organisation about the staff who know them
    (`knowers`: [(user, contacts, last)], active users only)."""

    @property
    def known_by_one(self) -> bool:
        return len(self.knowers) == 1

    @property
    def known_by_none(self) -> bool:
        return not self.knowers

    @property
    def knowers_html(self) -> SafeString:
        return render_knowers(self.knowers)


@dataclass
class KeyContact(Known):
    person: Person
    contacts: int  # in the dossier (or, in a hand-over, with the staff member), in the window
    last: dt.date
    knowers: list = field(default_factory=list)  # [(user, contacts, last)], active users only

    @property
    def actor(self):
        return self.person

    @property
    def current_role(self):
        """The person's latest role held today (read by `persons_with_roles`), or None."""
        today = timezone.localdate()
        roles = getattr(self.person, "network_roles", None)
        for role in self.person.roles.all() if roles is None else roles:
            if role.is_held_on(today):
                return role
        return None


def window_contacts(user, months, today=None):
    since = months_ago(today or timezone.localdate(), months)
    return visible_contacts(user).filter(date__gte=since), since


ACTOR_FIELDS = {"persons": "person_id", "organisations": "organisation_id"}


def who_knows(contacts, actors="persons") -> dict[int, list]:
    """{person (or organisation) id: [(user, contacts, last date)]}: active staff members who
    took part in `contacts` with each person (`actors="organisations"`: each organisation),
    most contacts first. Two queries.

    It groups every contact of the window at once: restricting it to some persons (a list or
    a subquery) makes SQLite drive the join from the persons and takes seconds, not 0.2.
    """
    key = ACTOR_FIELDS[actors]
    rows = getattr(Contact, actors).through.objects.filter(
        contact__in=contacts.values("pk"), contact__our_participants__is_active=True)
    rows = list(
        rows.values(key, "contact__our_participants")
        .annotate(n=Count("contact_id"), last=Max("contact__date"))
        .order_by(key, "-n", "-last")
    )
    users = User.objects.in_bulk({row["contact__our_participants"] for row in rows})
    known = defaultdict(list)
    for row in rows:
        known[row[key]].append((users[row["contact__our_participants"]], row["n"], row["last"]))
    return known


def persons_with_roles(ids):
    """{id: person}, each with `network_roles`: their roles, latest start first, with the
    organisation (two queries; a prefetch would make a queryset per person and an organisation
    instance per role, thousands of objects on a dossier's page)."""
    persons = Person.objects.in_bulk(ids)
    for person in persons.values():
        person.network_roles = []
    if persons:
        organisations = {}
        for role in PersonRole.objects.filter(person_id__in=id_list(persons)).select_related(
                "organisation"):
            role.organisation = organisations.setdefault(role.organisation_id, role.organisation)
            persons[role.person_id].network_roles.append(role)
    return persons


def ranked(key_contacts):
    """Flagged first (known by nobody active, then by one), then the most contacts."""
    return sorted(key_contacts, key=lambda k: (min(len(k.knowers), 2), -k.contacts, str(k.actor)))


@dataclass
class KeyOrganisation(Known):
    """An organisation met in a dossier's contacts (a cabinet, a party...), and who knows it."""

    organisation: Organisation
    contacts: int
    last: dt.date
    knowers: list = field(default_factory=list)

    @property
    def actor(self):
        return self.organisation


@dataclass
class DossierNetwork:
    dossier: Dossier
    months: int
    since: dt.date
    key_contacts: list[KeyContact]
    key_organisations: list[KeyOrganisation] = field(default_factory=list)

    @property
    def flagged(self) -> list[KeyContact]:
        return [k for k in self.key_contacts if len(k.knowers) <= 1]

    @property
    def flagged_organisations(self) -> list[KeyOrganisation]:
        return [k for k in self.key_organisations if len(k.knowers) <= 1]


def dossier_network(user, dossier, months=DEFAULT_MONTHS) -> DossierNetwork:
    contacts, since = window_contacts(user, months)
    in_dossier = Contact.persons.through.objects.filter(
        contact__in=contacts.filter(dossiers=dossier).values("pk"))
    rows = list(in_dossier.values("person_id").annotate(n=Count("contact_id"),
                                                        last=Max("contact__date")))
    known = who_knows(contacts)
    persons = persons_with_roles([row["person_id"] for row in rows])
    # The organisations met in the dossier (a cabinet, a party), with the same rule.
    organisation_rows = list(
        Contact.organisations.through.objects.filter(
            contact__in=contacts.filter(dossiers=dossier).values("pk"))
        .values("organisation_id").annotate(n=Count("contact_id"), last=Max("contact__date")))
    known_organisations = who_knows(contacts, "organisations")
    organisations = Organisation.objects.in_bulk(
        [row["organisation_id"] for row in organisation_rows])
    return DossierNetwork(dossier, months, since, ranked(
        KeyContact(persons[row["person_id"]], row["n"], row["last"], known.get(row["person_id"], []))
        for row in rows
    ), ranked(
        KeyOrganisation(organisations[row["organisation_id"]], row["n"], row["last"],
                        known_organisations.get(row["organisation_id"], []))
        for row in organisation_rows
    ))


@dataclass
class KnownCounts:
    """How many key contacts (persons, or organisations) a dossier has, and how many of them
    one active staff member knows, or none."""

    key: int = 0
    known_by_one: int = 0
    known_by_none: int = 0


@dataclass
class DossierSummary:
    dossier: Dossier
    persons: KnownCounts = field(default_factory=KnownCounts)
    organisations: KnownCounts = field(default_factory=KnownCounts)


@dataclass
class Overview:
    months: int
    since: dt.date
    dossiers: list[DossierSummary]
    sole_knowers: list  # [(user, key persons only they know, key organisations)], most first


def overview(user, months=DEFAULT_MONTHS) -> Overview:
    """Per dossier, its key contacts (persons, and organisations apart) and how many of them one
    (or no) active staff member knows; per staff member, how many only they know. Five
    queries, whatever the size.

    It needs only *which* active staff members know an actor, not how often: one query per
    kind of actor reads the distinct (dossier, actor, participant) triples of the window, where
    two (the dossier's pairs, then `who_knows`) each went over every contact of the window."""
    contacts, since = window_contacts(user, months)
    dossiers = Dossier.objects.select_related("theme__programme").order_by(
        "theme__programme__name", "theme__name", "name")
    summaries = {d.pk: DossierSummary(d) for d in dossiers}
    sole = defaultdict(lambda: {"persons": set(), "organisations": set()})
    for actors, key in ACTOR_FIELDS.items():
        rows = list(
            getattr(Contact, actors).through.objects.filter(contact__in=contacts.values("pk"))
            .values_list("contact__dossiers", key, "contact__our_participants",
                         "contact__our_participants__is_active").distinct()
        )
        known = defaultdict(set)  # actor id: ids of the active staff who met them
        pairs = set()
        for dossier_id, actor_id, user_id, is_active in rows:
            pairs.add((dossier_id, actor_id))
            if is_active:
                known[actor_id].add(user_id)
        for dossier_id, actor_id in pairs:
            if dossier_id not in summaries:
                continue
            counts = getattr(summaries[dossier_id], actors)
            knowers = known.get(actor_id, ())
            counts.key += 1
            if not knowers:
                counts.known_by_none += 1
            elif len(knowers) == 1:
                counts.known_by_one += 1
                sole[next(iter(knowers))][actors].add(actor_id)
    users = {u.pk: u for u in User.objects.filter(pk__in=id_list(sole))}  # always one query
    by_count = sorted(
        ((users[pk], len(only["persons"]), len(only["organisations"]))
         for pk, only in sole.items()),
        key=lambda row: (-row[1] - row[2], str(row[0])))
    return Overview(months, since, list(summaries.values()), by_count)
