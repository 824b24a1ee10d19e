"""Services and partners in a real browser: quick capture ticks the user's service, searches
partners among member organisations and coalitions, and shows a refused partner on its field
inside the dialog; the full form saves a partner who was a member on the date."""

import datetime as dt

import pytest

from hefboom.actors.models import Membership, MembershipKind, Organisation, OrganisationType
from hefboom.core.actions import save_record
from hefboom.monitoring.models import Activity
from hefboom.strategy.models import Service

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def partner(name, kind, start, end=None):
    organisation = save_record(Organisation(name=name, type=OrganisationType.COALITION), None)
    save_record(Membership(organisation=organisation, kind=kind, start_date=start, end_date=end),
                None)
    return organisation


def pick(page, field, typed, option):
    page.click(f"#id_{field}-ts-control")
    page.keyboard.type(typed)
    page.wait_for_selector(f".ts-dropdown .option.active:has-text('{option}')")
    page.keyboard.press("Enter")


def test_quick_capture_refuses_a_partner_on_its_field_and_the_full_form_saves_one(
        live_server, logged_in_page, alice, dossier):
    # A transactional test starts without the services the migration made.
    policy, _created = Service.objects.get_or_create(code="policy", defaults={"name": "Policy"})
    alice.service = policy
    alice.save()
    partner("Klimaatcoalitie Test", MembershipKind.COALITION, dt.date(2020, 1, 1),
            dt.date(2020, 12, 31))
    member = partner("Vakbond Verzonnen", MembershipKind.MEMBER, dt.date(2020, 1, 1))

    page = logged_in_page(alice)
    page.goto(live_server.url + "/monitoring/outputs/")
    page.keyboard.press("n")
    page.wait_for_selector("#quick-capture[open] .field-persons .ts-control input:focus")
    page.click("#quick-capture a[href$='/quick/activity/']")
    page.wait_for_selector("#quick-capture input[name=title]")
    assert page.is_checked(f"#quick-capture input[name=services][value='{policy.pk}']")
    page.fill("#quick-capture input[name=title]", "Gezamenlijke klimaatmars")
    page.select_option("#quick-capture select[name=type]", "campaign")
    pick(page, "dossiers", "herv", "Hervestiging")
    pick(page, "partners", "klimaat", "Klimaatcoalitie Test")
    page.keyboard.press("Control+Enter")  # saves, as everywhere in the dialog
    error = page.wait_for_selector("#quick-capture .field-partners .errorlist")
    assert "Klimaatcoalitie Test" in error.inner_text()
    assert page.locator("#quick-capture[open]").count()  # the dialog stays, with the values
    assert not Activity.all_objects.exists()

    page.goto(live_server.url + "/monitoring/activities/new/")
    page.fill("input[name=title]", "Gezamenlijke actie")
    page.select_option("select[name=type]", "campaign")
    page.fill("input[name=date]", "2023-06-01")
    page.check(f"input[name=dossiers][value='{dossier.pk}']")
    assert page.is_checked(f"input[name=services][value='{policy.pk}']")
    pick(page, "partners", "vakbond", "Vakbond Verzonnen")
    page.click("main form button[type=submit].primary")
    page.wait_for_url("**/monitoring/activities/*/")
    activity = Activity.objects.get()
    assert list(activity.partners.all()) == [member]
    assert list(activity.services.all()) == [policy]
    assert page.locator(f".partners a[href='{member.get_absolute_url()}']").count() == 1
