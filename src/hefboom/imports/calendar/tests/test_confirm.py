"""Confirming a proposal logs a contact through record_contact; discarding remembers the no."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from hefboom.actors.models import Person
from hefboom.imports.calendar import actions
from hefboom.imports.calendar.models import ProposalStatus, ProposedContact
from hefboom.imports.calendar.tests.conftest import import_sample
from hefboom.monitoring.models import Channel, Contact


@pytest.fixture
def cabinet_meeting(alice_at_work, lotte):
    import_sample(alice_at_work, "outlook.ics")
    return ProposedContact.objects.get(summary="Overleg kabinet over hervestiging")


def test_confirm_logs_the_contact_with_date_people_and_dossier(alice_at_work, cabinet_meeting,
                                                                lotte, cabinet, dossier):
    contact = actions.confirm_proposal(
        alice_at_work, cabinet_meeting, summary="Overleg kabinet over hervestiging: quota 2025",
        channel=Channel.MEETING, dossiers=[dossier], persons=[lotte], organisations=[cabinet])
    contact.refresh_from_db()
    assert contact.date == dt.date(2025, 3, 12)
    assert contact.summary == "Overleg kabinet over hervestiging: quota 2025"
    assert list(contact.persons.all()) == [lotte]
    assert list(contact.organisations.all()) == [cabinet]
    assert list(contact.dossiers.all()) == [dossier]
    assert list(contact.our_participants.all()) == [alice_at_work]
    assert contact.created_by == alice_at_work
    assert contact.source_reference == (
        f"Agenda-import outlook.ics, {cabinet_meeting.uid}")
    assert contact.history.count() == 1
    cabinet_meeting.refresh_from_db()
    assert cabinet_meeting.status == ProposalStatus.CONFIRMED
    assert cabinet_meeting.contact == contact


def test_confirm_creates_unknown_attendees_once(alice_at_work, dossier):
    import_sample(alice_at_work, "nextcloud.ics")
    first, second = ProposedContact.objects.filter(summary__startswith="Wekelijks").order_by("start")[:2]
    for proposal in (first, second):
        actions.confirm_proposal(alice_at_work, proposal, summary=proposal.summary,
                                 channel=Channel.CALL, dossiers=[dossier],
                                 new_people=proposal.attendees)
    nina = Person.objects.get()
    assert (nina.first_name, nina.last_name, nina.email) == (
        "Nina", "Verzinsel", "nina.verzinsel@coalitie.example.com")
    assert Contact.objects.filter(persons=nina).count() == 2


def test_invalid_confirmation_leaves_nothing_behind(alice_at_work, cabinet_meeting):
    with pytest.raises(ValidationError) as caught:
        actions.confirm_proposal(alice_at_work, cabinet_meeting, summary="  ", channel="meeting",
                                 dossiers=[], new_people=[{"name": "Nieuwe Persoon",
                                                           "email": "nieuw@example.com"}])
    assert {"summary", "dossiers"} <= set(caught.value.message_dict)
    assert not Contact.objects.exists()
    assert not Person.objects.filter(email="nieuw@example.com").exists()
    cabinet_meeting.refresh_from_db()
    assert cabinet_meeting.status == ProposalStatus.PROPOSED


def test_a_person_needs_two_names(alice_at_work, cabinet_meeting, dossier):
    with pytest.raises(ValidationError, match=r"\[C002\]"):
        actions.confirm_proposal(alice_at_work, cabinet_meeting, summary="x", channel="meeting",
                                 dossiers=[dossier], new_people=[{"name": "Lotte", "email": ""}])
    assert not Contact.objects.exists()


def test_a_proposal_is_confirmed_once(alice_at_work, cabinet_meeting, dossier):
    decide = {"summary": "x", "channel": "meeting", "dossiers": [dossier]}
    actions.confirm_proposal(alice_at_work, cabinet_meeting, **decide)
    with pytest.raises(ValidationError, match=r"\[C001\]"):
        actions.confirm_proposal(alice_at_work, cabinet_meeting, **decide)
    with pytest.raises(ValidationError, match=r"\[C001\]"):
        actions.discard_proposal(alice_at_work, cabinet_meeting)
    assert Contact.objects.count() == 1


def test_discard_marks_the_proposal_and_logs_nothing(alice_at_work, cabinet_meeting):
    actions.discard_proposal(alice_at_work, cabinet_meeting)
    cabinet_meeting.refresh_from_db()
    assert cabinet_meeting.status == ProposalStatus.DISCARDED
    assert not Contact.objects.exists()


def test_nobody_confirms_someone_elses_proposal(bob, cabinet_meeting, dossier):
    with pytest.raises(ProposedContact.DoesNotExist):
        actions.confirm_proposal(bob, cabinet_meeting, summary="x", channel="meeting",
                                 dossiers=[dossier])
    assert not Contact.objects.exists()
