"""The daily digest: who gets what, once a day, in their language; failures are reported."""

import datetime as dt
import smtplib

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from hefboom.monitoring import followups
from hefboom.monitoring.models import FollowUp

DAY = dt.date(2023, 5, 2)


def follow_up(user, contact, text, due, owner=None):
    return followups.add_follow_up(user, FollowUp(contact=contact, description=text, due_date=due,
                                                  owner=owner or user))


@pytest.fixture
def subscribed(alice, bob, mia):
    for user in (alice, bob, mia):
        user.email = f"{user.username}@example.org"
        user.wants_digest = True
        user.language = "en"
        user.save()
    return alice, bob, mia


@pytest.fixture
def due(subscribed, alice, bob, open_contact, confidential_contact):
    follow_up(alice, open_contact, "Nota sturen", DAY - dt.timedelta(days=5))
    follow_up(alice, open_contact, "Cijfers bellen", DAY)
    follow_up(alice, open_contact, "Volgende week", DAY + dt.timedelta(days=7))
    follow_up(alice, confidential_contact, "Geheime nota", DAY)
    followups.complete_follow_up(alice, follow_up(alice, open_contact, "Al gedaan", DAY))
    follow_up(alice, open_contact, "Voor Bob", DAY, owner=bob)


def run(*args):
    call_command("send-digest", "--date", DAY.isoformat(), *args)


def test_each_user_gets_their_overdue_and_due_follow_ups_once_a_day(due, alice, bob,
                                                                    open_contact, settings):
    settings.HEFBOOM_SITE_URL = "https://hefboom.example.org"
    run()
    by_user = {m.to[0]: m for m in mail.outbox}
    assert sorted(by_user) == ["alice@example.org", "bob@example.org"]  # Mia has nothing due
    text = by_user["alice@example.org"].body
    assert "Nota sturen" in text and "Cijfers bellen" in text and "Geheime nota" in text
    assert "Volgende week" not in text and "Al gedaan" not in text and "Voor Bob" not in text
    assert text.index("Overdue") < text.index("Nota sturen") < text.index("Due today")
    assert f"https://hefboom.example.org/monitoring/contacts/{open_contact.pk}/#follow-ups" in text
    assert "https://hefboom.example.org/monitoring/follow-ups/" in text
    assert by_user["alice@example.org"].subject == "Hefboom: 1 overdue, 2 due today"
    html, kind = by_user["alice@example.org"].alternatives[0]
    assert kind == "text/html" and "Cijfers bellen</a>" in html
    alice.refresh_from_db()
    assert alice.digest_sent_on == DAY
    run()  # the same day again: nothing new
    assert len(mail.outbox) == 2
    call_command("send-digest", "--date", (DAY + dt.timedelta(days=1)).isoformat())
    assert len(mail.outbox) == 4  # the next day, again (still overdue)


def test_a_confidential_follow_up_goes_only_to_who_may_see_it(due, alice, bob,
                                                              confidential_contact):
    # A follow-up whose owner may not (or no longer) see its confidential contact.
    item = FollowUp.objects.get(description="Geheime nota")
    FollowUp.objects.filter(pk=item.pk).update(owner=bob)
    run()
    bob_mail = next(m for m in mail.outbox if m.to == ["bob@example.org"])
    assert "Geheime nota" not in bob_mail.body and "Voor Bob" in bob_mail.body


def test_no_digest_when_switched_off_or_without_an_address(due, alice, bob):
    alice.wants_digest = False
    alice.save()
    bob.email = ""
    bob.save()
    run()
    assert mail.outbox == []


def test_the_digest_is_in_the_users_language(due, alice):
    alice.language = "fr"
    alice.save()
    run()
    by_user = {m.to[0]: m.body for m in mail.outbox}
    assert "mardi 2 mai 2023" in by_user["alice@example.org"]
    assert "Tuesday 2 May 2023" in by_user["bob@example.org"]


def test_a_dry_run_sends_and_records_nothing(due, alice, capsys):
    run("--dry-run")
    assert mail.outbox == []
    alice.refresh_from_db()
    assert alice.digest_sent_on is None
    out = capsys.readouterr().out
    assert "alice <alice@example.org>: 1 overdue, 2 due today — would send" in out


def test_a_failure_exits_non_zero_and_is_tried_again_next_run(due, alice, bob, settings):
    settings.EMAIL_BACKEND = "hefboom.monitoring.tests.test_digest.RefusingBackend"
    with pytest.raises(CommandError, match="Could not send 2 digest") as exc:
        run()
    assert exc.value.returncode == 1
    assert "HEFBOOM_EMAIL_" in str(exc.value)
    alice.refresh_from_db()
    assert alice.digest_sent_on is None  # given back: the next run sends it
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run()
    assert len(mail.outbox) == 2


def test_a_bad_date_is_refused():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send-digest", "--date", "2-5-2023")


class RefusingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPConnectError(421, "mail.example.org is not answering")
