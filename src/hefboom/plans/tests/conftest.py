"""A 2023 plan for the dossier Hervestiging: the policy service leads a lobby step that the
communication service supports, with an objective for the policy service. The contacts of the
shared fixtures (one open, one confidential to Alice) are dated in 2023. All names invented."""

import datetime as dt

import pytest

from hefboom.core.actions import save_record
from hefboom.monitoring import actions as monitoring
from hefboom.monitoring.models import Activity, Channel, Contact, ContributionLink, Outcome, Output
from hefboom.plans import actions
from hefboom.plans.models import DossierPlan, PlanObjective, PlanStep
from hefboom.strategy.models import ensure_default_services


@pytest.fixture
def services(db):
    """The four services created on install, by code (made again after a transactional test
    emptied the database)."""
    return ensure_default_services()


@pytest.fixture
def plan(alice, dossier):
    return actions.save_plan(
        DossierPlan(dossier=dossier, period_start=dt.date(2023, 1, 1),
                    period_end=dt.date(2023, 12, 31), problem_analysis="Te weinig hervestiging.",
                    lobby_goals="Een quotum van 1.500 plaatsen."),
        alice)


@pytest.fixture
def objective(alice, plan, services):
    return actions.save_objective(
        PlanObjective(plan=plan, service=services["policy"], objectives="Quotum in de begroting",
                      expected_results="Een amendement"), alice)


@pytest.fixture
def step(alice, plan, services):
    return actions.save_step(
        PlanStep(plan=plan, order=10, title="Gesprek met het kabinet",
                 responsible_service=services["policy"], due_date=dt.date(2023, 3, 31)),
        alice, m2m={"supporting_services": [services["communication"]]})


def with_services(user, record, services):
    """Name the services that took part in a contact, activity or output."""
    return save_record(record, user, m2m={"services": list(services)})


def contact(user, dossier, day, summary, *, services=(), participants=None, **extra):
    made = monitoring.record_contact(
        user, Contact(date=day, channel=Channel.MEETING, summary=summary, **extra),
        our_participants=participants or [user], dossiers=[dossier])
    return with_services(user, made, services) if services else made


def activity(user, dossier, day, title, *, services=()):
    made = monitoring.record_activity(user, Activity(title=title, type="event", date=day),
                                      dossiers=[dossier])
    return with_services(user, made, services) if services else made


def output(user, dossier, day, title, *, services=()):
    made = monitoring.record_output(user, Output(title=title, type="input_paper", date=day),
                                    dossiers=[dossier])
    return with_services(user, made, services) if services else made


def outcome_from(user, dossier, day, title, **source):
    """An outcome with one contribution link from `source` (contact=, output= or activity=)."""
    made = monitoring.record_outcome(
        user, Outcome(title=title, description=title, date=day, change_type="policy_content"),
        dossiers=[dossier])
    monitoring.link_contribution(user, ContributionLink(outcome=made, narrative="Droeg bij.",
                                                        **source))
    return made
