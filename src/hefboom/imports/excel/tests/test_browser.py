"""The import wizard in a real browser: upload, accept the mapping, decide a name, import."""

import pytest

from hefboom.actors.models import Person
from hefboom.core.actions import save_record
from hefboom.imports.excel.tests.workbooks import dutch_sheets, make_workbook
from hefboom.monitoring.models import Contact, Output

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_wizard_in_browser(logged_in_page, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    nele = save_record(Person(first_name="Nele", last_name="De Moor"), None)  # "Min. De Moor"?
    workbook = make_workbook(tmp_path / "monitoring-2023.xlsx", dutch_sheets())
    page = logged_in_page(world["alice"])

    page.goto(page.url.rstrip("/") + "/import/excel/")
    page.set_input_files("input[name=file]", str(workbook))
    page.click("main form button[type=submit]")
    page.wait_for_url("**/mapping/")
    contacts = page.locator("section.sheet[data-sheet='Politieke contacten']")
    assert contacts.locator("select[name$='-type']").input_value() == "contact"
    assert contacts.get_by_label("Datum", exact=True).input_value() == "date"

    page.click("main form.mapping-form button.primary")
    page.wait_for_url("**/check/")
    review = page.locator("fieldset.review[data-name='Min. De Moor']")
    assert review.locator("input[type=radio]").count() == 4  # two candidates, create, skip
    review.locator(f"input[value='use:{nele.pk}']").check()
    page.click("button[name=commit]")
    page.wait_for_url("**/import/excel/*/")
    assert "monitoring-2023.xlsx" in page.locator("h1").inner_text()

    assert Contact.objects.count() == 3 and Output.objects.count() == 2
    assert list(Contact.objects.get(summary="Hervestigingsquota besproken").persons.all()) == [nele]
