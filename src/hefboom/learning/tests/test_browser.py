"""Journals and narratives in a real browser: Mia rates two markers, Alice refers to an outcome."""

import pytest
from django.urls import reverse

from hefboom.learning.models import Narrative
from hefboom.monitoring.models import ProgressMarkerObservation

from .conftest import YEAR_2023

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_mia_writes_a_journal_entry_rating_two_markers(live_server, logged_in_page, mia,
                                                        boundary_partner, markers):
    page = logged_in_page(mia)
    page.goto(live_server.url + reverse("learning:journal_edit", args=[
        boundary_partner.pk, YEAR_2023[0].isoformat(), YEAR_2023[1].isoformat()]))
    page.fill("textarea[name=journal-narrative]", "De regering zet stappen.")
    page.select_option(f"select[name=m{markers[0].pk}-rating]", "high")
    page.fill(f"textarea[name=m{markers[0].pk}-narrative]", "Ontvangen op het kabinet.")
    page.select_option(f"select[name=m{markers[2].pk}-rating]", "low")
    page.click("form.journal-form button[type=submit].primary")
    page.wait_for_selector(f"#observation-{ProgressMarkerObservation.objects.get(progress_marker=markers[0]).pk}")
    assert page.locator(".rating-cell-high").count() == 1
    assert page.locator(".rating-cell-low").count() == 1
    assert "Ontvangen op het kabinet." in page.content()
    assert ProgressMarkerObservation.objects.count() == 2


def test_alice_types_at_and_chooses_an_outcome_for_her_dossier_narrative(
        live_server, logged_in_page, alice, dossier, outcome):
    page = logged_in_page(alice)
    page.goto(live_server.url + reverse("learning:narrative_create") + f"?dossier={dossier.pk}")
    page.fill("input[name=title]", "Hervestiging 2023")
    page.fill("input[name=period_start]", "2023-01-01")
    page.fill("input[name=period_end]", "2023-12-31")
    page.click("textarea[name=text]")
    page.keyboard.type("Uiteindelijk @Structuur")
    page.wait_for_selector(".reference-suggestions li.active:has-text('Structuur voor hervestiging')")
    page.keyboard.press("Enter")
    assert page.input_value("textarea[name=text]") == f"Uiteindelijk [@outcome:{outcome.pk}] "
    page.keyboard.type("besliste de regering.")
    page.click("form.narrative-form button[type=submit].primary")
    page.wait_for_selector("article.narrative a.reference-outcome")
    link = page.locator("article.narrative a.reference-outcome")
    assert link.inner_text() == "Structuur voor hervestiging beslist"
    assert link.get_attribute("href") == outcome.get_absolute_url()
    assert Narrative.objects.get().references.get().object_id == outcome.pk
