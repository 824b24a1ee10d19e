"""Exports of a filtered record list to CSV and Excel, safe to open in a spreadsheet.

Every cell goes through `core.spreadsheet.neutralise`, so a value that would run as a formula in
Excel or LibreOffice is written as text (see that module for which values and why).
"""

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from hefboom.core.spreadsheet import neutralise


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable
    width: int = 18


def _names(manager) -> str:
    return ", ".join(str(item) for item in manager.all())


def _follow_ups(contact) -> str:
    """Every follow-up of the contact on its own line: text, owner, due date, done or not."""
    lines = []
    for item in contact.follow_ups.all():
        line = f"{item.description} ({item.owner}"
        if item.due_date:
            line += f", {item.due_date.isoformat()}"
        line += ")"
        if item.is_done:
            line += f" [{_('done')}]"
        lines.append(line)
    return "\n".join(lines)


def _next_due(contact):
    """The earliest due date among the contact's open follow-ups."""
    return min((item.due_date for item in contact.follow_ups.all()
                if item.due_date and not item.is_done), default=None)


# Related records the columns read, fetched once per export rather than per row.
PREFETCH = {"contacts": ("follow_ups__owner", "partners"), "activities": ("partners",),
            "outputs": ("partners",)}

COLUMNS = {
    "contacts": [
        Column(_("Date"), lambda r: r.date, 12),
        Column(_("Channel"), lambda r: r.get_channel_display(), 14),
        Column(_("Formal"), lambda r: _("yes") if r.is_formal else _("no"), 8),
        Column(_("Summary"), lambda r: r.summary, 60),
        Column(_("Their participants"), lambda r: _names(r.persons), 30),
        Column(_("Organisations"), lambda r: _names(r.organisations), 30),
        Column(_("Our participants"), lambda r: _names(r.our_participants), 25),
        Column(_("Dossiers"), lambda r: _names(r.dossiers), 25),
        Column(_("Services"), lambda r: _names(r.services), 25),
        Column(_("Member organisations and coalitions"), lambda r: _names(r.partners), 30),
        Column(_("Arguments used"), lambda r: r.arguments, 40),
        Column(_("Their position"), lambda r: r.their_position, 40),
        Column(_("Follow-ups"), lambda r: _follow_ups(r), 40),
        Column(_("Follow-up due"), lambda r: _next_due(r), 12),
        Column(_("Confidentiality"), lambda r: r.get_confidentiality_display(), 14),
    ],
    "activities": [
        Column(_("Date"), lambda r: r.date, 12),
        Column(_("End date"), lambda r: r.end_date, 12),
        Column(_("Type"), lambda r: r.get_type_display(), 18),
        Column(_("Title"), lambda r: r.title, 50),
        Column(_("Organisations"), lambda r: _names(r.organisations), 30),
        Column(_("Our participants"), lambda r: _names(r.our_participants), 25),
        Column(_("Dossiers"), lambda r: _names(r.dossiers), 25),
        Column(_("Services"), lambda r: _names(r.services), 25),
        Column(_("Member organisations and coalitions"), lambda r: _names(r.partners), 30),
        Column(_("Description"), lambda r: r.description, 60),
    ],
    "outputs": [
        Column(_("Date"), lambda r: r.date, 12),
        Column(_("Type"), lambda r: r.get_type_display(), 22),
        Column(_("Title"), lambda r: r.title, 50),
        Column(_("Dossiers"), lambda r: _names(r.dossiers), 25),
        Column(_("Services"), lambda r: _names(r.services), 25),
        Column(_("Member organisations and coalitions"), lambda r: _names(r.partners), 30),
        Column(_("Link"), lambda r: r.url, 40),
        Column(_("Description"), lambda r: r.description, 60),
    ],
    "outcomes": [
        Column(_("Date"), lambda r: r.date, 12),
        Column(_("Title"), lambda r: r.title, 45),
        Column(_("Description of the change"), lambda r: r.description, 60),
        Column(_("Social actors"), lambda r: ", ".join(
            [str(o) for o in r.social_actor_organisations.all()]
            + [str(p) for p in r.social_actor_persons.all()]), 35),
        Column(_("Political level"), lambda r: r.get_political_level_display(), 14),
        Column(_("Type of change"), lambda r: r.get_change_type_display(), 16),
        Column(_("Intended"), lambda r: _("yes") if r.is_intended else _("no"), 9),
        Column(_("Positive"), lambda r: _("yes") if r.is_positive else _("no"), 9),
        Column(_("Significance"), lambda r: r.significance, 50),
        Column(_("Contribution"), lambda r: r.contribution, 50),
        Column(_("Substantiation status"), lambda r: r.get_substantiation_display(), 18),
        Column(_("Dossiers"), lambda r: _names(r.dossiers), 25),
    ],
}


def rows(kind: str, records: Iterable):
    columns = COLUMNS[kind]
    yield [neutralise(str(c.header)) for c in columns]
    for record in records:
        yield [neutralise(c.value(record)) for c in columns]


def export_response(kind: str, records, fmt: str) -> HttpResponse:
    if PREFETCH.get(kind):
        records = records.prefetch_related(*PREFETCH[kind])
    stamp = timezone.localdate().isoformat()
    filename = f"hefboom-{kind}-{stamp}.{fmt}"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        for row in rows(kind, records):
            writer.writerow(["" if v is None else v for v in row])
        response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            _workbook(kind, records),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _workbook(kind, records) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=kind[:31])
    columns = COLUMNS[kind]
    for index, column in enumerate(columns):
        sheet.column_dimensions[get_column_letter(index + 1)].width = column.width
    sheet.freeze_panes = "A2"
    header_font, header_fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="1D2733")
    for number, row in enumerate(rows(kind, records)):
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            if number == 0:
                cell.font, cell.fill = header_font, header_fill
            elif hasattr(value, "year"):
                cell.number_format = "yyyy-mm-dd"
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

