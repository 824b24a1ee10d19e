"""The event layer behind the timelines: every dated record of a dossier, theme or boundary
partner as rows of one shape, filtered, counted and paged in SQL.

Each record type gives a queryset annotated with the same columns (`ev_date`, `ev_order`,
`ev_pk`, `ev_title`, `ev_detail`, `ev_extra`, `ev_parent`); the types are combined with
UNION ALL so that a whole page (counts per day, one page of events, the names on it) takes a
fixed handful of queries however many records there are. Contacts always come from
`visible_contacts(user)`, so a confidential contact is neither listed nor counted.
"""

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from django.db import connections
from django.db.models import CharField, Exists, F, IntegerField, OuterRef, Q, Value
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from hefboom.actors.models import Organisation
from hefboom.core.access import visible_contacts
from hefboom.monitoring.models import (
    Activity,
    ActivityType,
    ChangeType,
    Channel,
    Contact,
    ContributionLink,
    Evidence,
    EvidenceSource,
    Outcome,
    Output,
    OutputType,
    ProgressMarkerObservation,
    Rating,
)


@dataclass(frozen=True)
class Kind:
    """A record type on the timeline: how it is named, linked and described."""

    key: str
    label: str
    plural: str
    url_name: str
    choices: dict
    anchor: str = ""  # records without a page of their own link to an anchor on their parent's

    def url_maker(self):
        """A function from (pk, parent) to the record's URL: one reverse() for a whole page."""
        placeholder = 999999999
        pattern = reverse(self.url_name, args=[placeholder])
        if self.anchor:
            return lambda pk, parent: (pattern.replace(str(placeholder), str(parent))
                                       + f"#{self.anchor}-{pk}")
        return lambda pk, parent: pattern.replace(str(placeholder), str(pk))


KINDS = (
    Kind("contact", _("Contact"), _("Contacts"), "monitoring:contact", dict(Channel.choices)),
    Kind("activity", _("Activity"), _("Activities"), "monitoring:activity",
         dict(ActivityType.choices)),
    Kind("output", _("Output"), _("Outputs"), "monitoring:output", dict(OutputType.choices)),
    Kind("outcome", _("Outcome"), _("Outcomes"), "monitoring:outcome", dict(ChangeType.choices)),
    Kind("observation", _("Progress marker"), _("Progress markers"), "strategy:progress_marker",
         dict(Rating.choices), anchor="observation"),
    Kind("evidence", _("Evidence"), _("Evidence"), "monitoring:outcome",
         dict(EvidenceSource.choices), anchor="evidence"),
)
KIND_KEYS = tuple(kind.key for kind in KINDS)
BY_KEY = {kind.key: kind for kind in KINDS}

# Person, organisation, party and level filters keep only the records that name persons or
# organisations; the others cannot match such a filter and drop out.
NAMES_PERSONS = {"contact", "outcome", "evidence"}
NAMES_ORGANISATIONS = {"contact", "activity", "outcome", "evidence"}

COLUMNS = ("ev_date", "ev_order", "ev_pk", "ev_title", "ev_detail", "ev_extra", "ev_parent")


@dataclass(frozen=True)
class Criteria:
    """What the reader filtered on; an empty Criteria shows everything."""

    kinds: frozenset = frozenset(KIND_KEYS)
    person: int | None = None
    organisation: int | None = None
    party: int | None = None
    level: str = ""
    date_from: date | None = None
    date_to: date | None = None

    def applicable_kinds(self) -> list[str]:
        kinds = [k for k in KIND_KEYS if k in self.kinds]
        if self.person:
            kinds = [k for k in kinds if k in NAMES_PERSONS]
        if self.organisation or self.party or self.level:
            kinds = [k for k in kinds if k in NAMES_ORGANISATIONS]
        return kinds

    @property
    def filters_actors(self) -> bool:
        return bool(self.person or self.organisation or self.party or self.level)


@dataclass
class Event:
    """One record on the timeline, as the list and the marks show it (texts ready to print)."""

    kind: Kind
    label: str  # the kind's name, translated
    pk: int
    date: date
    title: str
    detail: str
    extra: str
    url: str
    day: str  # the date as people read it, e.g. "12 Mar 2024"
    names: list[str] = field(default_factory=list)

    @property
    def short_title(self) -> str:
        return self.title if len(self.title) <= 140 else self.title[:139] + "…"


# Scopes: which records belong to a dossier, a theme or a boundary partner.

def _linked_to_dossiers(model, dossiers: Q) -> Q:
    """Records of `model` linked to a dossier matching `dossiers` (a filter on the link table)."""
    through = model.dossiers.through
    own = model._meta.model_name
    return Q(pk__in=through.objects.filter(dossiers).values(f"{own}_id"))


class Scope:
    """Records linked to some dossiers; subclasses say which dossiers and markers."""

    dossiers: Q  # a filter on a dossier link table ("dossier_id" ...)
    markers: Q  # a filter on observations ("progress_marker__...")

    def contacts(self, qs):
        return qs.filter(_linked_to_dossiers(qs.model, self.dossiers))

    activities = outputs = outcomes = contacts

    def observations(self, qs):
        return qs.filter(self.markers)


class DossierScope(Scope):
    def __init__(self, dossier):
        self.dossiers = Q(dossier_id=dossier.pk)
        self.markers = Q(progress_marker__dossier_id=dossier.pk)


class ThemeScope(Scope):
    """All dossiers of the theme, and the markers of all its boundary partners."""

    def __init__(self, theme):
        self.dossiers = Q(dossier__theme_id=theme.pk)
        self.markers = Q(progress_marker__boundary_partner__theme_id=theme.pk)


def _held_role_in(model, persons: str, organisations) -> Q:
    """One of the record's persons held a role in `organisations` on the record's date.

    Asked as "the record is among those whose persons held such a role", so that the
    database collects the (few) matching records once instead of checking every record."""
    through = getattr(model, persons).through
    own = model._meta.model_name
    day = F(f"{own}__date")
    # One filter() call: the three conditions hold for the same role.
    return Q(pk__in=through.objects.filter(
        Q(person__roles__start_date__isnull=True) | Q(person__roles__start_date__lte=day),
        Q(person__roles__end_date__isnull=True) | Q(person__roles__end_date__gte=day),
        person__roles__organisation__in=organisations,
    ).values(f"{own}_id"))


def _with_organisations(model, field_name: str, organisations) -> Q:
    through = getattr(model, field_name).through
    own = model._meta.model_name
    return Q(pk__in=through.objects.filter(organisation__in=organisations).values(f"{own}_id"))


class BoundaryPartnerScope(ThemeScope):
    """A boundary partner's part of its theme: what involved its organisations (and the
    organisations under them), the outcomes in which they changed, the outputs that
    contributed to those outcomes, and the observations of its progress markers."""

    def __init__(self, partner):
        super().__init__(partner.theme)
        own = partner.organisations.through.objects.filter(boundarypartner_id=partner.pk)
        own = own.values("organisation_id")
        self.organisations = Organisation.objects.filter(
            Q(pk__in=own) | Q(parent_id__in=own)).values("pk")
        self.markers = Q(progress_marker__boundary_partner_id=partner.pk)

    def contacts(self, qs):
        return super().contacts(qs).filter(
            _with_organisations(qs.model, "organisations", self.organisations)
            | _held_role_in(qs.model, "persons", self.organisations)
        )

    def activities(self, qs):
        return super().activities(qs).filter(
            _with_organisations(qs.model, "organisations", self.organisations))

    def outcomes(self, qs):
        observed = ProgressMarkerObservation.outcomes.through.objects.filter(
            progressmarkerobservation__in=ProgressMarkerObservation.objects.filter(self.markers)
        ).values("outcome_id")
        return super().outcomes(qs).filter(
            _with_organisations(qs.model, "social_actor_organisations", self.organisations)
            | _held_role_in(qs.model, "social_actor_persons", self.organisations)
            | Q(pk__in=observed)
        )

    def outputs(self, qs):
        outcomes = self.outcomes(Outcome.objects.all()).values("pk")
        return super().outputs(qs).filter(
            pk__in=ContributionLink.objects.filter(outcome__in=outcomes).values("output_id"))


# Filters on persons and organisations, per record type.

def _party_organisations(party: int):
    return Organisation.objects.filter(Q(pk=party) | Q(parent_id=party)).values("pk")


def _actor_filter(model, criteria: Criteria, persons: str | None, organisations: str) -> Q:
    """Records naming the person, the organisation, the party (the party itself, organisations
    under it, or a person who held a role in one of those on the record's date) and the level.
    `persons` is None for records without persons (activities)."""
    condition = Q()
    if criteria.person and persons:
        through = getattr(model, persons).through
        own = model._meta.model_name
        condition &= Q(pk__in=through.objects.filter(person_id=criteria.person)
                       .values(f"{own}_id"))
    if criteria.organisation:
        condition &= _with_organisations(model, organisations, [criteria.organisation])
    if criteria.party:
        party = _party_organisations(criteria.party)
        party_q = _with_organisations(model, organisations, party)
        if persons:
            party_q |= _held_role_in(model, persons, party)
        condition &= party_q
    if criteria.level:
        # Many organisations share a level: ask per record (an index lookup) rather than
        # collect every record of every organisation at that level.
        through = getattr(model, organisations).through
        own = model._meta.model_name
        level_q = Q(Exists(through.objects.filter(
            **{f"{own}_id": OuterRef("pk")}, organisation__political_level=criteria.level)))
        if model is Outcome:
            level_q |= Q(political_level=criteria.level)
        condition &= level_q
    return condition


def _rows(qs, order: int, *, date, title, detail, extra=None, parent=None):
    """Annotate `qs` with the shared event columns; ordering is cleared for the UNION."""
    return qs.order_by().annotate(
        ev_date=date,
        ev_order=Value(order, output_field=IntegerField()),
        ev_pk=F("pk"),
        ev_title=title,
        ev_detail=detail,
        # A real column rather than an empty literal keeps the UNION's column types plain.
        ev_extra=extra if extra is not None else detail,
        ev_parent=parent if parent is not None else F("pk"),
    )


class Timeline:
    """The events of one scope for one reader and one set of filters."""

    def __init__(self, scope: Scope, user, criteria: Criteria | None = None):
        self.scope, self.user = scope, user
        self.criteria = criteria or Criteria()
        self.kinds = self.criteria.applicable_kinds()
        self._orders = [KIND_KEYS.index(key) for key in self.kinds]

    def _querysets(self, start: date | None, end: date | None) -> list:
        c, scope = self.criteria, self.scope
        start = max(filter(None, (start, c.date_from)), default=None)
        end = min(filter(None, (end, c.date_to)), default=None)
        def outcomes(qs):
            return scope.outcomes(qs).filter(_actor_filter(
                Outcome, c, "social_actor_persons", "social_actor_organisations"))

        selected = {
            "contact": lambda qs: scope.contacts(qs).filter(
                _actor_filter(Contact, c, "persons", "organisations")),
            "activity": lambda qs: scope.activities(qs).filter(
                _actor_filter(Activity, c, None, "organisations")),
            "output": scope.outputs,
            "outcome": outcomes,
            "observation": scope.observations,
            "evidence": lambda qs: qs.filter(outcome__in=outcomes(Outcome.objects.all()).values("pk")),
        }
        parts = []
        for key, qs in zip(KIND_KEYS, self._row_querysets, strict=True):
            if key not in self.kinds:
                continue
            qs = selected[key](qs)
            if start:
                qs = qs.filter(ev_date__gte=start)
            if end:
                qs = qs.filter(ev_date__lte=end)
            parts.append(qs)
        return parts

    @cached_property
    def _row_querysets(self) -> list:
        """Every record type as rows of the shared columns, in KIND_KEYS order, unfiltered
        but for what nobody may see (the bin, other people's confidential contacts)."""
        return [
            _rows(visible_contacts(self.user), 0, date=F("date"), title=F("summary"),
                  detail=F("channel")),
            _rows(Activity.objects.all(), 1, date=F("date"), title=F("title"), detail=F("type")),
            _rows(Output.objects.all(), 2, date=F("date"), title=F("title"), detail=F("type")),
            _rows(Outcome.objects.all(), 3, date=F("date"), title=F("title"),
                  detail=F("change_type"), extra=F("political_level")),
            _rows(ProgressMarkerObservation.objects.all(), 4, date=F("period_end"),
                  title=F("progress_marker__statement"), detail=F("rating"),
                  extra=F("progress_marker__boundary_partner__name"),
                  parent=F("progress_marker_id")),
            # Evidence is dated by its outcome when it has no date of its own.
            _rows(Evidence.objects.filter(outcome__deleted_at__isnull=True), 5,
                  date=Coalesce("date", "outcome__date"), title=F("reference"),
                  detail=F("source_type"), extra=F("outcome__title"), parent=F("outcome_id")),
        ]

    @staticmethod
    def _union(parts):
        return parts[0].union(*parts[1:], all=True)

    def index(self, start=None, end=None) -> list[tuple[str, int, int]]:
        """(ISO day, type order, pk) of every event in the period, in date order: one query
        of three narrow columns, from which the bars are counted and a page is picked.

        The day stays ISO text (it sorts like the date): with thousands of rows, skipping
        the per-value date converters of Django and the database driver is what counts.
        """
        parts = [qs.annotate(ev_day=Cast("ev_date", CharField())).values_list(
            "ev_day", "ev_order", "ev_pk") for qs in self._querysets(start, end)]
        if not parts:
            return []
        union = self._union(parts)
        sql, params = union.query.get_compiler(using=union.db).as_sql()
        with connections[union.db].cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        rows.sort()
        return rows

    @staticmethod
    def kind_counts(index) -> dict[str, int]:
        counts = [0] * len(KINDS)
        for _day, order, _pk in index:
            counts[order] += 1
        return {key: n for key, n in zip(KIND_KEYS, counts, strict=True) if n}

    def events_for(self, refs) -> list[Event]:
        """The events of `refs` (a slice of the index), with their titles and the names on
        them, in the order given: two queries however many there are."""
        wanted: dict[int, list[int]] = {}
        for _day, order, pk in refs:
            wanted.setdefault(order, []).append(pk)
        # The index already applied scope and filters; fetching by primary key alone lets the
        # database look up just these rows (contacts still pass the confidentiality rule).
        parts = [qs.filter(pk__in=wanted[order]).values_list(*COLUMNS)
                 for order, qs in enumerate(self._row_querysets) if order in wanted]
        if not parts:
            return []
        make = _EventMaker()
        found = {(row[1], row[2]): make(row) for row in self._union(parts)}
        events = [found[order, pk] for _day, order, pk in refs if (order, pk) in found]
        add_names(events)
        return events

    def events(self, start=None, end=None, *, offset=0, limit=None,
               newest_first=False) -> list[Event]:
        """The events in date order (or newest first), or one slice of them."""
        index = self.index(start, end)
        if newest_first:
            index.reverse()
        return self.events_for(index[offset:None if limit is None else offset + limit])


class _EventMaker:
    """Turns rows into events, translating each label and reversing each URL once."""

    def __init__(self):
        self.urls = [kind.url_maker() for kind in KINDS]
        self.labels = [str(kind.label) for kind in KINDS]
        self.details: dict[tuple[int, str], str] = {}
        self.days: dict[date, str] = {}

    def __call__(self, row) -> Event:
        day, order, pk, title, detail, extra, parent = row
        kind = KINDS[order]
        label = self.details.get((order, detail))
        if label is None:
            label = self.details[order, detail] = str(kind.choices.get(detail, detail or ""))
        if kind.key not in ("observation", "evidence"):
            extra = ""  # the other types fill the column only to keep the UNION's shape
        elif len(extra) > 80:
            extra = extra[:79] + "…"
        shown = self.days.get(day) or self.days.setdefault(day, date_format(day, "j M Y"))
        return Event(kind, self.labels[order], pk, day, title or label, label, extra or "",
                     self.urls[order](pk, parent), shown)


# The persons and organisations named on a page of events, in one query.

NAME_SOURCES = (
    ("contact", "persons", "person"),
    ("contact", "organisations", "organisation"),
    ("activity", "organisations", "organisation"),
    ("outcome", "social_actor_persons", "person"),
    ("outcome", "social_actor_organisations", "organisation"),
)


def add_names(events: list[Event]) -> None:
    ids = {key: [e.pk for e in events if e.kind.key == key] for key in ("contact", "activity",
                                                                        "outcome")}
    models = {"contact": Contact, "activity": Activity, "outcome": Outcome}
    parts = []
    for key, field_name, target in NAME_SOURCES:
        if not ids[key]:
            continue
        model = models[key]
        own = model._meta.model_name
        through = getattr(model, field_name).through
        is_person = target == "person"
        parts.append(
            through.objects.filter(**{f"{own}_id__in": ids[key]}).annotate(
                n_order=Value(KIND_KEYS.index(key), output_field=IntegerField()),
                n_record=F(f"{own}_id"),
                n_person=Value(1 if is_person else 0, output_field=IntegerField()),
                n_short=F("person__first_name" if is_person else "organisation__short_name"),
                n_name=F("person__last_name" if is_person else "organisation__name"),
            ).order_by().values_list("n_order", "n_record", "n_person", "n_short", "n_name")
        )
    if not parts:
        return
    names: dict[tuple[int, int], list[tuple[int, str]]] = {}
    for order, record, is_person, short, name in parts[0].union(*parts[1:], all=True):
        label = f"{short} {name}".strip() if is_person else (short or name)
        names.setdefault((order, record), []).append((-is_person, label))
    for event in events:
        found = names.get((KIND_KEYS.index(event.kind.key), event.pk), [])
        event.names = [label for _person, label in sorted(found)]
