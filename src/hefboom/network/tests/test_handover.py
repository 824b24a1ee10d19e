"""The hand-over report: who may read it, what it shows to whom, and its PDF."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from reportlab.platypus import Paragraph, Table

from hefboom.actors.models import Person, PersonRole
from hefboom.core.actions import save_record
from hefboom.monitoring.models import Confidentiality
from hefboom.network import pdf
from hefboom.network.handover import handover

from .conftest import contact, follow_up

pytestmark = pytest.mark.django_db


def days_ago(n):
    return timezone.localdate() - dt.timedelta(days=n)


@pytest.fixture
def alices_work(alice, bob, dossier, cabinet):
    """Alice alone knows Zoë Énkel (accents on purpose); Alice and Bob both know Wim Samen;
    Alice met Geert Stil in confidence and owes a note after it."""
    alone = save_record(Person(first_name="Zoë", last_name="Énkel"), None)
    shared = save_record(Person(first_name="Wim", last_name="Samen"), None)
    secret = save_record(Person(first_name="Geert", last_name="Stil"), None)
    save_record(PersonRole(person=alone, organisation=cabinet, title="Woordvoerder"), None)
    first = contact(alice, days_ago(30), "Gesprek met Zoë", participants=[alice],
                    dossier=dossier, persons=[alone], organisations=[cabinet])
    contact(alice, days_ago(60), "Overleg met Wim", participants=[alice, bob], dossier=dossier,
            persons=[shared])
    hidden = contact(alice, days_ago(15), "Stil overleg", participants=[alice], dossier=dossier,
                     persons=[secret], confidentiality=Confidentiality.CONFIDENTIAL)
    follow_up(alice, first, "Studie doorsturen", days_ago(1))
    follow_up(alice, hidden, "Vertrouwelijke nota", None)
    return {"alone": alone, "shared": shared, "secret": secret}


def url(user, **query):
    suffix = "?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else ""
    return reverse("network:handover", args=[user.pk]) + suffix


@pytest.mark.parametrize("reader,status", [
    ("alice", 200), ("mia", 200), ("carol", 200), ("bob", 403), ("victor", 403)])
def test_who_may_read_alices_hand_over_report(client, request, alice, reader, status):
    client.force_login(request.getfixturevalue(reader))
    assert client.get(url(alice)).status_code == status
    assert client.get(url(alice, format="pdf")).status_code == status


def test_alices_own_report_is_complete(alice, alices_work, dossier):
    report = handover(alice, alice)
    assert report.complete
    assert [k.person for k in report.to_introduce] == [alices_work["secret"], alices_work["alone"]]
    assert [k.person.last_name for k in report.persons] == ["Stil", "Énkel", "Samen"]
    assert {f.description for f in report.follow_ups} == {"Studie doorsturen",
                                                          "Vertrouwelijke nota"}
    assert [(d.dossier, d.contacts) for d in report.dossiers] == [(dossier, 3)]
    assert [(o.organisation.name, o.contacts) for o in report.organisations] == [
        ("Kabinet Testminister", 1)]
    samen = next(k for k in report.persons if k.person.last_name == "Samen")
    assert [u.username for u, *_ in samen.knowers] == ["bob"]


def test_mias_view_leaves_out_alices_confidential_contact_and_says_so(client, mia, alice,
                                                                      alices_work):
    report = handover(mia, alice)
    assert not report.complete
    assert "Stil" not in [k.person.last_name for k in report.persons]
    assert [f.description for f in report.follow_ups] == ["Studie doorsturen"]
    client.force_login(mia)
    page = client.get(url(alice)).content.decode()
    assert "confidential contacts mia did not take part in are left out" in page.lower()
    assert "Stil overleg" not in page and "Vertrouwelijke nota" not in page
    assert "Zoë Énkel" in page and "Woordvoerder" in page


def test_a_person_whose_other_contact_has_left_is_to_be_introduced(alice, bob, alices_work):
    bob.is_active = False
    bob.save()
    names = [k.person.last_name for k in handover(alice, alice).to_introduce]
    assert "Samen" in names


def test_the_report_of_someone_who_left_can_still_be_read(mia, alice, alices_work):
    alice.is_active = False
    alice.save()
    report = handover(mia, alice)
    assert [k.person.last_name for k in report.to_introduce] == ["Énkel"]


def test_the_pdf_is_a_pdf_with_the_staff_members_name(client, mia, alice, alices_work):
    client.force_login(mia)
    response = client.get(url(alice, format="pdf"))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="handover-alice.pdf"'
    assert response.content.startswith(b"%PDF")
    assert b"ReportLab" in response.content  # reportlab's producer line


def test_the_pdf_story_names_the_person_to_introduce_and_the_scope(mia, alice, alices_work):
    report = handover(mia, alice)
    texts = []
    for flowable in pdf.story(report):
        if isinstance(flowable, Paragraph):
            texts.append(flowable.getPlainText())
        elif isinstance(flowable, Table):
            texts += [cell.getPlainText() for row in flowable._cellvalues for cell in row]
    joined = "\n".join(texts)
    assert "Hand-over report: Alice" in joined
    assert "Zoë Énkel" in joined
    assert "left out" in joined
    assert "Geert Stil" not in joined
    assert "Kabinet Testminister" in joined


def test_query_count_does_not_grow(client, django_assert_num_queries, mia, alice, bob, dossier,
                                   cabinet, alices_work):
    client.force_login(mia)
    with django_assert_num_queries(14):
        client.get(url(alice))
    for i in range(4):
        person = save_record(Person(first_name="Extra", last_name=f"Persoon {i}"), None)
        made = contact(alice, days_ago(5 + i), f"Extra {i}", participants=[alice, bob],
                       dossier=dossier, persons=[person], organisations=[cabinet])
        follow_up(alice, made, f"Taak {i}", None)
    with django_assert_num_queries(14):
        client.get(url(alice))
