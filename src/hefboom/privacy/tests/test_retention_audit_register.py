"""The retention review, the audit of confidential records and the processing register."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from hefboom.actors.models import Person
from hefboom.core.actions import save_record
from hefboom.monitoring import actions as monitoring
from hefboom.monitoring.models import Contact
from hefboom.privacy import retention
from hefboom.privacy.models import AccessAction, AccessEvent, RetentionReview

LONG_AGO = timezone.now() - dt.timedelta(days=8 * 365)


def aged(person):
    """As if the person's record was last changed eight years ago."""
    Person.objects.filter(pk=person.pk).update(updated_at=LONG_AGO)
    return person


def person(name, *, notes="", public=False):
    return aged(save_record(Person(last_name=name, notes=notes, is_public_figure=public), None))


def contact_with(user, dossier, who, day):
    return monitoring.record_contact(user, Contact(date=day, channel="call", summary="Gesprek"),
                                     our_participants=[user], dossiers=[dossier], persons=who)


# Retention

@pytest.fixture
def people(alice, dossier):
    old_notes = person("Oudnotities", notes="Woont in Gent.")
    old_contact = person("Oudcontact")
    contact_with(alice, dossier, [old_contact], dt.date(2016, 3, 1))
    recent = person("Recent", notes="Nog actief.")
    contact_with(alice, dossier, [recent], timezone.localdate() - dt.timedelta(days=30))
    public = person("Minister", notes="Publiek.", public=True)
    nothing = person("Leeg")
    return {"old_notes": old_notes, "old_contact": old_contact, "recent": recent,
            "public": public, "nothing": nothing}


def test_the_review_lists_old_data_of_persons_who_are_not_public_figures(people):
    listed = list(retention.due_for_review())
    assert set(listed) == {people["old_notes"], people["old_contact"]}
    by_pk = {p.pk: p for p in listed}
    assert by_pk[people["old_contact"].pk].last_contact == dt.date(2016, 3, 1)


def test_the_retention_period_is_a_setting(settings, people):
    settings.HEFBOOM_RETENTION_YEARS = 10
    assert list(retention.due_for_review()) == []


def test_keep_takes_a_person_off_the_list_until_the_period_has_passed_again(
        client, carol, people):
    client.force_login(carol)
    response = client.post(reverse("privacy:retention_decide", args=[people["old_notes"].pk]),
                           {"decision": "keep"}, follow=True)
    assert "reviewed, off the list for 5 years" in response.content.decode()
    assert people["old_notes"] not in retention.due_for_review()
    review = RetentionReview.objects.get()
    assert (review.decision, review.reviewed_by) == ("keep", carol)
    RetentionReview.objects.update(reviewed_at=LONG_AGO)
    assert people["old_notes"] in retention.due_for_review()


def test_erase_notes_clears_them_from_the_record_and_its_history(client, carol, people):
    client.force_login(carol)
    client.post(reverse("privacy:retention_decide", args=[people["old_notes"].pk]),
                {"decision": "erase_notes"})
    kept = Person.objects.get(pk=people["old_notes"].pk)
    assert kept.notes == ""
    assert not kept.history.exclude(notes="").exists()
    assert kept not in retention.due_for_review()
    assert AccessEvent.objects.get().action == AccessAction.ERASE_NOTES


def test_mia_reads_the_review_but_cannot_decide_and_alice_cannot_read_it(
        client, mia, alice, people):
    client.force_login(mia)
    page = client.get(reverse("privacy:retention")).content.decode()
    assert "2 persons to review" in page and "Oudnotities" in page
    assert "Keep (reviewed)" not in page
    response = client.post(reverse("privacy:retention_decide", args=[people["old_notes"].pk]),
                           {"decision": "keep"})
    assert response.status_code == 403
    assert not RetentionReview.objects.exists()
    client.force_login(alice)
    response = client.get(reverse("privacy:retention"))
    assert response.status_code == 403
    assert "Only administrators and M&amp;E officers" in response.content.decode()


def test_mia_does_not_see_the_date_of_a_confidential_contact_on_the_review(
        client, mia, carol, alice, dossier):
    secret = person("Geheim", notes="x")
    contact = monitoring.record_contact(
        alice, Contact(date=dt.date(2015, 2, 3), channel="meeting", summary="Vertrouwelijk",
                       confidentiality="confidential"),
        our_participants=[alice], dossiers=[dossier], persons=[secret])
    assert contact.is_confidential
    aged(secret)
    client.force_login(mia)
    row = client.get(reverse("privacy:retention")).content.decode().split(
        f'id="retention-{secret.pk}"')[1].split("</tr>")[0]
    assert "2015-02-03" not in row and "Vertrouwelijk" not in row
    client.force_login(carol)
    assert "2015-02-03" in client.get(reverse("privacy:retention")).content.decode()


def test_the_review_page_takes_the_same_number_of_queries_for_one_or_many(
        client, carol, alice, dossier, django_assert_num_queries):
    client.force_login(carol)
    first = person("Een", notes="x")
    client.get(reverse("privacy:retention"))  # warm the session
    with django_assert_num_queries(4):
        assert "Een" in client.get(reverse("privacy:retention")).content.decode()
    for index in range(5):
        someone = person(f"Meer{index}", notes="x")
        contact_with(alice, dossier, [someone, first], dt.date(2015, 1, index + 1))
        aged(someone)
    aged(first)
    with django_assert_num_queries(4):
        assert "Meer4" in client.get(reverse("privacy:retention")).content.decode()


# Audit

def test_a_view_of_a_confidential_contact_is_logged_and_a_normal_one_is_not(
        client, carol, alice, open_contact, confidential_contact):
    client.force_login(alice)
    assert client.get(open_contact.get_absolute_url()).status_code == 200
    assert not AccessEvent.objects.exists()
    assert client.get(confidential_contact.get_absolute_url()).status_code == 200
    event = AccessEvent.objects.get()
    assert (event.user, event.action, event.object_type, event.object_id) == (
        alice, AccessAction.VIEW, "contact", confidential_contact.pk)


def test_bob_who_may_not_see_the_confidential_contact_leaves_no_view_and_sees_no_audit(
        client, bob, confidential_contact):
    client.force_login(bob)
    assert client.get(confidential_contact.get_absolute_url()).status_code == 404
    assert not AccessEvent.objects.exists()
    response = client.get(reverse("privacy:audit"))
    assert response.status_code == 403
    assert "Only an administrator may read the audit." in response.content.decode()


def test_the_audit_merges_views_exports_and_changes_of_confidential_contacts(
        client, carol, alice, bob, open_contact, confidential_contact, advisor):
    client.force_login(alice)
    client.get(confidential_contact.get_absolute_url())
    client.force_login(carol)
    client.get(reverse("privacy:export_json", args=[advisor.pk]))
    confidential_contact.arguments = "Budget"
    save_record(confidential_contact, alice)
    save_record(open_contact, bob)  # a normal contact's change is not in the audit

    page = client.get(reverse("privacy:audit")).content.decode()
    rows = page.split("<tbody>")[1].split("</tbody>")[0].count("<tr>")
    # Two versions of the confidential contact (created, changed), one view, one export.
    assert rows == 4
    assert "Exported" in page and "Viewed" in page and "Changed" in page
    assert f"contact {open_contact.pk}<" not in page

    by_alice = client.get(reverse("privacy:audit"), {"user": alice.pk}).content.decode()
    assert by_alice.split("<tbody>")[1].count("<tr>") == 3
    assert "Exported" not in by_alice
    by_record = client.get(reverse("privacy:audit"),
                           {"record": f"person:{advisor.pk}"}).content.decode()
    assert by_record.split("<tbody>")[1].count("<tr>") == 1 and "Exported" in by_record
    bad = client.get(reverse("privacy:audit"), {"record": "Lotte"})
    assert bad.status_code == 400
    assert "Write the record as contact:NUMBER or person:NUMBER" in bad.content.decode()


def test_the_audit_page_takes_the_same_number_of_queries_for_one_or_many(
        client, carol, alice, confidential_contact, django_assert_num_queries):
    client.force_login(carol)
    client.get(reverse("privacy:audit"))
    with django_assert_num_queries(5):
        client.get(reverse("privacy:audit"))
    client.force_login(alice)
    for _ in range(5):
        client.get(confidential_contact.get_absolute_url())
    client.force_login(carol)
    client.get(reverse("privacy:audit"))
    with django_assert_num_queries(5):
        page = client.get(reverse("privacy:audit")).content.decode()
    assert page.count("Viewed") >= 5


# Processing register

@pytest.mark.parametrize("who", ["victor", "alice", "carol"])
def test_everyone_reads_the_register_with_field_names_from_the_models(client, request, who):
    client.force_login(request.getfixturevalue(who))
    page = client.get(reverse("privacy:register")).content.decode()
    for field in ("e-mail", "phone", "notes", "public figure", "their position", "arguments used",
                  "confidentiality", "social actors (persons)"):
        assert field in page
    assert "5 years" in page and "HEFBOOM_RETENTION_YEARS" in page
    assert "hefboom person erase ID" in page
    assert (reverse("privacy:audit") in page) == (who == "carol")


def test_the_register_follows_a_field_renamed_in_the_model(client, victor, monkeypatch):
    field = Person._meta.get_field("phone")
    monkeypatch.setattr(field, "verbose_name", "mobile number")
    client.force_login(victor)
    assert "mobile number" in client.get(reverse("privacy:register")).content.decode()


def test_the_register_takes_a_fixed_number_of_queries(client, victor, django_assert_num_queries):
    client.force_login(victor)
    client.get(reverse("privacy:register"))
    with django_assert_num_queries(2):
        client.get(reverse("privacy:register"))
