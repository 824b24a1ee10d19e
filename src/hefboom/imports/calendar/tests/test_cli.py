"""`hefboom import-ics FILE --user USERNAME`: the same import as the screen, from a terminal."""

import io

import pytest
from django.core.management import CommandError, call_command

from hefboom.imports.calendar.models import ProposedContact
from hefboom.imports.calendar.tests.conftest import SAMPLES


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import-ics", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_cli_imports_for_the_named_user(alice_at_work, bob):
    out, err = run(str(SAMPLES / "outlook.ics"), "--user", "alice",
                   "--since", "2025-01-01", "--until", "2025-12-31")
    assert "outlook.ics: 3 meetings proposed" in out
    assert "1 event without external attendees skipped" in out
    assert ProposedContact.objects.filter(owner=alice_at_work).count() == 3
    assert not ProposedContact.objects.filter(owner=bob).exists()
    out, _ = run(str(SAMPLES / "outlook.ics"), "--user", "alice",
                 "--since", "2025-01-01", "--until", "2025-12-31")
    assert "0 meetings proposed, 3 already imported" in out


def test_cli_reports_skipped_events_on_stderr(alice_at_work):
    out, err = run(str(SAMPLES / "broken-events.ics"), "--user", "alice", "--since", "2025-01-01")
    assert "1 meeting proposed" in out
    assert "3 events could not be read" in out
    assert err.count("skipped:") == 3 and "broken-no-start" in err


def test_cli_without_user_takes_the_only_editor(alice_at_work, victor):
    out, _ = run(str(SAMPLES / "google.ics"), "--since", "2025-01-01")
    assert "2 meetings proposed" in out
    assert ProposedContact.objects.filter(owner=alice_at_work).count() == 2


@pytest.mark.parametrize("args, message", [
    (["not-a-calendar.ics", "--user", "alice"], "[E001] not-a-calendar.ics is not an iCalendar"),
    (["truncated.ics", "--user", "alice"], "[E003] truncated.ics"),
    (["missing.ics", "--user", "alice"], "no such file"),
    (["outlook.ics", "--user", "nobody"], "No user 'nobody'"),
    (["outlook.ics", "--user", "victor"], "victor may not log contacts"),
    (["outlook.ics"], "--user USERNAME"),
    (["outlook.ics", "--user", "alice", "--since", "12/03/2025"], "YYYY-MM-DD"),
])
def test_cli_fails_with_a_clear_message(alice_at_work, bob, victor, args, message):
    path, *options = args
    with pytest.raises(CommandError) as caught:
        run(str(SAMPLES / path), *options)
    assert message in str(caught.value)
    assert not ProposedContact.objects.exists()
