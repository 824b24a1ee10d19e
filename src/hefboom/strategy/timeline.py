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

from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hefboom.actors.models import Organisation, PersonRole
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

    def url(self, pk: int, parent: int) -> str:
        if self.anchor:
            return reverse(self.url_name, args=[parent]) + f"#{self.anchor}-{pk}"
        return reverse(self.url_name, args=[pk])


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
    """One record on the timeline, as the list and the marks show it."""

    kind: Kind
    pk: int
    date: date
    title: str
    detail: str
    extra: str
    parent: int
    names: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.kind.url(self.pk, self.parent)


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


def _held_role_in(organisations, person_link: str) -> Exists:
    """One of the record's persons held a role in `organisations` on the record's date."""
    return Exists(PersonRole.objects.filter(
        Q(start_date__isnull=True) | Q(start_date__lte=OuterRef("date")),
        Q(end_date__isnull=True) | Q(end_date__gte=OuterRef("date")),
        organisation__in=organisations,
        **{f"person__{person_link}": OuterRef("pk")},
    ))


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
            | _held_role_in(self.organisations, "contacts")
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
            | _held_role_in(self.organisations, "outcomes")
            | Q(pk__in=observed)
        )

    def outputs(self, qs):
        outcomes = self.outcomes(Outcome.objects.all()).values("pk")
        return super().outputs(qs).filter(
            pk__in=ContributionLink.objects.filter(outcome__in=outcomes).values("output_id"))


# Filters on persons and organisations, per record type.

def _party_organisations(party: int):
    return Organisation.objects.filter(Q(pk=party) | Q(parent_id=party)).values("pk")


def _actor_filter(model, criteria: Criteria, persons: str | None, organisations: str,
                  person_link: str | None) -> Q:
    """Records naming the person, the organisation, the party (the party itself, organisations
    under it, or a person who held a role in one of those on the record's date) and the level.
    `persons`/`person_link` are None for records without persons (activities)."""
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
        if person_link:
            party_q |= _held_role_in(party, person_link)
        condition &= party_q
    if criteria.level:
        levelled = Organisation.objects.filter(political_level=criteria.level).values("pk")
        level_q = _with_organisations(model, organisations, levelled)
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

    def _querysets(self, start: date | None, end: date | None) -> list:
        c, scope = self.criteria, self.scope
        start = max(filter(None, (start, c.date_from)), default=None)
        end = min(filter(None, (end, c.date_to)), default=None)
        order = {key: KIND_KEYS.index(key) for key in KIND_KEYS}
        parts = []
        outcomes = scope.outcomes(Outcome.objects.all()).filter(
            _actor_filter(Outcome, c, "social_actor_persons", "social_actor_organisations",
                          "outcomes"))
        for key in self.kinds:
            if key == "contact":
                qs = scope.contacts(visible_contacts(self.user)).filter(
                    _actor_filter(Contact, c, "persons", "organisations", "contacts"))
                qs = _rows(qs, order[key], date=F("date"), title=F("summary"),
                           detail=F("channel"))
            elif key == "activity":
                qs = scope.activities(Activity.objects.all()).filter(
                    _actor_filter(Activity, c, None, "organisations", None))
                qs = _rows(qs, order[key], date=F("date"), title=F("title"), detail=F("type"))
            elif key == "output":
                qs = _rows(scope.outputs(Output.objects.all()), order[key], date=F("date"),
                           title=F("title"), detail=F("type"))
            elif key == "outcome":
                qs = _rows(outcomes, order[key], date=F("date"), title=F("title"),
                           detail=F("change_type"), extra=F("political_level"))
            elif key == "observation":
                qs = _rows(scope.observations(ProgressMarkerObservation.objects.all()),
                           order[key], date=F("period_end"), title=F("progress_marker__statement"),
                           detail=F("rating"), extra=F("progress_marker__boundary_partner__name"),
                           parent=F("progress_marker_id"))
            else:  # evidence, dated by its outcome when it has no date of its own
                qs = _rows(Evidence.objects.filter(outcome__in=outcomes.values("pk")),
                           order[key], date=Coalesce("date", "outcome__date"),
                           title=F("reference"), detail=F("source_type"),
                           extra=F("outcome__title"), parent=F("outcome_id"))
            if start:
                qs = qs.filter(ev_date__gte=start)
            if end:
                qs = qs.filter(ev_date__lte=end)
            parts.append(qs)
        return parts

    @staticmethod
    def _union(parts):
        return parts[0].union(*parts[1:], all=True)

    def daily_counts(self, start=None, end=None) -> list[tuple[date, str, int]]:
        """(day, kind, number of events) for every day with events: one query."""
        parts = [qs.values("ev_date", "ev_order").annotate(ev_n=Count("pk"))
                 .values_list("ev_date", "ev_order", "ev_n")
                 for qs in self._querysets(start, end)]
        if not parts:
            return []
        return [(day, KIND_KEYS[order], n) for day, order, n in self._union(parts)]

    def events(self, start=None, end=None, *, offset=0, limit=None,
               newest_first=False) -> list[Event]:
        """The events in date order (or newest first), one slice of them: two queries."""
        parts = [qs.values_list(*COLUMNS) for qs in self._querysets(start, end)]
        if not parts:
            return []
        ordering = ("-ev_date", "-ev_order", "-ev_pk") if newest_first else (
            "ev_date", "ev_order", "ev_pk")
        rows = self._union(parts).order_by(*ordering)
        if limit is not None:
            rows = rows[offset:offset + limit]
        events = [_event(row) for row in rows]
        add_names(events)
        return events


def _event(row) -> Event:
    day, order, pk, title, detail, extra, parent = row
    kind = KINDS[order]
    detail_label = str(kind.choices.get(detail, detail or ""))
    if kind.key not in ("observation", "evidence"):
        extra = ""  # the other types fill the column only to keep the UNION's shape
    return Event(kind, pk, day, title or detail_label, detail_label, extra or "", parent)


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
