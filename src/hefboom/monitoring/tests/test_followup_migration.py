"""Migration 0007 turns each contact's old follow-up text into a FollowUp record."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# accounts 0002 (the digest fields) is left out: the users here are made with the old state.
BEFORE = [("monitoring", "0006_follow_ups"), ("accounts", "0001_initial")]
AFTER = [("monitoring", "0007_copy_contact_follow_ups"), ("accounts", "0001_initial")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_0007_copies_follow_ups_to_their_creator_or_first_participant():
    old = migrate(BEFORE)
    try:
        User = old.get_model("accounts", "User")
        Contact = old.get_model("monitoring", "Contact")
        alice = User.objects.create(username="alice", role="policy_officer")
        bob = User.objects.create(username="bob", role="policy_officer")
        mia = User.objects.create(username="mia", role="me_officer")

        def contact(creator, participants, text="", due=None, deleted=False):
            record = Contact.objects.create(
                date=dt.date(2023, 3, 1), channel="call", summary="Gesprek", follow_up=text,
                follow_up_due=due, created_by=creator,
                deleted_at=dt.datetime(2024, 1, 1, tzinfo=dt.UTC) if deleted else None)
            record.our_participants.set(participants)
            return record

        by_participant = contact(alice, [alice, bob], "Nota sturen", dt.date(2023, 3, 15))
        logged_by_me = contact(mia, [bob], "Bob belt terug")
        contact(alice, [alice])  # no follow-up text: nothing to copy
        contact(alice, [alice], "In de prullenbak", deleted=True)

        new = migrate(AFTER)
        FollowUp = new.get_model("monitoring", "FollowUp")
        copied = {f.contact_id: f for f in FollowUp.objects.all()}
        assert sorted(copied) == sorted([by_participant.pk, logged_by_me.pk])
        first = copied[by_participant.pk]
        assert (first.description, first.due_date, first.owner_id, first.done_at) == (
            "Nota sturen", dt.date(2023, 3, 15), alice.pk, None)
        # The M&E officer logged it for Bob: Bob, who was there, owns the follow-up.
        assert copied[logged_by_me.pk].owner_id == bob.pk
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
