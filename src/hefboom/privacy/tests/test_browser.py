"""A GDPR round in a real browser: Carol exports Lotte's data, erases her, and sees the pseudonym."""

import json
from pathlib import Path

import pytest
from django.urls import reverse

from hefboom.actors.models import Person
from hefboom.privacy.models import AccessAction, AccessEvent

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_carol_exports_lotte_then_erases_her_and_sees_the_pseudonym(
        live_server, logged_in_page, carol, lotte, confidential_contact):
    page = logged_in_page(carol)
    page.goto(live_server.url + lotte.get_absolute_url())
    page.click(f"a[href='{reverse('privacy:person', args=[lotte.pk])}']")
    page.wait_for_selector("#export-json")

    with page.expect_download() as download:
        page.click("#export-json")
    document = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert document["person"]["last_name"] == "Verzonnen"
    assert confidential_contact.pk in [c["id"] for c in document["contacts"]]

    page.fill("input[name=reason]", "Verzoek van 3 maart")
    page.click(".privacy-erase button[type=submit]")  # without the box ticked: not sent
    assert page.locator("input[name=confirm]").evaluate("box => box.validity.valueMissing")
    assert Person.objects.get(pk=lotte.pk).erased_at is None
    page.check("input[name=confirm]")
    page.click(".privacy-erase button[type=submit]")
    page.wait_for_url(live_server.url + lotte.get_absolute_url())
    alias = f"Erased person {lotte.pk}"
    assert page.inner_text("h1") == alias
    assert "Verzonnen" not in page.content()
    assert list(AccessEvent.objects.order_by("at").values_list("action", flat=True)) == [
        AccessAction.EXPORT, AccessAction.ERASE]
