"""The yearly workbook for the funder: the aggregated tabs DGD needs, formatted for people.

Reads only `selectors.report_data`, so every figure is the one the other formats show. Four
sheets, each with a title row (programme, year, status, when generated), a bold header row
below it and the panes frozen under the headers:

1. indicators with baseline, target and actual per programme year up to the year reported;
2. progress markers with their rating in the year, per boundary partner;
3. the year's outcomes with their contribution summary and evidence count;
4. contacts and outputs counted by type, political level and dossier, with totals.

Text is written safely: a value that would run as a formula gets a leading apostrophe
(`core.spreadsheet.neutralise`, shared by every export), and a character XML cannot hold stops
the workbook with a `ReportError` naming the record, so no broken file is made.
"""

import io
import re
from copy import copy
from dataclasses import dataclass

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError

from hefboom.actors.models import PoliticalLevel
from hefboom.core.spreadsheet import neutralise
from hefboom.monitoring.models import ChangeType, Rating, Substantiation
from hefboom.reporting import indicators as computed
from hefboom.reporting.formats import ReportError
from hefboom.reporting.indicators import FilterError
from hefboom.reporting.models import PeriodStatus
from hefboom.reporting.selectors import report_data
from hefboom.strategy.models import MarkerLevel

TITLE_FONT = Font(bold=True, size=13)
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1D2733")
TOTAL_FONT = Font(bold=True)
TOP = Alignment(vertical="top")
WRAP = Alignment(vertical="top", wrap_text=True)
HEADER_ROW = 2  # row 1 is the title
INTEGER = "#,##0"
DECIMAL = "#,##0.00"
PERCENT = "0%"
DATE = "yyyy-mm-dd"
EXCERPT = 300  # characters of a narrative shown in a cell


@dataclass(frozen=True)
class Column:
    header: str
    width: int = 14
    number_format: str | None = None
    wrap: bool = False


def sheet_title(name: str) -> str:
    """A sheet name Excel accepts: at most 31 characters, none of []:*?/\\."""
    return re.sub(r"[\[\]:*?/\\]", "-", name)[:31]


def _number(value):
    """A Decimal as int when whole, else float; with the number format to show it."""
    if value is None:
        return None, None
    if value == value.to_integral_value():
        return int(value), INTEGER
    return float(value), DECIMAL


class Sheet:
    """One sheet: the title row, the header row, then rows written safely."""

    def __init__(self, workbook, name, heading, columns, freeze="A3"):
        self.sheet = workbook.create_sheet(title=sheet_title(name))
        self.columns = columns
        self.sheet.cell(row=1, column=1, value=neutralise(heading)).font = TITLE_FONT
        for index, column in enumerate(columns, start=1):
            cell = self.sheet.cell(row=HEADER_ROW, column=index, value=neutralise(column.header))
            cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, WRAP
            self.sheet.column_dimensions[get_column_letter(index)].width = column.width
        self.sheet.freeze_panes = freeze
        self.row = HEADER_ROW
        # Styling a cell through openpyxl's descriptors is slow; each combination is styled once
        # and its style copied to the other cells (thousands of outcome cells).
        self.styles = {}

    def append(self, values, record, *, formats=None, bold=False):
        """Write a row; `record` names the row in an error, `formats` overrides number formats
        per column index."""
        self.row += 1
        formats = formats or {}
        for index, (column, value) in enumerate(zip(self.columns, values, strict=True), start=1):
            cell = self.sheet.cell(row=self.row, column=index)
            try:
                cell.value = neutralise(value)
            except IllegalCharacterError as exc:
                bad = ILLEGAL_CHARACTERS_RE.search(value).group()
                raise ReportError(_(
                    "%(record)s has a character that a workbook cannot hold (U+%(code)04X) in "
                    "“%(column)s”; remove it from the record and generate the report again.")
                    % {"record": record, "code": ord(bad), "column": column.header}) from exc
            number_format = formats.get(index - 1, column.number_format)
            if value is None:
                number_format = None
            key = (number_format, column.wrap, bold)
            if key in self.styles:
                cell._style = copy(self.styles[key])
                continue
            if number_format:
                cell.number_format = number_format
            cell.alignment = WRAP if column.wrap else TOP
            if bold:
                cell.font = TOTAL_FONT
            self.styles[key] = copy(cell._style)


def labels(choices) -> dict:
    """Choice labels translated once (not once per cell)."""
    return {value: str(label) for value, label in choices}


def _excerpt(text: str) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= EXCERPT else text[:EXCERPT - 1].rstrip() + "…"


def build_workbook(programme, year: int, language: str = "nl") -> bytes:
    with translation.override(language):
        try:
            data = report_data(programme, year)
        except FilterError as exc:
            raise ReportError(str(exc)) from exc
        workbook = Workbook()
        workbook.remove(workbook.active)
        workbook.properties.creator = "Hefboom"
        workbook.properties.title = f"{programme} {year}"
        statuses = labels(PeriodStatus.choices)
        heading = _("%(programme)s — %(year)s — status: %(status)s — generated %(at)s") % {
            "programme": programme.name, "year": year,
            "status": statuses.get(data.status, data.status),
            "at": timezone.localtime().strftime("%Y-%m-%d %H:%M")}
        _indicators(workbook, data, heading, language)
        _markers(workbook, data, heading)
        _outcomes(workbook, data, heading)
        _counts(workbook, data, heading)
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()


def _scope(indicator) -> str:
    if indicator.dossier_id:
        return f"{indicator.dossier.theme} / {indicator.dossier}" if indicator.theme_id \
            else str(indicator.dossier)
    if indicator.theme_id:
        return str(indicator.theme)
    return _("Programme")


def _indicators(workbook, data, heading, language):
    years = list(range(data.programme.start_date.year, data.year + 1))
    columns = [
        Column(_("Code"), 9), Column(_("Title"), 42, wrap=True),
        Column(_("Theme / dossier"), 22, wrap=True), Column(_("Level"), 10),
        Column(_("Kind"), 16, wrap=True), Column(_("Unit"), 14, wrap=True),
        Column(_("Baseline year"), 10, "0"), Column(_("Baseline"), 11, INTEGER),
    ]
    for y in years:
        columns += [Column(_("Target %(year)s") % {"year": y}, 10, INTEGER),
                    Column(_("Actual %(year)s") % {"year": y}, 10, INTEGER)]
    columns += [
        Column(_("%% of target %(year)s") % {"year": data.year}, 11, PERCENT),
        Column(_("Rating %(year)s") % {"year": data.year}, 10),
        Column(_("Text %(year)s") % {"year": data.year}, 50, wrap=True),
        Column(_("Comment %(year)s") % {"year": data.year}, 30, wrap=True),
        Column(_("Counts (filter)"), 34, wrap=True),
        Column(_("Records counted (path in Hefboom)"), 40, wrap=True),
    ]
    sheet = Sheet(workbook, _("Indicators"), heading, columns, freeze="C3")
    ratings = labels(Rating.choices)
    for row in data.indicators:
        indicator = row.indicator
        formats = {}
        baseline, formats[7] = _number(indicator.baseline_value)
        values = [indicator.code, indicator.title_in(language) or indicator.title,
                  _scope(indicator), indicator.get_result_level_display(),
                  indicator.get_kind_display(), indicator.unit, indicator.baseline_year, baseline]
        for y in years:
            target, actual = row.history.get(y, (None, None))
            position = len(values)
            value, formats[position] = _number(target)
            values.append(value)
            value, formats[position + 1] = _number(actual)
            values.append(value)
        counted = ""
        if indicator.is_computed:
            try:
                counted = f"{indicator.get_record_kind_display()}: " \
                          f"{computed.filter_description(indicator) or _('all')}"
            except FilterError as exc:
                raise ReportError(str(exc)) from exc
        period = row.period
        values += [row.achieved, ratings.get(row.rating, row.rating),
                   (period.text_in(language) or period.text) if period else "",
                   period.comment if period else "", counted, row.list_url]
        sheet.append(values, _("Indicator %(code)s") % {"code": indicator.code},
                     formats={k: v for k, v in formats.items() if v})


def _markers(workbook, data, heading):
    columns = [
        Column(_("Theme"), 14), Column(_("Boundary partner"), 26, wrap=True),
        Column(_("Level"), 14), Column(_("Order"), 7, "0"),
        Column(_("Statement"), 50, wrap=True), Column(_("Dossier"), 22, wrap=True),
        Column(_("Rating %(year)s") % {"year": data.year}, 10),
        Column(_("Observation period"), 23), Column(_("Narrative (excerpt)"), 60, wrap=True),
    ]
    sheet = Sheet(workbook, _("Progress markers"), heading, columns)
    levels, ratings = labels(MarkerLevel.choices), labels(Rating.choices)
    record = _("Progress marker “%(marker)s”")
    for status in data.markers:
        marker, observation = status.marker, status.observation
        partner = marker.boundary_partner
        period = f"{observation.period_start:%Y-%m-%d} – {observation.period_end:%Y-%m-%d}" \
            if observation else ""
        sheet.append([
            str(partner.theme), partner.name, levels.get(marker.level, marker.level), marker.order,
            marker.statement, str(marker.dossier) if marker.dossier_id else "",
            ratings.get(status.rating, status.rating), period,
            _excerpt(observation.narrative) if observation else "",
        ], record % {"marker": _excerpt(marker.statement)[:60]})


def _outcomes(workbook, data, heading):
    columns = [
        Column(_("Date"), 11, DATE), Column(_("Title"), 40, wrap=True),
        Column(_("Dossiers"), 24, wrap=True), Column(_("Type of change"), 15),
        Column(_("Political level"), 14), Column(_("Significance"), 50, wrap=True),
        Column(_("Contribution"), 34, wrap=True), Column(_("Evidence"), 9, INTEGER),
        Column(_("Substantiation"), 18, wrap=True), Column(_("Claim confidence"), 11, "0.00"),
    ]
    sheet = Sheet(workbook, _("Outcomes"), heading, columns)
    types, levels = labels(ChangeType.choices), labels(PoliticalLevel.choices)
    substantiations = labels(Substantiation.choices)
    record = _("Outcome “%(title)s” (%(date)s)")
    for row in data.outcomes:
        outcome = row.outcome
        sheet.append([
            outcome.date, outcome.title, ", ".join(str(d) for d in row.dossiers),
            types.get(outcome.change_type, outcome.change_type),
            levels.get(outcome.political_level, outcome.political_level),
            outcome.significance, row.contribution_summary, row.evidence_count,
            substantiations.get(outcome.substantiation, outcome.substantiation),
            float(row.claim.confidence) if row.claim else None,
        ], record % {"title": outcome.title, "date": outcome.date})


def _counts(workbook, data, heading):
    columns = [Column(_("Records"), 12), Column(_("Counted by"), 16),
               Column(_("Value"), 36, wrap=True), Column(_("Number"), 10, INTEGER)]
    sheet = Sheet(workbook, _("Contacts and outputs"), heading, columns)
    names = {"contacts": _("Contacts"), "outputs": _("Outputs")}
    ways = (("by_type", _("Type")), ("by_level", _("Political level")),
            ("by_dossier", _("Dossier")))
    for name, counts in data.counts.items():
        for attribute, label in ways:
            rows = getattr(counts, attribute)
            if not rows and attribute == "by_level":
                continue  # outputs have no political level
            for value, n in rows:
                sheet.append([names.get(name, name), label, value, n], f"{names.get(name)}: {value}")
            # A record with two dossiers (or organisations) counts under each, so the total is
            # the number of records, not the sum of the rows above.
            sheet.append([names.get(name, name), label, _("Total (records)"), counts.total],
                         names.get(name, name), bold=True)
