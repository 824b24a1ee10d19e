"""Colleagues who save at the same moment wait for each other: no "database is locked", no lost
edit, no duplicate.

Several threads, each with its own database connection (as gunicorn's workers and threads have),
edit one outcome and log contacts through the real write path (`save_record`) at once. On SQLite
this works because of the connection options in `hefboom.env.database_from_url` (WAL, a busy
timeout and `BEGIN IMMEDIATE`); the second test takes them away and shows that the same work then
fails, so that the first one can fail too.
"""

import datetime as dt
import threading

import pytest
from django.db import OperationalError, connection, connections

from hefboom.core.actions import save_record
from hefboom.coverage.models import ALL, CoverageCount, ReachKind
from hefboom.monitoring import actions
from hefboom.monitoring.models import ChangeType, Channel, Contact, Outcome

pytestmark = pytest.mark.django_db(transaction=True)

THREADS = 6
SAVES_EACH = 5


def _at_once(work, threads=THREADS) -> list[Exception]:
    """Run `work(i)` in `threads` threads started together; the exceptions they raised."""
    start = threading.Barrier(threads)
    errors: list[Exception] = []

    def run(i):
        try:
            start.wait()
            work(i)
        except Exception as exc:  # noqa: BLE001 - collected and asserted on
            errors.append(exc)
        finally:
            connections.close_all()  # this thread's own connection

    workers = [threading.Thread(target=run, args=(i,)) for i in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    return errors


@pytest.fixture
def outcome(alice, dossier):
    return actions.record_outcome(
        alice, Outcome(title="Quotum verhoogd", description="De regering besliste.",
                       date=dt.date(2024, 5, 2), change_type=ChangeType.POLICY_CONTENT),
        dossiers=[dossier])


def _edit_and_log(alice, dossier, outcome, cabinet):
    """Each thread: edit the outcome (re-read, change, save) and log a contact with a cabinet,
    five times. The contacts all fall in one quarter, so each save recounts the same coverage
    counts (coverage.reach.refresh, when the contact's transaction commits)."""

    def work(i):
        for n in range(SAVES_EACH):
            fresh = Outcome.objects.get(pk=outcome.pk)
            fresh.significance = f"edit {i}-{n}"
            save_record(fresh, alice, m2m={"dossiers": [dossier]})
            actions.record_contact(
                alice, Contact(date=dt.date(2024, 5, 3), channel=Channel.CALL,
                               summary=f"call {i}-{n}"),
                our_participants=[alice], dossiers=[dossier], organisations=[cabinet])

    return work


def test_concurrent_saves_all_land_once(alice, dossier, outcome, cabinet):
    errors = _at_once(_edit_and_log(alice, dossier, outcome, cabinet))

    assert errors == []
    total = THREADS * SAVES_EACH
    outcome.refresh_from_db()
    assert outcome.version == 1 + total  # every edit counted: none overwrote another unseen
    versions = list(outcome.history.values_list("version", flat=True))
    assert sorted(versions) == list(range(1, total + 2))
    summaries = list(Contact.objects.values_list("summary", flat=True))
    assert sorted(summaries) == sorted(f"call {i}-{n}" for i in range(THREADS)
                                       for n in range(SAVES_EACH))
    # The coverage counts kept up: the cabinet was reached by every contact.
    counted = CoverageCount.objects.filter(scope=ALL, kind=ReachKind.ORGANISATION,
                                           key=str(cabinet.pk))
    assert [c.contacts for c in counted] == [total]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's locking only")
def test_without_the_sqlite_options_the_same_saves_fail(alice, dossier, outcome, cabinet,
                                                        monkeypatch):
    # Django's defaults: deferred transactions (a read first, the write lock only at the first
    # write) and the driver's 5-second timeout. The WAL mode stays: it is kept in the file.
    monkeypatch.setitem(connection.settings_dict, "OPTIONS", {})
    connections.close_all()

    errors = _at_once(_edit_and_log(alice, dossier, outcome, cabinet))

    assert errors, "the saves should collide without BEGIN IMMEDIATE; the test above proves nothing"
    assert all(isinstance(e, OperationalError) and "database is locked" in str(e) for e in errors)
