"""The demo in a real browser: Playwright driving Debian's Chromium against a live server."""

import os
from pathlib import Path

import pytest

from hefboom.demo.loader import DEMO_PASSWORD, load_demo_case

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_demo_in_browser(live_server, browser_page):
    load_demo_case()
    page = browser_page
    page.goto(live_server.url + "/")
    page.fill("input[name=username]", "policy-migration")
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(live_server.url + "/")
    assert page.locator("h1").first.inner_text().startswith("Goed")  # Dutch by default

    page.click("text=Dossiers")
    page.click("a:text-is('Hervestiging')")
    page.wait_for_selector("ol.events li")
    events = page.locator("ol.events").inner_text()
    assert "2022" in events
    assert page.locator("ul.markers li").count() >= 1

    if target := os.environ.get("HEFBOOM_SCREENSHOT"):
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=target, full_page=False)

    page.locator("ol.events li a").first.click()
    assert page.locator("h1").count() == 1
    page.click("button:text-is('FR')")
    assert "Déconnexion" in page.locator("header").inner_text()
