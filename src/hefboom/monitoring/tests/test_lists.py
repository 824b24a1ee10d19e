"""Lists that help: filters, sorting, pagination and exports that keep confidences."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from hefboom.actors.models import Organisation, Person, PersonRole
from hefboom.core.actions import save_record
from hefboom.monitoring import actions
from hefboom.monitoring.models import Contact, Outcome, Output


@pytest.fixture
def landscape(alice, bob, dossier, theme, cabinet, advisor):
    """Three contacts: a federal cabinet call (Alice), a party meeting (Bob), a Flemish MP."""
    party = save_record(Organisation(name="Partij Groen-Blauw", type="party"), None)
    group = save_record(Organisation(name="Fractie Groen-Blauw", type="parliamentary_group",
                                     political_level="flemish", parent=party), None)
    mp = save_record(Person(first_name="Ilse", last_name="Verzonnen"), None)
    save_record(PersonRole(person=mp, organisation=party, title="Lid"), None)
    first = actions.record_contact(
        alice, Contact(date=dt.date(2023, 1, 10), channel="call", summary="Kabinetsgesprek"),
        our_participants=[alice], dossiers=[dossier], organisations=[cabinet], persons=[advisor])
    second = actions.record_contact(
        bob, Contact(date=dt.date(2023, 6, 1), channel="meeting", summary="Fractieoverleg"),
        our_participants=[bob], dossiers=[dossier], organisations=[group])
    third = actions.record_contact(
        bob, Contact(date=dt.date(2024, 2, 1), channel="email", summary="=HYPERLINK(\"x\")"),
        our_participants=[bob], dossiers=[dossier], persons=[mp])
    return {"party": party, "group": group, "mp": mp, "contacts": [first, second, third]}


def summaries(response):
    return [c.summary for c in response.context["page"]]


@pytest.mark.parametrize(
    "params, expected",
    [
        ({}, ["=HYPERLINK(\"x\")", "Fractieoverleg", "Kabinetsgesprek"]),
        ({"channel": "meeting"}, ["Fractieoverleg"]),
        ({"date_from": "2023-05-01", "date_to": "2023-12-31"}, ["Fractieoverleg"]),
        ({"level": "federal"}, ["Kabinetsgesprek"]),
        ({"level": "flemish"}, ["Fractieoverleg"]),
        ({"order": "date"}, ["Kabinetsgesprek", "Fractieoverleg", "=HYPERLINK(\"x\")"]),
    ],
)
def test_contact_filters_and_sorting(client, alice, landscape, params, expected):
    client.force_login(alice)
    assert summaries(client.get(reverse("monitoring:contacts"), params)) == expected


def test_filters_by_related_records(client, alice, bob, landscape, cabinet, advisor, dossier, theme):
    client.force_login(alice)
    url = reverse("monitoring:contacts")
    assert summaries(client.get(url, {"person": advisor.pk})) == ["Kabinetsgesprek"]
    assert summaries(client.get(url, {"organisation": cabinet.pk})) == ["Kabinetsgesprek"]
    assert summaries(client.get(url, {"participant": bob.pk})) == ["=HYPERLINK(\"x\")",
                                                                   "Fractieoverleg"]
    # A party covers its parliamentary group and its members.
    assert summaries(client.get(url, {"party": landscape["party"].pk})) == [
        "=HYPERLINK(\"x\")", "Fractieoverleg"]
    assert len(summaries(client.get(url, {"theme": theme.pk, "dossier": dossier.pk}))) == 3


def test_pagination_keeps_the_filter(client, alice, dossier, cabinet):
    for i in range(55):
        actions.record_contact(alice, Contact(date=dt.date(2023, 1, 1) + dt.timedelta(days=i),
                                              channel="call", summary=f"Gesprek {i}"),
                               our_participants=[alice], dossiers=[dossier])
    client.force_login(alice)
    response = client.get(reverse("monitoring:contacts"), {"channel": "call"})
    assert response.context["page"].paginator.count == 55
    assert "channel=call&amp;page=2" in response.content.decode()
    second = client.get(reverse("monitoring:contacts"), {"channel": "call", "page": 2})
    assert len(second.context["page"]) == 5


def test_csv_export_is_filtered_and_formula_safe(client, alice, landscape):
    client.force_login(alice)
    response = client.get(reverse("monitoring:contacts"), {"export": "csv", "channel": "email"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert table[0][:4] == ["Date", "Channel", "Formal", "Summary"]
    assert len(table) == 2
    assert table[1][3] == "'=HYPERLINK(\"x\")"


def test_excel_export_is_formatted_and_formula_safe(client, alice, landscape):
    client.force_login(alice)
    response = client.get(reverse("monitoring:contacts"), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].value == "Date" and sheet["A1"].font.bold
    values = [row[3] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "'=HYPERLINK(\"x\")" in values
    assert all(sheet.cell(row=r, column=4).data_type == "s" for r in range(2, 5))
    assert isinstance(sheet["A2"].value, dt.datetime)


def test_exports_never_contain_a_confidential_contact_for_others(
    client, bob, alice, confidential_contact, open_contact
):
    client.force_login(bob)
    for fmt in ("csv", "xlsx"):
        response = client.get(reverse("monitoring:contacts"), {"export": fmt})
        body = response.content if fmt == "xlsx" else response.content.decode()
        if fmt == "xlsx":
            sheet = load_workbook(io.BytesIO(body)).active
            body = " ".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row)
        assert "Vertrouwelijk overleg" not in body
        assert "Telefoon over hervestigingsquota" in body
    client.force_login(alice)
    assert "Vertrouwelijk overleg" in client.get(
        reverse("monitoring:contacts"), {"export": "csv"}).content.decode()


def test_output_and_outcome_filters(client, alice, dossier, landscape):
    actions.record_output(alice, Output(title="Studie", type="study", date=dt.date(2023, 3, 1)),
                          dossiers=[dossier])
    actions.record_output(alice, Output(title="Persbericht", type="press_release",
                                        date=dt.date(2023, 3, 2)), dossiers=[dossier])
    actions.record_outcome(alice, Outcome(title="Fractie stelt vraag", description="…",
                                          date=dt.date(2023, 4, 1), change_type="agenda",
                                          political_level="flemish"),
                           dossiers=[dossier], social_actor_organisations=[landscape["group"]])
    client.force_login(alice)
    outputs = client.get(reverse("monitoring:outputs"), {"type": "study"})
    assert [o.title for o in outputs.context["page"]] == ["Studie"]
    outcomes = client.get(reverse("monitoring:outcomes"), {"party": landscape["party"].pk})
    assert [o.title for o in outcomes.context["page"]] == ["Fractie stelt vraag"]
    assert not list(client.get(reverse("monitoring:outcomes"),
                               {"type": "budget"}).context["page"])


@pytest.mark.parametrize("value, safe", [("=1+1", "'=1+1"), ("+32 2 123", "'+32 2 123"),
                                         ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
                                         ("\tx", "'\tx"), ("gewoon", "gewoon"), (3, 3)])
def test_cells_that_would_run_as_formulas_are_neutralised(value, safe):
    from hefboom.core.spreadsheet import neutralise

    assert neutralise(value) == safe


def test_filter_form_renders_only_the_chosen_person(client, alice, landscape, advisor):
    client.force_login(alice)
    page = client.get(reverse("monitoring:contacts")).content.decode()
    assert "Lotte Verzonnen</option>" not in page and "Ilse Verzonnen</option>" not in page
    page = client.get(reverse("monitoring:contacts"), {"person": advisor.pk}).content.decode()
    assert f'<option value="{advisor.pk}" selected>Lotte Verzonnen</option>' in page
    assert "Ilse Verzonnen</option>" not in page
