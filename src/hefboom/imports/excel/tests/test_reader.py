"""Reading workbooks: dates as teams type them, header rows under merged titles, broken files."""

import datetime as dt
import zipfile

import pytest

from hefboom.imports.excel.errors import ImportFailed
from hefboom.imports.excel.reader import DateProblem, parse_date, parse_period, read_workbook
from hefboom.imports.excel.tests.workbooks import dutch_sheets, make_workbook


@pytest.mark.parametrize("value, expected", [
    (dt.datetime(2023, 7, 1, 0, 0), dt.date(2023, 7, 1)),
    (45108, dt.date(2023, 7, 1)),  # an Excel serial number without date formatting
    ("2023-07-01", dt.date(2023, 7, 1)),
    ("1/7/2023", dt.date(2023, 7, 1)),  # Belgian: day first
    ("01.07.23", dt.date(2023, 7, 1)),
    ("1 juli 2023", dt.date(2023, 7, 1)),
    ("1er juillet 2023", dt.date(2023, 7, 1)),
    ("July 1, 2023", dt.date(2023, 7, 1)),
])
def test_dates_in_every_form_teams_use(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value, code, suggestion", [
    ("31/02/2023", "E203", ""),
    ("Q3 2023", "E204", "2023-07-01"),
    ("juli 2023", "E204", "2023-07-01"),
    ("2023", "E204", "2023-01-01"),
    ("volgende week", "E202", ""),
])
def test_a_date_that_is_no_day_says_why(value, code, suggestion):
    with pytest.raises(DateProblem) as problem:
        parse_date(value)
    assert (problem.value.code, problem.value.suggestion) == (code, suggestion)


@pytest.mark.parametrize("value, start, end", [
    ("2023", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
    (2022, dt.date(2022, 1, 1), dt.date(2022, 12, 31)),
    ("Q3 2023", dt.date(2023, 7, 1), dt.date(2023, 9, 30)),
    ("S1 2023", dt.date(2023, 1, 1), dt.date(2023, 6, 30)),
    ("2022-2023", dt.date(2022, 1, 1), dt.date(2023, 12, 31)),
    ("1/1/2023 - 30/6/2023", dt.date(2023, 1, 1), dt.date(2023, 6, 30)),
])
def test_periods_for_progress_markers(value, start, end):
    assert parse_period(value) == (start, end)


def test_the_header_row_is_found_below_a_merged_title(tmp_path):
    sheets = read_workbook(make_workbook(tmp_path / "a.xlsx", dutch_sheets()))
    contacts = next(s for s in sheets if s.name == "Politieke contacten")
    assert contacts.header_row == 3
    assert contacts.headers[:3] == ["Datum", "Type contact", "Contactpersoon"]
    assert [n for n, _ in contacts.rows] == [4, 5, 6]
    outcomes = next(s for s in sheets if s.name == "Outcomes")
    assert outcomes.header_row == 1  # no title row: the first row is the header


def write_encrypted_lookalike(path):
    # An encrypted xlsx is an OLE2 compound file holding an "EncryptionInfo" stream.
    header = bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 504
    path.write_bytes(header + "EncryptionInfo".encode("utf-16-le") + b"\0" * 1000)
    return path


def write_old_xls(path):
    path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 2000 + "Workbook".encode("utf-16-le"))
    return path


def write_corrupt_zip(path):
    good = make_workbook(path.with_suffix(".good.xlsx"), dutch_sheets())
    data = good.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def write_damaged_member(path):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "this is not xml")
    return path


def write_text(path):
    path.write_text("Datum;Samenvatting\n2023-01-01;Overleg\n")
    return path


@pytest.mark.parametrize("writer, code", [
    (write_encrypted_lookalike, "E003"),
    (write_old_xls, "E002"),
    (write_corrupt_zip, "E001"),
    (write_damaged_member, "E004"),
    (write_text, "E001"),
])
def test_broken_files_are_refused_with_a_reason(tmp_path, writer, code):
    path = writer(tmp_path / "kapot.xlsx")
    with pytest.raises(ImportFailed) as failed:
        read_workbook(path)
    assert failed.value.problem.code == code
    assert "kapot.xlsx" in failed.value.problem.message
    assert failed.value.problem.fix


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path, settings):
    path = make_workbook(tmp_path / "groot.xlsx", dutch_sheets())
    settings.EXCEL_IMPORT_MAX_BYTES = path.stat().st_size - 1
    with pytest.raises(ImportFailed) as failed:
        read_workbook(path)
    assert failed.value.problem.code == "E005"
    assert "groot.xlsx" in failed.value.problem.message


def test_a_zip_bomb_is_refused_by_its_unpacked_size(tmp_path, settings):
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", "0" * 5_000_000)  # compresses to a few KB
    settings.EXCEL_IMPORT_MAX_UNPACKED_BYTES = 1_000_000
    assert path.stat().st_size < 100_000
    with pytest.raises(ImportFailed) as failed:
        read_workbook(path)
    assert failed.value.problem.code == "E006"
