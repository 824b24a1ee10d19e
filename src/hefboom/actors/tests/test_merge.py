"""Merging a duplicate person moves its roles, contacts, outcomes, user link and empty fields to
the person kept, records what moved, and keeps the history; a refused merge changes nothing."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from hefboom.actors.actions import add_role, merge_persons, merge_preview
from hefboom.actors.models import Person, PersonMerge, PersonRole
from hefboom.core.actions import save_record
from hefboom.monitoring import actions
from hefboom.monitoring.models import Channel, Contact, Outcome

D = dt.date


@pytest.fixture
def duplicate(alice, cabinet):
    """Lotte Verzonnen typed again as "L. Verzonnen", with her own e-mail, notes and roles."""
    person = save_record(Person(last_name="Verzonnen", email="lotte@example.org",
                                notes="Spreekt ook Frans."), alice)
    add_role(alice, PersonRole(person=person, organisation=cabinet, title="Adviseur migratie",
                               start_date=D(2021, 1, 1), end_date=D(2022, 12, 31)))
    add_role(alice, PersonRole(person=person, organisation=cabinet, title="Kabinetschef",
                               start_date=D(2023, 1, 1)))
    return person


@pytest.fixture
def linked(alice, dossier, cabinet, advisor, duplicate, confidential_contact):
    """A contact with the duplicate only, one with both, an outcome with the duplicate, and the
    advisor's own copy of the duplicate's first role (an exact duplicate, dropped on merge)."""
    only = actions.record_contact(
        alice, Contact(date=D(2022, 3, 1), channel=Channel.CALL, summary="Alleen het duplicaat"),
        our_participants=[alice], dossiers=[dossier], persons=[duplicate])
    both = actions.record_contact(
        alice, Contact(date=D(2022, 4, 1), channel=Channel.CALL, summary="Met allebei"),
        our_participants=[alice], dossiers=[dossier], persons=[duplicate, advisor])
    outcome = actions.record_outcome(
        alice, Outcome(title="Quotum verhoogd", date=D(2023, 9, 1), change_type="policy_content",
                       description="Het kabinet verhoogde het quotum."),
        dossiers=[dossier], social_actor_persons=[duplicate])
    add_role(alice, PersonRole(person=advisor, organisation=cabinet, title="adviseur migratie",
                               start_date=D(2021, 1, 1), end_date=D(2022, 12, 31)))
    return {"only": only, "both": both, "outcome": outcome}


def test_a_merge_moves_everything_and_records_it(alice, advisor, duplicate, linked):
    duplicate_pk = duplicate.pk
    merge = merge_persons(duplicate, advisor, alice)
    assert not Person.objects.filter(pk=duplicate_pk).exists()
    advisor.refresh_from_db()
    assert sorted(advisor.roles.values_list("title", flat=True)) == [
        "Kabinetschef", "adviseur migratie"]  # the exact duplicate role was dropped
    assert set(advisor.contacts.values_list("summary", flat=True)) >= {
        "Alleen het duplicaat", "Met allebei"}
    assert linked["both"].persons.count() == 1  # one link, not two
    assert list(linked["outcome"].social_actor_persons.all()) == [advisor]
    assert advisor.email == "lotte@example.org" and advisor.first_name == "Lotte"
    assert "Spreekt ook Frans." in advisor.notes
    assert merge.moved == {"roles": 1, "roles_dropped": 1, "contacts": 1, "outcomes": 1,
                           "narratives": 0, "fields": ["email"], "user": False, "notes": True}
    assert (merge.merged_name, merge.merged_id, merge.merged_by) == (
        "Verzonnen", duplicate_pk, alice)
    latest = advisor.history.first()
    assert latest.history_change_reason.startswith("merged Verzonnen")
    assert latest.history_user == alice
    # The duplicate's own history keeps its name (a deletion row).
    assert Person.history.filter(id=duplicate_pk, history_type="-").exists()


def test_a_narrative_citing_the_duplicate_cites_the_kept_person(alice, advisor, duplicate,
                                                                dossier):
    from hefboom.learning.actions import save_narrative
    from hefboom.learning.models import Narrative

    narrative = save_narrative(alice, Narrative(
        dossier=dossier, period_start=D(2023, 1, 1), period_end=D(2023, 12, 31),
        title="Hervestiging in 2023", text=f"Gesprek met [@person:{duplicate.pk}] in juni."))
    merge = merge_persons(duplicate, advisor, alice)
    narrative.refresh_from_db()
    assert narrative.text == f"Gesprek met [@person:{advisor.pk}] in juni."
    assert list(narrative.references.values_list("kind", "object_id")) == [("person", advisor.pk)]
    assert merge.moved["narratives"] == 1


def test_the_user_link_moves_when_only_the_duplicate_has_one(alice, bob, advisor, duplicate):
    duplicate.user = bob
    save_record(duplicate, alice)
    merge_persons(duplicate, advisor, alice)
    advisor.refresh_from_db()
    assert advisor.user == bob


def snapshot():
    return (
        sorted(Person.objects.values_list("pk", "first_name", "last_name", "email", "notes",
                                          "user_id", "version")),
        sorted(PersonRole.objects.values_list("pk", "person_id", "title")),
        sorted(Contact.persons.through.objects.values_list("contact_id", "person_id")),
        sorted(Outcome.social_actor_persons.through.objects.values_list("outcome_id", "person_id")),
        PersonMerge.objects.count(),
    )


def test_merging_a_person_into_themself_is_refused_and_changes_nothing(alice, advisor, linked):
    before = snapshot()
    with pytest.raises(ValidationError, match="cannot be merged into themself"):
        merge_persons(advisor, Person.objects.get(pk=advisor.pk), alice)
    assert snapshot() == before


def test_merging_an_erased_person_is_refused(alice, advisor, duplicate, linked):
    Person.objects.filter(pk=duplicate.pk).update(erased_at=timezone.now())
    before = snapshot()
    with pytest.raises(ValidationError, match="erased"):
        merge_persons(duplicate, advisor, alice)
    assert snapshot() == before


def test_two_users_cannot_be_merged(alice, bob, carol, advisor, duplicate):
    Person.objects.filter(pk=duplicate.pk).update(user=bob)
    Person.objects.filter(pk=advisor.pk).update(user=carol)
    before = snapshot()
    with pytest.raises(ValidationError, match="Hefboom user"):
        merge_persons(duplicate, advisor, alice)
    assert snapshot() == before


def test_a_role_that_cannot_move_refuses_the_whole_merge(alice, advisor, duplicate, linked,
                                                         cabinet):
    # The advisor was already chief of staff over part of the duplicate's term: both cannot be
    # true for one person, so the merge stops at that role and nothing moves.
    add_role(alice, PersonRole(person=advisor, organisation=cabinet, title="Kabinetschef",
                               start_date=D(2024, 1, 1)))
    before = snapshot()
    with pytest.raises(ValidationError, match="Kabinetschef"):
        merge_persons(duplicate, advisor, alice)
    assert snapshot() == before


def test_viewers_may_not_merge(victor, advisor, duplicate):
    with pytest.raises(PermissionDenied):
        merge_persons(duplicate, advisor, victor)


def test_the_preview_counts_only_contacts_the_reader_may_see(bob, alice, advisor, duplicate,
                                                             linked, confidential_contact):
    from hefboom.core.access import visible_contacts

    confidential_contact.persons.set([duplicate])
    assert merge_preview(duplicate, advisor, visible_contacts(alice))["contacts"] == 2
    preview = merge_preview(duplicate, advisor, visible_contacts(bob))
    assert preview["contacts"] == 1  # not the confidential one
    assert preview["outcomes"] == 1
    assert [(str(n), v) for n, v in preview["fields"]] == [("e-mail", "lotte@example.org")]
    assert [r.title for r in preview["roles"]] == ["Kabinetschef"]
