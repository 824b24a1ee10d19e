"""Victor, the external evaluator, in a real browser: search, open a result, download the pack."""

import io
import zipfile
from pathlib import Path

import pytest

from hefboom.evaluation.actions import tag_record

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_victor_searches_opens_a_result_and_downloads_the_evidence_pack(
        live_server, logged_in_page, victor, mia, outcome, evaluation, question):
    tag_record(mia, question, outcome)
    page = logged_in_page(victor)
    page.goto(live_server.url + "/search/")
    page.fill("main input[name=q]", "hervestigingsstructuur")
    page.press("main input[name=q]", "Enter")
    result = page.locator("ol.search-results a", has_text="Autonome hervestigingsstructuur")
    assert page.locator("ol.search-results mark").first.inner_text().lower().startswith("hervestiging")
    result.click()
    page.wait_for_url(live_server.url + outcome.get_absolute_url())
    assert page.locator("h1").inner_text().startswith("Autonome hervestigingsstructuur")

    page.goto(live_server.url + evaluation.get_absolute_url())
    assert "Autonome hervestigingsstructuur" in page.locator(f"#question-{question.pk}").inner_text()
    with page.expect_download() as info:
        page.click("a[href$='evidence-pack.zip']")
    archive = zipfile.ZipFile(io.BytesIO(Path(info.value.path()).read_bytes()))
    assert f"records/outcome-{outcome.pk}.html" in archive.namelist()
    assert "Geheime afspraak" not in archive.read(f"records/outcome-{outcome.pk}.html").decode()
