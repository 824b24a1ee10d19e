"""In a real browser: log a contact with a follow-up, find it on the personal list, mark it done."""

import pytest
from django.utils import timezone

from hefboom.monitoring.models import FollowUp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_log_a_follow_up_see_it_due_today_and_mark_it_done(live_server, logged_in_page, alice,
                                                             dossier):
    today = timezone.localdate()
    page = logged_in_page(alice)
    page.goto(live_server.url + "/monitoring/contacts/new/")
    page.select_option("select[name=channel]", "meeting")
    page.check(f"input[name=dossiers][value='{dossier.pk}']")
    page.fill("textarea[name=summary]", "Gesprek over de hervestigingsquota")
    page.fill("textarea[name=follow_up]", "Cijfers nasturen naar het kabinet")
    page.fill("input[name=follow_up_due]", today.isoformat())
    page.click("form.record-form button[type=submit]")
    page.wait_for_selector("#follow-ups li:has-text('Cijfers nasturen naar het kabinet')")

    page.click("header nav a[href='/monitoring/follow-ups/']")
    item = page.wait_for_selector(
        ".follow-up-bucket-today li:has-text('Cijfers nasturen naar het kabinet')")
    assert page.locator(".follow-up-bucket-overdue li.muted").count() == 1  # nothing overdue
    item.query_selector("button[type=submit]").click()
    page.wait_for_selector(".follow-up-bucket-done li:has-text('Cijfers nasturen naar het kabinet')")
    assert page.locator(".follow-up-bucket-today li.muted").count() == 1

    follow_up = FollowUp.objects.get()
    assert follow_up.owner == alice and follow_up.done_by == alice and follow_up.due_date == today
