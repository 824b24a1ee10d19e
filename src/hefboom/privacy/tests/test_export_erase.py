"""A person's rights of access and erasure: what the export holds, who may ask for it, and an
erasure that leaves the name nowhere while counts and outcomes stay as they were."""

import datetime as dt
import io
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse

from hefboom.actors.models import Person, PersonMerge
from hefboom.monitoring.models import Contact, Outcome
from hefboom.privacy import actions
from hefboom.privacy.models import AccessAction, AccessEvent
from hefboom.privacy.texts import find_mentions
from hefboom.search.models import SearchEntry

from .conftest import NAME


def export(client, user, person, fmt="json"):
    client.force_login(user)
    return client.get(reverse(f"privacy:export_{fmt}", args=[person.pk]))


def database_dump() -> str:
    out = io.StringIO()
    call_command("dumpdata", "actors", "monitoring", "learning", "search", "privacy",
                 stdout=out)
    return out.getvalue()


# Export

def test_carol_exports_everything_about_lotte_including_the_confidential_contact(
        client, carol, lotte, confidential_contact):
    response = export(client, carol, lotte)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="person-{lotte.pk}.json"'
    doc = json.loads(response.content)
    assert list(doc) == ["format", "format_version", "exported_at", "person", "roles", "contacts",
                         "outcomes", "merges", "history", "mentions"]
    assert doc["person"]["last_name"] == "Verzonnen"
    assert doc["person"]["email"] == "lotte@example.org"
    assert doc["person"]["notes"] == "Verkiest e-mail boven telefoon."
    assert doc["roles"][0]["function"] == "adviseur migratie"
    assert doc["roles"][0]["start_date"] == "2020-09-01"
    contacts = {c["id"]: c for c in doc["contacts"]}
    assert contacts[confidential_contact.pk]["confidentiality"] == "confidential"
    assert contacts[confidential_contact.pk]["their_position"].startswith(NAME)
    assert [f["description"] for c in doc["contacts"] for f in c["follow_ups"]] == [
        f"Nota sturen aan {NAME}"]
    assert [o["title"] for o in doc["outcomes"]] == ["Kabinet neemt quota over"]
    assert doc["merges"][0]["merged_name"] == "L. Verzonnen"
    # The history: created without e-mail, then changed with it.
    assert [h["type"] for h in doc["history"]] == ["created", "changed"]
    assert doc["history"][0]["email"] == "" and doc["history"][1]["email"] == "lotte@example.org"
    kinds = {(m["type"], m["field"]) for m in doc["mentions"]}
    assert {("contact", "their_position"), ("contact", "summary"), ("follow-up", "description"),
            ("outcome", "description"), ("narrative", "text")} <= kinds
    event = AccessEvent.objects.get()
    assert (event.user, event.action, event.object_type, event.object_id, event.note) == (
        carol, AccessAction.EXPORT, "person", lotte.pk, "json")


def test_the_html_export_is_a_standalone_readable_page(client, carol, lotte, confidential_contact):
    response = export(client, carol, lotte, "html")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert "<style>" in page and "<link" not in page and "<script" not in page
    assert "lotte@example.org" in page
    assert confidential_contact.summary in page
    assert f"Het kabinet (adviseur {NAME}) bewoog." in page  # a text that names her


@pytest.mark.parametrize("who", ["alice", "mia", "victor"])
def test_only_an_administrator_may_export_and_a_refusal_logs_nothing(client, request, who, lotte):
    user = request.getfixturevalue(who)
    response = export(client, user, lotte)
    assert response.status_code == 403
    assert "Only an administrator may export" in response.content.decode()
    assert "lotte@example.org" not in response.content.decode()
    assert client.get(reverse("privacy:person", args=[lotte.pk])).status_code == 403
    assert client.get(reverse("privacy:person_mentions", args=[lotte.pk])).status_code == 403
    assert not AccessEvent.objects.exists()
    with pytest.raises(PermissionDenied):
        actions.export_person(lotte, user)
    assert not AccessEvent.objects.exists()


def test_the_privacy_overview_counts_what_is_held(client, carol, lotte):
    client.force_login(carol)
    page = client.get(reverse("privacy:person", args=[lotte.pk])).content.decode()
    assert "2 contacts" in page and "1 outcome as a social actor" in page
    assert "Erase this person" in page
    # The texts naming her are counted by a fragment the page loads afterwards (a slow scan).
    mentions = reverse("privacy:person_mentions", args=[lotte.pk])
    assert f'hx-get="{mentions}"' in page
    fragment = client.get(mentions).content.decode()
    assert len(find_mentions(str(lotte))) >= 1
    assert f"{len(find_mentions(str(lotte)))} free text" in fragment
    assert not AccessEvent.objects.exists()  # looking at the counts is not an export


def test_the_person_page_offers_privacy_only_to_administrators(client, carol, alice, lotte):
    url = reverse("privacy:person", args=[lotte.pk])
    client.force_login(carol)
    assert url in client.get(lotte.get_absolute_url()).content.decode()
    client.force_login(alice)
    assert url not in client.get(lotte.get_absolute_url()).content.decode()


# Erasure

def test_erasure_pseudonymises_lotte_and_leaves_her_name_nowhere(
        client, carol, lotte, confidential_contact):
    contacts_before = Contact.objects.filter(persons=lotte).count()
    outcome = Outcome.objects.get(social_actor_persons=lotte)
    roles_before = list(lotte.roles.values_list("title", "organisation_id", "start_date"))
    assert "verzonnen" in database_dump().lower()

    client.force_login(carol)
    response = client.post(reverse("privacy:erase", args=[lotte.pk]),
                           {"reason": "Verzoek van 3 maart, ref. GDPR-7", "confirm": "on"})
    assert response.status_code == 302 and response["Location"] == lotte.get_absolute_url()

    lotte.refresh_from_db()
    alias = f"Erased person {lotte.pk}"
    assert (lotte.first_name, lotte.last_name, lotte.email, lotte.phone, lotte.notes) == (
        "", alias, "", "", "")
    assert lotte.erased_at is not None
    # Counts, links and roles are intact.
    assert Contact.objects.filter(persons=lotte).count() == contacts_before == 2
    assert list(outcome.social_actor_persons.all()) == [lotte]
    assert list(lotte.roles.values_list("title", "organisation_id", "start_date")) == roles_before
    # The texts now name the pseudonym.
    confidential_contact.refresh_from_db()
    assert confidential_contact.their_position.startswith(alias)
    outcome.refresh_from_db()
    assert alias in outcome.description
    # Only the erased state is left in the person's history; the merge log holds the alias.
    assert [h.last_name for h in lotte.history.all()] == [alias]
    assert PersonMerge.objects.get().merged_name == alias
    # Nowhere in the tables: records, histories, merges, search index, audit.
    dump = database_dump().lower()
    assert "verzonnen" not in dump
    assert "lotte@example.org" not in dump
    assert "verkiest e-mail" not in dump
    assert not SearchEntry.objects.filter(body__icontains="verzonnen").exists()
    event = AccessEvent.objects.get(action=AccessAction.ERASE)
    assert (event.user, event.object_id, event.note) == (carol, lotte.pk,
                                                          "Verzoek van 3 maart, ref. GDPR-7")
    # The person page shows the pseudonym.
    assert alias in client.get(lotte.get_absolute_url()).content.decode()


def test_erasure_needs_the_confirmation_box(client, carol, lotte):
    client.force_login(carol)
    response = client.post(reverse("privacy:erase", args=[lotte.pk]), {"reason": "x"})
    assert response.status_code == 400
    assert "Tick the box to confirm the erasure." in response.content.decode()
    assert Person.objects.get(pk=lotte.pk).last_name == "Verzonnen"


def test_a_person_who_is_a_user_is_not_erased(client, carol, alice, lotte):
    lotte.user = alice
    lotte.save()
    versions = lotte.history.count()
    client.force_login(carol)
    page = client.get(reverse("privacy:person", args=[lotte.pk])).content.decode()
    assert "deactivate or delete the user account first" in page
    response = client.post(reverse("privacy:erase", args=[lotte.pk]), {"confirm": "on"},
                           follow=True)
    assert "This person is a Hefboom user (alice)" in response.content.decode()
    lotte.refresh_from_db()
    assert (lotte.last_name, lotte.email, lotte.erased_at) == ("Verzonnen", "lotte@example.org",
                                                                None)
    assert lotte.history.count() == versions
    assert not AccessEvent.objects.exists()


def test_a_person_is_erased_once(carol, lotte):
    actions.erase_person(lotte, carol)
    with pytest.raises(ValidationError, match="already erased"):
        actions.erase_person(lotte, carol)
    assert AccessEvent.objects.filter(action=AccessAction.ERASE).count() == 1


@pytest.mark.parametrize("who", ["alice", "mia", "victor"])
def test_only_an_administrator_may_erase(client, request, who, lotte):
    client.force_login(request.getfixturevalue(who))
    response = client.post(reverse("privacy:erase", args=[lotte.pk]), {"confirm": "on"})
    assert response.status_code == 403
    assert "Only an administrator may erase a person." in response.content.decode()
    assert Person.objects.get(pk=lotte.pk).last_name == "Verzonnen"
    assert not AccessEvent.objects.exists()


# The command line

def test_person_export_writes_json_to_stdout_and_logs_the_os_account(lotte):
    out = io.StringIO()
    call_command("person", "export", str(lotte.pk), stdout=out)
    assert json.loads(out.getvalue())["person"]["email"] == "lotte@example.org"
    event = AccessEvent.objects.get()
    assert event.user is None and event.actor.startswith("command line (")


def test_person_export_html_to_a_file(lotte, tmp_path):
    target = tmp_path / "lotte.html"
    call_command("person", "export", str(lotte.pk), "--format", "html", "--output", str(target),
                 stderr=io.StringIO())
    assert "lotte@example.org" in target.read_text()


def test_person_commands_refuse_an_unknown_number(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="There is no person with number 424242"):
        call_command("person", "export", "424242")
    with pytest.raises(CommandError, match="There is no person with number 424242"):
        call_command("person", "erase", "424242", "--yes")


def test_person_erase_from_the_command_line(lotte):
    from django.core.management.base import CommandError

    out = io.StringIO()
    call_command("person", "erase", str(lotte.pk), "--yes", "--reason", "ref. 7", stdout=out)
    assert f"Erased person {lotte.pk}" in out.getvalue()
    event = AccessEvent.objects.get(action=AccessAction.ERASE)
    assert event.actor.startswith("command line (") and event.note == "ref. 7"
    with pytest.raises(CommandError, match="already erased"):
        call_command("person", "erase", str(lotte.pk), "--yes")


def test_person_erase_refuses_a_user_and_changes_nothing(lotte, alice):
    from django.core.management.base import CommandError

    lotte.user = alice
    lotte.save()
    with pytest.raises(CommandError, match="is a Hefboom user"):
        call_command("person", "erase", str(lotte.pk), "--yes")
    assert Person.objects.get(pk=lotte.pk).last_name == "Verzonnen"


def test_person_erase_without_yes_and_without_a_terminal_erases_nothing(lotte, monkeypatch):
    from django.core.management.base import CommandError

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    with pytest.raises(CommandError, match="add --yes"):
        call_command("person", "erase", str(lotte.pk))
    assert Person.objects.get(pk=lotte.pk).last_name == "Verzonnen"


def test_erasure_replaces_the_whole_name_only(carol, alice, dossier):
    from hefboom.core.actions import save_record
    from hefboom.monitoring import actions as monitoring

    jan = save_record(Person(first_name="Jan", last_name="Peeters"), None)
    contact = monitoring.record_contact(
        alice, Contact(date=dt.date(2023, 1, 5), channel="call",
                       summary="Jan Peetersen belde; jan peeters. zweeg."),
        our_participants=[alice], dossiers=[dossier], persons=[jan])
    actions.erase_person(jan, carol)
    contact.refresh_from_db()
    assert contact.summary == f"Jan Peetersen belde; Erased person {jan.pk}. zweeg."
