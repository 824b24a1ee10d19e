"""In a real browser: Mia makes a contribution claim, weighs three evidence items, reads the confidence."""

import pytest

from hefboom.monitoring.models import ContributionClaim
from hefboom.monitoring.tests.test_claims import make_outcome

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_claim_with_three_evidence_items_and_its_confidence(live_server, logged_in_page, mia, dossier):
    outcome = make_outcome(mia, dossier)
    first, second, third = outcome.evidence.all()
    page = logged_in_page(mia)
    page.goto(f"{live_server.url}/monitoring/outcomes/{outcome.pk}/claims/new/")
    page.fill("textarea[name=statement]", "De structuur kwam er mee door onze lobby bij het kabinet")
    page.fill("textarea[name=alternatives]", "Druk van UNHCR en van de coalitiepartners.")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server.url}/monitoring/claims/*/")
    claim = ContributionClaim.objects.get()

    def assess(evidence, test_type):
        page.click(f"a[href='/monitoring/claims/{claim.pk}/evidence/new/']")
        page.wait_for_url(f"{live_server.url}/monitoring/claims/{claim.pk}/evidence/new/")
        page.select_option("select[name=evidence]", str(evidence.pk))
        page.select_option("select[name=test_type]", test_type)
        page.click("main button[type=submit]")
        page.wait_for_url(f"{live_server.url}/monitoring/claims/{claim.pk}/")

    page.click(f"a[href='/monitoring/claims/{claim.pk}/evidence/new/']")
    # Wait for the page's load (its script too), not just for the form to appear.
    page.wait_for_url(f"{live_server.url}/monitoring/claims/{claim.pk}/evidence/new/")
    page.select_option("select[name=test_type]", "hoop")
    assert page.input_value("input[name=p_if_true]") == "0.95"  # the preset fills the numbers
    assert page.input_value("input[name=p_if_false]") == "0.6"
    page.fill("input[name=p_if_true]", "0.9")  # other numbers switch the picker to "own numbers"
    assert page.input_value("select[name=test_type]") == "custom"
    page.go_back()

    assess(first, "hoop")
    assess(second, "straw")
    assess(third, "smoking_gun")

    # Hand-computed: 0.5 → hoop 0.95/0.6 → 0.612903 → straw 0.6/0.4 → 0.703704
    # → smoking gun 0.3/0.05 → 0.934426, shown with three decimals (a decimal comma in Dutch).
    shown = page.text_content(".confidence-summary .confidence").strip().replace(",", ".")
    assert shown == "0.934"
    assert float(page.get_attribute(".confidence-summary .confidence", "data-confidence")) == \
        pytest.approx(57 / 61, abs=1e-6)
    assert page.locator("table.steps tbody tr").count() == 4  # the prior and three steps
