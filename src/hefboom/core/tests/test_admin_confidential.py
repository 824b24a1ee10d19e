"""The admin names related records by text in a few places: a version's form and changes, and
what a deletion takes along. A confidential contact stays hidden there from Bob (a policy
officer who was not at the meeting); Alice (who was) and Carol (administrator) still see it.
The permission walk (tests/test_access_walk.py) found these three."""

import datetime as dt

import pytest
from django.urls import reverse

from hefboom.core.actions import save_record
from hefboom.monitoring import actions
from hefboom.monitoring.models import ContributionLink, FollowUp, Outcome
from hefboom.plans import actions as plans
from hefboom.plans.models import DossierPlan, PlanStep
from hefboom.strategy.models import ensure_default_services

pytestmark = pytest.mark.django_db

SECRET = "Vertrouwelijk overleg"  # conftest's confidential meeting


def page(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.fixture
def outcome(alice, dossier, confidential_contact):
    made = actions.record_outcome(
        alice, Outcome(title="Quotum beslist", description="De regering besliste",
                       date=dt.date(2023, 7, 31), change_type="policy_content"),
        dossiers=[dossier])
    actions.link_contribution(alice, ContributionLink(outcome=made, contact=confidential_contact,
                                                      narrative="Hielp"))
    return made


def test_a_deletion_does_not_name_a_confidential_contact_it_takes_along(client, alice, bob,
                                                                        outcome):
    url = reverse("admin:monitoring_outcome_delete", args=[outcome.pk])
    shown = page(client, bob, url)
    assert SECRET not in shown
    assert "a confidential contact" in shown  # the link is still listed, without its name
    assert SECRET in page(client, alice, url)


def test_a_versions_changes_do_not_name_a_confidential_contact(client, alice, bob, carol,
                                                               dossier, confidential_contact,
                                                               open_contact):
    plan = plans.save_plan(DossierPlan(dossier=dossier, period_start=dt.date(2023, 1, 1),
                                       period_end=dt.date(2023, 12, 31)), alice)
    step = plans.save_step(PlanStep(plan=plan, order=1, title="Gesprek",
                                    responsible_service=ensure_default_services()["policy"]),
                           alice)
    save_record(step, alice, m2m={"contacts": [confidential_contact, open_contact]})
    url = reverse("admin:plans_planstep_history", args=[step.pk])
    shown = page(client, bob, url)
    assert SECRET not in shown
    assert "Telefoon over hervestigingsquota" in shown  # the open call is named
    assert SECRET in page(client, carol, url)


def test_a_follow_ups_version_form_offers_no_confidential_contact(client, alice, bob,
                                                                   confidential_contact,
                                                                   open_contact):
    follow_up = save_record(FollowUp(contact=open_contact, description="Nota sturen",
                                     owner=alice), alice)
    version = follow_up.history.latest("history_id")
    url = reverse("admin:monitoring_followup_simple_history", args=[follow_up.pk,
                                                                    version.history_id])
    assert SECRET not in page(client, bob, url)
    assert SECRET in page(client, alice, url)
