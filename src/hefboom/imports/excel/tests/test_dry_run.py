"""The dry run: every problem with its place and fix, what would be created, and who is who."""

import datetime as dt

import pytest

from hefboom.actors.models import Organisation, Person
from hefboom.core.actions import save_record
from hefboom.imports.excel import actions
from hefboom.imports.excel.errors import Problem
from hefboom.imports.excel.tests.workbooks import (
    CONTACT_HEADERS,
    contact_rows,
    dutch_sheets,
    make_workbook,
)
from hefboom.monitoring.models import Contact, Outcome, Output


def contacts_workbook(tmp_path, rows, name="contacten.xlsx"):
    return make_workbook(tmp_path / name, {"Politieke contacten": {
        "title": "Contacten 2023", "headers": CONTACT_HEADERS, "rows": rows}})


def problems(report, code=None):
    found = [Problem.from_dict(p) for p in report["problems"]]
    return [p for p in found if code is None or p.code == code]


def test_a_clean_workbook_reports_counts_and_writes_nothing(world, dutch_workbook):
    report = actions.dry_run(dutch_workbook, user=world["carol"])
    assert report["error_count"] == 0, problems(report)
    assert {k: c["create"] for k, c in report["counts"].items()} == {
        "contact": 3, "output": 2, "outcome": 1, "observation": 1}
    assert [p.code for p in problems(report)] == ["I105"]  # indicators: not imported yet
    assert problems(report)[0].sheet == "Indicatoren"
    assert not Contact.objects.exists() and not Output.objects.exists()
    assert not Outcome.objects.exists() and not Person.objects.filter(last_name="Peeters").exists()
    assert report["new_actors"] == ["person: Jan Peeters"]


def test_bad_dates_name_sheet_row_column_value_and_fix(world, tmp_path):
    rows = contact_rows(4)
    rows[1][0] = "31/02/2023"
    rows[2][0] = "Q3 2023"
    rows[3][0] = "binnenkort"
    report = actions.dry_run(contacts_workbook(tmp_path, rows), user=world["carol"])
    found = {p.code: p for p in problems(report)}
    impossible, vague, unreadable = found["E203"], found["E204"], found["E202"]
    assert (impossible.sheet, impossible.row, impossible.column, impossible.value) == (
        "Politieke contacten", 5, "Datum", "31/02/2023")
    assert (vague.row, vague.value) == (6, "Q3 2023")
    assert "give a day, e.g. 2023-07-01" in vague.fix.lower()
    assert unreadable.row == 7
    assert "sheet 'Politieke contacten', row 5, column 'Datum'" in impossible.text()
    assert report["counts"]["contact"]["create"] == 1
    assert report["error_count"] == 3


def test_unknown_dossier_lists_the_known_ones(world, tmp_path):
    rows = contact_rows(2)
    rows[1][5] = "Visumbeleid"
    report = actions.dry_run(contacts_workbook(tmp_path, rows), user=world["carol"])
    [problem] = problems(report, "E205")
    assert (problem.row, problem.column, problem.value) == (5, "Dossier", "Visumbeleid")
    assert "Hervestiging (hervestiging)" in problem.fix
    assert "Arbeidsmigratie (arbeidsmigratie)" in problem.fix


def test_dossiers_and_parties_are_matched_fuzzily(world, tmp_path):
    rows = contact_rows(3)
    rows[0][5], rows[0][4] = "hervestigng", "nva"  # typo, party by short name without hyphen
    rows[1][5], rows[1][4] = "Hervestiging; Arbeidsmigratie", "Nieuw-Vlaamse Alliantie"
    rows[2][4] = "Partij voor de Dieren"
    report = actions.dry_run(contacts_workbook(tmp_path, rows), user=world["carol"])
    [unknown_party] = problems(report, "E206")
    assert (unknown_party.row, unknown_party.value) == (6, "Partij voor de Dieren")
    assert "N-VA" in unknown_party.fix
    assert report["error_count"] == 1


def test_duplicate_rows_are_errors_naming_the_first(world, tmp_path):
    rows = contact_rows(3)
    rows.append(list(rows[0]))
    report = actions.dry_run(contacts_workbook(tmp_path, rows), user=world["carol"])
    [duplicate] = problems(report, "E208")
    assert duplicate.row == 7
    assert "row 4 of sheet 'Politieke contacten'" in duplicate.message


def test_empty_and_unrecognised_sheets_are_reported_but_do_not_block(world, tmp_path):
    sheets = {**dutch_sheets(), "Leeg": {}, "Notities": {"headers": ["Kolom A", "Kolom B"],
                                                         "rows": [["x", "y"]]}}
    report = actions.dry_run(make_workbook(tmp_path / "w.xlsx", sheets), user=world["carol"])
    codes = {(p.code, p.sheet) for p in problems(report)}
    assert ("W101", "Leeg") in codes and ("W108", "Notities") in codes
    assert report["error_count"] == 0


def test_a_workbook_with_only_empty_sheets_is_refused(world, tmp_path):
    report = actions.dry_run(make_workbook(tmp_path / "leeg.xlsx", {"Blad1": {}}), user=world["carol"])
    assert "E007" in [p.code for p in problems(report)]


def test_min_de_moor_nicole_de_moor_and_kabinet_de_moor_are_one_person_and_her_cabinet(
        world, tmp_path):
    rows = [[dt.date(2023, 3, i + 1), "overleg", name, "", "", "Hervestiging", f"Overleg {i}", "alice"]
            for i, name in enumerate(["Min. De Moor", "Nicole De Moor", "kabinet De Moor",
                                      "Staatssecretaris N. De Moor"])]
    report = actions.dry_run(contacts_workbook(tmp_path, rows), user=world["carol"])
    assert report["error_count"] == 0, problems(report)
    assert report["actors"] == {"matched": 4, "new": 0, "review": 0, "skip": 0}
    actions.commit(contacts_workbook(tmp_path, rows), user=world["carol"])
    assert Person.objects.count() == 1
    cabinet_contact = Contact.objects.get(summary="Overleg 2")
    assert list(cabinet_contact.organisations.all()) == [world["cabinet"]]
    assert not cabinet_contact.persons.exists()


def test_unknown_de_moor_in_three_spellings_becomes_one_new_person_and_one_cabinet(
        carol, dossier, tmp_path):
    rows = [[dt.date(2023, 3, i + 1), "overleg", name, "", "", "Hervestiging", f"Overleg {i}", ""]
            for i, name in enumerate(["Min. De Moor", "kabinet De Moor", "Nicole De Moor"])]
    report = actions.commit(contacts_workbook(tmp_path, rows), user=carol)
    assert report["created"]["persons"] == 1 and report["created"]["organisations"] == 1
    person = Person.objects.get()
    assert (person.first_name, person.last_name) == ("Nicole", "De Moor")
    assert Organisation.objects.get().type == "cabinet"
    assert set(Contact.objects.values_list("persons", flat=True)) == {person.pk, None}


def test_uncertain_names_are_listed_for_review(world, tmp_path):
    save_record(Person(first_name="Nele", last_name="De Moor"), None)
    rows = contact_rows(2)
    rows[0][2] = "Min. De Moor"  # two persons carry that surname
    report = actions.dry_run(contacts_workbook(tmp_path, rows), user=world["carol"])
    [review] = report["reviews"]
    assert review["name"] == "Min. De Moor" and review["decision"] == ""
    assert {c["label"].split(" (")[0] for c in review["candidates"]} == {"Nicole De Moor",
                                                                          "Nele De Moor"}
    assert review["places"] == [["Politieke contacten", 4, "Contactpersoon"]]


def test_a_bare_surname_nobody_carries_is_an_error(world, tmp_path):
    rows = contact_rows(1)
    rows[0][2] = "Min. Vandenbroucke"
    report = actions.dry_run(contacts_workbook(tmp_path, rows), user=world["carol"])
    [problem] = problems(report, "E210")
    assert (problem.row, problem.column, problem.value) == (4, "Contactpersoon", "Min. Vandenbroucke")


@pytest.mark.parametrize("cell, expected", [("bob", ["bob"]), ("Alice, Bob", ["alice", "bob"]),
                                            ("", ["carol"])])
def test_our_participants_come_from_the_column_or_are_the_importer(world, tmp_path, cell, expected):
    rows = contact_rows(1)
    rows[0][7] = cell
    actions.commit(contacts_workbook(tmp_path, rows), user=world["carol"])
    contact = Contact.objects.get()
    assert sorted(u.username for u in contact.our_participants.all()) == expected


def test_an_unknown_colleague_is_a_warning_and_the_importer_takes_part(world, tmp_path):
    rows = contact_rows(1)
    rows[0][7] = "Stagiair Tom"
    report = actions.commit(contacts_workbook(tmp_path, rows), user=world["carol"])
    assert [p.code for p in problems(report)] == ["W214"]
    assert [u.username for u in Contact.objects.get().our_participants.all()] == ["carol"]


def test_the_dry_run_issues_no_query_per_row(world, tmp_path, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from hefboom.imports.excel.tests.test_commit import many_rows

    with CaptureQueriesContext(connection) as few:
        actions.dry_run(contacts_workbook(tmp_path, many_rows(10), "few.xlsx"), user=world["carol"])
    with django_assert_max_num_queries(len(few.captured_queries)):
        report = actions.dry_run(contacts_workbook(tmp_path, many_rows(300), "many.xlsx"),
                                 user=world["carol"])
    assert report["counts"]["contact"]["create"] == 300
