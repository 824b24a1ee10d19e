"""A person's and an organisation's page show the latest contacts and link to all of them."""

import datetime as dt

import pytest
from django.urls import reverse

from hefboom.actors import views
from hefboom.monitoring import actions
from hefboom.monitoring.models import Channel, Contact


@pytest.fixture
def many_contacts(alice, dossier, cabinet, advisor):
    """Five contacts of Alice with the advisor of the cabinet, one a day."""
    return [
        actions.record_contact(
            alice, Contact(date=dt.date(2024, 1, 1) + dt.timedelta(days=i), channel=Channel.CALL,
                           summary=f"Gesprek nummer {i}"),
            our_participants=[alice], dossiers=[dossier], persons=[advisor], organisations=[cabinet])
        for i in range(5)
    ]


@pytest.mark.parametrize("page", ["person", "organisation"])
def test_an_actor_page_lists_the_latest_contacts_and_links_to_all(
        page, client, alice, advisor, cabinet, many_contacts, monkeypatch, django_assert_num_queries):
    monkeypatch.setattr(views, "RECENT", 3)
    client.force_login(alice)
    actor = advisor if page == "person" else cabinet
    # As many with 5 as with 500; an organisation also reads its memberships.
    with django_assert_num_queries(10 if page == "person" else 11):
        html = client.get(reverse(f"actors:{page}", args=[actor.pk])).content.decode()
    assert "Gesprek nummer 4" in html and "Gesprek nummer 2" in html
    assert "Gesprek nummer 1" not in html  # older than the latest three
    assert "All 5 contacts" in html
    assert f"{reverse('monitoring:contacts')}?{page}={actor.pk}" in html


def test_a_person_page_hides_a_confidential_contact_from_other_officers_and_its_count(
        client, bob, advisor, confidential_contact, many_contacts, monkeypatch):
    monkeypatch.setattr(views, "RECENT", 3)
    client.force_login(bob)
    html = client.get(reverse("actors:person", args=[advisor.pk])).content.decode()
    assert "Vertrouwelijk overleg" not in html
    assert "All 5 contacts" in html  # not 6: the confidential one is not counted either
