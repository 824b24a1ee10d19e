"""Alice opens the coverage dashboard in a real browser, switches to political levels and
follows a cell to the contacts behind it."""

import datetime as dt

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_alice_switches_dimension_and_follows_a_cell(live_server, logged_in_page, alice, red,
                                                     blue, cabinet, chair, contact_on):
    contact_on(dt.date(2024, 6, 10), persons=[chair], organisations=[cabinet],
               summary="Overleg met het federale kabinet")
    contact_on(dt.date(2025, 5, 10), organisations=[blue], summary="Gesprek met Blauw")
    page = logged_in_page(alice)
    page.click("nav a[href='/coverage/']")
    page.wait_for_selector("#coverage-heatmap")
    assert page.locator(".spectrum-party").count() == 2
    # Parties from left to right: Rood (2) before Blauw (8); Rood only through its chair.
    party_rows = page.locator("#coverage-heatmap tbody th")
    assert party_rows.nth(0).inner_text().startswith("Rode Partij")
    assert page.locator("#coverage-heatmap tbody tr").nth(0).locator("td a").inner_text() == "1"

    page.select_option("select[name=dimension]", "level")
    page.click("#coverage-filters button.primary")
    page.wait_for_url("**dimension=level**")
    federal = page.locator("#coverage-heatmap td.heat a[href*='level=federal']")
    assert federal.count() == 2  # the cabinet in 2024 Q2, Blauw (a federal party) in 2025 Q2
    cell = page.locator("#coverage-heatmap a[href*='level=federal'][href*='date_from=2024-04-01']")
    assert cell.inner_text() == "1"
    cell.click()
    page.wait_for_url("**/monitoring/contacts/**")
    assert page.locator("table.list a:text('Overleg met het federale kabinet')").count() == 1
    assert "Gesprek met Blauw" not in page.content()
