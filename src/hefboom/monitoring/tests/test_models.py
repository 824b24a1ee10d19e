"""Model rules of monitoring records, and that invalid input leaves nothing half-saved."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from hefboom.actors.models import PersonRole
from hefboom.core.actions import save_record
from hefboom.monitoring import actions
from hefboom.monitoring.models import (
    Activity,
    Contact,
    ContributionLink,
    Evidence,
    FollowUp,
    Outcome,
    Output,
    ProgressMarkerObservation,
)


def test_a_contact_cannot_be_dated_in_the_future(alice, dossier):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    contact = Contact(date=tomorrow, channel="call", summary="Nog niet gebeurd")
    with pytest.raises(ValidationError) as exc:
        actions.record_contact(alice, contact, our_participants=[alice], dossiers=[dossier])
    assert "in the future" in exc.value.message_dict["date"][0]
    assert not Contact.objects.exists()


def test_a_contact_needs_a_dossier_and_nothing_is_half_saved(alice):
    contact = Contact(date=dt.date(2023, 1, 5), channel="call", summary="Zonder dossier")
    with pytest.raises(ValidationError) as exc:
        actions.record_contact(alice, contact, our_participants=[alice], dossiers=[])
    assert "dossiers" in exc.value.message_dict
    assert not Contact.objects.exists()


def test_follow_up_due_date_needs_a_follow_up(alice, dossier):
    contact = Contact(date=dt.date(2023, 1, 5), channel="call", summary="Gesprek")
    follow_up = FollowUp(description="", due_date=dt.date(2023, 2, 1), owner=alice)
    with pytest.raises(ValidationError) as exc:
        actions.record_contact(alice, contact, our_participants=[alice], dossiers=[dossier],
                               follow_ups=[follow_up])
    assert "follow_up" in exc.value.message_dict
    assert not Contact.objects.exists()  # the contact and its follow-up: all or nothing


def test_invalid_channel_is_refused_by_field(alice, dossier):
    contact = Contact(date=dt.date(2023, 1, 5), channel="pigeon", summary="Duif")
    with pytest.raises(ValidationError) as exc:
        actions.record_contact(alice, contact, our_participants=[alice], dossiers=[dossier])
    assert "channel" in exc.value.message_dict


def test_contact_records_its_creator_and_links(open_contact, alice, dossier, cabinet):
    assert open_contact.created_by == alice
    assert list(open_contact.dossiers.all()) == [dossier]
    assert list(open_contact.organisations.all()) == [cabinet]
    assert open_contact.history.first().history_user == alice


def test_activity_cannot_end_before_it_starts(alice, dossier):
    activity = Activity(title="Lobbytraject", type="lobby", date=dt.date(2023, 5, 1),
                        end_date=dt.date(2023, 4, 1))
    with pytest.raises(ValidationError) as exc:
        actions.record_activity(alice, activity, dossiers=[dossier])
    assert "end_date" in exc.value.message_dict


def test_output_type_must_be_known(alice, dossier):
    output = Output(title="Iets", type="poem", date=dt.date(2023, 5, 1))
    with pytest.raises(ValidationError) as exc:
        actions.record_output(alice, output, dossiers=[dossier])
    assert "type" in exc.value.message_dict


@pytest.fixture
def outcome(alice, dossier):
    return actions.record_outcome(
        alice,
        Outcome(title="Structuur voor hervestiging", description="De regering besliste…",
                date=dt.date(2023, 7, 31), change_type="policy_content"),
        dossiers=[dossier],
    )


def test_contribution_link_points_at_exactly_one_source(alice, outcome, open_contact, cabinet):
    with pytest.raises(ValidationError, match="exactly one"):
        actions.link_contribution(alice, ContributionLink(outcome=outcome, narrative="Niets"))
    with pytest.raises(ValidationError, match="exactly one"):
        actions.link_contribution(alice, ContributionLink(
            outcome=outcome, contact=open_contact, organisation=cabinet, narrative="Twee"))
    link = actions.link_contribution(alice, ContributionLink(
        outcome=outcome, contact=open_contact, narrative="Het gesprek zette het op de agenda"))
    assert link.source == open_contact
    assert ContributionLink.objects.count() == 1


def test_evidence_needs_something_checkable(alice, outcome):
    with pytest.raises(ValidationError) as exc:
        actions.add_evidence(alice, Evidence(outcome=outcome, source_type="press"))
    assert "reference" in exc.value.message_dict
    actions.add_evidence(alice, Evidence(outcome=outcome, source_type="press",
                                         url="https://example.org/artikel"))
    assert outcome.evidence.count() == 1


def test_observation_period_and_uniqueness(alice, outcome, boundary_partner, dossier):
    from hefboom.strategy.models import ProgressMarker

    marker = save_record(ProgressMarker(boundary_partner=boundary_partner, dossier=dossier,
                                        level="expect", order=1, statement="Engagement"), None)
    with pytest.raises(ValidationError) as exc:
        save_record(ProgressMarkerObservation(progress_marker=marker,
                                              period_start=dt.date(2024, 1, 1),
                                              period_end=dt.date(2023, 1, 1), rating="low"), None)
    assert "period_end" in exc.value.message_dict
    save_record(ProgressMarkerObservation(progress_marker=marker, period_start=dt.date(2023, 1, 1),
                                          period_end=dt.date(2023, 12, 31), rating="low"),
                alice, m2m={"outcomes": [outcome]})
    with pytest.raises(ValidationError, match="already has an observation"):
        save_record(ProgressMarkerObservation(progress_marker=marker,
                                              period_start=dt.date(2023, 1, 1),
                                              period_end=dt.date(2023, 12, 31), rating="high"),
                    None)


def test_person_role_dates_and_roles_on_a_day(advisor, cabinet):
    with pytest.raises(ValidationError) as exc:
        save_record(PersonRole(person=advisor, organisation=cabinet, title="Adviseur",
                               start_date=dt.date(2023, 1, 1), end_date=dt.date(2022, 1, 1)), None)
    assert "end_date" in exc.value.message_dict
    save_record(PersonRole(person=advisor, organisation=cabinet, title="Adviseur",
                           start_date=dt.date(2020, 10, 1), end_date=dt.date(2022, 7, 11)), None)
    assert advisor.roles_on(dt.date(2021, 5, 1)).count() == 1
    assert advisor.roles_on(dt.date(2023, 5, 1)).count() == 0


def test_one_save_is_one_version_and_it_keeps_the_links(alice, bob, open_contact, dossier, theme):
    assert open_contact.history.count() == 1
    first = open_contact.history.first()
    assert [row.dossier_id for row in first.dossiers.all()] == [dossier.pk]

    other = save_record(type(dossier)(theme=theme, code="pushbacks", name="Pushbacks"), None)
    open_contact.summary = "Telefoon, ook over pushbacks"
    actions.record_contact(bob, open_contact, our_participants=[alice], dossiers=[dossier, other])
    assert open_contact.history.count() == 2
    latest = open_contact.history.first()
    assert latest.history_user == bob
    assert latest.history_type == "~"
    assert sorted(row.dossier_id for row in latest.dossiers.all()) == sorted([dossier.pk, other.pk])
    assert [row.dossier_id for row in latest.prev_record.dossiers.all()] == [dossier.pk]


def test_admin_edit_is_one_version_with_its_links(client, mia, open_contact, dossier, alice):
    from django.urls import reverse

    client.force_login(mia)
    url = reverse("admin:monitoring_contact_change", args=[open_contact.pk])
    data = {"date": "2023-03-01", "channel": "call", "is_formal": "on",
            "our_participants": [alice.pk, mia.pk], "dossiers": [dossier.pk],
            "summary": "Aangevuld door M&E", "confidentiality": "normal",
            "arguments": "", "their_position": "", "source_reference": ""}
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert open_contact.history.count() == 2
    latest = open_contact.history.first()
    assert latest.history_user == mia and latest.summary == "Aangevuld door M&E"
    assert sorted(r.user_id for r in latest.our_participants.all()) == sorted([alice.pk, mia.pk])
