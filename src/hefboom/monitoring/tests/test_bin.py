"""Deleting moves a record to the bin: gone from every view, recorded, restorable by M&E."""

import datetime as dt

import pytest
from django.urls import reverse

from hefboom.monitoring import actions
from hefboom.monitoring.models import Contact, ContributionLink, Outcome


@pytest.fixture
def outcome(alice, dossier, open_contact):
    outcome = actions.record_outcome(
        alice, Outcome(title="Quotum verhoogd", description="…", date=dt.date(2023, 7, 31),
                       change_type="policy_content"), dossiers=[dossier])
    actions.link_contribution(alice, ContributionLink(outcome=outcome, contact=open_contact,
                                                      narrative="Het telefoontje hielp"))
    return outcome


def test_deleted_contact_disappears_everywhere_and_is_recorded(client, alice, bob, open_contact,
                                                               dossier, outcome):
    client.force_login(bob)
    response = client.post(reverse("monitoring:delete", args=["contact", open_contact.pk]))
    assert response.status_code == 302
    assert "moved to the bin" in client.get(response["Location"]).content.decode()
    assert not Contact.objects.filter(pk=open_contact.pk).exists()
    stored = Contact.all_objects.get(pk=open_contact.pk)
    assert stored.deleted_by == bob and stored.is_deleted
    assert stored.history.first().history_user == bob
    assert stored.history.first().deleted_at is not None

    for url in (reverse("monitoring:contacts"), reverse("strategy:dossier", args=[dossier.pk]),
                reverse("monitoring:outcome", args=[outcome.pk])):
        page = client.get(url).content.decode()
        assert "Telefoon over hervestigingsquota" not in page, url
        assert "Het telefoontje hielp" not in page, url
    assert client.get(open_contact.get_absolute_url()).status_code == 404


def test_policy_officer_cannot_restore_but_me_officer_can(client, bob, mia, open_contact):
    from hefboom.core.actions import delete_record

    delete_record(open_contact, bob)
    restore = reverse("monitoring:restore", args=["contact", open_contact.pk])
    client.force_login(bob)
    assert client.post(restore).status_code == 403
    assert not Contact.objects.filter(pk=open_contact.pk).exists()

    client.force_login(mia)
    bin_page = client.get(reverse("monitoring:bin")).content.decode()
    assert "Telefoon over hervestigingsquota" in bin_page
    assert client.post(restore).status_code == 302
    restored = Contact.objects.get(pk=open_contact.pk)
    assert not restored.is_deleted and restored.updated_by == mia
    assert restored.history.count() == 3  # created, deleted, restored


def test_bin_respects_confidentiality(client, alice, mia, confidential_contact):
    from hefboom.core.actions import delete_record

    delete_record(confidential_contact, alice)
    client.force_login(mia)
    assert "Vertrouwelijk overleg" not in client.get(reverse("monitoring:bin")).content.decode()
    restore = reverse("monitoring:restore", args=["contact", confidential_contact.pk])
    assert client.post(restore).status_code == 404


def test_viewer_cannot_delete(client, victor, open_contact):
    client.force_login(victor)
    assert client.post(reverse("monitoring:delete", args=["contact", open_contact.pk])).status_code == 403
    assert Contact.objects.filter(pk=open_contact.pk).exists()


def test_deleting_in_the_admin_also_goes_to_the_bin(client, mia, open_contact):
    client.force_login(mia)
    url = reverse("admin:monitoring_contact_delete", args=[open_contact.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Contact.objects.filter(pk=open_contact.pk).exists()
    assert Contact.all_objects.get(pk=open_contact.pk).deleted_by == mia


def test_counts_leave_out_what_is_in_the_bin(client, alice, mia, dossier, outcome, open_contact):
    from hefboom.core.actions import delete_record

    client.force_login(mia)
    dossiers = client.get(reverse("strategy:dossiers"))
    listed = [d for theme in dossiers.context["themes"] for d in theme.dossiers.all()]
    assert [d.outcome_count for d in listed] == [1]
    delete_record(outcome, alice)
    dossiers = client.get(reverse("strategy:dossiers"))
    listed = [d for theme in dossiers.context["themes"] for d in theme.dossiers.all()]
    assert [d.outcome_count for d in listed] == [0]
    home = client.get(reverse("home"))
    assert sum(count for _label, count in home.context["substantiation_counts"]) == 0


def test_a_binned_contact_no_longer_makes_a_dossier_mine(client, alice, bob, dossier, theme,
                                                         open_contact):
    from hefboom.core.actions import delete_record
    from hefboom.core.actions import save_record as save
    from hefboom.strategy.models import Dossier

    save(Dossier(theme=theme, code="aaa", name="Aaa-dossier"), None)
    client.force_login(alice)
    names = [r["text"] for r in client.get(reverse("strategy:dossier_options")).json()["results"]]
    assert names[0] == "Hervestiging"
    delete_record(open_contact, alice)
    names = [r["text"] for r in client.get(reverse("strategy:dossier_options")).json()["results"]]
    assert names[0] == "Aaa-dossier"
