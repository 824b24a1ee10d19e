"""Indicators: saved filters, live counts, disaggregation, frozen actuals and bad input."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from hefboom.actors.models import Organisation, OrganisationType, Person, PersonRole, PoliticalLevel
from hefboom.core.actions import delete_record, save_record
from hefboom.monitoring import actions
from hefboom.monitoring.models import Contact, Outcome
from hefboom.reporting import indicators
from hefboom.reporting.actions import save_indicator, set_indicator_period
from hefboom.reporting.indicators import FilterError
from hefboom.reporting.models import Indicator, ReportingPeriod


@pytest.fixture
def administration(db):
    return save_record(Organisation(name="FOD Buitenlandse Zaken", type=OrganisationType.ADMINISTRATION,
                                    political_level=PoliticalLevel.FEDERAL), None)


def cabinet_contacts(mia, programme, **extra):
    return save_indicator(mia, Indicator(
        programme=programme, code="OC1", title="Contacten met federale kabinetten",
        kind="computed", record_kind="contact",
        filter_query="level=federal&institution=cabinet", **extra))


def test_a_computed_indicator_counts_the_records_its_filter_matches_in_the_year(
        mia, alice, programme, dossier, open_contact, confidential_contact, administration):
    indicator = cabinet_contacts(mia, programme)
    assert indicators.count(indicator, 2023) == 2  # the confidential one counts too
    assert indicators.count(indicator, 2024) == 0
    other = actions.record_contact(alice, Contact(date=dt.date(2023, 5, 5), channel="call",
                                                  summary="Administratie"),
                                   our_participants=[alice], dossiers=[dossier],
                                   organisations=[administration])
    assert indicators.count(indicator, 2023) == 2
    delete_record(open_contact, alice)
    assert indicators.count(indicator, 2023) == 1, "a record in the bin no longer counts"
    assert other.pk not in indicators.records(indicator, 2023).values_list("pk", flat=True)


def test_the_click_through_lists_the_counted_records(mia, alice, client, programme,
                                                     open_contact, confidential_contact):
    indicator = cabinet_contacts(mia, programme)
    url = indicators.list_url(indicator, 2023)
    assert "institution=cabinet" in url and "date_from=2023-01-01" in url
    client.force_login(alice)
    page = client.get(url).content.decode()
    assert open_contact.summary in page and confidential_contact.summary in page
    client.force_login(mia)
    page = client.get(url).content.decode()
    assert open_contact.summary in page
    assert confidential_contact.summary not in page, "the list keeps confidential contacts hidden"


def test_a_theme_or_dossier_narrows_the_count(mia, programme, theme, dossier, open_contact):
    other_dossier = save_record(type(dossier)(theme=theme, code="ander", name="Ander"), None)
    narrowed = cabinet_contacts(mia, programme, dossier=other_dossier)
    assert indicators.count(narrowed, 2023) == 0
    assert "dossier=" in indicators.list_url(narrowed, 2023)


@pytest.mark.parametrize("query, message", [
    ("colour=red", "“colour”, which contacts can no longer be filtered on"),
    ("level=mars", "has a value the list no longer accepts (level=mars"),
    ("date_from=2020-01-01", "which the indicator sets itself"),
])
def test_a_filter_the_lists_do_not_know_is_refused_with_what_to_fix(mia, programme, query, message):
    with pytest.raises(ValidationError) as refused:
        save_indicator(mia, Indicator(programme=programme, code="X1", title="X", kind="computed",
                                      record_kind="contact", filter_query=query))
    assert message in " ".join(refused.value.message_dict["filter_query"])
    assert not Indicator.objects.exists()


def test_a_stored_filter_that_no_longer_matches_raises_a_clear_error(mia, programme):
    indicator = cabinet_contacts(mia, programme)
    Indicator.objects.filter(pk=indicator.pk).update(filter_query="ministry=3")
    indicator.refresh_from_db()
    with pytest.raises(FilterError, match="indicator OC1 uses “ministry”"):
        indicators.count(indicator, 2023)


def test_a_target_outside_the_programme_names_its_years(mia, programme):
    indicator = cabinet_contacts(mia, programme)
    with pytest.raises(ValidationError) as refused:
        set_indicator_period(mia, indicator, 2028, target=Decimal(3))
    assert "2028 is outside the programme “Testprogramma”, which runs from 2022 to 2026" in \
        str(refused.value)


def test_only_the_me_officer_changes_indicators(alice, programme):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        cabinet_contacts(alice, programme)


def test_approved_years_read_the_frozen_count(mia, programme, open_contact):
    indicator = cabinet_contacts(mia, programme)
    period = set_indicator_period(mia, indicator, 2023, actual=Decimal(7))
    assert indicators.actual(indicator, 2023, period) == 1, "a draft year counts live"
    save_record(ReportingPeriod(programme=programme, year=2023, status="approved"), mia)
    assert indicators.actual(indicator, 2023, period) == 7


def test_disaggregation_by_level_institution_party_and_dossier(mia, alice, programme, dossier,
                                                              cabinet, administration):
    party = save_record(Organisation(name="Partij Test", type=OrganisationType.PARTY), None)
    group = save_record(Organisation(name="Fractie Partij Test", parent=party,
                                     type=OrganisationType.PARLIAMENTARY_GROUP,
                                     political_level=PoliticalLevel.FLEMISH), None)
    for organisations in ([cabinet], [group], [administration, group]):
        actions.record_contact(alice, Contact(date=dt.date(2023, 2, 1), channel="call",
                                              summary="x"),
                               our_participants=[alice], dossiers=[dossier],
                               organisations=organisations)
    every = save_indicator(mia, Indicator(programme=programme, code="ALL", title="Alle",
                                          kind="computed", record_kind="contact"))
    assert indicators.count(every, 2023) == 3
    assert dict(indicators.disaggregate(every, 2023, "level")) == {"Federal": 2, "Flemish": 2}
    assert dict(indicators.disaggregate(every, 2023, "institution")) == {
        "Parliamentary group": 2, "Cabinet": 1, "Administration": 1}
    assert indicators.disaggregate(every, 2023, "party") == [("Partij Test", 2), ("none", 1)]
    member = save_record(Person(last_name="Lid"), None)
    save_record(PersonRole(person=member, organisation=party, title="MP"), None)
    actions.record_contact(alice, Contact(date=dt.date(2023, 2, 2), channel="call", summary="y"),
                           our_participants=[alice], dossiers=[dossier], persons=[member])
    assert indicators.disaggregate(every, 2023, "party") == [("Partij Test", 3), ("none", 1)]
    assert indicators.disaggregate(every, 2023, "dossier") == [("Hervestiging", 4)]


def test_outcomes_disaggregate_by_their_own_level(mia, alice, programme, dossier):
    actions.record_outcome(alice, Outcome(title="Besluit", description="d", date=dt.date(2024, 3, 1),
                                          change_type="policy_content", political_level="eu"),
                           dossiers=[dossier])
    indicator = save_indicator(mia, Indicator(programme=programme, code="OC", title="Beleid",
                                              kind="computed", record_kind="outcome",
                                              filter_query="type=policy_content"))
    assert indicators.disaggregate(indicator, 2024, "level") == [("European Union", 1)]
    assert indicators.filter_description(indicator) == "Type of change: Policy content"


def test_the_demo_indicators_count_the_demo_records(demo):
    cabinets = demo.indicators.get(code="OC4.1")
    assert indicators.count(cabinets, 2023) == 6
    assert indicators.count(demo.indicators.get(code="OC4.3"), 2024) == 3


def test_a_year_that_has_not_begun_has_no_computed_actual_yet(mia, open_contact):
    from django.utils import timezone

    from hefboom.strategy.models import Programme

    this_year = timezone.localdate().year
    longer = save_record(Programme(code="be-lang", name="Lang programma", start_date=dt.date(2022, 1, 1),
                                   end_date=dt.date(this_year + 3, 12, 31)), None)
    indicator = cabinet_contacts(mia, longer)
    assert indicators.actual(indicator, this_year) == 0
    assert indicators.actual(indicator, this_year + 1) is None
