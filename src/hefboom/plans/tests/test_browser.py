"""Editing a plan in a real browser (Playwright and Debian's Chromium): Alice adds an objective
for a service and a step with a responsible service, and sees it in the matrix; a step
without a responsible service gets a message on that field."""

import pytest
from django.urls import reverse

from hefboom.plans.models import PlanStep

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_alice_adds_an_objective_and_a_step_and_sees_it_in_the_matrix(
        live_server, logged_in_page, alice, plan, services):
    page = logged_in_page(alice)
    page.goto(live_server.url + plan.get_absolute_url())
    page.click("header button:text-is('EN')")  # the messages below are read in English
    page.wait_for_selector("html[lang=en]")
    movement = services["movement"]

    # The movement service has no objectives yet: its section offers "add".
    page.click(f"#objective-movement a[href$='?service={movement.pk}']")
    page.wait_for_selector("form.plan-form")
    assert page.locator("select[name=service]").input_value() == str(movement.pk)
    page.fill("textarea[name=objectives]", "Tienduizend handtekeningen voor hervestiging")
    page.fill("textarea[name=expected_results]", "Een petitie in het parlement")
    page.click("form.plan-form button[type=submit]")
    page.wait_for_url(live_server.url + plan.get_absolute_url())
    assert "Tienduizend handtekeningen" in page.locator("#objective-movement").inner_text()

    # A step without a responsible service: the message sits on that field, nothing is saved.
    page.click(f"a[href='{reverse('plans:step_create', args=[plan.pk])}']")
    page.wait_for_selector("form.plan-form")
    page.fill("input[name=title]", "Petitie overhandigen")
    page.click("form.plan-form button[type=submit]")
    message = page.locator(".field-responsible_service .errorlist, "
                           "#id_responsible_service_error, .errorlist").first
    assert "service responsible for this step" in message.inner_text()
    assert not PlanStep.objects.exists()

    # With the movement service responsible and communication supporting, it is saved.
    page.select_option("select[name=responsible_service]", str(movement.pk))
    page.check(f"input[name=supporting_services][value='{services['communication'].pk}']")
    page.fill("input[name=due_date]", "2023-10-01")
    page.click("form.plan-form button[type=submit]")
    step = PlanStep.objects.get()
    page.wait_for_url(live_server.url + step.get_absolute_url())

    page.goto(live_server.url + plan.get_absolute_url())
    matrix = page.locator("#responsibility-matrix")
    headers = matrix.locator("thead th").all_inner_texts()
    assert headers == ["Step", "Policy", "Communication", "Movement", "International"]
    row = matrix.locator("tbody tr", has_text="Petitie overhandigen")
    assert row.locator("td").all_inner_texts() == ["", "S", "R", ""]
    assert "No work recorded by Movement" in page.locator("#plan-steps").inner_text()
