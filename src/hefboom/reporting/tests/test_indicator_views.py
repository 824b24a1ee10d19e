"""Indicator pages: who may read and change them, building a computed indicator from a record
list's filter, bad filters, values per year and years outside the programme."""

import datetime as dt
import re
from decimal import Decimal
from html import unescape

import pytest

from hefboom.monitoring import actions as monitoring_actions
from hefboom.monitoring.models import Contact
from hefboom.reporting import indicators
from hefboom.reporting.actions import save_indicator, set_indicator_period
from hefboom.reporting.models import Indicator, IndicatorPeriod


@pytest.fixture
def cabinet_indicator(mia, programme):
    indicator = save_indicator(mia, Indicator(
        programme=programme, code="OC1", title="Contacten met federale kabinetten",
        kind="computed", record_kind="contact", filter_query="level=federal&institution=cabinet",
        baseline_year=2021, baseline_value=Decimal("1")))
    set_indicator_period(mia, indicator, 2023, target=Decimal("4"))
    return indicator


@pytest.fixture
def climate_finance(mia, programme):
    return save_indicator(mia, Indicator(programme=programme, code="OC2", kind="manual",
                                         title="Klimaatfinanciering (miljoen euro)"))


@pytest.fixture
def solidarity(mia, programme):
    return save_indicator(mia, Indicator(programme=programme, code="OC3", kind="qualitative",
                                         title="Beleidsmakers nemen solidariteit mee"))


def form_url(indicator, year):
    return f"/reporting/indicators/{indicator.pk}/{year}/"


def test_victor_reads_indicators_but_is_offered_no_change_and_may_not_make_one(
        client, victor, cabinet_indicator, open_contact):
    client.force_login(victor)
    listing = client.get(f"/reporting/{cabinet_indicator.programme_id}/indicators/?year=2023")
    assert listing.status_code == 200
    assert "Contacten met federale kabinetten" in listing.content.decode()
    page = client.get(cabinet_indicator.get_absolute_url())
    assert page.status_code == 200
    assert "Edit indicator" not in page.content.decode()
    assert "Set values" not in page.content.decode()
    assert client.get(f"/reporting/indicators/{cabinet_indicator.pk}/edit/").status_code == 403
    assert client.get(form_url(cabinet_indicator, 2023)).status_code == 403


def test_alice_cannot_create_or_edit_indicators_but_mia_can(
        client, alice, mia, programme, cabinet_indicator):
    client.force_login(alice)
    assert client.get("/reporting/indicators/new/").status_code == 403
    refused = client.post("/reporting/indicators/new/", {
        "programme": programme.pk, "code": "X1", "title": "Sneaky", "kind": "manual",
        "result_level": "outcome", "measure": "unit", "order": 0})
    assert refused.status_code == 403
    assert not Indicator.objects.filter(code="X1").exists()
    assert client.post(form_url(cabinet_indicator, 2023), {"target": "99"}).status_code == 403
    assert IndicatorPeriod.objects.get(indicator=cabinet_indicator, year=2023).target == 4

    client.force_login(mia)
    page = client.get(cabinet_indicator.get_absolute_url()).content.decode()
    assert "Edit indicator" in page and "Set values" in page
    assert client.get(f"/reporting/indicators/{cabinet_indicator.pk}/edit/").status_code == 200


def save_as_indicator_link(page: str) -> str:
    found = re.search(r'class="button save-as-indicator" href="([^"]+)"', page)
    return unescape(found.group(1)) if found else ""


def test_mia_builds_a_computed_indicator_from_the_contact_list_filter(
        client, mia, alice, programme, dossier, open_contact, confidential_contact):
    client.force_login(alice)
    assert not save_as_indicator_link(client.get("/monitoring/contacts/?level=federal")
                                      .content.decode()), "only the M&E officer builds indicators"
    client.force_login(mia)
    listing = client.get("/monitoring/contacts/", {
        "level": "federal", "institution": "cabinet", "channel": "", "date_from": "2023-01-01",
        "order": "-date", "dossier": dossier.pk})
    link = save_as_indicator_link(listing.content.decode())
    assert link.startswith("/reporting/indicators/new/")
    form = client.get(link).context["form"]
    assert form["filter_query"].value() == "level=federal&institution=cabinet", \
        "dates, sorting and empty fields are left out"
    assert form["record_kind"].value() == "contact"
    assert form["kind"].value() == "computed"
    assert form["dossier"].value() == dossier.pk

    response = client.post(link, {
        "programme": programme.pk, "code": "OC9", "title": "Kabinetscontacten", "kind": "computed",
        "record_kind": "contact", "filter_query": form["filter_query"].value(),
        "dossier": dossier.pk, "result_level": "outcome", "measure": "unit", "ascending": "on",
        "order": 0})
    indicator = Indicator.objects.get(code="OC9")
    assert response.status_code == 302 and response["Location"] == indicator.get_absolute_url()
    assert indicator.filter_query == "level=federal&institution=cabinet"
    assert indicator.dossier == dossier and indicator.created_by == mia

    page = client.get(indicator.get_absolute_url() + "?year=2023")
    row = next(r for r in page.context["rows"] if r.year == 2023)
    assert row.actual == 2, "the confidential contact counts too"
    assert indicators.list_url(indicator, 2023).replace("&", "&amp;") in page.content.decode()


def test_a_filter_the_lists_do_not_know_is_shown_on_the_filter_field(client, mia, programme):
    client.force_login(mia)
    response = client.post("/reporting/indicators/new/", {
        "programme": programme.pk, "code": "OC8", "title": "Kleur", "kind": "computed",
        "record_kind": "contact", "filter_query": "colour=red", "result_level": "outcome",
        "measure": "unit", "order": 0})
    assert response.status_code == 200
    errors = response.context["form"].errors["filter_query"]
    assert "“colour”" in errors[0] and "institution" in errors[0], "it names the field and choices"
    assert "colour" in response.content.decode()
    assert not Indicator.objects.filter(code="OC8").exists()


def test_mia_sets_a_target_and_actual_per_year_and_the_page_shows_the_share(
        client, mia, climate_finance):
    client.force_login(mia)
    form = client.get(form_url(climate_finance, 2024)).context["form"]
    assert {"target", "actual", "comment"} <= set(form.fields) and "rating" not in form.fields
    response = client.post(form_url(climate_finance, 2024),
                           {"target": "500", "actual": "247", "comment": "Minder dan gevraagd"})
    assert response.status_code == 302
    period = IndicatorPeriod.objects.get(indicator=climate_finance, year=2024)
    assert (period.target, period.actual, period.updated_by) == (500, 247, mia)
    page = client.get(climate_finance.get_absolute_url() + "?year=2024").content.decode()
    assert re.search(r'id="year-2024".*?>500<.*?>247<.*?>49%<.*?Minder dan gevraagd', page, re.S)

    # Saving again from a form opened before someone else's change is refused.
    stale_version = period.version
    set_indicator_period(mia, climate_finance, 2024, target=Decimal("450"))
    refused = client.post(form_url(climate_finance, 2024),
                          {"target": "600", "actual": "247", "expected_version": stale_version})
    assert refused.status_code == 200
    assert "saved this record after you opened it" in refused.content.decode()
    assert IndicatorPeriod.objects.get(indicator=climate_finance, year=2024).target == 450


def test_a_qualitative_indicator_gets_a_rating_and_text_not_numbers(client, mia, solidarity):
    client.force_login(mia)
    form = client.get(form_url(solidarity, 2023)).context["form"]
    assert "target" not in form.fields and {"rating", "text", "text_en"} <= set(form.fields)
    client.post(form_url(solidarity, 2023), {"rating": "medium", "text": "Aparte opvang"})
    period = IndicatorPeriod.objects.get(indicator=solidarity, year=2023)
    assert (period.rating, period.text) == ("medium", "Aparte opvang")
    assert "Aparte opvang" in client.get(solidarity.get_absolute_url()).content.decode()


def test_a_year_outside_the_programme_is_refused_with_the_programme_years(
        client, mia, climate_finance):
    client.force_login(mia)
    response = client.get(form_url(climate_finance, 2030))
    assert response.status_code == 400
    text = response.content.decode()
    assert "2030 is outside the programme" in text and "2022 to 2026" in text
    assert client.post(form_url(climate_finance, 2030), {"target": "1"}).status_code == 400
    assert not IndicatorPeriod.objects.filter(indicator=climate_finance).exists()


def test_an_edit_of_an_indicator_opened_before_another_change_is_refused(
        client, mia, carol, climate_finance):
    client.force_login(mia)
    url = f"/reporting/indicators/{climate_finance.pk}/edit/"
    form = client.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.pop("programme")  # shown but not editable
    climate_finance.title = "Publieke klimaatfinanciering"
    save_indicator(carol, climate_finance)
    data["title"] = "Mijn titel"
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert "Carol saved this record after you opened it" in refused.content.decode()
    assert Indicator.objects.get(pk=climate_finance.pk).title == "Publieke klimaatfinanciering"


def test_the_indicator_page_disaggregates_the_chosen_year(
        client, victor, alice, cabinet_indicator, dossier, cabinet, open_contact):
    monitoring_actions.record_contact(
        alice, Contact(date=dt.date(2024, 2, 2), channel="meeting", summary="Overleg 2024"),
        our_participants=[alice], dossiers=[dossier], organisations=[cabinet])
    client.force_login(victor)
    page = client.get(cabinet_indicator.get_absolute_url() + "?year=2024")
    shown = [counts for _label, counts in page.context["tables"]]
    assert shown == [indicators.disaggregate(cabinet_indicator, 2024, by)
                     for by in indicators.DISAGGREGATIONS]
    by_dossier = shown[list(indicators.DISAGGREGATIONS).index("dossier")]
    assert by_dossier == [("Hervestiging", 1)], "only the 2024 contact counts"
    assert "Disaggregation in 2024" in page.content.decode()
