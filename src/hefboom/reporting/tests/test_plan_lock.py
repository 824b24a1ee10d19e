"""Dossier plans, their objectives and steps join the period lock through
`reporting.locks.register_scope`: a plan whose period overlaps an approved year is refused."""

import datetime as dt

import pytest
from django.db import transaction

from hefboom.core.actions import save_record
from hefboom.plans.models import DossierPlan, PlanObjective, PlanStep
from hefboom.reporting.locks import PeriodLocked
from hefboom.reporting.periods import approve_period, submit_period, unlock_period
from hefboom.strategy.models import Service


@pytest.fixture
def policy(db):
    return Service.objects.get(code="policy")


def plan(dossier, start, end):
    return DossierPlan(dossier=dossier, period_start=start, period_end=end,
                       problem_analysis="Te weinig hervestigingsplaatsen.")


def test_a_plan_overlapping_an_approved_year_is_refused(alice, mia, programme, dossier):
    submit_period(alice, programme, 2023)
    approve_period(mia, programme, 2023)

    with pytest.raises(PeriodLocked, match="2023"):
        save_record(plan(dossier, dt.date(2023, 7, 1), dt.date(2024, 6, 30)), alice)
    assert not DossierPlan.objects.exists()

    save_record(plan(dossier, dt.date(2024, 1, 1), dt.date(2024, 12, 31)), alice)
    assert DossierPlan.objects.count() == 1


def test_objectives_and_steps_of_a_locked_plan_are_refused_until_unlocked(
        alice, mia, programme, dossier, policy):
    kept = save_record(plan(dossier, dt.date(2023, 1, 1), dt.date(2023, 12, 31)), alice)
    step = save_record(PlanStep(plan=kept, title="Inputpaper", responsible_service=policy), alice)
    submit_period(alice, programme, 2023)
    approve_period(mia, programme, 2023)

    with pytest.raises(PeriodLocked):
        save_record(PlanObjective(plan=kept, service=policy, objectives="Lobby"), alice)
    step.title = "Inputpaper en hoorzitting"
    with pytest.raises(PeriodLocked):
        save_record(step, alice)
    with pytest.raises(PeriodLocked), transaction.atomic():
        step.delete()  # a step is really deleted: the pre_delete receiver holds too
    assert PlanStep.objects.get(pk=step.pk).title == "Inputpaper"

    unlock_period(mia, programme, 2023, reason="Correctie plan")
    save_record(step, alice)
    assert PlanStep.objects.get(pk=step.pk).title == "Inputpaper en hoorzitting"
