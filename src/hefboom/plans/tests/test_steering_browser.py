"""A policy officer adds a political moment in a real browser and the steering group sees it
ahead; the printed page leaves out the navigation and the filters."""

import datetime as dt

import pytest
from django.urls import reverse

from hefboom.plans.models import Moment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_alice_adds_a_moment_and_the_steering_page_shows_it_ahead(
        live_server, logged_in_page, alice, theme, dossier):
    day = dt.date.today() + dt.timedelta(days=21)
    page = logged_in_page(alice)
    page.goto(live_server.url + reverse("plans:moments"))
    page.click(f"a[href='{reverse('plans:moment_create')}']")
    page.fill("input[name=title]", "Plenaire stemming over hervestiging")
    page.fill("input[name=date]", day.isoformat())
    page.select_option("select[name=kind]", "plenary")
    page.click("main button[type=submit]")
    # Without a dossier the form says so, and nothing is saved.
    assert page.locator(".errorlist").first.is_visible()
    assert not Moment.objects.exists()
    page.check(f"input[name=dossiers][value='{dossier.pk}']")
    page.click("main button[type=submit]")
    page.wait_for_url(live_server.url + reverse("plans:moments"))
    assert "Plenaire stemming over hervestiging" in page.locator("#upcoming").inner_text()

    page.goto(live_server.url + reverse("plans:steering", args=[theme.pk]))
    assert "Plenaire stemming over hervestiging" in page.locator("#ahead").inner_text()
    page.emulate_media(media="print")
    assert not page.locator("header nav").is_visible()
    assert not page.locator(".steering-period").is_visible()
    assert page.locator("#plan-status").is_visible()
