"""Autocomplete and inline creation behind the quick-capture fields."""

import datetime as dt

from django.urls import reverse

from hefboom.actors.models import Person, PersonRole
from hefboom.core.actions import save_record
from hefboom.monitoring import actions
from hefboom.monitoring.models import Contact
from hefboom.strategy.models import Dossier


def test_person_options_carry_the_current_organisation(client, alice, advisor, cabinet):
    save_record(PersonRole(person=advisor, organisation=cabinet, title="Adviseur",
                           start_date=dt.date(2020, 1, 1)), None)
    client.force_login(alice)
    results = client.get(reverse("actors:person_options"), {"q": "lot verz"}).json()["results"]
    assert [r["text"] for r in results] == ["Lotte Verzonnen"]
    assert results[0]["organisation"] == {"value": cabinet.pk, "text": str(cabinet)}
    assert "Adviseur" in results[0]["hint"]
    assert client.get(reverse("actors:person_options"), {"q": "nobody"}).json()["results"] == []


def test_creating_a_known_name_reuses_the_person(client, alice, advisor):
    client.force_login(alice)
    url = reverse("actors:person_create")
    assert client.post(url, {"name": "Lotte Verzonnen"}).json()["value"] == advisor.pk
    created = client.post(url, {"name": "Min. Jef Nieuw"}).json()
    person = Person.objects.get(pk=created["value"])
    assert (person.first_name, person.last_name) == ("Jef", "Nieuw")
    assert person.created_by == alice
    assert client.post(url, {"name": "  "}).status_code == 400
    assert Person.objects.count() == 2


def test_viewer_cannot_create_people(client, victor):
    client.force_login(victor)
    assert client.post(reverse("actors:person_create"), {"name": "Jef Nieuw"}).status_code == 403
    assert client.post(reverse("actors:organisation_create"), {"name": "X"}).status_code == 403
    assert not Person.objects.exists()


def test_organisation_options_and_creation(client, alice, cabinet):
    client.force_login(alice)
    results = client.get(reverse("actors:organisation_options"), {"q": "testmin"}).json()["results"]
    assert [r["value"] for r in results] == [cabinet.pk]
    made = client.post(reverse("actors:organisation_create"), {"name": "Nieuwe Coalitie"}).json()
    assert made["text"] == "Nieuwe Coalitie"


def test_my_dossiers_come_first(client, alice, bob, dossier, theme):
    save_record(Dossier(theme=theme, code="aaa", name="Aaa-dossier"), None)
    actions.record_contact(alice, Contact(date=dt.date(2023, 1, 1), channel="call", summary="x"),
                           our_participants=[alice], dossiers=[dossier])
    client.force_login(alice)
    names = [r["text"] for r in client.get(reverse("strategy:dossier_options")).json()["results"]]
    assert names == ["Hervestiging", "Aaa-dossier"]
    client.force_login(bob)
    names = [r["text"] for r in client.get(reverse("strategy:dossier_options")).json()["results"]]
    assert names == ["Aaa-dossier", "Hervestiging"]
