"""Who knows whom: key contacts of a dossier and the ones only one active staff member knows."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from hefboom.actors.models import Person
from hefboom.core.actions import save_record
from hefboom.monitoring.models import Confidentiality
from hefboom.network import knowledge

from .conftest import contact

pytestmark = pytest.mark.django_db


def days_ago(n):
    return timezone.localdate() - dt.timedelta(days=n)


@pytest.fixture
def people(db):
    return {name: save_record(Person(first_name=first, last_name=name), None)
            for first, name in [("Jan", "Eenling"), ("Els", "Gedeeld"), ("Piet", "Oud"),
                                ("Noor", "Geheim")]}


@pytest.fixture
def recent(alice, bob, mia, dossier, people):
    """Alice alone knows Eenling; Alice and Bob both know Gedeeld; Oud was met three years
    ago only; Geheim was met by Alice in confidence and by Bob in an open meeting."""
    contact(alice, days_ago(20), "Eenling gesproken", participants=[alice], dossier=dossier,
            persons=[people["Eenling"]])
    contact(alice, days_ago(40), "Gedeeld overleg", participants=[alice, bob], dossier=dossier,
            persons=[people["Gedeeld"]])
    contact(alice, days_ago(3 * 365), "Oud gesprek", participants=[alice], dossier=dossier,
            persons=[people["Oud"]])
    contact(alice, days_ago(10), "Geheim gesprek", participants=[alice], dossier=dossier,
            persons=[people["Geheim"]], confidentiality=Confidentiality.CONFIDENTIAL)
    contact(bob, days_ago(12), "Open gesprek", participants=[bob], dossier=dossier,
            persons=[people["Geheim"]])


def by_name(network):
    return {k.person.last_name: k for k in network.key_contacts}


def test_months_ago_keeps_the_day_or_takes_the_months_last():
    assert knowledge.months_ago(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert knowledge.months_ago(dt.date(2026, 11, 27), 24) == dt.date(2024, 11, 27)
    assert knowledge.months_ago(dt.date(2026, 1, 15), 13) == dt.date(2024, 12, 15)


def test_a_key_contact_known_by_one_staff_member_is_flagged(alice, bob, dossier, recent):
    network = knowledge.dossier_network(alice, dossier)
    keys = by_name(network)
    assert set(keys) == {"Eenling", "Gedeeld", "Geheim"}  # Oud: met before the window
    assert keys["Eenling"].known_by_one and [u for u, *_ in keys["Eenling"].knowers] == [alice]
    assert not keys["Gedeeld"].known_by_one
    assert {u for u, *_ in keys["Geheim"].knowers} == {alice, bob}  # Alice sees her own
    assert network.flagged[0].person.last_name == "Eenling"
    assert "Oud" in by_name(knowledge.dossier_network(alice, dossier, months=48))


def test_bob_does_not_count_alices_confidential_contact(bob, dossier, recent):
    keys = by_name(knowledge.dossier_network(bob, dossier))
    assert [u.username for u, *_ in keys["Geheim"].knowers] == ["bob"]


def test_a_deactivated_staff_member_knows_nobody(alice, bob, carol, dossier, recent):
    bob.is_active = False
    bob.save()
    keys = by_name(knowledge.dossier_network(alice, dossier))
    assert keys["Gedeeld"].known_by_one  # only Alice is left
    alice.is_active = False
    alice.save()
    keys = by_name(knowledge.dossier_network(carol, dossier))
    assert keys["Eenling"].known_by_none and keys["Gedeeld"].known_by_none


def test_the_overview_counts_flagged_key_contacts_per_dossier(alice, bob, dossier, recent):
    data = knowledge.overview(alice)
    [row] = [r for r in data.dossiers if r.dossier == dossier]
    assert (row.persons.key, row.persons.known_by_one, row.persons.known_by_none) == (3, 1, 0)
    assert data.sole_knowers == [(alice, 1, 0)]


def test_the_dossier_page_shows_the_flag_and_links_to_briefings(client, alice, dossier, recent,
                                                                people):
    client.force_login(alice)
    page = client.get(reverse("network:dossier", args=[dossier.pk])).content.decode()
    assert "known by one" in page
    assert reverse("network:person_briefing", args=[people["Eenling"].pk]) in page
    assert "Oud" not in page


def test_the_dossier_page_links_here(client, alice, dossier):
    client.force_login(alice)
    page = client.get(reverse("strategy:dossier", args=[dossier.pk])).content.decode()
    assert reverse("network:dossier", args=[dossier.pk]) in page


def test_a_bad_window_falls_back_to_the_default(client, alice, dossier, recent):
    client.force_login(alice)
    response = client.get(reverse("network:dossier", args=[dossier.pk]) + "?months=abc")
    assert response.status_code == 200 and response.context["network"].months == 24
    assert knowledge.parse_months("0") == 1 and knowledge.parse_months("9999") == 240


@pytest.mark.parametrize("name", ["network:overview", "network:dossier"])
def test_query_counts_do_not_grow(client, django_assert_num_queries, alice, bob, dossier,
                                  people, cabinet, name):
    from hefboom.actors.models import PersonRole

    client.force_login(alice)
    save_record(PersonRole(person=people["Eenling"], organisation=cabinet, title="Adviseur"), None)
    url = reverse(name, args=[dossier.pk] if name == "network:dossier" else [])
    contact(alice, days_ago(5), "Een", participants=[alice], dossier=dossier,
            persons=[people["Eenling"]], organisations=[cabinet])
    expected = {"network:overview": 6, "network:dossier": 12}[name]
    with django_assert_num_queries(expected):
        client.get(url)
    for person in people.values():
        contact(bob, days_ago(6), "Meer", participants=[alice, bob], dossier=dossier,
                persons=[person], organisations=[cabinet])
    with django_assert_num_queries(expected):
        client.get(url)


def test_the_overview_links_hand_over_reports_only_for_those_who_may_read_them(
        client, alice, bob, mia, dossier, recent):
    alices_report = reverse("network:handover", args=[alice.pk])
    client.force_login(bob)
    page = client.get(reverse("network:overview")).content.decode()
    assert "Alice" in page and alices_report not in page
    assert reverse("network:handover", args=[bob.pk]) in page  # his own
    client.force_login(mia)
    assert alices_report in client.get(reverse("network:overview")).content.decode()


def test_an_organisation_only_one_staff_member_meets_is_flagged(client, alice, bob, dossier,
                                                                cabinet, research_service):
    contact(alice, days_ago(10), "Kabinet alleen", participants=[alice], dossier=dossier,
            organisations=[cabinet])
    contact(alice, days_ago(11), "Cel samen", participants=[alice, bob], dossier=dossier,
            organisations=[research_service])
    network = knowledge.dossier_network(alice, dossier)
    assert [k.organisation for k in network.flagged_organisations] == [cabinet]
    assert [k.organisation for k in network.key_organisations] == [cabinet, research_service]
    data = knowledge.overview(alice)
    [row] = [r for r in data.dossiers if r.dossier == dossier]
    assert (row.organisations.key, row.organisations.known_by_one) == (2, 1)
    assert data.sole_knowers == [(alice, 0, 1)]
    client.force_login(bob)
    page = client.get(reverse("network:dossier", args=[dossier.pk])).content.decode()
    assert reverse("network:organisation_briefing", args=[cabinet.pk]) in page
