"""Victor, the external evaluator, opens the dashboard in a real browser and switches years.

Apart from the demo-based dashboard tests: a live server needs committed data, which the
module-wide demo transaction of the other modules would hold back."""

from decimal import Decimal

import pytest

from hefboom.reporting.actions import save_indicator, set_indicator_period
from hefboom.reporting.models import Indicator

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_victor_sees_the_chart_and_switches_to_another_year(
        live_server, logged_in_page, victor, mia, programme, open_contact, confidential_contact):
    indicator = save_indicator(mia, Indicator(
        programme=programme, code="OC1", title="Kabinetscontacten", kind="computed",
        record_kind="contact", filter_query="level=federal&institution=cabinet"))
    set_indicator_period(mia, indicator, 2023, target=Decimal("5"))
    page = logged_in_page(victor)
    page.goto(live_server.url + f"/reporting/{programme.pk}/2024/")
    chart = page.locator(f"#chart-{indicator.pk} svg")
    assert chart.is_visible()
    assert chart.bounding_box()["height"] > 50, "the chart is drawn at a readable size"
    actual_2023 = page.locator(f"#chart-{indicator.pk} g.bar-actual[data-year='2023'] rect")
    assert actual_2023.bounding_box()["height"] > 0

    page.click("nav.year-switch a:text-is('2023')")
    page.wait_for_url(live_server.url + f"/reporting/{programme.pk}/2023/")
    assert page.locator("nav.year-switch a[aria-current=page]").inner_text() == "2023"
    assert page.locator(f"#chart-{indicator.pk} g.bar-actual[data-year='2023'] text").text_content() \
        == "2", "both 2023 contacts with the federal cabinet, the confidential one included"
    assert page.locator(f"#chart-{indicator.pk} g.bar-target[data-year='2023'] text").text_content() \
        == "5"
    assert page.locator(f"#chart-{indicator.pk} g[data-year='2024']").count() == 0, \
        "the 2023 report shows no later year"
