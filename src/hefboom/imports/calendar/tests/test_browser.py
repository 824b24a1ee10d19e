"""The review screen in a real browser: upload an Outlook export, confirm one, discard one."""

import datetime as dt

import pytest

from hefboom.imports.calendar.models import ProposalStatus, ProposedContact
from hefboom.imports.calendar.tests.conftest import SAMPLES
from hefboom.monitoring.models import Contact

pytestmark = pytest.mark.browser
OPEN_ROWS = "document.querySelectorAll('tr.proposal[data-status=proposed]').length"


@pytest.mark.django_db(transaction=True)
def test_review_screen_in_browser(live_server, logged_in_page, alice_at_work, lotte, dossier):
    page = logged_in_page(alice_at_work)
    page.goto(live_server.url + "/import/calendar/")
    page.click("header button:text-is('EN')")  # the messages below are read in English
    page.wait_for_selector("html[lang=en]")
    page.set_input_files("input[name=file]", str(SAMPLES / "outlook.ics"))
    page.fill("input[name=since]", "2025-01-01")
    page.fill("input[name=until]", "2025-12-31")
    page.click("form.upload button[type=submit]")
    page.wait_for_selector("tr.proposal")
    assert page.locator("tr.proposal").count() == 3
    assert "outlook.ics: 3 meetings proposed" in page.locator("main").inner_text()

    meeting = ProposedContact.objects.get(summary="Overleg kabinet over hervestiging")
    hearing = ProposedContact.objects.get(summary__startswith="Hoorzitting")
    row = page.locator(f"#proposal-{meeting.pk}")
    assert "known" in row.inner_text()  # Lotte, matched by her e-mail address
    row.locator("textarea").fill("Quota 2025 besproken met het kabinet")
    row.locator("select[name$='-dossier']").select_option(str(dossier.pk))
    row.locator("button[name=confirm]").click()
    # With htmx the row turns into "logged as a contact"; without, the page reloads without it.
    page.wait_for_function(f"() => {OPEN_ROWS} === 2")  # a function: the CSP refuses eval

    page.locator(f"#proposal-{hearing.pk} button[name=discard]").click()
    page.wait_for_function(f"() => {OPEN_ROWS} === 1")

    contact = Contact.objects.get()
    assert contact.summary == "Quota 2025 besproken met het kabinet"
    assert contact.date == dt.date(2025, 3, 12)
    assert list(contact.persons.all()) == [lotte]
    assert list(contact.dossiers.all()) == [dossier]
    hearing.refresh_from_db()
    assert hearing.status == ProposalStatus.DISCARDED
    assert page.locator(f"#proposal-{meeting.pk} textarea").count() == 0  # no longer editable
