"""The demo's integrated approach (issue 10): services and partners on the records, memberships,
dossier plans for the pushback and loss-and-damage dossiers, political moments, and the
steering page of the migration theme."""

import datetime as dt

import pytest
from django.urls import reverse

from hefboom.accounts.models import User
from hefboom.actors.models import Membership, MembershipKind
from hefboom.demo import case
from hefboom.monitoring.models import Activity, Contact, ContributionLink, Outcome, Output
from hefboom.plans.models import DossierPlan, Moment, PlanStep
from hefboom.plans.steering import steering_report
from hefboom.strategy.models import Theme


@pytest.fixture
def demo(demo_module, db):
    assert demo_module.loaded
    return demo_module


def test_every_contact_activity_and_output_names_its_services(demo):
    for model in (Contact, Activity, Output):
        for record in model.objects.prefetch_related("services"):
            assert record.services.exists(), (model.__name__, record)
            assert "diensten: §" in record.source_reference, record


def test_partners_are_members_or_coalitions_from_the_report(demo):
    assert Membership.objects.filter(organisation__name="Klimaatcoalitie",
                                     kind=MembershipKind.COALITION).exists()
    members = set(Membership.objects.filter(kind=MembershipKind.MEMBER)
                  .values_list("organisation__name", flat=True))
    names = {o["key"]: o["name"] for o in case.ORGANISATIONS}
    assert members == {names[m["organisation"]] for m in case.MEMBERSHIPS if m["kind"] == "member"}
    assert {"Vluchtelingenwerk Vlaanderen", "Amnesty International Vlaanderen"} <= members
    for membership in Membership.objects.all():
        assert membership.source_reference.startswith("Evaluatierapport §")
    study = Output.objects.get(title__startswith="VUB-studie")
    assert {o.name for o in study.partners.all()} >= {"Werkgroep Arbeidsmigratie"}


def test_the_pushback_and_loss_and_damage_dossiers_have_plans_across_services(demo):
    for dossier_code in ("pushbacks", "loss-and-damage"):
        plans = DossierPlan.objects.filter(dossier__code=dossier_code)
        assert plans.exists(), dossier_code
        for plan in plans:
            steps = plan.steps.all()
            assert 4 <= steps.count() <= 6, plan
            assert steps.values("responsible_service").distinct().count() >= 2, plan
            assert plan.objectives.count() >= 3, plan
            assert plan.change_outcomes.exists() and plan.progress_markers.exists(), plan
    kenya = PlanStep.objects.get(title="Keniaanse activisten naar België halen")
    assert kenya.responsible_service.code == "international"
    assert {s.code for s in kenya.supporting_services.all()} == {"policy", "movement",
                                                                  "communication"}
    assert kenya.activities.filter(title__startswith="Keniaanse").exists()


def test_plans_lie_in_years_the_demo_leaves_open(demo):
    from hefboom.reporting.models import ReportingPeriod

    approved = set(ReportingPeriod.objects.filter(status="approved").values_list("year", flat=True))
    for plan in DossierPlan.objects.all():
        assert not set(range(plan.period_start.year, plan.period_end.year + 1)) & approved


def test_an_outcome_follows_from_work_of_several_services(demo):
    """The synergy the issue asks to show: an outcome whose contributing records together
    carry two services or more."""
    opening = Outcome.objects.get(title="Opening rond loss and damage")
    services = set()
    for link in ContributionLink.objects.filter(outcome=opening):
        record = link.contact or link.activity or link.output
        if record is not None:
            services |= set(record.services.values_list("code", flat=True))
    assert {"policy", "international", "movement", "communication"} <= services


def test_staff_logins_carry_their_service(demo):
    assert User.objects.get(username="communication").service.code == "communication"
    assert User.objects.get(username="policy-migration").service.code == "policy"


def test_moments_lie_behind_and_ahead(demo):
    assert Moment.objects.count() == len(case.MOMENTS)
    assert Moment.objects.filter(date__lt=dt.date(2025, 1, 1)).exists()
    assert Moment.objects.filter(date__gt=dt.date(2026, 11, 27)).exists()


def test_the_flagged_petition_step_shows_the_movement_service_missing(demo):
    """The records of the petition name communication and policy, not the movement service
    that was responsible (§4.3), so the steering page flags it."""
    director = User.objects.get(username="director")
    migration = Theme.objects.get(name="Migratie")
    report = steering_report(director, migration, today=dt.date(2023, 12, 1))
    pushbacks = next(row for row in report.plans if row.dossier.code == "pushbacks")
    assert pushbacks.plan.period_start == dt.date(2023, 1, 1)
    assert [s.title for s in pushbacks.flagged] == ["Petitie tegen de Tunesiëdeal"]


def test_the_steering_page_of_the_migration_theme_shows_the_plan(demo, client):
    client.force_login(User.objects.get(username="director"))
    migration = Theme.objects.get(name="Migratie")
    html = client.get(reverse("plans:steering", args=[migration.pk])).content.decode()
    plan = DossierPlan.objects.filter(dossier__code="pushbacks").order_by("-period_start").first()
    assert plan.get_absolute_url() in html
    assert "Pushbacks" in html


def test_the_synergy_view_shows_the_planned_dossiers_outcomes_by_default(demo, client):
    """The demo's five-year programme is shown whole: the loss-and-damage outcome reached with
    all four services (2022) and the pushback outcomes are in the default view."""
    client.force_login(User.objects.get(username="director"))
    html = client.get(reverse("synergy:overview")).content.decode()
    opening = Outcome.objects.get(title="Opening rond loss and damage")
    assert opening.get_absolute_url() in html
    pushbacks = Outcome.objects.filter(dossiers__code="pushbacks")
    assert pushbacks.exists()
    assert all(outcome.get_absolute_url() in html for outcome in pushbacks)
