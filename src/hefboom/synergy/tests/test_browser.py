"""Bob opens the synergy view in a real browser, narrows it to a dossier, reads a matrix cell
and follows an outcome to its page."""

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_bob_filters_the_synergy_view_by_dossier_and_follows_an_outcome(
        live_server, logged_in_page, bob, case):
    page = logged_in_page(bob)
    page.goto(live_server.url + reverse("synergy:overview") + "?start=2022-01-01")
    page.wait_for_selector("#synergy-matrix table")
    assert page.locator("#synergy-matrix tbody tr").count() == 4

    page.select_option("#synergy-filters select[name=dossier]", str(case.dossier.pk))
    page.click("#synergy-filters button.primary")
    page.wait_for_url(f"**dossier={case.dossier.pk}**")
    rows = page.locator("#synergy-matrix tbody tr")
    assert rows.count() == 3
    assert "Budget verdubbeld" not in page.locator("#synergy-matrix").inner_text()

    raised = page.locator(f"#synergy-matrix tr[data-outcome='{case.raised.pk}']")
    cells = raised.locator("td.synergy-cell")
    # Policy 2, communication 2, the coalition 1 (the campaign), Noordhuis 1 (the lunch).
    assert [cells.nth(i).inner_text() for i in range(cells.count())] == ["2", "2", "1", "1"]
    assert cells.first.get_attribute("title")  # the kinds, on hover
    campaign = page.locator("#synergy-campaigns tbody tr").first.inner_text()
    assert "Herfstcampagne" in campaign and "Quota verhoogd" in campaign
    assert "Debat gepland" in campaign  # followed within 12 months, not linked

    outcome_url = reverse("monitoring:outcome", args=[case.raised.pk])
    raised.locator(f"a[href='{outcome_url}']").click()
    page.wait_for_url(f"**{outcome_url}")
    assert "Quota verhoogd" in page.locator("h1").inner_text()
