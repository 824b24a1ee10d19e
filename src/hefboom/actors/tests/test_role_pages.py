"""The person, organisation, government and contact pages show roles over time: who held what on
each contact's date, forms for editors only, and never a confidential contact to others."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hefboom.actors.actions import add_role
from hefboom.actors.models import Government, Person, PersonMerge, PersonRole
from hefboom.core.actions import save_record
from hefboom.monitoring import actions
from hefboom.monitoring.models import Channel, Contact

D = dt.date


@pytest.fixture
def government(db):
    return save_record(Government(name="Regering Proef", political_level="federal",
                                  start_date=D(2020, 10, 1), end_date=D(2025, 2, 3)), None)


@pytest.fixture
def ministers(alice, cabinet, government):
    """Two successive ministers of the test cabinet, hand-over on 28 June 2022."""
    first = save_record(Person(first_name="Eerste", last_name="Minister"), alice)
    second = save_record(Person(first_name="Tweede", last_name="Minister"), alice)
    for person, start, end in ((first, D(2020, 10, 1), D(2022, 6, 27)),
                               (second, D(2022, 6, 28), D(2025, 2, 3))):
        add_role(alice, PersonRole(person=person, organisation=cabinet, title="Minister",
                                   single_holder=True, government=government,
                                   start_date=start, end_date=end))
    return first, second


def contact(alice, dossier, cabinet, day, summary, persons=()):
    return actions.record_contact(
        alice, Contact(date=day, channel=Channel.MEETING, summary=summary),
        our_participants=[alice], dossiers=[dossier], organisations=[cabinet], persons=persons)


def test_the_cabinet_page_names_the_minister_of_each_contacts_day(
        client, alice, dossier, cabinet, ministers):
    contact(alice, dossier, cabinet, D(2022, 6, 27), "Laatste gesprek", ministers)
    contact(alice, dossier, cabinet, D(2022, 6, 28), "Eerste gesprek", ministers)
    client.force_login(alice)
    html = client.get(reverse("actors:organisation", args=[cabinet.pk])).content.decode()
    last, first = html.split("Laatste gesprek")[1], html.split("Eerste gesprek")[1]
    assert first.split("</li>")[0].count("under Tweede Minister") == 1
    assert last.split("</li>")[0].count("under Eerste Minister") == 1
    holders = html.split('id="holders"')[1].split("</section>")[0]
    assert holders.index("Eerste Minister") < holders.index("Tweede Minister")
    assert "27 Jun 2022" in holders and "Regering Proef" in holders


def test_the_contact_page_shows_each_persons_role_on_its_date(
        client, alice, dossier, cabinet, ministers, django_assert_num_queries):
    first, second = ministers
    early = contact(alice, dossier, cabinet, D(2021, 1, 1), "Vroeg gesprek", [first])
    late = contact(alice, dossier, cabinet, D(2023, 1, 1), "Laat gesprek", [first, second])
    client.force_login(alice)
    html = client.get(reverse("monitoring:contact", args=[early.pk])).content.decode()
    assert "Eerste Minister</a> <span class=\"muted role-then\">(Minister, Kabinet Testminister)" in html
    assert "then Minister: Eerste Minister" in html
    # As many queries with one person as with two (the count itself is pinned by monitoring's
    # own tests; other apps add to it).
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("monitoring:contact", args=[early.pk]))
    with django_assert_num_queries(len(one)):
        html = client.get(reverse("monitoring:contact", args=[late.pk])).content.decode()
    # Past minister: no role on the later date; the cabinet's minister then is the second.
    assert "Eerste Minister</a>," in html and "then Minister: Tweede Minister" in html


def test_the_person_page_splits_roles_and_shows_the_role_at_each_contact(
        client, alice, dossier, cabinet, ministers, django_assert_num_queries):
    first, _ = ministers
    contact(alice, dossier, cabinet, D(2021, 5, 1), "Gesprek als minister", [first])
    client.force_login(alice)
    url = reverse("actors:person", args=[first.pk])
    with django_assert_num_queries(10):
        html = client.get(url).content.decode()
    assert "then Minister, Kabinet Testminister" in html
    earlier = html.split("<h3>Earlier</h3>")[1].split("</ul>")[0]
    assert "Minister" in earlier and "Regering Proef" in earlier
    assert reverse("actors:role_add", args=[first.pk]) in html
    assert reverse("actors:person_merge", args=[first.pk]) in html
    for day in (D(2021, 6, 1), D(2021, 7, 1), D(2021, 8, 1)):
        contact(alice, dossier, cabinet, day, "Nog een gesprek", [first])
    with django_assert_num_queries(10):
        client.get(url)


def test_a_viewer_reads_roles_but_gets_no_forms(client, victor, ministers, cabinet):
    client.force_login(victor)
    html = client.get(reverse("actors:person", args=[ministers[0].pk])).content.decode()
    assert "Minister" in html and "Add a role" not in html and "Merge" not in html
    assert "End role" not in html
    assert client.get(reverse("actors:role_add", args=[ministers[0].pk])).status_code == 403
    assert client.post(reverse("actors:role_add", args=[ministers[0].pk]),
                       {"organisation": cabinet.pk, "title": "X"}).status_code == 403
    assert client.post(reverse("actors:person_merge", args=[ministers[0].pk]),
                       {"duplicate": ministers[1].pk, "confirmed": "1"}).status_code == 403
    assert Person.objects.filter(pk=ministers[1].pk).exists()


def test_an_overlapping_minister_is_refused_on_the_form(client, alice, cabinet, ministers,
                                                        advisor):
    client.force_login(alice)
    response = client.post(reverse("actors:role_add", args=[advisor.pk]), {
        "organisation": cabinet.pk, "title": "minister", "single_holder": "on",
        "start_date": "2022-01-01"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Only one person at a time can be “Minister” in Kabinet Testminister" in html
    assert ("held by Eerste Minister (1 Oct 2020 – 27 Jun 2022); "
            "Tweede Minister (28 Jun 2022 – 3 Feb 2025)") in html
    assert html.count("Only one person at a time") == 1
    assert not advisor.roles.exists()
    response = client.post(reverse("actors:role_add", args=[advisor.pk]), {
        "organisation": cabinet.pk, "title": "Woordvoerder", "start_date": "2022-01-01"})
    assert response.status_code == 302 and advisor.roles.get().title == "Woordvoerder"


def test_ending_a_role_from_the_person_page(client, alice, cabinet, advisor):
    role = add_role(alice, PersonRole(person=advisor, organisation=cabinet, title="Adviseur",
                                      start_date=D(2020, 1, 1)))
    client.force_login(alice)
    client.post(reverse("actors:role_end", args=[role.pk]), {"end_date": "2024-03-31"})
    role.refresh_from_db()
    assert role.end_date == D(2024, 3, 31)


def test_merging_asks_for_confirmation_first(client, bob, alice, advisor, confidential_contact):
    duplicate = save_record(Person(first_name="L.", last_name="Verzonnen"), alice)
    confidential_contact.persons.set([duplicate])
    client.force_login(bob)
    url = reverse("actors:person_merge", args=[advisor.pk])
    html = client.post(url, {"duplicate": duplicate.pk}).content.decode()
    assert "What will move" in html and "0 contacts" in html  # Bob may not see the meeting
    assert "Vertrouwelijk" not in html
    assert Person.objects.filter(pk=duplicate.pk).exists()  # nothing happened yet
    response = client.post(url, {"duplicate": duplicate.pk, "confirmed": "1"})
    assert response.status_code == 302
    assert not Person.objects.filter(pk=duplicate.pk).exists()
    assert list(confidential_contact.persons.all()) == [advisor]
    assert PersonMerge.objects.get().into == advisor


def test_merging_into_themself_shows_the_message(client, alice, advisor):
    client.force_login(alice)
    response = client.post(reverse("actors:person_merge", args=[advisor.pk]),
                           {"duplicate": advisor.pk, "confirmed": "1"})
    assert response.status_code == 400
    assert "cannot be merged into themself" in response.content.decode()
    assert Person.objects.filter(pk=advisor.pk).exists() and not PersonMerge.objects.exists()


def test_the_organisation_page_hides_a_confidential_contact_from_others(
        client, bob, cabinet, ministers, confidential_contact):
    client.force_login(bob)
    html = client.get(reverse("actors:organisation", args=[cabinet.pk])).content.decode()
    assert "Vertrouwelijk overleg" not in html


@pytest.mark.parametrize("page", ["list", "detail"])
def test_government_pages_have_constant_query_counts(
        client, victor, alice, cabinet, government, ministers, django_assert_num_queries, page):
    client.force_login(victor)
    url = (reverse("actors:governments") if page == "list"
           else reverse("actors:government", args=[government.pk]))
    expected = 4 if page == "list" else 6
    with django_assert_num_queries(expected):
        html = client.get(url).content.decode()
    assert "Regering Proef" in html and "1 Oct 2020 – 3 Feb 2025" in html
    if page == "detail":
        assert html.index("Eerste Minister") < html.index("Tweede Minister")
    other = save_record(Government(name="Regering Later", political_level="federal",
                                   start_date=D(2025, 2, 3)), alice)
    extra = save_record(Person(last_name="Derde"), alice)
    add_role(alice, PersonRole(person=extra, organisation=cabinet, title="Staatssecretaris",
                               government=government, start_date=D(2021, 1, 1),
                               end_date=D(2022, 1, 1)))
    assert other.pk
    with django_assert_num_queries(expected):
        client.get(url)
