"""Fuzzing the Excel import with hypothesis: random bytes, damaged zips, mutated workbooks and
real workbooks with random cells and shifted headers. The importer may only answer with
`ImportFailed` (the whole file) or with problems in its plan (a sheet, a row); any other
exception is a bug. Small, reproducible runs (derandomize)."""

import datetime as dt
import io
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from hefboom.imports.excel.actions import plan_import
from hefboom.imports.excel.errors import MESSAGES, ImportFailed
from hefboom.imports.excel.reader import read_workbook
from hefboom.imports.excel.tests.workbooks import CONTACT_HEADERS, dutch_sheets, make_workbook

FUZZ = settings(max_examples=50, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def _clean_members() -> dict[str, bytes]:
    with tempfile.TemporaryDirectory() as folder:
        path = make_workbook(Path(folder) / "clean.xlsx", dutch_sheets())
        with zipfile.ZipFile(path) as archive:
            return {name: archive.read(name) for name in archive.namelist()}


CLEAN = _clean_members()


def _write(tmp: Path, content: bytes) -> Path:
    path = tmp / "fuzz.xlsx"
    path.write_bytes(content)
    return path


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def read_or_refuse(path: Path):
    try:
        return read_workbook(path, "fuzz.xlsx")
    except ImportFailed as failed:
        assert failed.problem.code in MESSAGES
        assert "fuzz.xlsx" in failed.problem.message
        return None


@FUZZ
@given(st.one_of(st.binary(max_size=300), st.binary(max_size=300).map(lambda b: b"PK\x03\x04" + b)))
def test_random_bytes_are_refused_with_a_code(tmp_path_factory, content):
    assert read_or_refuse(_write(tmp_path_factory.mktemp("f"), content)) is None


@FUZZ
@given(st.sampled_from(sorted(CLEAN)), st.integers(0, 10**6), st.binary(min_size=1, max_size=20),
       st.sampled_from(["replace", "truncate", "insert"]))
def test_a_workbook_with_one_damaged_part_is_read_or_refused(tmp_path_factory, name, at, junk,
                                                             how):
    members = dict(CLEAN)
    data = members[name]
    at %= len(data) + 1
    members[name] = {"replace": data[:at] + junk + data[at + len(junk):],
                     "truncate": data[:at],
                     "insert": data[:at] + junk + data[at:]}[how]
    read_or_refuse(_write(tmp_path_factory.mktemp("f"), _zip(members)))


@FUZZ
@given(st.binary(min_size=1, max_size=4000).map(lambda b: b), st.integers(0, 10**6))
def test_a_damaged_zip_is_refused_with_a_code(tmp_path_factory, junk, at):
    data = _zip(CLEAN)
    at %= len(data)
    read_or_refuse(_write(tmp_path_factory.mktemp("f"), data[:at] + junk + data[at + len(junk):]))


# Real workbooks with random cells: what people type into a monitoring sheet.
# Text a workbook can hold (openpyxl refuses control characters when writing).
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)
CELL = st.one_of(
    st.none(), TEXT, st.integers(-10**15, 10**15),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.dates(dt.date(1900, 3, 1), dt.date(9999, 12, 31)),
    st.datetimes(dt.datetime(1900, 3, 1), dt.datetime(9999, 12, 31)),
    st.booleans(),
    st.sampled_from(["14/03/2023", "2023-02-30", "Q3 2023", "1 maart 2023", "hervestiging",
                     "Nicole De Moor", "N-VA", "alice", "bob, alice", "overleg", "=1+1", "#N/A",
                     "31/12/99", "Hervestiging, Arbeidsmigratie", " ", "\u00a0"]),
)
HEADERS = st.one_of(st.just(CONTACT_HEADERS),
                    st.permutations(CONTACT_HEADERS),
                    st.lists(st.one_of(TEXT, st.sampled_from(CONTACT_HEADERS), st.none()),
                             max_size=10))


@st.composite
def workbooks(draw):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = draw(st.sampled_from(["Politieke contacten", "Contacts", "Blad1", "Outputs",
                                        "Outcomes", "Progress markers"]))
    for _ in range(draw(st.integers(0, 4))):  # a title, notes or empty rows above the headers
        sheet.append(draw(st.lists(CELL, max_size=3)))
    headers = draw(HEADERS)
    offset = draw(st.integers(0, 2))  # the table starts in column A, B or C
    sheet.append([None] * offset + list(headers))
    for _ in range(draw(st.integers(0, 6))):
        sheet.append([None] * offset + draw(st.lists(CELL, max_size=len(headers) + 2)))
    if draw(st.booleans()):
        extra = workbook.create_sheet(draw(st.sampled_from(["Outputs", "Notities", "Blad2"])))
        for _ in range(draw(st.integers(0, 3))):
            extra.append(draw(st.lists(CELL, max_size=5)))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.django_db
@settings(FUZZ, max_examples=25)
@given(content=workbooks())
def test_the_dry_run_of_any_workbook_gives_a_plan_or_a_clear_refusal(tmp_path_factory, world,
                                                                   content):
    path = _write(tmp_path_factory.mktemp("f"), content)
    try:
        plan = plan_import(path, filename="fuzz.xlsx", user=world["alice"])
    except ImportFailed as failed:
        assert failed.problem.code in MESSAGES
        return
    for problem in plan.problems:
        assert problem.code in MESSAGES
        assert problem.message and problem.fix
