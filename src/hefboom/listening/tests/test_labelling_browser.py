"""Labelling in a real browser: one click labels an item, the counts change, the next item
comes in without a page load."""

import pytest

from hefboom.listening.tests.corpus_fixture import write_store

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_label_an_item_and_see_the_counts_change(live_server, logged_in_page, alice, settings,
                                                 tmp_path):
    from playwright.sync_api import expect

    settings.DATA_DIR = tmp_path
    write_store(tmp_path)
    page = logged_in_page(alice)
    page.goto(live_server.url + "/listening/labels/?lang=fr")
    first = page.locator("article.label-item").get_attribute("data-item")
    assert page.locator("tr.label-counts-fr td.count-total").inner_text() == "0"
    page.check("input[name=frames][value=legal]")
    page.click("button.label-pos")
    expect(page.locator("tr.label-counts-fr td.count-total")).to_have_text("1")
    assert page.locator("tr.label-counts-fr td.count-pos").inner_text() == "1"
    second = page.locator("article.label-item").get_attribute("data-item")
    assert second and second != first
    assert page.url.endswith("/listening/labels/?lang=fr")  # swapped in, no page load
    assert page.locator(".label-item .badge").first.inner_text() == "fr"
    from hefboom.listening.models import ItemLabel

    label = ItemLabel.objects.get()
    assert (label.item_id, label.sentiment, label.frames) == (first, "pos", ["legal"])
