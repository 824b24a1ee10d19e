"""The Content-Security-Policy in a real browser: the administrator of the demo walks the main
pages (dashboard, contacts with quick capture, an outcome, a timeline, synergy, plans, the
steering page, the network and a briefing, reporting, coverage, the account page with its QR
code, the admin site) and the browser reports no refused script or style and no console error."""

import pytest
from django.urls import reverse

from hefboom.demo.loader import DEMO_PASSWORD, load_demo_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LISTEN = """
window.__refused = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__refused.push(
    `${e.violatedDirective} ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


def main_pages():
    from hefboom.accounts.models import User
    from hefboom.actors.models import Person
    from hefboom.monitoring.models import Outcome
    from hefboom.plans.models import DossierPlan
    from hefboom.strategy.models import Dossier, Theme

    dossier = Dossier.objects.order_by("pk").first()
    theme = Theme.objects.order_by("pk").first()
    person = Person.objects.order_by("pk").first()
    admin = User.objects.get(username="beheerder")
    return [
        reverse("home"),
        reverse("monitoring:contacts"),
        reverse("monitoring:outcome", args=[Outcome.objects.order_by("pk").first().pk]),
        reverse("strategy:dossier", args=[dossier.pk]),
        reverse("strategy:dossier_timeline", args=[dossier.pk]),
        reverse("synergy:overview") + "?start=2020-01-01",
        reverse("plans:index"),
        reverse("plans:plan", args=[DossierPlan.objects.order_by("pk").first().pk]),
        reverse("plans:steering", args=[theme.pk]),
        reverse("network:overview"),
        reverse("network:person_briefing", args=[person.pk]),
        reverse("reporting:dashboard_home"),
        reverse("coverage:dashboard") + "?dimension=party&date_from=2020-01-01",
        reverse("learning:narratives"),
        reverse("account"),
        reverse("two_factor_setup"),  # the QR code is a data: image
        reverse("admin:index"),
        reverse("admin:accounts_user_change", args=[admin.pk]),
    ]


def test_the_main_pages_pass_the_content_security_policy(live_server, browser_page):
    load_demo_case()
    page = browser_page
    console_errors = []
    page.on("console", lambda m: console_errors.append(f"{page.url}: {m.text}")
            if m.type == "error" else None)
    page.on("pageerror", lambda e: console_errors.append(f"{page.url}: {e}"))
    page.add_init_script(LISTEN)

    page.goto(live_server.url + reverse("login"))
    page.fill("input[name=username]", "beheerder")
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(live_server.url + "/")

    refused = {}
    visited = []

    def check(url):
        found = page.evaluate("window.__refused")
        if found:
            refused[url] = found

    for url in main_pages():
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
        check(url)
        visited.append(url)

        if url == reverse("monitoring:contacts"):
            # Quick capture: the dialog, its htmx-loaded form and the autocomplete fields.
            page.keyboard.press("n")
            page.wait_for_selector("#quick-capture .quick-form")
            page.wait_for_selector("#quick-capture .ts-wrapper")
            page.locator("#quick-capture .ts-control input").first.fill("a")
            page.wait_for_load_state("networkidle")
            check(url + " (quick capture)")
            page.keyboard.press("Escape")

        if "/steering/" in url:
            # The month picker submits its form from hefboom.js, no inline handler.
            months = page.locator("select#months")
            other = months.locator("option:not([selected])").first.get_attribute("value")
            with page.expect_navigation():
                months.select_option(other)
            assert f"months={other}" in page.url
            check(url + " (months)")

    assert len(visited) == len(main_pages())
    assert not refused, refused
    assert not console_errors, console_errors

    # The listener hears a refusal: a style attribute set from a script is refused and reported.
    page.evaluate("document.body.setAttribute('style', 'color: red')")
    page.wait_for_function("() => window.__refused.length > 0")
    assert "style-src" in page.evaluate("window.__refused")[0]
