"""In a real browser: Alice opens where her study's words appear, reads the match side by side
and adds it as evidence of the outcome with one click."""

import pytest

from hefboom.monitoring.models import Evidence
from hefboom.uptake.models import MatchEvidence, ReuseMatch
from hefboom.uptake.scan import run_scan
from hefboom.uptake.tests.conftest import decision

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def scanned(study, outcome):
    decision()
    run_scan()
    return ReuseMatch.objects.get()


def test_from_the_output_to_evidence_on_the_outcome(live_server, logged_in_page, alice, scanned,
                                                     outcome):
    page = logged_in_page(alice)
    page.goto(live_server.url + scanned.output.get_absolute_url())
    page.click(f"a[href='/uptake/outputs/{scanned.output.pk}/']")
    page.wait_for_url(f"{live_server.url}/uptake/outputs/{scanned.output.pk}/")
    page.click(f"a[href='/uptake/matches/{scanned.pk}/']")
    page.wait_for_url(f"{live_server.url}/uptake/matches/{scanned.pk}/")
    assert page.locator(".reuse-side mark").count() >= 2
    page.select_option("select[name=outcome]", str(outcome.pk))
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server.url}{outcome.get_absolute_url()}")
    assert "180 dagen (in plaats van 90)" in page.content()
    page.click(f"a[href='/uptake/matches/{scanned.pk}/']")  # back to the match from the evidence
    page.wait_for_url(f"{live_server.url}/uptake/matches/{scanned.pk}/")
    evidence = Evidence.objects.get(outcome=outcome)
    assert MatchEvidence.objects.get(evidence=evidence).match == scanned
