"""The digest as background tasks: `send-digest` queues one task per user, the worker sends
them, and an address the SMTP server refuses does not stop the others and is tried again."""

import datetime as dt
import smtplib

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from hefboom.monitoring import followups
from hefboom.monitoring.models import FollowUp

DAY = dt.date(2023, 5, 2)
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

pytestmark = pytest.mark.django_db(transaction=True)  # the worker commits, as in production


@pytest.fixture
def due(alice, bob, open_contact):
    for user in (alice, bob):
        user.email = f"{user.username}@example.org"
        user.wants_digest = True
        user.language = "en"
        user.save()
        followups.add_follow_up(user, FollowUp(contact=open_contact, description="Nota sturen",
                                               due_date=DAY, owner=user))


def run_worker():
    """What hefboom-worker.service does, until the queue is empty."""
    Worker(queue_names=["*"], interval=0, batch=True, backend_name="default",
           startup_delay=False, max_tasks=None, worker_id="test-worker",
           excluded_queue_names=[]).run()


def test_send_digest_queues_one_task_per_user_and_the_worker_sends_them(due, settings, capsys):
    settings.TASKS = DATABASE_TASKS
    call_command("send-digest", "--date", DAY.isoformat())
    assert "Queued 2 digest(s) for the worker" in capsys.readouterr().out
    assert mail.outbox == []  # nothing sent until the worker runs
    assert DBTaskResult.objects.filter(status="READY").count() == 2
    run_worker()
    assert sorted(m.to[0] for m in mail.outbox) == ["alice@example.org", "bob@example.org"]
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 2


def test_queued_twice_the_same_day_a_user_still_gets_one_digest(due, settings):
    settings.TASKS = DATABASE_TASKS
    call_command("send-digest", "--date", DAY.isoformat())
    call_command("send-digest", "--date", DAY.isoformat())  # e.g. the timer caught up
    run_worker()
    assert len(mail.outbox) == 2


def test_a_refused_address_fails_its_own_task_only_and_the_next_run_retries_it(due, alice,
                                                                              settings):
    settings.TASKS = DATABASE_TASKS
    settings.EMAIL_BACKEND = "hefboom.monitoring.tests.test_digest_tasks.RefusesAlice"
    call_command("send-digest", "--date", DAY.isoformat())
    run_worker()
    assert [m.to[0] for m in mail.outbox] == ["bob@example.org"]
    failed = DBTaskResult.objects.get(status="FAILED")
    assert failed.args_kwargs["args"] == [alice.pk, DAY.isoformat()]
    assert "SMTPRecipientsRefused" in failed.traceback
    alice.refresh_from_db()
    assert alice.digest_sent_on is None  # given back
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send-digest", "--date", DAY.isoformat())  # queues Alice's only
    run_worker()
    assert sorted(m.to[0] for m in mail.outbox) == ["alice@example.org", "bob@example.org"]


class RefusesAlice:
    def __init__(self, *args, **kwargs):
        from django.core.mail.backends.locmem import EmailBackend

        self.delivers = EmailBackend()

    def send_messages(self, messages):
        for message in messages:
            if "alice@example.org" in message.to:
                raise smtplib.SMTPRecipientsRefused({"alice@example.org": (550, b"no such user")})
        return self.delivers.send_messages(messages)
