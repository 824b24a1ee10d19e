"""The coverage dashboard's figures: contacts per period by party, political level or
institution type, and the gaps. Everything is read from the counts kept per scope and quarter
(`CoverageCount`, see reach.py) in a fixed number of queries, whatever the amount of data.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Max, Prefetch
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from hefboom.actors.models import Organisation, OrganisationType, PoliticalLevel
from hefboom.coverage.models import ALL, ANY, CoverageCount, ReachKind, quarter_index
from hefboom.strategy.models import BoundaryPartner, ProgressMarker

# The institution types of the issue (cabinet, parliament, administration, party research
# service), with parliamentary groups next to their parliament.
INSTITUTION_TYPES = (OrganisationType.CABINET, OrganisationType.PARLIAMENT,
                     OrganisationType.PARLIAMENTARY_GROUP, OrganisationType.ADMINISTRATION,
                     OrganisationType.RESEARCH_SERVICE)
# The list filter's parameter for each dimension (monitoring/filters.py ContactFilter).
LIST_PARAMETER = {ReachKind.PARTY: "party", ReachKind.LEVEL: "level",
                  ReachKind.INSTITUTION: "institution"}


@dataclass(frozen=True)
class Period:
    year: int
    quarter: int | None  # None when the grain is the year
    start: dt.date
    end: dt.date

    @property
    def label(self) -> str:
        return f"{self.year} Q{self.quarter}" if self.quarter else str(self.year)


def periods(date_from: dt.date, date_to: dt.date, grain: str) -> list[Period]:
    """The quarters or years from the one holding `date_from` to the one holding `date_to`,
    each clipped to [date_from, date_to]."""
    result = []
    year, quarter = date_from.year, (date_from.month - 1) // 3 + 1
    while True:
        if grain == "year":
            start, end, q = dt.date(year, 1, 1), dt.date(year, 12, 31), None
        else:
            start = dt.date(year, 3 * quarter - 2, 1)
            end = (dt.date(year + quarter // 4, 3 * quarter % 12 + 1, 1) - dt.timedelta(days=1))
            q = quarter
        if start > date_to:
            return result
        result.append(Period(year, q, max(start, date_from), min(end, date_to)))
        if grain == "year" or quarter == 4:
            year, quarter = year + 1, 1
        else:
            quarter += 1


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` months earlier (the month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date(year, month, min(day.day, last.day))


def default_start(today: dt.date, grain: str) -> dt.date:
    """The first day of the last three years: twelve quarters or three years up to today."""
    if grain == "year":
        return dt.date(today.year - 2, 1, 1)
    year, index = divmod(today.year * 4 + (today.month - 1) // 3 - 11, 4)
    return dt.date(year, 3 * index + 1, 1)


def scope_of(theme=None, dossier=None) -> str:
    if dossier is not None:
        return f"d{dossier.pk}"
    if theme is not None:
        return f"t{theme.pk}"
    return ALL


def whole_periods(date_from: dt.date, date_to: dt.date, grain: str) -> tuple[dt.date, dt.date]:
    """The range widened to whole quarters or years: the counts are kept per quarter."""
    span = periods(date_from, date_to, grain)
    first, last = span[0], span[-1]
    if grain == "year":
        return dt.date(first.year, 1, 1), dt.date(last.year, 12, 31)
    end_month = 3 * last.quarter
    return (dt.date(first.year, 3 * first.quarter - 2, 1),
            dt.date(last.year + end_month // 12, end_month % 12 + 1, 1) - dt.timedelta(days=1))


# The page's Content-Security-Policy allows no style attributes: shading and positions are
# classes of hefboom.css (heat-0 ... heat-10, spectrum at-0 ... at-10, level-0 ..., levels-1 ...).
SPECTRUM_LEVELS = 12


def heat_class(heat: int) -> str:
    """The shading class for a share of 0-100 (in steps of ten)."""
    return f"heat-{max(0, min(10, round(heat / 10)))}"


@dataclass
class Cell:
    count: int
    heat: int  # 0-100: share of the largest cell, for the shading
    url: str

    def html(self) -> str:
        if not self.count:
            return '<td class="num heat heat-0"><span class="muted">0</span></td>'
        return (f'<td class="num heat {heat_class(self.heat)}"><a href="{escape(self.url)}">'
                f"{self.count}</a></td>")


@dataclass
class Row:
    key: str
    label: str
    cells: list[Cell]
    total: int
    position: int | None = None  # parties: the spectrum position

    def cells_html(self):
        """The row's cells; built here, not in the template: a ten-year quarterly heatmap has
        hundreds of cells, and the template engine would take most of the page's time."""
        return mark_safe("".join(cell.html() for cell in self.cells))  # noqa: S308 - escaped


@dataclass
class Heatmap:
    dimension: str
    periods: list[Period]
    rows: list[Row]
    totals: list[int]  # distinct contacts per period that count for any row
    total: int
    spectrum: list[dict] = field(default_factory=list)

    @property
    def spectrum_levels(self) -> int:
        """How many parties are stacked at one position at most: the bar's height (a class of
        the stylesheet, which has room for SPECTRUM_LEVELS)."""
        return min(SPECTRUM_LEVELS, max((party["level"] + 1 for party in self.spectrum), default=1))


def _row_keys(dimension, parties):
    if dimension == ReachKind.PARTY:
        return [(str(p.pk), str(p), p.spectrum_position) for p in parties]
    if dimension == ReachKind.LEVEL:
        return [(value, label, None) for value, label in PoliticalLevel.choices]
    return [(value.value, value.label, None) for value in INSTITUTION_TYPES]


def parties():
    """Parties from left to right; those without a position last, by name."""
    return sorted(Organisation.objects.filter(type=OrganisationType.PARTY),
                  key=lambda p: (p.spectrum_position is None, p.spectrum_position or 0,
                                 str(p).lower()))


def _list_query(dimension, key, theme, dossier) -> str:
    """The contact list's filters for a row; a cell adds its period (`_period_query`)."""
    query = {LIST_PARAMETER[dimension]: key}
    if dossier is not None:
        query["dossier"] = dossier.pk
    elif theme is not None:
        query["theme"] = theme.pk
    return urlencode(query)


def _period_query(period) -> str:
    return f"&date_from={period.start.isoformat()}&date_to={period.end.isoformat()}"


def heatmap(dimension, date_from, date_to, grain, *, theme=None, dossier=None,
            party_list=None) -> Heatmap:
    """Distinct contacts per row (party, level or institution type) and period, and per period
    whatever the row, between the quarters or years holding `date_from` and `date_to`: one
    query over the kept counts."""
    span = periods(date_from, date_to, grain)
    counts = defaultdict(int)
    found = CoverageCount.objects.filter(
        scope=scope_of(theme, dossier), kind=dimension,
        period__range=(quarter_index(date_from), quarter_index(date_to)),
    ).values_list("key", "period", "contacts")
    for key, period, n in found:
        year, quarter = divmod(period, 4)
        counts[(key, year, None if grain == "year" else quarter + 1)] += n
    largest = max((n for (key, _y, _q), n in counts.items() if key != ANY), default=0) or 1
    result_rows, base = [], reverse("monitoring:contacts")
    in_period = [_period_query(period) for period in span]
    for key, label, position in _row_keys(dimension, party_list or []):
        cells, url = [], f"{base}?{_list_query(dimension, key, theme, dossier)}"
        for period, period_query in zip(span, in_period, strict=True):
            n = counts.get((key, period.year, period.quarter), 0)
            cells.append(Cell(n, round(100 * n / largest), url + period_query))
        result_rows.append(Row(key, label, cells, sum(c.count for c in cells), position))
    totals = [counts.get((ANY, p.year, p.quarter), 0) for p in span]
    result = Heatmap(dimension, span, result_rows, totals, sum(totals))
    if dimension == ReachKind.PARTY:
        result.spectrum = spectrum(result_rows)
    return result


def spectrum(rows) -> list[dict]:
    """Parties with a position, placed on a 0-10 bar; parties at one position are stacked."""
    placed, stack = [], {}
    for row in rows:
        if row.position is None:
            continue
        level = stack.get(row.position, 0)
        stack[row.position] = level + 1
        placed.append({"label": row.label, "position": row.position,
                       "level": min(level, SPECTRUM_LEVELS - 1), "total": row.total})
    return placed


@dataclass
class Gap:
    name: str
    url: str
    last: dt.date | None  # the last contact (any time), None: never


@dataclass
class Gaps:
    months: int
    since: dt.date
    parties: list[Gap]
    administrations: list[Gap]
    partners: list[Gap]
    markers: list  # progress markers whose boundary partner was never contacted


def _last_contacts(scope) -> dict[tuple[str, str], dt.date]:
    """(kind, key) -> date of the last contact, for parties and organisations."""
    found = (CoverageCount.objects.filter(scope=scope, kind__in=[ReachKind.PARTY,
                                                                 ReachKind.ORGANISATION])
             .values("kind", "key").annotate(last=Max("last")).order_by())
    return {(row["kind"], row["key"]): row["last"] for row in found}


def gaps(months: int, today: dt.date, *, theme=None, dossier=None, party_list=None) -> Gaps:
    """Parties, administrations and boundary partners without contact since `months` months
    before `today`, and the progress markers whose boundary partner was never contacted
    (within the theme or dossier when one is chosen): 6 queries."""
    since = months_before(today, months)
    last = _last_contacts(scope_of(theme, dossier))
    last_party = {key: day for (kind, key), day in last.items() if kind == ReachKind.PARTY}
    last_org = {key: day for (kind, key), day in last.items() if kind == ReachKind.ORGANISATION}

    def gap(organisation, last):
        return Gap(str(organisation), organisation.get_absolute_url(), last)

    party_gaps = [gap(p, last_party.get(str(p.pk))) for p in party_list or []]
    administrations = [gap(o, last_org.get(str(o.pk))) for o in
                       Organisation.objects.filter(type=OrganisationType.ADMINISTRATION)]
    partners = BoundaryPartner.objects.select_related("theme").prefetch_related(
        Prefetch("organisations", queryset=Organisation.objects.only("pk")))
    scope_theme = dossier.theme if dossier is not None else theme
    if scope_theme is not None:
        partners = partners.filter(theme=scope_theme)
    partner_gaps, never = [], []
    for partner in partners:
        dates = [last_org[str(o.pk)] for o in partner.organisations.all() if str(o.pk) in last_org]
        last = max(dates, default=None)
        partner_gaps.append(Gap(f"{partner.name} ({partner.theme})",
                                reverse("learning:ladder", args=[partner.pk]), last))
        if last is None:
            never.append(partner.pk)
    # `or [0]`: an empty IN would skip the query, and the query count must not vary.
    markers = ProgressMarker.objects.filter(boundary_partner__in=never or [0]).select_related(
        "boundary_partner", "dossier").order_by("boundary_partner__name", "level", "order")
    if dossier is not None:
        markers = markers.filter(dossier=dossier)

    def missing(items):
        return sorted((g for g in items if g.last is None or g.last < since),
                      key=lambda g: (g.last is not None, g.last or today, g.name.lower()))

    return Gaps(months, since, missing(party_gaps), missing(administrations),
                missing(partner_gaps), list(markers))


def label_for(dimension) -> str:
    return {ReachKind.PARTY: _("Party"), ReachKind.LEVEL: _("Political level"),
            ReachKind.INSTITUTION: _("Institution type")}[dimension]
