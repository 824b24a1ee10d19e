"""Listening's exports: a trend table, the texts behind any view, mentions and alerts, as CSV or
Excel. Every cell goes through `core.spreadsheet.neutralise` (a text from the corpus is written
by strangers: one starting with "=" must never run as a formula)."""

import csv
import datetime as dt
import io

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from hefboom.core.spreadsheet import neutralise

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def cell(value):
    """A value as a spreadsheet cell: lists joined, times in UTC without zone (Excel has none)."""
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value)
    elif isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
    elif isinstance(value, float):
        value = round(value, 4)
    return neutralise(value)


def table_bytes(headers, rows, fmt: str) -> bytes:
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([cell(str(h)) for h in headers])
        for row in rows:
            writer.writerow(["" if v is None else v for v in map(cell, row)])
        return ("\ufeff" + buffer.getvalue()).encode()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title="Hefboom")
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for h in headers:
        c = WriteOnlyCell(sheet, value=cell(str(h)))
        c.font = bold
        header.append(c)
    sheet.append(header)
    for row in rows:
        sheet.append([cell(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def table_response(name: str, headers, rows, fmt: str) -> HttpResponse:
    fmt = "xlsx" if fmt == "xlsx" else "csv"
    content_type = "text/csv; charset=utf-8" if fmt == "csv" else XLSX
    response = HttpResponse(table_bytes(headers, rows, fmt), content_type=content_type)
    filename = f"hefboom-{name}-{timezone.localdate().isoformat()}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
