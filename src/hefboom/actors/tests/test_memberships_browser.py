"""The membership forms on the organisation page, in a real browser: Mia (M&E officer) adds a
membership, changes its kind, ends it, is refused one that overlaps it, and adds the next."""

import datetime as dt

import pytest

from hefboom.actors.models import Membership, Organisation, OrganisationType
from hefboom.core.actions import save_record

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_mia_adds_changes_and_ends_a_membership_and_an_overlap_is_refused(
        live_server, logged_in_page, mia):
    union = save_record(Organisation(name="Vakbond Verzonnen",
                                     type=OrganisationType.MEMBER_ORGANISATION), None)
    page = logged_in_page(mia)
    page.goto(live_server.url + union.get_absolute_url())
    page.click("header button:text-is('EN')")  # the messages below are read in English
    page.wait_for_selector("html[lang=en]")
    listed = page.locator("#memberships .membership-list li")
    assert listed.inner_text() == "Not a member organisation, nor a coalition we take part in."

    page.click("#memberships a:has-text('Add a membership')")
    page.wait_for_selector("form.membership-form")
    page.select_option("form.membership-form select[name=kind]", "member")
    page.fill("form.membership-form input[name=start_date]", "2020-01-01")
    page.fill("form.membership-form textarea[name=notes]", "Stichtend lid")
    page.click("form.membership-form button.primary")
    page.wait_for_selector("p.message:has-text('Membership added.')")
    assert page.url.endswith(union.get_absolute_url() + "#memberships")
    assert "Member organisation" in listed.first.inner_text()
    assert "1 Jan 2020 – now" in listed.first.inner_text()
    assert "Stichtend lid" in listed.first.inner_text()

    listed.first.locator("a:has-text('Change')").click()
    page.wait_for_selector("form.membership-form")
    page.select_option("form.membership-form select[name=kind]", "coalition")
    page.click("form.membership-form button.primary")
    page.wait_for_selector("p.message:has-text('Membership changed.')")
    assert "Coalition we take part in" in listed.first.inner_text()

    listed.first.locator("input[name=end_date]").fill("2021-12-31")
    listed.first.locator("button:has-text('End membership')").click()
    page.wait_for_selector("p.message:has-text('Membership ended.')")
    assert "1 Jan 2020 – 31 Dec 2021" in listed.first.inner_text()
    assert listed.first.locator("button:has-text('End membership')").count() == 0

    # One that overlaps the ended one: refused with the model's message, nothing saved.
    page.click("#memberships a:has-text('Add a membership')")
    page.wait_for_selector("form.membership-form")
    page.select_option("form.membership-form select[name=kind]", "coalition")
    page.fill("form.membership-form input[name=start_date]", "2021-06-01")
    page.click("form.membership-form button.primary")
    page.wait_for_selector("form.membership-form .errors, form.membership-form .errorlist")
    assert "Vakbond Verzonnen already has a membership from" in page.inner_text(
        "form.membership-form")
    assert Membership.objects.count() == 1

    page.fill("form.membership-form input[name=start_date]", "2022-01-01")
    page.click("form.membership-form button.primary")
    page.wait_for_selector("p.message:has-text('Membership added.')")
    assert listed.count() == 2
    assert [m.start_date for m in Membership.objects.order_by("start_date")] == [
        dt.date(2020, 1, 1), dt.date(2022, 1, 1)]
