"""`hefboom import-excel` as a user or a script runs it."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from hefboom.imports.excel.models import ExcelImport, ExcelMapping
from hefboom.imports.excel.tests.test_dry_run import contacts_workbook
from hefboom.imports.excel.tests.workbooks import contact_rows, dutch_sheets, make_workbook
from hefboom.monitoring.models import Contact

HEFBOOM = str(Path(sys.executable).with_name("hefboom"))


def run(*args):
    out = io.StringIO()
    call_command("import-excel", *[str(a) for a in args], stdout=out, stderr=out)
    return out.getvalue()


def test_dry_run_prints_mapping_counts_and_writes_nothing(world, dutch_workbook):
    output = run(dutch_workbook, "--dry-run")
    assert "Politieke contacten: political contacts, header row 3; Datum → date" in output
    assert "Indicatoren: indicators (not imported yet)" in output
    assert "Would create: 3 contacts, 2 outputs, 1 outcomes, 1 observations" in output
    assert "I105 sheet 'Indicatoren'" in output
    assert not Contact.objects.exists() and not ExcelImport.objects.exists()


def test_dry_run_with_problems_lists_each_and_fails(world, tmp_path):
    rows = contact_rows(3)
    rows[1][0] = "31/02/2023"
    with pytest.raises(CommandError, match="E014") as failed:
        run(contacts_workbook(tmp_path, rows), "--dry-run")
    assert "1 problems" in str(failed.value)


def test_the_report_names_the_place_of_each_problem(world, tmp_path, capsys):
    rows = contact_rows(3)
    rows[1][0] = "Q3 2023"
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import-excel", str(contacts_workbook(tmp_path, rows)), "--dry-run", stdout=out)
    assert ("E204 sheet 'Politieke contacten', row 5, column 'Datum': 'Q3 2023' is a period, not a "
            "day. What to do: Give a day, e.g. 2023-07-01.") in out.getvalue()


def test_a_real_run_imports_as_the_first_administrator_and_only_once(world, dutch_workbook):
    output = run(dutch_workbook)
    assert "Created: 3 contacts, 2 outputs, 1 outcomes, 1 observations" in output
    assert Contact.objects.first().created_by == world["carol"]
    assert ExcelImport.objects.get().status == "imported"
    again = run(dutch_workbook, "--user", "bob")
    assert "Already imported: 3 contacts, 2 outputs, 1 outcomes, 1 observations" in again
    assert Contact.objects.count() == 3


def test_uncertain_names_need_a_flag(world, tmp_path):
    from hefboom.actors.models import Person
    from hefboom.core.actions import save_record

    save_record(Person(first_name="Nele", last_name="De Moor"), None)
    rows = contact_rows(1)
    rows[0][2] = "N. De Moor"
    path = contacts_workbook(tmp_path, rows)
    assert "person 'N. De Moor' (Politieke contacten row 4)" in run(path, "--dry-run")
    with pytest.raises(CommandError, match="E013"):
        run(path)
    assert not Contact.objects.exists()
    assert "Created: 1 contacts" in run(path, "--create-uncertain")
    assert Person.objects.filter(last_name="De Moor").count() == 3


def test_mapping_from_a_json_file_and_a_saved_name(world, tmp_path, dutch_workbook):
    output = run(dutch_workbook, "--dry-run", "--show-mapping", "--save-mapping", "Beleid")
    proposed = json.loads(output[output.index("{"): output.index("\n}") + 2])
    proposed["sheets"]["Outputs"]["type"] = "ignore"
    mapping_file = tmp_path / "mapping.json"
    mapping_file.write_text(json.dumps(proposed))
    assert "Would create: 3 contacts, 0 outputs" in run(dutch_workbook, "--dry-run", "--mapping",
                                                        mapping_file)
    assert ExcelMapping.objects.get().name == "Beleid"
    assert "Would create: 3 contacts, 2 outputs" in run(dutch_workbook, "--dry-run", "--mapping",
                                                        "Beleid")
    with pytest.raises(CommandError, match="E008.*Beleid"):
        run(dutch_workbook, "--dry-run", "--mapping", "Onbekend")
    proposed["sheets"]["Outputs"] = {"type": "output", "columns": {"Titel": "titel"}}
    mapping_file.write_text(json.dumps(proposed))
    with pytest.raises(CommandError, match="E009.*'titel' is no field of output"):
        run(dutch_workbook, "--dry-run", "--mapping", mapping_file)


def test_without_an_administrator_a_real_run_says_what_to_do(alice, dossier, dutch_workbook):
    with pytest.raises(CommandError, match="E010.*--user"):
        run(dutch_workbook)
    with pytest.raises(CommandError, match="E011"):
        run(dutch_workbook, "--user", "nobody")


def test_a_broken_file_is_a_clear_error(world, tmp_path):
    path = tmp_path / "kapot.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(CommandError, match="E001.*kapot.xlsx"):
        run(path, "--dry-run")


def test_the_command_in_a_real_subprocess_on_a_fresh_database(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["HEFBOOM_DATA_DIR"] = str(tmp_path / "data")
    env["HEFBOOM_LANGUAGE"] = "en"
    migrate = subprocess.run([HEFBOOM, "migrate", "--verbosity", "0"], env=env, capture_output=True,
                             text=True, timeout=300, check=False)
    assert migrate.returncode == 0, migrate.stderr
    path = make_workbook(tmp_path / "monitoring.xlsx", dutch_sheets())
    result = subprocess.run([HEFBOOM, "import-excel", str(path), "--dry-run"], env=env,
                            capture_output=True, text=True, timeout=300, check=False)
    # A fresh database has no dossiers yet: every row says so, and where.
    assert result.returncode == 1
    assert "E205 sheet 'Politieke contacten', row 4, column 'Dossier'" in result.stdout
    assert "no dossiers yet" in result.stdout
    assert "E014" in result.stderr
    assert (tmp_path / "data" / "hefboom.sqlite3").exists()
