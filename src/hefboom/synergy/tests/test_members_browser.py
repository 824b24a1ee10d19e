"""Member involvement in a real browser: Alice goes from the member list to a coalition's page,
reads its joint records (the confidential one marked), follows one to its page, and downloads
the workbook, which opens with its two sheets."""

import pytest
from django.urls import reverse
from openpyxl import load_workbook

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_alice_reads_a_coalitions_joint_work_and_downloads_the_workbook(
        live_server, logged_in_page, alice, case, tmp_path):
    page = logged_in_page(alice)
    page.goto(live_server.url + reverse("synergy:members"))
    page.click("header button:text-is('EN')")  # the labels below are read in English
    page.wait_for_selector("html[lang=en]")

    row = page.locator(f"#member-list tr[data-organisation='{case.coalition.pk}']")
    # One joint activity and one joint contact (the confidential one, which Alice may see).
    assert row.locator("td.num").all_inner_texts()[:3] == ["1", "0", "1"]
    row.locator("th a").click()
    page.wait_for_url(f"**{reverse('synergy:member', args=[case.coalition.pk])}")
    assert page.locator("h1").inner_text() == "Klimaatcoalitie Test"

    activity = page.locator("#member-activities li").first
    assert activity.inner_text() == "2024-02-01 Herfstcampagne · Policy, Communication · Hervestiging"
    secret = page.locator("#member-contacts li").first
    assert "Vertrouwelijk overleg met activisten" in secret.inner_text()
    assert secret.locator(".badge").inner_text() == "confidential"
    assert "Debat gepland" in page.locator("#member-outcomes").inner_text()

    activity.locator("a").click()
    page.wait_for_url(f"**{reverse('monitoring:activity', args=[case.campaign.pk])}")
    assert "Herfstcampagne" in page.locator("h1").inner_text()

    page.goto(live_server.url + reverse("synergy:members"))
    with page.expect_download() as download:
        page.click(f"a[href='{reverse('synergy:member_export')}']")
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name.startswith("hefboom-members-") and path.suffix == ".xlsx"
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Joint records", "Per member and year"]
    titles = [row[4] for row in workbook["Joint records"].iter_rows(min_row=3, values_only=True)]
    assert titles == ["Herfstcampagne", "Vertrouwelijk overleg met activisten",
                      "Lunch met het kabinet"]
