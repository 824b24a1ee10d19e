"""Follow-ups: logged with a contact, completed, reopened and handed on; the personal list.

Alice logs contacts and owns follow-ups; Bob is a colleague who may not see her confidential
meeting; Mia (M&E) may open a colleague's list; Victor (viewer) may change nothing.
"""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from hefboom.monitoring import actions, followups
from hefboom.monitoring.models import Channel, Contact, FollowUp


def contact_form(dossier, user, **overrides):
    data = {"date": "2023-06-01", "channel": "meeting", "is_formal": "on",
            "our_participants": [user.pk], "dossiers": [dossier.pk],
            "summary": "Overleg over hervestiging", "confidentiality": "normal"}
    data.update(overrides)
    return data


def follow_up(user, contact, text="Nota sturen", due=None, owner=None):
    return followups.add_follow_up(user, FollowUp(contact=contact, description=text,
                                                  due_date=due, owner=owner or user))


# Logging a contact with a follow-up (the full form and quick capture).

def test_the_contact_form_logs_a_follow_up_owned_by_the_logging_user(client, alice, dossier):
    client.force_login(alice)
    form = client.get(reverse("monitoring:contact_create")).context["form"]
    assert form["follow_up_owner"].value() == alice.pk  # the default owner
    response = client.post(reverse("monitoring:contact_create"), contact_form(
        dossier, alice, follow_up="Cijfers hervestiging nasturen", follow_up_due="2023-06-15",
        follow_up_owner=alice.pk))
    contact = Contact.objects.get()
    assert response.status_code == 302
    item = contact.follow_ups.get()
    assert (item.description, item.due_date, item.owner) == (
        "Cijfers hervestiging nasturen", dt.date(2023, 6, 15), alice)
    assert item.history.get().history_user == alice
    page = client.get(contact.get_absolute_url()).content.decode()
    assert "Cijfers hervestiging nasturen" in page and "Mark done" in page


def test_the_owner_can_be_a_colleague_and_no_follow_up_is_fine(client, alice, bob, dossier):
    client.force_login(alice)
    client.post(reverse("monitoring:contact_create"), contact_form(
        dossier, alice, follow_up="Bob belt terug", follow_up_owner=bob.pk))
    client.post(reverse("monitoring:contact_create"), contact_form(dossier, alice,
                                                                   summary="Zonder opvolging"))
    assert FollowUp.objects.get().owner == bob
    assert Contact.objects.count() == 2


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"follow_up_due": "2023-07-01", "follow_up": ""}, "follow_up", "Say what the follow-up"),
        ({"follow_up_due": "2023-05-01", "follow_up": "Bellen"}, "follow_up_due",
         "cannot be due before the contact"),
    ],
)
def test_bad_follow_up_input_names_the_field_and_saves_nothing(
        client, alice, dossier, overrides, field, message):
    client.force_login(alice)
    response = client.post(reverse("monitoring:contact_create"),
                           contact_form(dossier, alice, **overrides))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not Contact.objects.exists() and not FollowUp.objects.exists()


def test_a_viewer_cannot_own_a_follow_up(client, alice, victor, dossier):
    client.force_login(alice)
    response = client.post(reverse("monitoring:contact_create"), contact_form(
        dossier, alice, follow_up="Victor doet het", follow_up_owner=victor.pk))
    assert "follow_up_owner" in response.context["form"].errors  # not among the choices
    assert not Contact.objects.exists()


def test_editing_a_contact_adds_another_follow_up(client, alice, open_contact, dossier, cabinet):
    follow_up(alice, open_contact, "Eerste opvolging")
    client.force_login(alice)
    data = contact_form(dossier, alice, date="2023-03-01", channel="call",
                        summary=open_contact.summary, organisations=[cabinet.pk],
                        expected_version=open_contact.version, follow_up="Tweede opvolging")
    response = client.post(reverse("monitoring:contact_edit", args=[open_contact.pk]), data)
    assert response.status_code == 302
    assert sorted(open_contact.follow_ups.values_list("description", flat=True)) == [
        "Eerste opvolging", "Tweede opvolging"]


def test_quick_capture_takes_a_follow_up(client, alice, dossier):
    client.force_login(alice)
    response = client.post(reverse("monitoring:quick", args=["contact"]), {
        "dossiers": [dossier.pk], "summary": "Snel gesprek", "date": "2023-06-01",
        "channel": "call", "follow_up": "Mail sturen", "follow_up_due": "2023-06-02"})
    assert response.status_code == 302
    item = FollowUp.objects.get()
    assert (item.owner, item.due_date, item.contact.summary) == (
        alice, dt.date(2023, 6, 2), "Snel gesprek")
    bad = client.post(reverse("monitoring:quick", args=["contact"]), {
        "dossiers": [dossier.pk], "summary": "Nog een", "date": "2023-06-01", "channel": "call",
        "follow_up_due": "2023-06-02"})
    assert "Say what the follow-up" in bad.content.decode()
    assert Contact.objects.count() == 1


# The actions: complete, reopen, reassign; who may.

def test_complete_reopen_and_reassign_keep_history(alice, bob, open_contact):
    item = follow_up(alice, open_contact, due=dt.date(2023, 3, 10))
    followups.complete_follow_up(bob, item)
    item.refresh_from_db()
    assert item.is_done and item.done_by == bob
    with pytest.raises(ValidationError, match="already marked done by Bob"):
        followups.complete_follow_up(alice, item)
    followups.reopen_follow_up(alice, item)
    item.refresh_from_db()
    assert not item.is_done and item.done_by is None
    followups.reassign_follow_up(alice, item, owner=bob, due_date=dt.date(2023, 4, 1))
    item.refresh_from_db()
    assert (item.owner, item.due_date, item.version) == (bob, dt.date(2023, 4, 1), 4)
    assert [h.history_user for h in item.history.order_by("history_date")] == [
        alice, bob, alice, alice]


def test_a_due_date_before_the_contact_is_refused_on_reassign(alice, open_contact):
    item = follow_up(alice, open_contact)
    with pytest.raises(ValidationError, match="cannot be due before"):
        followups.reassign_follow_up(alice, item, owner=alice, due_date=dt.date(2020, 1, 1))
    item.refresh_from_db()
    assert item.due_date is None and item.version == 1


def test_a_viewer_changes_nothing(alice, victor, open_contact):
    item = follow_up(alice, open_contact)
    for action in (followups.complete_follow_up, followups.reopen_follow_up):
        with pytest.raises(PermissionDenied):
            action(victor, item)
    with pytest.raises(PermissionDenied):
        followups.add_follow_up(victor, FollowUp(contact=open_contact, description="x",
                                                 owner=victor))
    with pytest.raises(ValidationError, match="may only read"):
        followups.reassign_follow_up(alice, item, owner=victor, due_date=None)


def test_a_confidential_contact_is_out_of_reach_for_others(alice, bob, confidential_contact):
    item = follow_up(alice, confidential_contact, "Geheime nota")
    with pytest.raises(Http404):
        followups.complete_follow_up(bob, item)
    with pytest.raises(Http404):
        followups.add_follow_up(bob, FollowUp(contact=confidential_contact, description="x",
                                              owner=bob))
    # Nor can Alice hand it to Bob, who may not see the contact.
    with pytest.raises(ValidationError, match="may not see this confidential contact"):
        followups.reassign_follow_up(alice, item, owner=bob, due_date=None)


def test_the_buttons_on_the_contact_page(client, alice, bob, victor, open_contact,
                                         confidential_contact):
    item = follow_up(alice, open_contact)
    client.force_login(bob)
    response = client.post(reverse("monitoring:follow_up_done", args=[item.pk]))
    assert response["Location"].endswith(f"/contacts/{open_contact.pk}/#follow-ups")
    item.refresh_from_db()
    assert item.done_by == bob
    client.post(reverse("monitoring:follow_up_reopen", args=[item.pk]))
    item.refresh_from_db()
    assert not item.is_done
    response = client.post(reverse("monitoring:follow_up_change", args=[item.pk]),
                           {"owner": bob.pk, "due_date": "2023-03-20",
                            "expected_version": item.version})
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.owner, item.due_date) == (bob, dt.date(2023, 3, 20))
    response = client.post(reverse("monitoring:follow_up_create", args=[open_contact.pk]),
                           {"description": "Nog een", "due_date": "2023-01-01", "owner": bob.pk})
    assert "cannot be due before" in response.content.decode()
    client.post(reverse("monitoring:follow_up_create", args=[open_contact.pk]),
                {"description": "Nog een", "owner": bob.pk})
    assert open_contact.follow_ups.count() == 2
    secret = follow_up(alice, confidential_contact, "Geheime nota")
    for name in ("follow_up_done", "follow_up_reopen", "follow_up_change"):
        assert client.post(reverse(f"monitoring:{name}", args=[secret.pk])).status_code == 404
    assert client.get(reverse("monitoring:follow_up_create",
                              args=[confidential_contact.pk])).status_code == 404
    client.force_login(victor)
    assert client.post(reverse("monitoring:follow_up_done", args=[item.pk])).status_code == 403
    assert "Mark done" not in client.get(open_contact.get_absolute_url()).content.decode()


def test_a_stale_change_is_refused_with_what_changed(client, alice, bob, open_contact):
    item = follow_up(alice, open_contact)
    seen = item.version
    followups.reassign_follow_up(bob, item, owner=bob, due_date=dt.date(2023, 5, 1))
    client.force_login(alice)
    response = client.post(reverse("monitoring:follow_up_change", args=[item.pk]),
                           {"owner": alice.pk, "due_date": "2023-06-01", "expected_version": seen})
    assert response.status_code == 200
    assert "saved this record after you opened it" in response.content.decode()
    item.refresh_from_db()
    assert item.owner == bob


# The personal list.

@pytest.fixture
def day():
    return timezone.localdate()


def spread(alice, contact, day):
    """One follow-up in each bucket of Alice's list."""
    follow_up(alice, contact, "Te laat", due=day - dt.timedelta(days=3))
    follow_up(alice, contact, "Vandaag", due=day)
    follow_up(alice, contact, "Later", due=day + dt.timedelta(days=5))
    follow_up(alice, contact, "Ooit")
    followups.complete_follow_up(alice, follow_up(alice, contact, "Gedaan"))


@pytest.fixture
def recent_contact(alice, dossier, day):
    return actions.record_contact(
        alice, Contact(date=day - dt.timedelta(days=10), channel=Channel.CALL,
                       summary="Recent gesprek"), our_participants=[alice], dossiers=[dossier])


def test_the_personal_list_sorts_into_buckets(client, alice, bob, recent_contact, day):
    spread(alice, recent_contact, day)
    follow_up(alice, recent_contact, "Van Bob", owner=bob)
    client.force_login(alice)
    response = client.get(reverse("monitoring:follow_ups"))
    lists = response.context["lists"]
    assert [[f.description for f in bucket] for bucket in (
        lists.overdue, lists.due_today, lists.upcoming, lists.no_date, lists.recently_done)] == [
        ["Te laat"], ["Vandaag"], ["Later"], ["Ooit"], ["Gedaan"]]
    html = response.content.decode()
    assert "1 overdue" in html and "Van Bob" not in html
    assert 'name="wants_digest"' in html  # her own list has the digest setting


# Alice's own list also offers her the services to choose her own from.
@pytest.mark.parametrize(("viewer", "queries"), [("alice", 5), ("mia", 5)])
def test_the_personal_list_has_a_constant_number_of_queries(
        viewer, queries, request, client, alice, recent_contact, day, django_assert_num_queries):
    client.force_login(request.getfixturevalue(viewer))
    url = reverse("monitoring:follow_ups") + f"?owner={alice.pk}"
    spread(alice, recent_contact, day)
    with django_assert_num_queries(queries):
        client.get(url)
    for _ in range(3):
        spread(alice, recent_contact, day)
    with django_assert_num_queries(queries):
        html = client.get(url).content.decode()
    assert html.count("Te laat") == 4


def test_me_officer_opens_a_colleagues_list_without_her_confidential_items(
        client, alice, mia, bob, confidential_contact, recent_contact, day):
    follow_up(alice, confidential_contact, "Geheime nota", due=day)
    follow_up(alice, recent_contact, "Open nota", due=day)
    client.force_login(mia)
    html = client.get(reverse("monitoring:follow_ups"), {"owner": alice.pk}).content.decode()
    assert "Open nota" in html and "Geheime nota" not in html
    assert 'name="wants_digest"' not in html  # not her list: no digest setting
    client.force_login(alice)
    assert "Geheime nota" in client.get(reverse("monitoring:follow_ups")).content.decode()
    client.force_login(bob)  # a policy officer may not open someone else's list
    assert client.get(reverse("monitoring:follow_ups"), {"owner": alice.pk}).status_code == 403


def test_marking_done_from_the_list_comes_back_to_the_list(client, alice, recent_contact, day):
    item = follow_up(alice, recent_contact, "Te laat", due=day - dt.timedelta(days=1))
    client.force_login(alice)
    url = reverse("monitoring:follow_ups")
    response = client.post(reverse("monitoring:follow_up_done", args=[item.pk]), {"next": url})
    assert response["Location"] == url
    response = client.post(reverse("monitoring:follow_up_done", args=[item.pk]),
                           {"next": "https://elsewhere.example/"})
    assert response["Location"].endswith("#follow-ups")  # no open redirect


def test_the_digest_setting_is_the_users_own(client, alice):
    client.force_login(alice)
    response = client.post(reverse("monitoring:follow_up_digest"),
                           {"wants_digest": "on", "language": "fr"}, follow=True)
    alice.refresh_from_db()
    assert alice.wants_digest and alice.language == "fr"
    assert "no e-mail address" in response.content.decode()
    client.post(reverse("monitoring:follow_up_digest"), {"language": ""})
    alice.refresh_from_db()
    assert not alice.wants_digest


def test_the_home_page_shows_my_open_follow_ups_overdue_first(client, alice, bob, recent_contact,
                                                              confidential_contact, day):
    follow_up(alice, recent_contact, "Later", due=day + dt.timedelta(days=5))
    follow_up(alice, recent_contact, "Te laat", due=day - dt.timedelta(days=3))
    follow_up(alice, recent_contact, "Ooit")
    follow_up(alice, recent_contact, "Van Bob", owner=bob)
    followups.complete_follow_up(alice, follow_up(alice, recent_contact, "Gedaan"))
    client.force_login(alice)
    html = client.get(reverse("home")).content.decode()
    assert html.index("Te laat") < html.index("Later") < html.index("Ooit")
    assert "Van Bob" not in html and "Gedaan" not in html
    assert "overdue" in html


def test_follow_ups_are_exported_with_their_contact(client, alice, open_contact):
    follow_up(alice, open_contact, "Nota sturen", due=dt.date(2023, 3, 10))
    followups.complete_follow_up(alice, follow_up(alice, open_contact, "Bellen"))
    client.force_login(alice)
    csv = client.get(reverse("monitoring:contacts"), {"export": "csv"}).content.decode()
    assert "Nota sturen (Alice, 2023-03-10)" in csv
    assert "Bellen (Alice) [done]" in csv
    assert "2023-03-10" in csv.splitlines()[-1] or "2023-03-10" in csv


def test_a_follow_up_is_found_by_search_only_by_who_may_see_it(client, alice, bob, open_contact,
                                                               confidential_contact):
    follow_up(alice, open_contact, "Quotacijfers opvragen")
    follow_up(alice, confidential_contact, "Quotacijfers geheim bezorgen")
    client.force_login(bob)
    html = client.get(reverse("search:search"), {"q": "quotacijfers"}).content.decode()
    assert "Quotacijfers opvragen" in html and "geheim bezorgen" not in html
    client.force_login(alice)
    html = client.get(reverse("search:search"), {"q": "quotacijfers"}).content.decode()
    assert "geheim bezorgen" in html


def test_a_long_bucket_shows_its_first_items_and_how_many_more(client, alice, recent_contact, day,
                                                                monkeypatch):
    from hefboom.monitoring import followup_views

    monkeypatch.setattr(followup_views, "BUCKET_SIZE", 2)
    for i in range(5):
        follow_up(alice, recent_contact, f"Vergeten {i}", due=day - dt.timedelta(days=9 - i))
    client.force_login(alice)
    html = client.get(reverse("monitoring:follow_ups")).content.decode()
    assert "Vergeten 0" in html and "Vergeten 1" in html and "Vergeten 2" not in html
    assert "and 3 more" in html and "5 overdue" in html


def test_the_admin_lists_follow_ups_without_confidential_ones_and_changes_none(
        client, alice, mia, open_contact, confidential_contact):
    follow_up(alice, open_contact, "Open nota")
    secret = follow_up(alice, confidential_contact, "Geheime nota")
    client.force_login(mia)
    html = client.get(reverse("admin:monitoring_followup_changelist")).content.decode()
    assert "Open nota" in html and "Geheime nota" not in html
    assert client.get(reverse("admin:monitoring_followup_history",
                              args=[secret.pk])).status_code == 404
    assert client.get(reverse("admin:monitoring_followup_add")).status_code == 403
