"""In a real browser: Alice builds an outcome's pathway and follows it back to the work behind it."""

import datetime as dt

import pytest

from hefboom.monitoring import actions
from hefboom.monitoring.models import ContributionLink, Outcome, Output

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def pick(page, field, typed, option):
    """Search a server-searched field and choose the option."""
    page.click(f"#id_{field}-ts-control")
    page.keyboard.type(typed)
    page.click(f".ts-dropdown .option:has-text('{option}')")


def test_alice_links_an_output_and_a_contact_and_follows_the_pathway(
    live_server, logged_in_page, alice, dossier, open_contact
):
    outcome = actions.record_outcome(
        alice, Outcome(title="Autonome hervestigingsstructuur beslist", description="De regering besliste",
                       date=dt.date(2023, 7, 31), change_type="policy_content"),
        dossiers=[dossier])
    output = actions.record_output(alice, Output(title="Inputnota hervestiging", type="input_paper",
                                                 date=dt.date(2023, 5, 2)), dossiers=[dossier])
    page = logged_in_page(alice)
    page.goto(live_server.url + outcome.get_absolute_url())

    page.click(f"a[href$='/outcomes/{outcome.pk}/evidence/new/']>> nth=0")
    page.select_option("select[name=source_type]", "document")
    page.fill("input[name=reference]", "Beleidsnota Asiel en Migratie 2023")
    page.fill("textarea[name=quote]", "We bouwen een autonome hervestigingsstructuur uit.")
    page.click("main button[type=submit]")
    page.wait_for_url(live_server.url + outcome.get_absolute_url())

    page.click(f"a[href$='/outcomes/{outcome.pk}/contributions/new/']")
    pick(page, "output", "Inputnota", "Inputnota hervestiging")
    page.fill("textarea[name=narrative]", "Zinnen uit de nota staan in de beleidsnota")
    page.check("input[name=evidence]")
    page.click("main button[type=submit]")
    page.wait_for_url(live_server.url + outcome.get_absolute_url())

    page.click(f"a[href$='/outcomes/{outcome.pk}/contributions/new/']")
    pick(page, "contact", "hervestigingsquota", "Telefoon over hervestigingsquota")
    page.fill("textarea[name=narrative]", "Het gesprek bracht de structuur ter sprake")
    page.click("main button[type=submit]")
    page.wait_for_url(live_server.url + outcome.get_absolute_url())

    assert ContributionLink.objects.filter(outcome=outcome).count() == 2
    output_node = page.locator(f"svg.pathway a.node-output[href='{output.get_absolute_url()}']")
    contact_node = page.locator(f"svg.pathway a.node-contact[href='{open_contact.get_absolute_url()}']")
    assert output_node.is_visible() and contact_node.is_visible()
    assert output_node.locator(".evidence-count").text_content() == "1"
    contact_node.click()
    page.wait_for_url(live_server.url + open_contact.get_absolute_url())
    assert "Autonome hervestigingsstructuur beslist" in page.locator(".contributed-to").inner_text()
