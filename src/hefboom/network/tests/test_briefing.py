"""The briefing on a person or organisation: every section, confidentiality, paging, queries."""

import datetime as dt

import pytest
from django.urls import reverse

from hefboom.accounts.models import User
from hefboom.monitoring.models import Contact
from hefboom.network import selectors

from .conftest import contact

pytestmark = pytest.mark.django_db


def person_url(person, **query):
    url = reverse("network:person_briefing", args=[person.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_alice_reads_every_section_of_the_advisors_briefing(client, alice, advisor, network):
    client.force_login(alice)
    page = client.get(person_url(advisor)).content.decode()
    assert "Briefing: Lotte Verzonnen" in page
    assert "Adviseur migratie" in page  # roles
    for text in ("Vertrouwelijk overleg", "Overleg over quota", "Koffie na haar vertrek"):
        assert text in page  # interactions
    assert "Geheim standpunt over de structuur" in page and "Voor hogere quota" in page
    assert "Quota verhoogd" in page  # outcomes
    assert "Geheime nota bezorgen" in page and "Cijfers nasturen" in page  # follow-ups
    assert "overdue" in page


def test_who_knows_them_counts_contacts_and_shows_the_most_recent_first(alice, bob, advisor,
                                                                        network):
    knowers = selectors.briefing(alice, advisor).knowers
    assert [(k.user, k.contacts, k.last) for k in knowers] == [
        (bob, 2, dt.date(2024, 3, 1)), (alice, 2, dt.date(2023, 5, 10))]


def test_bob_sees_neither_the_confidential_contact_nor_its_position_nor_its_follow_up(
        client, alice, bob, advisor, network):
    client.force_login(bob)
    page = client.get(person_url(advisor)).content.decode()
    assert "Overleg over quota" in page
    assert "Vertrouwelijk overleg" not in page
    assert "Geheim standpunt" not in page
    assert "Geheime nota bezorgen" not in page
    briefing = selectors.briefing(bob, advisor)
    assert briefing.contact_count == 2
    assert [(k.user, k.contacts) for k in briefing.knowers] == [(bob, 2), (alice, 1)]


def test_the_administrator_sees_the_confidential_contact(client, carol, advisor, network):
    client.force_login(carol)
    assert "Geheim standpunt" in client.get(person_url(advisor)).content.decode()


def test_a_briefing_that_shows_a_confidential_contact_is_logged_in_the_audit(
        client, carol, bob, advisor, network):
    from hefboom.monitoring.models import Contact
    from hefboom.privacy.models import AccessEvent

    client.force_login(bob)  # sees no confidential contact: nothing to log
    client.get(person_url(advisor))
    assert not AccessEvent.objects.exists()
    client.force_login(carol)
    client.get(person_url(advisor))
    secret = Contact.objects.get(their_position__contains="Geheim standpunt")
    event = AccessEvent.objects.get()
    assert (event.user, event.action, event.object_type, event.object_id) == (
        carol, "view", "contact", secret.pk)
    assert event.note == f"briefing of person {advisor.pk}"


def test_roles_list_the_current_role_first(alice, advisor, cabinet, network):
    from hefboom.actors.models import PersonRole
    from hefboom.core.actions import save_record

    current = save_record(PersonRole(person=advisor, organisation=cabinet, title="Kabinetschef",
                                     start_date=dt.date(2024, 1, 1)), None)
    roles = selectors.briefing(alice, advisor).roles
    assert roles[0] == current and roles[1].title == "Adviseur migratie"


def test_the_cabinets_briefing_counts_people_while_they_held_a_role_there_and_its_parts(
        client, alice, cabinet, advisor, network):
    briefing = selectors.briefing(alice, cabinet)
    listed = {c.summary for c in briefing.page.object_list}
    assert "Overleg over quota" in listed  # Lotte, adviser at the cabinet then
    assert "Werkbezoek cel" in listed  # a part of the cabinet
    assert "Telefoon over hervestigingsquota" not in listed  # open_contact is not in `network`
    assert "Koffie na haar vertrek" not in listed  # she had left the cabinet
    assert briefing.outcomes == [network["outcome"]]  # she was there on the outcome's date
    client.force_login(alice)
    response = client.get(reverse("network:organisation_briefing", args=[cabinet.pk]))
    assert "Cel beleidsvoorbereiding" in response.content.decode()


def test_interactions_page_by_year_and_order(client, alice, advisor, network):
    client.force_login(alice)
    briefing = selectors.briefing(alice, advisor, order="oldest")
    assert [c.date.year for c in briefing.page.object_list] == [2023, 2023, 2024]
    assert briefing.years == [(2024, 1), (2023, 2)]
    only_2024 = selectors.briefing(alice, advisor, year=2024)
    assert [c.summary for c in only_2024.page.object_list] == ["Koffie na haar vertrek"]
    assert only_2024.contact_count == 3  # the year counts stay for every year
    page = client.get(person_url(advisor, year=2024)).content.decode()
    assert "Koffie na haar vertrek" in page and "Overleg over quota" not in page


def test_a_busy_person_is_paged(alice, advisor, dossier, monkeypatch):
    monkeypatch.setattr(selectors, "PAGE_SIZE", 2)
    for day in range(1, 6):
        contact(alice, dt.date(2023, 1, day), f"Gesprek {day}", participants=[alice],
                dossier=dossier, persons=[advisor])
    first = selectors.briefing(alice, advisor)
    assert [c.summary for c in first.page.object_list] == ["Gesprek 5", "Gesprek 4"]
    assert first.page.paginator.num_pages == 3
    last = selectors.briefing(alice, advisor, page=3)
    assert [c.summary for c in last.page.object_list] == ["Gesprek 1"]


def test_a_contact_in_the_bin_is_left_out(alice, advisor, network):
    from hefboom.core.actions import delete_record

    delete_record(network["later"], alice)
    briefing = selectors.briefing(alice, advisor)
    assert "Koffie na haar vertrek" not in {c.summary for c in briefing.page.object_list}


def _grow(alice, bob, advisor, cabinet, dossier, n):
    """`n` more contacts with Lotte and the cabinet, each with a position and a follow-up."""
    from .conftest import follow_up

    extra = User.objects.create(username=f"staff{n}", role="policy_officer")
    for i in range(n):
        made = contact(alice, dt.date(2023, 2, 1 + i), f"Extra {i}", participants=[alice, bob, extra],
                       dossier=dossier, persons=[advisor], organisations=[cabinet],
                       their_position=f"Standpunt {i}")
        follow_up(bob, made, f"Taak {i}", dt.date(2023, 3, 1))


@pytest.mark.parametrize("kind", ["person", "organisation"])
def test_query_count_does_not_grow_with_the_contacts(client, django_assert_num_queries, alice,
                                                     bob, advisor, cabinet, dossier, network,
                                                     kind):
    client.force_login(alice)
    url = (person_url(advisor) if kind == "person"
           else reverse("network:organisation_briefing", args=[cabinet.pk]))
    counts = []
    for n in (1, 6):
        _grow(alice, bob, advisor, cabinet, dossier, n)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    # One of them is the insert that logs Alice's view of her confidential contact (audit).
    expected = {"person": 13, "organisation": 16}[kind]
    with django_assert_num_queries(expected):
        client.get(url)


def test_an_unknown_person_is_a_404(client, alice):
    client.force_login(alice)
    assert client.get(reverse("network:person_briefing", args=[999])).status_code == 404


def test_the_person_and_organisation_pages_link_to_their_briefing(client, alice, advisor,
                                                                  cabinet):
    client.force_login(alice)
    assert person_url(advisor) in client.get(advisor.get_absolute_url()).content.decode()
    assert reverse("network:organisation_briefing", args=[cabinet.pk]) in client.get(
        cabinet.get_absolute_url()).content.decode()


def test_confidential_fixture_is_confidential(confidential_contact):
    assert Contact.objects.get(pk=confidential_contact.pk).is_confidential
