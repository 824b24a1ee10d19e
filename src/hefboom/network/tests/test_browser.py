"""A briefing and a hand-over report in a real browser (Playwright and Debian's Chromium)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from hefboom.actors.models import Person
from hefboom.core.actions import save_record

from .conftest import contact, follow_up

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_alice_opens_a_briefing_from_the_person_page_filters_a_year_and_prints(
        live_server, logged_in_page, alice, bob, advisor, network):
    page = logged_in_page(alice)
    page.goto(live_server.url + advisor.get_absolute_url())
    briefing_url = reverse("network:person_briefing", args=[advisor.pk])
    page.click(f"a[href='{briefing_url}']")
    page.wait_for_selector("#briefing-interactions")
    assert "Lotte Verzonnen" in page.locator("h1").inner_text()
    interactions = page.locator("#briefing-interactions").inner_text()
    assert "Vertrouwelijk overleg" in interactions and "Koffie na haar vertrek" in interactions
    assert "Voor hogere quota" in page.locator("#briefing-positions").inner_text()
    assert "Cijfers nasturen" in page.locator("#briefing-follow-ups").inner_text()
    assert page.locator("#briefing-follow-ups li.overdue").count() == 2
    assert "Quota verhoogd" in page.locator("#briefing-outcomes").inner_text()
    knowers = page.locator("#briefing-knowers tbody tr")
    assert knowers.count() == 2 and "Bob" in knowers.first.inner_text()

    page.click("#briefing-interactions a[href*='year=2024']")
    page.wait_for_url("**year=2024**")
    interactions = page.locator("#briefing-interactions ul.interactions").inner_text()
    assert "Koffie na haar vertrek" in interactions and "Overleg over quota" not in interactions

    page.emulate_media(media="print")
    assert not page.locator("header nav").is_visible()
    assert page.locator("#briefing-roles").is_visible()


def test_mia_reads_alices_hand_over_report_and_downloads_the_pdf(live_server, logged_in_page,
                                                                   mia, alice, dossier):
    today = timezone.localdate()
    alone = save_record(Person(first_name="Zoë", last_name="Énkel"), None)
    made = contact(alice, today - dt.timedelta(days=20), "Gesprek met Zoë",
                   participants=[alice], dossier=dossier, persons=[alone])
    follow_up(alice, made, "Studie doorsturen", today + dt.timedelta(days=7))
    page = logged_in_page(mia)
    page.goto(live_server.url + reverse("network:overview"))
    page.click(f"a[href='{reverse('network:handover', args=[alice.pk])}']")
    page.wait_for_selector("#handover-introduce")
    assert "Zoë Énkel" in page.locator("#handover-introduce").inner_text()
    assert "Studie doorsturen" in page.locator("#handover-follow-ups").inner_text()
    assert "Hervestiging" in page.locator("#handover-dossiers").inner_text()
    assert page.locator(".report-scope.partial").count() == 1
    with page.expect_download() as download:
        page.click("a[href*='format=pdf']")
    assert download.value.suggested_filename == "handover-alice.pdf"
    with open(download.value.path(), "rb") as pdf_file:
        assert pdf_file.read(5) == b"%PDF-"
