"""The mapping proposal: which sheet holds what and which column is which field."""

import pytest

from hefboom.imports.excel import mapping
from hefboom.imports.excel.models import ExcelMapping
from hefboom.imports.excel.reader import read_workbook
from hefboom.imports.excel.tests.workbooks import (
    dutch_sheets,
    french_sheets,
    make_workbook,
    other_wording_sheets,
)


def proposal(tmp_path, sheets):
    return mapping.propose(read_workbook(make_workbook(tmp_path / "w.xlsx", sheets)))["sheets"]


@pytest.mark.django_db
def test_dutch_tabs_and_headers_are_recognised(tmp_path):
    proposed = proposal(tmp_path, dutch_sheets())
    assert {name: spec["type"] for name, spec in proposed.items()} == {
        "Indicatoren": "indicator", "Politieke contacten": "contact", "Outputs": "output",
        "Outcomes": "outcome", "Progress markers": "observation"}
    assert proposed["Politieke contacten"]["header_row"] == 3
    assert proposed["Politieke contacten"]["columns"] == {
        "Datum": "date", "Type contact": "channel", "Contactpersoon": "persons",
        "Organisatie": "organisations", "Partij": "party", "Dossier": "dossiers",
        "Samenvatting": "summary", "Wie van ons": "our_participants"}
    assert proposed["Outcomes"]["columns"]["Outcome"] == "description"
    assert proposed["Outcomes"]["columns"]["Bron"] == "source"
    assert proposed["Progress markers"]["columns"]["Periode"] == "period"


@pytest.mark.django_db
def test_french_headers_are_recognised(tmp_path):
    proposed = proposal(tmp_path, french_sheets())["Contacts politiques"]
    assert proposed["type"] == "contact"
    assert proposed["columns"] == {
        "Date": "date", "Canal": "channel", "Interlocuteur": "persons", "Parti": "party",
        "Sous-thème": "dossiers", "Résumé": "summary", "Qui de chez nous": "our_participants"}


@pytest.mark.django_db
def test_other_wordings_and_typos_are_matched_fuzzily(tmp_path):
    proposed = proposal(tmp_path, other_wording_sheets())["Contacts"]
    assert proposed["columns"]["When"] == "date"
    assert proposed["columns"]["With whom"] == "persons"
    assert proposed["columns"]["Summary"] == "summary"
    typo = proposal(tmp_path, {"Contacten": {"headers": ["Datumm", "Samenvating", "Dosier"],
                                             "rows": [["2023-01-01", "x", "y"]]}})["Contacten"]
    assert typo["columns"] == {"Datumm": "date", "Samenvating": "summary", "Dosier": "dossiers"}


@pytest.mark.django_db
def test_unknown_headers_leave_the_sheet_ignored_with_a_warning(tmp_path):
    sheets = read_workbook(make_workbook(tmp_path / "w.xlsx", {
        "Blad1": {"headers": ["Kolom A", "Kolom B", "Kolom C"], "rows": [[1, 2, 3]]},
        "Contacten": {"headers": ["Datum", "Dossier", "Iets", "Samenvatting"],
                      "rows": [["2023-01-01", "Hervestiging", "?", "x"]]}}))
    proposed = mapping.propose(sheets)
    assert proposed["sheets"]["Blad1"]["type"] == "ignore"
    problems = {p.code: p for p in mapping.check({"sheets": {"Contacten": proposed["sheets"]["Contacten"]}},
                                                 sheets)}
    assert problems["W108"].sheet == "Blad1"
    assert "Iets" in problems["W103"].message


@pytest.mark.django_db
def test_a_required_field_without_column_is_an_error(tmp_path):
    sheets = read_workbook(make_workbook(tmp_path / "w.xlsx", dutch_sheets()))
    proposed = mapping.propose(sheets)
    del proposed["sheets"]["Outputs"]["columns"]["Titel"]
    problems = [p for p in mapping.check(proposed, sheets) if p.code == "E104"]
    assert [(p.sheet, p.params["field"]) for p in problems] == [("Outputs", "title")]


@pytest.mark.django_db
def test_a_saved_mapping_is_used_for_the_same_layout(tmp_path, alice):
    sheets = read_workbook(make_workbook(tmp_path / "w.xlsx", dutch_sheets()))
    edited = mapping.propose(sheets)
    edited["sheets"]["Outputs"]["columns"]["Link"] = ""  # the team does not want links
    ExcelMapping.objects.create(name="Beleidsdienst 2023", signature=mapping.signature(sheets),
                                mapping=edited, created_by=alice)
    next_year = read_workbook(make_workbook(tmp_path / "w2.xlsx", dutch_sheets(contacts=[])))
    again = mapping.propose(next_year)
    assert again["saved_as"] == "Beleidsdienst 2023"
    assert again["sheets"]["Outputs"]["columns"]["Link"] == ""
    other = read_workbook(make_workbook(tmp_path / "w3.xlsx", french_sheets()))
    assert "saved_as" not in mapping.propose(other)
