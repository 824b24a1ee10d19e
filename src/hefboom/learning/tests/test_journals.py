"""Outcome journals: every marker of a boundary partner rated per period, all or nothing; the
ladder across periods."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from hefboom.core.actions import save_record
from hefboom.learning import actions, selectors
from hefboom.learning.models import Journal, JournalEntry
from hefboom.monitoring.models import ProgressMarkerObservation

from .conftest import YEAR_2023


def journal_url(partner, name="learning:journal_edit", period=YEAR_2023):
    return reverse(name, args=[partner.pk, period[0].isoformat(), period[1].isoformat()])


def journal_form(markers, ratings, **extra):
    """POST data rating the given markers ({index: rating}); the others stay unrated."""
    data = {"journal-narrative": "De regering beweegt."}
    for index, marker in enumerate(markers):
        prefix = f"m{marker.pk}"
        data[f"{prefix}-rating"] = ratings.get(index, "")
        data[f"{prefix}-narrative"] = ""
    data.update(extra)
    return data


def test_mia_rates_two_markers_with_their_justification(
        client, mia, boundary_partner, markers, outcome, evidence, open_contact):
    client.force_login(mia)
    page = client.get(journal_url(boundary_partner)).content.decode()
    assert page.index("Expect to see") < page.index("Like to see") < page.index("Love to see")
    assert page.count('name="m') >= 4 * 3  # rating, narrative, outcomes... per marker
    first = f"m{markers[0].pk}"
    data = journal_form(markers, {0: "high", 2: "low"}, **{
        f"{first}-narrative": "Drie gesprekken met het kabinet.",
        f"{first}-outcomes": [outcome.pk], f"{first}-contacts": [open_contact.pk],
        f"{first}-evidence": [evidence.pk],
    })
    response = client.post(journal_url(boundary_partner), data)
    assert response.status_code == 302
    assert response["Location"] == journal_url(boundary_partner, "learning:journal")

    journal = Journal.objects.get()
    assert journal.narrative == "De regering beweegt." and journal.created_by == mia
    ratings = dict(journal.observations().values_list("progress_marker", "rating"))
    assert ratings == {markers[0].pk: "high", markers[2].pk: "low"}
    high = ProgressMarkerObservation.objects.get(progress_marker=markers[0])
    assert list(high.outcomes.all()) == [outcome] and list(high.contacts.all()) == [open_contact]
    assert list(high.journal_entry.evidence.all()) == [evidence]
    assert high.journal_entry.journal == journal

    shown = client.get(response["Location"]).content.decode()
    assert "Drie gesprekken met het kabinet." in shown and "De Standaard, 1 augustus 2023" in shown
    assert ">high<" in shown and ">low<" in shown


def test_one_invalid_rating_saves_nothing(client, mia, boundary_partner, markers):
    client.force_login(mia)
    response = client.post(journal_url(boundary_partner),
                           journal_form(markers, {0: "high", 1: "excellent", 3: "medium"}))
    assert response.status_code == 200
    form = dict((f.marker.pk, f) for _label, rows in response.context["levels"] for _row, f in rows)
    assert "Select a valid choice" in str(form[markers[1].pk].errors["rating"])
    assert "Nothing was saved" in response.content.decode()
    assert not Journal.objects.exists() and not ProgressMarkerObservation.objects.exists()


def test_text_without_a_rating_is_refused(client, mia, boundary_partner, markers):
    client.force_login(mia)
    data = journal_form(markers, {0: "high"}, **{f"m{markers[1].pk}-narrative": "Iets gezien"})
    response = client.post(journal_url(boundary_partner), data)
    assert response.status_code == 200
    assert "Choose a rating" in response.content.decode()
    assert not ProgressMarkerObservation.objects.exists()


def test_the_action_rolls_back_everything_when_one_rating_fails(mia, boundary_partner, markers):
    journal = Journal(boundary_partner=boundary_partner, period_start=YEAR_2023[0],
                      period_end=YEAR_2023[1], narrative="…")
    good = ProgressMarkerObservation(progress_marker=markers[0], period_start=YEAR_2023[0],
                                     period_end=YEAR_2023[1], rating="high")
    bad = ProgressMarkerObservation(progress_marker=markers[1], period_start=YEAR_2023[0],
                                    period_end=YEAR_2023[1], rating="excellent")
    with pytest.raises(actions.JournalRefused) as refused:
        actions.record_journal(mia, journal, [actions.MarkerRating(good), actions.MarkerRating(bad)])
    assert list(refused.value.errors) == [markers[1].pk]
    assert not Journal.objects.exists() and not ProgressMarkerObservation.objects.exists()
    assert journal.pk is None and good.pk is None  # the form can be shown again as unsaved


def test_a_marker_of_another_partner_is_refused(mia, theme, boundary_partner, markers):
    from hefboom.strategy.models import BoundaryPartner, ProgressMarker

    other = save_record(BoundaryPartner(theme=theme, name="Parlement"), None)
    foreign = save_record(ProgressMarker(boundary_partner=other, level="expect", order=1,
                                         statement="…"), None)
    journal = Journal(boundary_partner=boundary_partner, period_start=YEAR_2023[0], period_end=YEAR_2023[1])
    rating = actions.MarkerRating(ProgressMarkerObservation(
        progress_marker=foreign, period_start=YEAR_2023[0], period_end=YEAR_2023[1], rating="low"))
    with pytest.raises(actions.JournalRefused):
        actions.record_journal(mia, journal, [rating])
    assert not ProgressMarkerObservation.objects.exists()


def test_a_stale_journal_is_refused(client, mia, alice, boundary_partner, markers):
    client.force_login(mia)
    client.post(journal_url(boundary_partner), journal_form(markers, {0: "low"}))
    stale = client.get(journal_url(boundary_partner)).context["journal_form"]["expected_version"].value()
    client.force_login(alice)
    client.post(journal_url(boundary_partner),
                journal_form(markers, {0: "medium"}, **{"journal-expected_version": stale,
                                                        f"m{markers[0].pk}-expected_version": 1}))
    client.force_login(mia)
    response = client.post(journal_url(boundary_partner), journal_form(
        markers, {0: "high"}, **{"journal-narrative": "Mia's versie", "journal-expected_version": stale,
                                 f"m{markers[0].pk}-expected_version": 1}))
    assert response.status_code == 200
    assert "saved this record after you opened it" in response.content.decode()
    assert ProgressMarkerObservation.objects.get().rating == "medium"


def test_bob_editing_a_journal_keeps_the_confidential_contact_he_cannot_see(
        client, alice, bob, boundary_partner, markers, confidential_contact, open_contact):
    client.force_login(alice)
    first = f"m{markers[0].pk}"
    client.post(journal_url(boundary_partner), journal_form(
        markers, {0: "medium"}, **{f"{first}-contacts": [confidential_contact.pk, open_contact.pk]}))
    client.force_login(bob)
    page = client.get(journal_url(boundary_partner)).content.decode()
    assert "Vertrouwelijk" not in page
    shown = client.get(journal_url(boundary_partner, "learning:journal")).content.decode()
    assert "Vertrouwelijk" not in shown
    client.post(journal_url(boundary_partner), journal_form(
        markers, {0: "high"}, **{f"{first}-contacts": [open_contact.pk], "journal-expected_version": 1,
                                 f"{first}-expected_version": 1}))
    observation = ProgressMarkerObservation.objects.get()
    assert observation.rating == "high"
    assert set(observation.contacts.all()) == {confidential_contact, open_contact}


def test_victor_reads_journals_but_cannot_write_them(client, mia, victor, boundary_partner, markers):
    client.force_login(victor)
    assert client.get(journal_url(boundary_partner, "learning:journal")).status_code == 200
    assert client.get(reverse("learning:ladder", args=[boundary_partner.pk])).status_code == 200
    assert client.get(journal_url(boundary_partner)).status_code == 403
    assert client.post(journal_url(boundary_partner), journal_form(markers, {0: "high"})).status_code == 403
    journal = Journal(boundary_partner=boundary_partner, period_start=YEAR_2023[0], period_end=YEAR_2023[1])
    with pytest.raises(PermissionDenied):
        actions.record_journal(victor, journal, [])
    assert not ProgressMarkerObservation.objects.exists()


def rate(user, markers, period, ratings):
    journal = Journal.objects.filter(boundary_partner=markers[0].boundary_partner,
                                     period_start=period[0], period_end=period[1]).first()
    journal = journal or Journal(boundary_partner=markers[0].boundary_partner, period_start=period[0],
                                 period_end=period[1])
    actions.record_journal(user, journal, [
        actions.MarkerRating(ProgressMarkerObservation(progress_marker=markers[i], period_start=period[0],
                                                       period_end=period[1], rating=rating))
        for i, rating in ratings.items()])


def year(y):
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def test_the_ladder_shows_movement_up_across_periods_in_constant_queries(
        client, mia, boundary_partner, markers, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    rate(mia, markers, year(2022), {0: "low"})
    client.force_login(mia)
    url = reverse("learning:ladder", args=[boundary_partner.pk])
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    rate(mia, markers, year(2023), {0: "high", 1: "medium", 2: "low"})
    rate(mia, markers, year(2024), {0: "high", 1: "high", 2: "medium", 3: "low"})
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    ladder = response.context["ladder"]
    assert ladder.periods == [year(2022), year(2023), year(2024)]
    assert [m.pk for m, _cells in ladder.rows] == [m.pk for m in markers]  # expect, like, love
    ratings = [[c.rating if c else None for c in cells] for _m, cells in ladder.rows]
    assert ratings == [["low", "high", "high"], [None, "medium", "high"], [None, "low", "medium"],
                       [None, None, "low"]]
    page = response.content.decode()
    cell = ProgressMarkerObservation.objects.get(progress_marker=markers[3])
    assert f'{journal_url(boundary_partner, "learning:journal", year(2024))}#observation-{cell.pk}' in page
    assert 'class="cell rating-cell-medium"' in page


def test_journal_for_gives_every_marker_in_ladder_order(mia, boundary_partner, markers):
    rate(mia, markers, YEAR_2023, {2: "none"})
    page = selectors.journal_for(boundary_partner, *YEAR_2023)
    assert page.journal is not None
    assert [row.marker for row in page.rows] == markers
    assert [row.observation.rating if row.observation else None for row in page.rows] == [
        None, None, "none", None]
    assert [label for label, _rows in page.levels] == ["Expect to see", "Like to see", "Love to see"]
    assert JournalEntry.objects.count() == 1
    assert selectors.journal_for(boundary_partner, *year(2030)).journal is None


def test_the_partner_list_leads_to_each_ladder(client, victor, boundary_partner):
    client.force_login(victor)
    page = client.get(reverse("learning:partners")).content.decode()
    assert reverse("learning:ladder", args=[boundary_partner.pk]) in page
    assert "Write a journal" not in client.get(
        reverse("learning:ladder", args=[boundary_partner.pk])).content.decode()
