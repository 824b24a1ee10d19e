"""Importing a file: which meetings become proposals, who they are matched to, and re-imports."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from hefboom.actors.models import Person
from hefboom.core.actions import save_record
from hefboom.imports.calendar.errors import CalendarImportError
from hefboom.imports.calendar.models import CalendarImport, ProposalStatus, ProposedContact
from hefboom.imports.calendar.tests.conftest import BRUSSELS, import_sample, sample


def summaries(user):
    return sorted(ProposedContact.objects.filter(owner=user).values_list("summary", flat=True))


def test_only_meetings_with_external_attendees_are_proposed(alice_at_work):
    result = import_sample(alice_at_work, "outlook.ics")
    # The team meeting is internal, the second cabinet meeting cancelled, the FOD session declined.
    assert summaries(alice_at_work) == [
        "Hoorzitting Kamercommissie over migratiepartnerschappen",
        "Overleg kabinet over hervestiging",
        "Toelichting parlementaire vraag remittances",
    ]
    assert (result.proposed, result.without_external, result.cancelled, result.declined) == (3, 1, 1, 1)
    assert "1 event without external attendees skipped" in result.summary()


def test_own_domains_come_from_the_user_and_the_setting(alice, settings):
    # Alice has no e-mail address: nobody can be told apart, every domain is external.
    import_sample(alice, "outlook.ics")
    assert "Teamoverleg migratie" in summaries(alice)
    ProposedContact.objects.all().delete()
    settings.HEFBOOM_OWN_EMAIL_DOMAINS = ["example.org", "kabinet.example.com"]
    result = import_sample(alice, "outlook.ics")
    assert "Teamoverleg migratie" not in summaries(alice)
    assert "Overleg kabinet over hervestiging" not in summaries(alice)  # now a colleague
    assert result.without_external == 2


def test_attendees_are_matched_by_email_and_by_name(alice_at_work, lotte, cabinet):
    jan = save_record(Person(first_name="Jan", last_name="Voorbeeld"), None)  # no address known
    import_sample(alice_at_work, "outlook.ics")
    cabinet_meeting = ProposedContact.objects.get(summary="Overleg kabinet over hervestiging")
    [attendee] = cabinet_meeting.attendees
    assert attendee["person_id"] == lotte.pk and attendee["certain"]
    assert attendee["organisation_ids"] == [cabinet.pk]  # her role at the cabinet that day
    [by_name] = ProposedContact.objects.get(summary__startswith="Toelichting").attendees
    assert by_name["person_id"] == jan.pk and by_name["email"] == "jan.voorbeeld@parlement.example.com"
    [unknown] = ProposedContact.objects.get(summary__startswith="Hoorzitting").attendees
    assert unknown["person_id"] is None and unknown["name"] == "Commissie Buitenlandse Betrekkingen"


def test_a_role_that_ended_is_not_preselected(alice_at_work, lotte):
    role = lotte.roles.get()
    role.end_date = dt.date(2024, 12, 31)
    save_record(role, None)
    import_sample(alice_at_work, "outlook.ics")
    [attendee] = ProposedContact.objects.get(summary="Overleg kabinet over hervestiging").attendees
    assert attendee["person_id"] == lotte.pk
    assert attendee["organisation_ids"] == []


def test_reimport_proposes_nothing_twice_nor_what_was_decided(alice_at_work):
    import_sample(alice_at_work, "nextcloud.ics")
    assert ProposedContact.objects.count() == 13  # 4 weekly + 9 monthly occurrences
    first, second = ProposedContact.objects.order_by("start")[:2]
    ProposedContact.objects.filter(pk=first.pk).update(status=ProposalStatus.CONFIRMED)
    ProposedContact.objects.filter(pk=second.pk).update(status=ProposalStatus.DISCARDED)

    again = import_sample(alice_at_work, "nextcloud.ics")
    assert (again.proposed, again.already_known) == (0, 13)
    assert ProposedContact.objects.count() == 13
    assert ProposedContact.objects.get(pk=first.pk).status == ProposalStatus.CONFIRMED
    assert ProposedContact.objects.get(pk=second.pk).status == ProposalStatus.DISCARDED


def test_a_longer_period_adds_only_the_new_occurrences(alice_at_work):
    import_sample(alice_at_work, "nextcloud.ics",
                  until=dt.datetime(2025, 6, 30, tzinfo=BRUSSELS))
    assert ProposedContact.objects.count() == 7
    later = import_sample(alice_at_work, "nextcloud.ics")
    assert (later.proposed, later.already_known) == (6, 7)


def test_another_user_gets_their_own_proposals_for_the_same_meeting(alice_at_work, bob):
    bob.email = "bob@example.org"
    bob.save()
    import_sample(alice_at_work, "google.ics")
    import_sample(bob, "google.ics")
    assert ProposedContact.objects.filter(owner=alice_at_work).count() == 2
    assert ProposedContact.objects.filter(owner=bob).count() == 2


def test_future_meetings_are_not_proposed(alice_at_work):
    result = import_sample(alice_at_work, "google.ics", until=dt.datetime(2100, 1, 1, tzinfo=BRUSSELS))
    assert "Overleg in de verre toekomst" not in summaries(alice_at_work)
    assert result.until <= dt.datetime.now(dt.UTC)
    assert len(summaries(alice_at_work)) == 2


def test_the_default_period_is_the_last_year(alice_at_work):
    now = dt.datetime(2025, 6, 20, 12, tzinfo=BRUSSELS)
    result = import_sample(alice_at_work, "nextcloud.ics", since=None, until=None, now=now)
    assert result.since == now - dt.timedelta(days=365)
    # January-February weekly (4) and the monthly call of April, May and June.
    assert result.proposed == 7


@pytest.mark.parametrize("name", ["not-a-calendar.ics", "truncated.ics"])
def test_a_bad_file_stores_nothing(alice_at_work, name):
    with pytest.raises(CalendarImportError) as caught:
        import_sample(alice_at_work, name)
    assert name in str(caught.value)
    assert not CalendarImport.objects.exists()
    assert not ProposedContact.objects.exists()


def test_a_file_is_stored_whole_or_not_at_all(alice_at_work, monkeypatch):
    from hefboom.imports.calendar import actions

    original = actions._proposal
    calls = []

    def failing(*args):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return original(*args)

    monkeypatch.setattr(actions, "_proposal", failing)
    with pytest.raises(RuntimeError):
        import_sample(alice_at_work, "nextcloud.ics")
    assert not ProposedContact.objects.exists()
    assert not CalendarImport.objects.exists()


def test_malformed_events_are_reported_and_the_rest_imported(alice_at_work):
    result = import_sample(alice_at_work, "broken-events.ics")
    assert summaries(alice_at_work) == ["Goed overleg"]
    assert len(result.problems) == 3
    assert any("broken-no-start" in p and "DTSTART" in p for p in result.problems)


def test_viewers_cannot_import(victor):
    with pytest.raises(PermissionDenied):
        import_sample(victor, "outlook.ics")
    assert not CalendarImport.objects.exists()


def test_import_keeps_the_file_fingerprint(alice_at_work):
    import hashlib

    result = import_sample(alice_at_work, "google.ics")
    assert result.sha256 == hashlib.sha256(sample("google.ics")).hexdigest()
    assert result.file_name == "google.ics"
