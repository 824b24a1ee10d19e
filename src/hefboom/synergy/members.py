"""How member organisations and coalitions take part (EV.5): their joint activities,
co-authored outputs and joint contacts, the dossiers of those, and the outcomes they
contributed to, per year.

The joint records are read from the partner tables of contacts, outputs and activities in a
fixed number of queries; contacts only as `Contact.objects.visible_to(user)` lets them through,
and outcomes only through `core.access.visible_contributions`.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.text import Truncator

from hefboom.actors.models import Membership
from hefboom.core.access import visible_contributions
from hefboom.monitoring.models import Confidentiality, Contact
from hefboom.strategy.models import Dossier, Service
from hefboom.synergy.selectors import KINDS, MODELS

RECORD_CAP = 100  # records of each kind listed on a member's page
TITLE_FIELD = {"contact": "summary", "output": "title", "activity": "title"}


@dataclass
class JointRecord:
    kind: str
    pk: int
    date: dt.date
    organisation_id: int
    title: str = ""
    confidential: bool = False
    dossier_ids: list = field(default_factory=list)
    service_ids: list = field(default_factory=list)

    @property
    def url(self) -> str:
        return reverse(f"monitoring:{self.kind}", args=[self.pk])


def _partner_rows(user, kind, organisation_ids):
    """The partner table of `kind`, for records alive and visible to `user`."""
    model = MODELS[kind]
    rows = model.partners.through.objects.all()
    if kind == "contact":
        # Exists, not `contact_id__in`: the latter makes the database build the whole visible set.
        rows = rows.filter(Exists(Contact.objects.visible_to(user).filter(pk=OuterRef("contact_id"))))
    else:
        rows = rows.filter(**{f"{kind}__deleted_at__isnull": True})
    if organisation_ids is not None:
        rows = rows.filter(organisation_id__in=organisation_ids)
    return rows


def joint_records(user, organisation_ids=None, *, details=False,
                  services=True) -> list[JointRecord]:
    """One `JointRecord` per partner and record (a record with two partners is there twice),
    newest first. With `details`, titles (a contact's summary), dossiers and services too
    (without `services`, the caller reads them for the records it shows: `add_services`)."""
    result, services_too = [], services
    for kind in KINDS:
        owner = f"{kind}_id"
        rows = _partner_rows(user, kind, organisation_ids)
        names = [owner, f"{kind}__date", "organisation_id"]
        if details:
            names.append(f"{kind}__{TITLE_FIELD[kind]}")
            if kind == "contact":
                names.append("contact__confidentiality")
        # The dossiers in the same pass (a row per record and dossier): a second query over
        # `owner__in` the partner rows would check their visibility again.
        records = {}
        for values in rows.values_list(*names, f"{kind}__dossiers"):
            key = (values[0], values[2])
            record = records.get(key)
            if record is None:
                record = records[key] = JointRecord(kind, values[0], values[1], values[2])
                if details:
                    record.title = values[3]
                    record.confidential = (kind == "contact"
                                           and values[4] == Confidentiality.CONFIDENTIAL)
            if values[-1] is not None:
                record.dossier_ids.append(values[-1])
        records = list(records.values())
        model = MODELS[kind]
        ids = rows.values(owner)
        services = defaultdict(list)
        if details and services_too:
            for pk, service_id in model.services.through.objects.filter(
                    **{f"{owner}__in": ids}).values_list(owner, "service_id"):
                services[pk].append(service_id)
        for record in records:
            record.service_ids = services.get(record.pk, [])
        result += records
    result.sort(key=lambda r: (r.date, r.pk), reverse=True)
    return result


def add_services(records_by_kind):
    """Fill `service_ids` of the records ({kind: [JointRecord]}, a page's worth): one query
    per kind, over those records only."""
    for kind, records in records_by_kind.items():
        owner = f"{kind}_id"
        # Never an empty list, so that the query (and the page's query count) is always there.
        pks = {record.pk for record in records} or {0}
        services = defaultdict(list)
        for pk, service_id in MODELS[kind].services.through.objects.filter(
                **{f"{owner}__in": sorted(pks)}).values_list(owner, "service_id"):
            services[pk].append(service_id)
        for record in records:
            record.service_ids = services.get(record.pk, [])


def contributed_outcomes(user, organisation_ids=None) -> dict:
    """{organisation pk: {outcome pk: (pk, date, title)}}: outcomes that a joint record of the
    organisation (a contact, output or activity naming it as partner), or the organisation
    itself (a direct partner link), contributed to, as `user` may see the links. Four queries:
    the visible links joined to each partner table, and the direct links."""
    result = defaultdict(dict)
    fields = ("outcome_id", "outcome__date", "outcome__title")
    for kind in KINDS:
        links = visible_contributions(user)
        if organisation_ids is None:
            links = links.filter(**{f"{kind}__partners__isnull": False})
        else:
            links = links.filter(**{f"{kind}__partners__in": organisation_ids})
        for partner, outcome_id, day, title in links.values_list(
                f"{kind}__partners", *fields).distinct().order_by():
            if organisation_ids is None or partner in organisation_ids:
                result[partner][outcome_id] = (outcome_id, day, title)
    members = (Membership.objects.values("organisation_id") if organisation_ids is None
               else organisation_ids)
    for organisation_id, outcome_id, day, title in visible_contributions(user).filter(
            organisation_id__in=members).values_list("organisation_id", *fields):
        result[organisation_id][outcome_id] = (outcome_id, day, title)
    return result


# The list of members.

@dataclass
class MemberRow:
    organisation: object
    memberships: list
    activities: int = 0
    outputs: int = 0
    contacts: int = 0
    outcomes: int = 0
    dossiers: int = 0
    last: dt.date | None = None


def members(user, *, kind=None, year=None) -> list[MemberRow]:
    """Every organisation with a membership (of `kind`), with its joint work (in `year`).
    One query per kind of record and four over the links (one per partner table, and the
    direct links), whatever the number of members or records."""
    memberships = Membership.objects.select_related("organisation").order_by(
        "organisation__name", "organisation_id", "start_date")
    if kind:
        memberships = memberships.filter(
            organisation__in=Membership.objects.filter(kind=kind).values("organisation_id"))
    rows = {}
    for membership in memberships:
        row = rows.setdefault(membership.organisation_id,
                              MemberRow(membership.organisation, []))
        row.memberships.append(membership)
    period = (dt.date(year, 1, 1), dt.date(year, 12, 31)) if year else None

    member_ids = list(rows) or [0]  # never empty, so that every query always runs

    dossiers, outcomes = defaultdict(set), defaultdict(set)
    for record_kind in KINDS:
        # Every row (the partner tables hold few others): narrowing to the members' ids makes
        # SQLite walk the organisation index and look up each record, twice as slow.
        records = _partner_rows(user, record_kind, None)
        if period:
            records = records.filter(**{f"{record_kind}__date__range": period})
        # One pass over the partner table (with each record's date and dossiers) gives the
        # counts, the last date and the dossiers.
        counted = defaultdict(set)
        for organisation_id, pk, day, dossier_id in records.values_list(
                "organisation_id", f"{record_kind}_id", f"{record_kind}__date",
                f"{record_kind}__dossiers").order_by():
            row = rows.get(organisation_id)
            if row is None:
                continue
            counted[organisation_id].add(pk)
            dossiers[organisation_id].add(dossier_id)
            if row.last is None or day > row.last:
                row.last = day
        for organisation_id, pks in counted.items():
            setattr(rows[organisation_id], _plural(record_kind), len(pks))
    # Outcomes: per kind, the visible links joined to the members' rows of its partner table
    # (one partner table per query keeps the join small), then the members linked directly.
    for record_kind in KINDS:
        links = visible_contributions(user).filter(
            **{f"{record_kind}__partners__in": member_ids}).order_by()
        if period:
            links = links.filter(outcome__date__range=period)
        for organisation_id, outcome_id in links.values_list(
                f"{record_kind}__partners", "outcome_id").distinct():
            outcomes[organisation_id].add(outcome_id)
    direct = visible_contributions(user).filter(organisation_id__in=member_ids).order_by()
    if period:
        direct = direct.filter(outcome__date__range=period)
    for organisation_id, outcome_id in direct.values_list("organisation_id", "outcome_id"):
        outcomes[organisation_id].add(outcome_id)
    for organisation_id, row in rows.items():
        row.dossiers = len(dossiers.get(organisation_id, set()) - {None})
        row.outcomes = len(outcomes.get(organisation_id, ()))
    return list(rows.values())


def _plural(kind: str) -> str:
    return {"contact": "contacts", "output": "outputs", "activity": "activities"}[kind]


# One member's page.

@dataclass
class YearRow:
    year: int
    activities: int = 0
    outputs: int = 0
    contacts: int = 0
    outcomes: int = 0
    dossiers: list = field(default_factory=list)


@dataclass
class MemberDetail:
    organisation: object
    memberships: list
    years: list
    records: dict  # kind → [JointRecord], newest first, at most RECORD_CAP
    lines: dict  # kind → what the page lists of those records (`RecordLines.line`)
    counts: dict  # kind → number of records (in the year chosen)
    outcomes: list
    outcome_count: int
    dossiers: list
    year: int | None
    cap: int = RECORD_CAP


def member_detail(user, organisation, *, year=None) -> MemberDetail:
    memberships = list(organisation.memberships.order_by("start_date"))
    records = joint_records(user, [organisation.pk], details=True, services=False)
    outcomes = sorted(contributed_outcomes(user, [organisation.pk])
                      .get(organisation.pk, {}).values(), key=lambda o: (o[1], o[0]),
                      reverse=True)
    dossier_by_pk = {d.pk: d for d in Dossier.objects.select_related("theme")}
    services = {s.pk: str(s) for s in Service.objects.all()}

    years = {}
    for record in records:
        row = years.setdefault(record.date.year, YearRow(record.date.year))
        setattr(row, _plural(record.kind), getattr(row, _plural(record.kind)) + 1)
        row.dossiers.extend(record.dossier_ids)
    for _pk, day, _title in outcomes:
        years.setdefault(day.year, YearRow(day.year)).outcomes += 1
    for row in years.values():
        row.dossiers = sorted((dossier_by_pk[pk] for pk in set(row.dossiers)
                               if pk in dossier_by_pk), key=lambda d: d.name)

    chosen = [r for r in records if not year or r.date.year == year]
    by_kind = {kind: [r for r in chosen if r.kind == kind] for kind in KINDS}
    in_year = [o for o in outcomes if not year or o[1].year == year]
    all_dossiers = {pk for r in chosen for pk in r.dossier_ids}
    shown = {kind: items[:RECORD_CAP] for kind, items in by_kind.items()}
    add_services(shown)
    lines = RecordLines(dossier_by_pk, services)
    return MemberDetail(
        organisation=organisation, memberships=memberships,
        years=[years[y] for y in sorted(years)],
        records=shown,
        lines={kind: [lines.line(record) for record in items] for kind, items in shown.items()},
        counts={kind: len(items) for kind, items in by_kind.items()},
        outcomes=in_year[:RECORD_CAP], outcome_count=len(in_year),
        dossiers=sorted((dossier_by_pk[pk] for pk in all_dossiers if pk in dossier_by_pk),
                        key=lambda d: d.name),
        year=year,
    )


class RecordLines:
    """What the member page lists of a record, as plain values for the template's loop (a
    dict: a template reads its keys faster than attributes): the page lists up to 300
    records. The record URLs are reversed once per kind (with a placeholder)."""

    PLACEHOLDER = 999999999
    TITLE_LENGTH = 120

    def __init__(self, dossier_by_pk: dict, services: dict):
        self.dossier_by_pk = dossier_by_pk
        self.services = services
        self.urls = {}

    def url(self, record) -> str:
        if record.kind not in self.urls:
            self.urls[record.kind] = reverse(
                f"monitoring:{record.kind}", args=[self.PLACEHOLDER]).split(str(self.PLACEHOLDER))
        prefix, suffix = self.urls[record.kind]
        return f"{prefix}{record.pk}{suffix}"

    def line(self, record) -> dict:
        title = record.title
        if len(title) > self.TITLE_LENGTH:  # as `truncatechars`
            title = Truncator(title).chars(self.TITLE_LENGTH)
        return {
            "date": record.date.isoformat(), "url": self.url(record), "title": title,
            "confidential": record.confidential,
            "services": ", ".join(self.services[pk] for pk in record.service_ids
                                  if pk in self.services),
            "dossiers": ", ".join(sorted(self.dossier_by_pk[pk].name for pk in record.dossier_ids
                                         if pk in self.dossier_by_pk)),
        }
