"""Who may see and change what: login everywhere, read-only viewers, confidential contacts.

A confidential contact is visible only to its participants (Alice) and administrators (Carol):
never to Bob, Mia or Victor, on any page.
"""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import PASSWORD
from hefboom.monitoring import actions
from hefboom.monitoring.models import Contact, ContributionLink, Outcome

SECRET = "Vertrouwelijk overleg"


@pytest.fixture
def linked_outcome(alice, dossier, confidential_contact, open_contact):
    outcome = actions.record_outcome(
        alice, Outcome(title="Beslissing over hervestiging", description="De regering besliste",
                       date=dt.date(2023, 7, 31), change_type="policy_content"),
        dossiers=[dossier])
    actions.link_contribution(alice, ContributionLink(outcome=outcome, contact=confidential_contact,
                                                      narrative="Het geheime gesprek hielp"))
    actions.link_contribution(alice, ContributionLink(outcome=outcome, contact=open_contact,
                                                      narrative="Het open gesprek hielp"))
    return outcome


def pages_showing_contacts(contact, dossier, advisor, cabinet, outcome):
    return [
        reverse("home"),
        reverse("monitoring:contacts"),
        reverse("strategy:dossier", args=[dossier.pk]),
        reverse("actors:person", args=[advisor.pk]),
        reverse("actors:organisation", args=[cabinet.pk]),
        reverse("monitoring:outcome", args=[outcome.pk]),
        reverse("admin:monitoring_contact_changelist"),
        reverse("admin:monitoring_outcome_change", args=[outcome.pk]),
    ]


def test_every_page_needs_a_login(client, dossier):
    for url in [reverse("home"), reverse("monitoring:contacts"),
                reverse("strategy:dossier", args=[dossier.pk])]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_login_page_itself_is_open(client):
    assert client.get(reverse("login")).status_code == 200


@pytest.mark.parametrize("who", ["bob", "mia", "victor"])
def test_confidential_contact_is_hidden_from_others_everywhere(
    request, client, who, confidential_contact, dossier, advisor, cabinet, linked_outcome
):
    user = request.getfixturevalue(who)
    client.force_login(user)
    for url in pages_showing_contacts(confidential_contact, dossier, advisor, cabinet,
                                      linked_outcome):
        response = client.get(url)
        if response.status_code in (302, 403):  # e.g. the viewer has no admin site at all
            continue
        assert response.status_code == 200, url
        assert SECRET not in response.content.decode(), f"{who} sees the secret on {url}"
        assert "Het geheime gesprek hielp" not in response.content.decode(), url
    detail = client.get(reverse("monitoring:contact", args=[confidential_contact.pk]))
    assert detail.status_code == 404
    admin_change = client.get(
        reverse("admin:monitoring_contact_change", args=[confidential_contact.pk]))
    assert admin_change.status_code in (302, 403) or SECRET not in admin_change.content.decode()
    for url in (
        reverse("admin:monitoring_contact_history", args=[confidential_contact.pk]),
        reverse("admin:monitoring_contact_simple_history",
                args=[confidential_contact.pk, confidential_contact.history.first().history_id]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        assert SECRET not in response.content.decode(), url
    assert not Contact.objects.visible_to(user).filter(pk=confidential_contact.pk).exists()


@pytest.mark.parametrize("who", ["alice", "carol"])
def test_participants_and_administrators_see_the_confidential_contact(
    request, client, who, confidential_contact, dossier, linked_outcome
):
    client.force_login(request.getfixturevalue(who))
    assert SECRET in client.get(reverse("monitoring:contacts")).content.decode()
    assert SECRET in client.get(reverse("strategy:dossier", args=[dossier.pk])).content.decode()
    detail = client.get(reverse("monitoring:contact", args=[confidential_contact.pk]))
    assert detail.status_code == 200
    outcome_page = client.get(reverse("monitoring:outcome", args=[linked_outcome.pk]))
    assert "Het geheime gesprek hielp" in outcome_page.content.decode()


def test_open_contacts_are_shared_with_every_colleague(client, bob, open_contact):
    client.force_login(bob)
    response = client.get(reverse("monitoring:contact", args=[open_contact.pk]))
    assert response.status_code == 200
    assert "Telefoon over hervestigingsquota" in response.content.decode()


def test_viewer_cannot_log_or_edit(client, victor, open_contact, dossier):
    client.force_login(victor)
    assert client.get(reverse("monitoring:contact_create")).status_code == 403
    response = client.post(reverse("monitoring:contact_edit", args=[open_contact.pk]),
                           {"summary": "Overschreven"})
    assert response.status_code == 403
    open_contact.refresh_from_db()
    assert open_contact.summary == "Telefoon over hervestigingsquota"
    assert client.get(reverse("admin:index")).status_code == 302


def test_policy_officer_may_not_change_the_strategy_in_admin(client, bob, dossier):
    client.force_login(bob)
    url = reverse("admin:strategy_dossier_change", args=[dossier.pk])
    assert client.get(url).status_code == 200  # may read
    client.post(url, {"theme": dossier.theme_id, "code": "x", "name": "Gewijzigd"})
    dossier.refresh_from_db()
    assert dossier.name == "Hervestiging"


def test_me_officer_may_change_the_strategy_in_admin(client, mia, dossier):
    client.force_login(mia)
    url = reverse("admin:strategy_dossier_change", args=[dossier.pk])
    response = client.post(url, {"theme": dossier.theme_id, "code": "hervestiging",
                                 "name": "Hervestiging (nieuw)", "description": "",
                                 "source_reference": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    dossier.refresh_from_db()
    assert dossier.name == "Hervestiging (nieuw)"
    assert dossier.updated_by == mia


def test_contact_choices_in_admin_hide_confidential_contacts(client, mia, linked_outcome):
    client.force_login(mia)
    page = client.get(reverse("admin:monitoring_progressmarkerobservation_add")).content.decode()
    assert SECRET not in page
    assert "Telefoon over hervestigingsquota" in page


def test_real_login_with_password(client, alice):
    response = client.post(reverse("login"), {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200
