"""The plans index, a plan's history and copying it to the next period, in a real browser:
Alice finds this year's plan marked current, looks back at 2023's plan and its history (Bob
changed its goals), copies it, is refused a period that ends before it starts, and then gets the
new plan."""

import datetime as dt

import pytest
from django.urls import reverse

from hefboom.plans import actions
from hefboom.plans.models import DossierPlan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_alice_reads_the_index_and_the_history_and_copies_a_plan(
        live_server, logged_in_page, alice, bob, plan, step, dossier):
    plan.lobby_goals = "Nieuwe doelen voor de hervestiging"
    actions.save_plan(plan, bob)
    year = dt.date.today().year
    running = actions.save_plan(DossierPlan(dossier=dossier, period_start=dt.date(year, 1, 1),
                                            period_end=dt.date(year, 12, 31)), alice)

    page = logged_in_page(alice)
    page.goto(live_server.url + reverse("plans:index"))
    page.click("header button:text-is('EN')")  # the messages below are read in English
    page.wait_for_selector("html[lang=en]")

    # This year by default: the running plan, marked current.
    rows = page.locator(".plan-list tbody tr")
    assert rows.count() == 1 and rows.first.get_attribute("class") == "current"
    assert rows.first.locator("th").inner_text() == "Hervestiging"
    assert rows.first.locator(f"a[href='{running.get_absolute_url()}']").count() == 1
    assert rows.first.locator(".badge-current").text_content() == "current"

    # 2023: the plan, its one step flagged (no work recorded by the policy service yet).
    page.select_option("#plan-filters select[name=year]", "2023")
    page.click("#plan-filters button.primary")
    page.wait_for_url("**year=2023**")
    row = page.locator(".plan-list tbody tr")
    assert row.count() == 1 and not row.get_attribute("class")
    assert row.locator("td.num").all_inner_texts() == ["1", "0", "1"]
    row.locator(f"a[href='{plan.get_absolute_url()}']").click()
    page.wait_for_url(live_server.url + plan.get_absolute_url())

    page.click(f"a[href='{reverse('plans:history', args=[plan.pk])}']")
    page.wait_for_selector("#plan-history")
    history = page.locator("#plan-history tbody tr")
    assert history.count() == 3  # the plan made, its step, Bob's change
    assert "Nieuwe doelen voor de hervestiging" in history.first.inner_text()
    assert "bob" in history.first.inner_text().lower()

    page.goto(live_server.url + plan.get_absolute_url())
    page.click(f"a[href='{reverse('plans:plan_copy', args=[plan.pk])}']")
    page.wait_for_selector("#copy-form")
    assert page.input_value("#copy-form input[name=period_start]") == "2024-01-01"
    assert page.input_value("#copy-form input[name=period_end]") == "2024-12-31"
    page.fill("#copy-form input[name=period_end]", "2023-06-30")
    page.click("#copy-form button.primary")
    page.wait_for_selector("#copy-form .errorlist")
    assert "The period cannot end before it starts." in page.inner_text("#copy-form .errorlist")
    assert not DossierPlan.objects.filter(copied_from=plan).exists()

    page.fill("#copy-form input[name=period_end]", "2024-12-31")
    page.click("#copy-form button.primary")
    page.wait_for_selector("p.message:has-text('The plan was copied to')")
    new = DossierPlan.objects.get(copied_from=plan)
    assert page.url == live_server.url + new.get_absolute_url()
    assert new.steps.get().title == step.title
