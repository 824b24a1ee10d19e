"""Completeness signals: what the M&E officer still has to document."""

import datetime as dt

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from hefboom.core.actions import delete_record, save_record
from hefboom.evaluation import completeness
from hefboom.evaluation.tests.conftest import make_outcome
from hefboom.learning.models import Narrative
from hefboom.monitoring.models import ProgressMarkerObservation
from hefboom.strategy.models import Dossier, ProgressMarker


@pytest.fixture
def markers(boundary_partner, dossier):
    observed, never = (save_record(ProgressMarker(boundary_partner=boundary_partner, dossier=dossier,
                                                  level="expect", order=n, statement=text), None)
                       for n, text in ((1, "Neemt deel aan overleg"), (2, "Verwijst naar ons")))
    save_record(ProgressMarkerObservation(progress_marker=observed, period_start=dt.date(2023, 1, 1),
                                          period_end=dt.date(2023, 12, 31), rating="low"), None)
    return observed, never


def titles(outcomes):
    return {o.title for o in outcomes}


def test_outcomes_missing_evidence_contribution_or_substantiation_are_listed(alice, dossier, outcome):
    bare = make_outcome(alice, dossier, "Kale uitkomst")
    refuted = make_outcome(alice, dossier, "Weerlegde uitkomst", substantiation="not_substantiated")
    assert titles(completeness.outcomes_without_evidence()) == {bare.title, refuted.title}
    assert titles(completeness.outcomes_without_contribution()) == {bare.title, refuted.title}
    assert titles(completeness.unsubstantiated_outcomes()) == {bare.title, refuted.title}
    delete_record(bare, alice)
    assert titles(completeness.outcomes_without_evidence()) == {refuted.title}


def test_a_contribution_through_a_contact_in_the_bin_no_longer_counts(alice, outcome, open_contact,
                                                                      confidential_contact):
    delete_record(open_contact, alice)
    assert titles(completeness.outcomes_without_contribution()) == set()
    delete_record(confidential_contact, alice)
    assert titles(completeness.outcomes_without_contribution()) == {outcome.title}


def test_markers_never_observed(markers):
    assert list(completeness.markers_never_observed()) == [markers[1]]


def test_last_period_is_the_previous_calendar_year():
    assert completeness.last_period(dt.date(2025, 3, 4)) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))


def test_dossiers_without_a_narrative_of_their_own_for_the_period(alice, dossier, theme):
    other = save_record(Dossier(theme=theme, code="pushbacks", name="Pushbacks"), None)
    period = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert set(completeness.dossiers_without_narrative(period)) == {dossier, other}
    save_record(Narrative(dossier=dossier, period_start=period[0], period_end=period[1],
                          title="Hervestiging in 2024", text="Wat er gebeurde."), alice)
    # A theme's narrative does not document its dossiers; another year does not count either.
    save_record(Narrative(theme=theme, period_start=period[0], period_end=period[1],
                          title="Migratie in 2024", text="Het thema."), alice)
    save_record(Narrative(dossier=other, period_start=dt.date(2023, 1, 1),
                          period_end=dt.date(2023, 12, 31), title="Pushbacks in 2023", text="."), alice)
    assert list(completeness.dossiers_without_narrative(period)) == [other]


def test_counts_and_card(alice, dossier, outcome, markers, django_assert_num_queries):
    make_outcome(alice, dossier, "Kale uitkomst")
    with django_assert_num_queries(3):
        counts = completeness.completeness_counts()
    assert counts == {"without_evidence": 1, "without_contribution": 1, "unsubstantiated": 1,
                      "markers_never_observed": 1, "dossiers_without_narrative": 1}
    card = render_to_string("evaluation/_completeness_card.html", {"completeness": counts})
    assert "Outcomes without evidence" in card


def test_the_page_lists_every_signal_in_a_fixed_number_of_queries(
        client, mia, alice, dossier, outcome, markers, django_assert_num_queries):
    client.force_login(mia)
    url = reverse("evaluation:completeness")
    make_outcome(alice, dossier, "Kale uitkomst 0")
    with django_assert_num_queries(10):
        client.get(url)
    for n in range(1, 6):
        make_outcome(alice, dossier, f"Kale uitkomst {n}")
    with django_assert_num_queries(10):
        page = client.get(url).content.decode()
    assert page.count("Kale uitkomst") == 18 and "Verwijst naar ons" in page
    assert dossier.name in page  # no narrative for the last period
