"""What every format of the yearly report needs for one programme and year, in few queries.

The workbook, the narrative report, the IATI file and the dashboard all read from here, so a
figure is computed one way only.
"""

import functools
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Max, Q
from django.utils import translation
from django.utils.translation import gettext as _

from hefboom.actors.models import PoliticalLevel
from hefboom.monitoring.models import (
    Channel,
    Contact,
    ContributionClaim,
    ContributionLink,
    Outcome,
    Output,
    OutputType,
    ProgressMarkerObservation,
)
from hefboom.reporting import indicators
from hefboom.reporting.indicators import year_range
from hefboom.reporting.models import (
    Indicator,
    IndicatorPeriod,
    PeriodStatus,
    ReportingPeriod,
    programme_years,
)
from hefboom.strategy.models import Dossier, ProgressMarker


class ProgrammeChoiceError(LookupError):
    """No programme, or several, where exactly one was needed; the message says what to pass."""


def programme_for(code: str | None = None):
    """The programme with `code`, or the only one when no code is given."""
    from hefboom.strategy.models import Programme

    if code:
        found = Programme.objects.filter(code=code).first()
        if found is None:
            known = ", ".join(Programme.objects.values_list("code", flat=True)) or _("none")
            raise ProgrammeChoiceError(_("There is no programme “%(code)s”; known programmes: "
                                         "%(known)s.") % {"code": code, "known": known})
        return found
    programmes = list(Programme.objects.all()[:2])
    if not programmes:
        raise ProgrammeChoiceError(_("There is no programme yet; create one first."))
    if len(programmes) > 1:
        known = ", ".join(Programme.objects.values_list("code", flat=True))
        raise ProgrammeChoiceError(_("There are several programmes; name one with --programme "
                                     "(%(known)s).") % {"known": known})
    return programmes[0]


def period_status(programme, year: int) -> str:
    status = (ReportingPeriod.objects.filter(programme=programme, year=year)
              .values_list("status", flat=True).first())
    return status or PeriodStatus.DRAFT


@dataclass
class IndicatorRow:
    indicator: Indicator
    year: int
    period: IndicatorPeriod | None
    actual: Decimal | None
    # year -> (target, actual) for every programme year up to `year`
    history: dict = field(default_factory=dict)
    list_url: str = ""
    # Why the figures are missing: a computed indicator whose filter the lists no longer accept.
    problem: str = ""

    @property
    def target(self) -> Decimal | None:
        return self.period.target if self.period else None

    @property
    def rating(self) -> str:
        return self.period.rating if self.period else ""

    @property
    def text(self) -> str:
        return self.period.text if self.period else ""

    @property
    def achieved(self) -> float | None:
        """The actual as a share of the target (for a lower-is-better indicator, the reverse)."""
        if self.actual is None or not self.target:
            return None
        if self.indicator.ascending:
            return float(self.actual / self.target)
        return float(self.target / self.actual) if self.actual else None


def indicator_rows(programme, year: int, *, theme=None, strict=True) -> list[IndicatorRow]:
    """Every indicator of the programme (or of one theme) with its baseline, targets and
    actuals up to `year`. Computed actuals are counted live unless their year is approved.

    A computed indicator whose filter no longer applies raises `FilterError` (a report must not
    leave figures out); with `strict=False` (pages) its row carries the problem instead."""
    approved = set(ReportingPeriod.objects.filter(
        programme=programme, status=PeriodStatus.APPROVED).values_list("year", flat=True))
    chosen = Indicator.objects.filter(programme=programme).select_related("theme", "dossier")
    if theme is not None:
        chosen = chosen.filter(Q(theme=theme) | Q(dossier__theme=theme))
    chosen = list(chosen)
    periods = {(p.indicator_id, p.year): p for p in
               IndicatorPeriod.objects.filter(indicator__in=chosen, year__lte=year)}
    years = [y for y in programme_years(programme) if y <= year]
    rows = []
    for indicator in chosen:
        history, problem = {}, ""
        for y in years:
            period = periods.get((indicator.pk, y))
            if indicator.is_qualitative:
                history[y] = (None, None)
                continue
            try:
                actual = indicators.actual(indicator, y, period, frozen=y in approved)
            except indicators.FilterError as exc:
                if strict:
                    raise
                actual, problem = None, str(exc)
            history[y] = (period.target if period else None, actual)
        period = periods.get((indicator.pk, year))
        rows.append(IndicatorRow(
            indicator=indicator, year=year, period=period,
            actual=history.get(year, (None, None))[1], history=history, problem=problem,
            list_url=indicators.list_url(indicator, year)
            if indicator.is_computed and not problem else "",
        ))
    return rows


@dataclass
class MarkerStatus:
    marker: ProgressMarker
    observation: ProgressMarkerObservation | None

    @property
    def rating(self) -> str:
        return self.observation.rating if self.observation else ""


def marker_status(programme, year: int) -> list[MarkerStatus]:
    """Each progress marker with its latest observation whose period overlaps `year`."""
    start, end = year_range(year)
    markers = list(ProgressMarker.objects.filter(boundary_partner__theme__programme=programme)
                   .select_related("boundary_partner__theme", "dossier")
                   .order_by("boundary_partner__theme__order", "boundary_partner__name",
                             "level", "order"))
    latest = {}
    for observation in (ProgressMarkerObservation.objects
                        .filter(progress_marker__in=markers, period_start__lte=end,
                                period_end__gte=start)
                        .order_by("progress_marker", "period_end", "pk")):
        latest[observation.progress_marker_id] = observation
    return [MarkerStatus(marker, latest.get(marker.pk)) for marker in markers]


@dataclass
class OutcomeRow:
    outcome: Outcome
    dossiers: list
    links: Counter  # source kind -> number of contribution links
    evidence_count: int
    claim: ContributionClaim | None

    @property
    def contribution_summary(self) -> str:
        """E.g. "contacts: 3, outputs: 1, confidence 0.93 (strong)"."""
        names = _link_names(translation.get_language())
        parts = [f"{names[kind]}: {n}" for kind, n in sorted(self.links.items())]
        if self.claim:
            parts.append(names["confidence"]
                         % {"value": self.claim.confidence, "word": self.claim.confidence_word})
        return ", ".join(parts)


@functools.lru_cache(maxsize=8)
def _link_names(language) -> dict:
    """The words of a contribution summary in `language` (looked up once: a report of
    thousands of outcomes would otherwise translate them thousands of times)."""
    return {"contact": _("contacts"), "output": _("outputs"), "activity": _("activities"),
            "organisation": _("partners"), "outcome": _("earlier outcomes"),
            "confidence": _("confidence %(value).2f (%(word)s)")}


def outcome_rows(programme, year: int, *, theme=None) -> list[OutcomeRow]:
    """The outcomes of `year` in the programme (or theme), oldest first, with what lies behind them."""
    start, end = year_range(year)
    scope = Q(dossiers__theme=theme) if theme is not None else \
        Q(dossiers__theme__programme=programme)
    outcomes = list(
        Outcome.objects.filter(pk__in=Outcome.objects.filter(scope, date__range=(start, end))
                               .values("pk"))
        .annotate(evidence_count=Count("evidence", distinct=True))
        .prefetch_related("dossiers").order_by("date", "pk"))
    links = {}
    for outcome_id, kind_fields in _link_kinds([o.pk for o in outcomes]):
        links.setdefault(outcome_id, Counter())[kind_fields] += 1
    claims = {}
    for claim in ContributionClaim.objects.filter(outcome__in=outcomes).order_by("-confidence"):
        claims.setdefault(claim.outcome_id, claim)
    return [OutcomeRow(outcome=o, dossiers=list(o.dossiers.all()), links=links.get(o.pk, Counter()),
                       evidence_count=o.evidence_count, claim=claims.get(o.pk))
            for o in outcomes]


def _link_kinds(outcome_ids):
    rows = ContributionLink.objects.filter(outcome__in=outcome_ids).values_list(
        "outcome_id", "contact_id", "output_id", "activity_id", "organisation_id",
        "source_outcome_id")
    kinds = ("contact", "output", "activity", "organisation", "outcome")
    for outcome_id, *sources in rows:
        for kind, source in zip(kinds, sources, strict=True):
            if source:
                yield outcome_id, kind


@dataclass
class Counts:
    """Records of one kind in a year, counted three ways; each a list of (label, count)."""

    total: int
    by_type: list
    by_level: list
    by_dossier: list


def _labelled(rows, labels) -> list:
    counted = Counter()
    for value, n in rows:
        counted[str(labels.get(value, value)) if value else _("none")] += n
    return sorted(counted.items(), key=lambda item: (-item[1], item[0]))


def record_counts(programme, year: int) -> dict[str, Counts]:
    """Contacts and outputs of the year in the programme, by type, political level and dossier.

    Confidential contacts are counted (a number reveals no contact). A record in two dossiers
    counts once in the total and once in each dossier.
    """
    start, end = year_range(year)
    result = {}
    for name, model, type_field, labels in (
        ("contacts", Contact, "channel", dict(Channel.choices)),
        ("outputs", Output, "type", dict(OutputType.choices)),
    ):
        ids = model.objects.filter(date__range=(start, end),
                                   dossiers__theme__programme=programme).values("pk")
        base = model.objects.filter(pk__in=ids)
        by_type = base.values_list(type_field).annotate(n=Count("pk"))
        by_dossier = (base.filter(dossiers__theme__programme=programme)
                      .values_list("dossiers__name").annotate(n=Count("pk", distinct=True)))
        if model is Contact:
            by_level = base.values_list("organisations__political_level").annotate(
                n=Count("pk", distinct=True))
        else:
            by_level = []
        by_type = list(by_type)
        result[name] = Counts(
            # Every record has one type, so the records by type add up to the total.
            total=sum(n for _type, n in by_type),
            by_type=_labelled(by_type, labels),
            by_level=_labelled(by_level, dict(PoliticalLevel.choices)),
            by_dossier=_labelled(by_dossier, {}),
        )
    return result


def outcomes_per_dossier(programme, year: int) -> list[tuple[Dossier, int]]:
    start, end = year_range(year)
    return list(Dossier.objects.filter(theme__programme=programme).annotate(
        n=Count("outcomes", filter=Q(outcomes__date__range=(start, end),
                                     outcomes__deleted_at__isnull=True), distinct=True))
        .order_by("theme__order", "name").values_list("name", "n"))


@dataclass
class ReportData:
    programme: object
    year: int
    status: str
    indicators: list
    markers: list
    outcomes: list
    counts: dict
    last_change: object = None


def report_data(programme, year: int, *, strict=True) -> ReportData:
    """Everything the yearly report shows, for one programme and year (`strict`: see
    `indicator_rows`)."""
    return ReportData(
        programme=programme, year=year, status=period_status(programme, year),
        indicators=indicator_rows(programme, year, strict=strict),
        markers=marker_status(programme, year),
        outcomes=outcome_rows(programme, year),
        counts=record_counts(programme, year),
        last_change=Outcome.objects.aggregate(at=Max("updated_at"))["at"],
    )
