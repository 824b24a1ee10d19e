"""Quick capture in a real browser: logging a contact takes at most 8 interactions.

Each call to `act` is one interaction as a user experiences it: a key press, a click, or
typing into one field (keystrokes in a field count as one). Waiting for the screen is not.
"""

import datetime as dt
import time

import pytest
from django.utils import timezone

from hefboom.actors.models import PersonRole
from hefboom.core.actions import save_record
from hefboom.monitoring.models import Contact, Outcome, Output

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class Interactions:
    def __init__(self):
        self.done: list[str] = []
        self.started = time.monotonic()

    def act(self, label, action):
        self.done.append(label)
        action()

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started


def test_contact_with_one_person_and_one_dossier(live_server, logged_in_page, alice, dossier,
                                                 advisor, cabinet, capsys):
    save_record(PersonRole(person=advisor, organisation=cabinet, title="Adviseur",
                           start_date=dt.date(2022, 1, 1)), None)
    page = logged_in_page(alice)
    page.goto(live_server.url + "/monitoring/outputs/")  # any page will do
    keyboard = page.keyboard
    user = Interactions()

    user.act("press n", lambda: keyboard.press("n"))
    page.wait_for_selector("#quick-capture[open] .field-persons .ts-control input:focus")
    user.act("type a name", lambda: keyboard.type("verzon"))
    page.wait_for_selector(".ts-dropdown .option.active:has-text('Lotte Verzonnen')")
    user.act("Tab picks it", lambda: keyboard.press("Tab"))
    page.wait_for_selector(".field-dossiers .ts-control input:focus")
    user.act("type a dossier", lambda: keyboard.type("herv"))
    page.wait_for_selector(".ts-dropdown .option.active:has-text('Hervestiging')")
    user.act("Tab picks it", lambda: keyboard.press("Tab"))
    page.wait_for_selector("textarea[name=summary]:focus")
    user.act("type the summary", lambda: keyboard.type("Gesprek over de hervestigingsquota"))
    user.act("Ctrl+Enter saves", lambda: keyboard.press("Control+Enter"))
    page.wait_for_selector("#toast:not([hidden])")
    seconds = user.seconds

    contact = Contact.objects.get()
    assert list(contact.persons.all()) == [advisor]
    assert list(contact.dossiers.all()) == [dossier]
    assert list(contact.organisations.all()) == [cabinet]  # where the person works now
    assert list(contact.our_participants.all()) == [alice]
    assert contact.date == timezone.localdate() and contact.channel == "meeting"
    assert contact.summary == "Gesprek over de hervestigingsquota"
    assert not page.locator("#quick-capture[open]").count()  # dialog closed, no page reload
    assert page.url.endswith("/monitoring/outputs/")
    assert len(user.done) <= 8, user.done
    assert seconds < 30
    with capsys.disabled():
        print(f"\nquick capture of a contact: {len(user.done)} interactions, {seconds:.1f} s "
              f"({', '.join(user.done)})")


def test_new_person_is_created_inline_and_errors_keep_the_dialog(live_server, logged_in_page,
                                                                 alice, dossier):
    page = logged_in_page(alice)
    keyboard = page.keyboard
    keyboard.press("n")
    page.wait_for_selector("#quick-capture[open] .field-persons .ts-control input:focus")
    keyboard.type("Joris Nieuwkomer")
    page.wait_for_selector(".ts-dropdown .create")
    page.click(".ts-dropdown .create")
    page.wait_for_selector(".field-persons .item:has-text('Joris Nieuwkomer')")
    page.click("#quick-capture .quick-form button[type=submit]")  # no dossier, no summary
    page.wait_for_selector("#quick-capture .field-dossiers .errorlist")
    assert page.locator("#quick-capture[open]").count() == 1
    assert Contact.objects.count() == 0
    # The typed person survived the error and exists once.
    from hefboom.actors.models import Person

    assert Person.objects.filter(last_name="Nieuwkomer", first_name="Joris").count() == 1


def test_output_and_outcome_from_the_dialog(live_server, logged_in_page, alice, dossier):
    page = logged_in_page(alice)
    page.click("#quick-capture-open")
    page.wait_for_selector("#quick-capture[open]")
    page.click(".quick-kinds a:has-text('Output')")
    page.wait_for_selector("#quick-capture input[name=title]:focus")
    page.keyboard.type("Inputnota hervestiging")
    page.select_option("#quick-capture select[name=type]", "input_paper")
    page.click(".field-dossiers .ts-control")
    page.keyboard.type("herv")
    page.wait_for_selector(".ts-dropdown .option.active:has-text('Hervestiging')")
    page.keyboard.press("Enter")
    page.keyboard.press("Control+Enter")
    page.wait_for_selector("#toast:not([hidden]):has-text('Inputnota hervestiging')")
    assert Output.objects.get().title == "Inputnota hervestiging"

    page.click("#quick-capture-open")
    page.wait_for_selector("#quick-capture[open]")
    page.click(".quick-kinds a:has-text('Outcome')")
    page.wait_for_selector("#quick-capture input[name=title]:focus")
    page.keyboard.type("Quotum verhoogd")
    page.fill("#quick-capture textarea[name=description]", "De regering verhoogde het quotum.")
    page.select_option("#quick-capture select[name=change_type]", "policy_content")
    page.click(".field-dossiers .ts-control")
    page.keyboard.type("herv")
    page.wait_for_selector(".ts-dropdown .option.active:has-text('Hervestiging')")
    page.keyboard.press("Enter")
    page.click("#quick-capture .quick-form button[type=submit]")
    page.wait_for_selector("#toast:not([hidden]):has-text('Quotum verhoogd')")
    outcome = Outcome.objects.get()
    assert outcome.title == "Quotum verhoogd" and list(outcome.dossiers.all()) == [dossier]
