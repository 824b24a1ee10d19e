"""In a real browser: add a role, see an overlapping minister refused with the message, and
merge a duplicate person after seeing what will move."""

import datetime as dt

import pytest

from hefboom.actors.models import Person, PersonMerge, PersonRole
from hefboom.core.actions import save_record

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def pick(page, field_id, typed, option):
    page.click(f"#{field_id}-ts-control")
    page.keyboard.type(typed)
    page.wait_for_selector(f".ts-dropdown .option:has-text('{option}')")
    page.click(f".ts-dropdown .option:has-text('{option}')")


def test_add_a_role_see_an_overlap_refused_and_merge_a_duplicate(
        live_server, logged_in_page, alice, advisor, cabinet, open_contact):
    minister = save_record(Person(first_name="Eerste", last_name="Minister"), alice)
    save_record(PersonRole(person=minister, organisation=cabinet, title="Minister",
                           single_holder=True, start_date=dt.date(2020, 10, 1)), alice)
    duplicate = save_record(Person(first_name="L.", last_name="Verzonnen",
                                   email="l.verzonnen@example.org"), alice)
    open_contact.persons.set([duplicate])

    page = logged_in_page(alice)
    page.goto(live_server.url + advisor.get_absolute_url())
    page.click("form.lang button[value=en]")  # messages read the same once translated
    page.wait_for_selector("html[lang=en]")

    # An overlapping minister: refused, with the holder and dates named; nothing saved.
    page.click("#roles a:has-text('Add a role')")
    pick(page, "id_organisation", "Testmin", "Kabinet Testminister")
    page.fill("#id_title", "Minister")
    page.check("#id_single_holder")
    page.fill("#id_start_date", "2023-01-01")
    page.click("main form button.primary")
    page.wait_for_selector(".errorlist:has-text('Only one person at a time')")
    assert "held by Eerste Minister (1 Oct 2020 – now)" in page.inner_text(".errorlist")
    assert not advisor.roles.exists()

    # Corrected to an ordinary function, it is added and listed under "now".
    page.fill("#id_title", "Woordvoerder")
    page.uncheck("#id_single_holder")
    page.click("main form button.primary")
    page.wait_for_selector("#roles li:has-text('Woordvoerder')")
    assert advisor.roles.get().title == "Woordvoerder"

    # Merge the duplicate: first what will move, then the merge itself.
    page.click("#roles a:has-text('Merge a duplicate')")
    pick(page, "id_duplicate", "L. Verz", "L. Verzonnen")
    page.click("main form button.primary")
    page.wait_for_selector(".merge-preview")
    preview = page.inner_text(".merge-preview")
    assert "1 contact" in preview and "l.verzonnen@example.org" in preview  # fills the empty e-mail
    assert Person.objects.filter(pk=duplicate.pk).exists()
    page.click("main form button.primary")
    page.wait_for_selector("p.message:has-text('was merged into')")
    assert not Person.objects.filter(pk=duplicate.pk).exists()
    assert list(open_contact.persons.all()) == [advisor]
    assert PersonMerge.objects.get().merged_by == alice
