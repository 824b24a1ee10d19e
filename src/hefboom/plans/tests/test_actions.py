"""Writes to plans: refusals (no responsible service, overlapping periods, locked years, edit
conflicts, records the user may not see), copying to the next period, linking work."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from hefboom.core.actions import EditConflict
from hefboom.plans import actions
from hefboom.plans.models import DossierPlan, PlanObjective, PlanStatus, PlanStep, StepStatus
from hefboom.reporting.locks import PeriodLocked
from hefboom.reporting.periods import approve_period, submit_period
from hefboom.strategy.models import Dossier

from .conftest import activity, contact, output

pytestmark = pytest.mark.django_db


def approve(mia, alice, programme, year):
    submit_period(alice, programme, year)
    return approve_period(mia, programme, year)


# Refusals

def test_a_step_without_a_responsible_service_is_refused_on_that_field(alice, plan):
    with pytest.raises(ValidationError) as refused:
        actions.save_step(PlanStep(plan=plan, title="Persbericht"), alice)
    assert "responsible_service" in refused.value.error_dict
    assert "service responsible" in str(refused.value.error_dict["responsible_service"][0])
    assert not PlanStep.objects.exists()


def test_a_plan_overlapping_another_plan_of_the_dossier_is_refused(alice, plan, dossier):
    with pytest.raises(ValidationError, match="already has a plan"):
        actions.save_plan(DossierPlan(dossier=dossier, period_start=dt.date(2023, 7, 1),
                                      period_end=dt.date(2024, 6, 30)), alice)
    assert DossierPlan.objects.count() == 1


def test_a_plan_in_an_approved_year_cannot_be_changed_nor_its_steps(mia, alice, plan, step,
                                                                     programme, services):
    approve(mia, alice, programme, 2023)
    plan.lobby_goals = "Iets anders"
    with pytest.raises(PeriodLocked, match="2023"):
        actions.save_plan(plan, alice)
    with pytest.raises(PeriodLocked):
        actions.save_step(PlanStep(plan=plan, title="Nieuw", responsible_service=services["policy"]),
                          alice)
    with pytest.raises(PeriodLocked):
        actions.save_objective(PlanObjective(plan=plan, service=services["movement"],
                                             objectives="Mobiliseren"), alice)
    with pytest.raises(PeriodLocked):
        actions.delete_step(step, alice)
    plan.refresh_from_db()
    assert plan.lobby_goals == "Een quotum van 1.500 plaatsen."
    assert plan.steps.count() == 1 and not plan.objectives.exists()


def test_copying_a_plan_into_an_approved_year_is_refused_and_leaves_nothing(
        mia, alice, plan, step, programme):
    approve(mia, alice, programme, 2024)
    with pytest.raises(PeriodLocked, match="2024"):
        actions.copy_plan(plan, alice)
    assert DossierPlan.objects.count() == 1 and PlanStep.objects.count() == 1


def test_an_edit_based_on_an_older_version_is_refused(alice, bob, plan):
    seen = plan.version
    plan.lobby_goals = "Bob's doelen"
    actions.save_plan(plan, bob, expected_version=seen)
    stale = DossierPlan.objects.get(pk=plan.pk)
    stale.lobby_goals = "Alice's doelen"
    with pytest.raises(EditConflict) as conflict:
        actions.save_plan(stale, alice, expected_version=seen)
    assert conflict.value.editors == ["Bob"]
    plan.refresh_from_db()
    assert plan.lobby_goals == "Bob's doelen"


def test_the_responsible_service_is_not_also_a_supporting_service(alice, plan, services):
    made = actions.save_step(
        PlanStep(plan=plan, title="Nota", responsible_service=services["policy"]), alice,
        m2m={"supporting_services": [services["policy"], services["movement"]]})
    assert list(made.supporting_services.all()) == [services["movement"]]


# Copying

def test_copy_makes_a_draft_for_the_next_year_with_objectives_and_planned_steps(
        alice, plan, objective, step, services, dossier, open_contact):
    actions.link_work(step, alice, contacts=[open_contact])
    step.status = StepStatus.DONE
    actions.save_step(step, alice)
    plan.status = PlanStatus.AGREED
    actions.save_plan(plan, alice)

    new = actions.copy_plan(plan, alice)

    assert (new.period_start, new.period_end) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert new.copied_from == plan and new.status == PlanStatus.DRAFT
    assert new.lobby_goals == plan.lobby_goals
    assert [(o.service, o.objectives) for o in new.objectives.all()] == [
        (services["policy"], "Quotum in de begroting")]
    copied = new.steps.get()
    assert copied.title == step.title and copied.status == StepStatus.PLANNED
    assert copied.due_date == dt.date(2024, 3, 31)
    assert list(copied.supporting_services.all()) == [services["communication"]]
    assert not copied.contacts.exists()
    assert copied.created_by == alice and copied.history.count() == 1
    # The old plan is untouched.
    assert step.contacts.get() == open_contact


def test_copy_to_chosen_dates_moves_due_dates_by_the_same_distance(alice, plan, step):
    new = actions.copy_plan(plan, alice, period_start=dt.date(2025, 1, 1),
                            period_end=dt.date(2025, 6, 30))
    assert new.period_end == dt.date(2025, 6, 30)
    assert new.steps.get().due_date == dt.date(2025, 3, 31)


def test_the_next_period_has_the_same_length():
    half = DossierPlan(period_start=dt.date(2024, 1, 1), period_end=dt.date(2024, 6, 30))
    assert actions.next_period(half) == (dt.date(2024, 7, 1), dt.date(2024, 12, 31))
    leap = DossierPlan(period_start=dt.date(2024, 1, 1), period_end=dt.date(2024, 12, 31))
    assert actions.next_period(leap) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    odd = DossierPlan(period_start=dt.date(2024, 3, 15), period_end=dt.date(2024, 4, 14))
    assert actions.next_period(odd) == (dt.date(2024, 4, 15), dt.date(2024, 5, 15))


def test_copy_onto_an_existing_plan_period_is_refused(alice, plan, dossier):
    actions.save_plan(DossierPlan(dossier=dossier, period_start=dt.date(2024, 1, 1),
                                  period_end=dt.date(2024, 12, 31)), alice)
    with pytest.raises(ValidationError, match="already has a plan"):
        actions.copy_plan(plan, alice)
    assert DossierPlan.objects.count() == 2


def test_a_copy_that_fails_half_way_leaves_nothing_behind(alice, plan, objective, step, services,
                                                          monkeypatch):
    actions.save_step(PlanStep(plan=plan, order=20, title="Tweede stap",
                               responsible_service=services["movement"]), alice)
    real = actions.save_step
    calls = []

    def fail_on_second(step, user, **kwargs):
        calls.append(step)
        if len(calls) == 2:
            raise ValidationError("Opzettelijk mislukt")
        return real(step, user, **kwargs)

    monkeypatch.setattr(actions, "save_step", fail_on_second)
    with pytest.raises(ValidationError):
        actions.copy_plan(plan, alice)
    assert DossierPlan.objects.count() == 1
    assert PlanObjective.objects.count() == 1 and PlanStep.objects.count() == 2


# Linking work

def test_linking_work_adds_records_and_writes_one_version(alice, step, dossier, open_contact):
    paper = output(alice, dossier, dt.date(2023, 5, 2), "Inputnota")
    action = activity(alice, dossier, dt.date(2023, 6, 1), "Rondetafel")
    before = step.history.count()
    actions.link_work(step, alice, contacts=[open_contact], outputs=[paper])
    actions.link_work(step, alice, activities=[action])
    assert list(step.contacts.all()) == [open_contact]
    assert list(step.outputs.all()) == [paper] and list(step.activities.all()) == [action]
    assert step.history.count() == before + 2
    actions.unlink_work(step, alice, outputs=[paper])
    assert not step.outputs.exists() and step.contacts.exists()


def test_a_confidential_contact_the_user_may_not_see_cannot_be_linked_or_unlinked(
        alice, bob, step, confidential_contact):
    with pytest.raises(ValidationError) as refused:
        actions.link_work(step, bob, contacts=[confidential_contact])
    assert "contacts" in refused.value.error_dict
    assert not step.contacts.exists()
    actions.link_work(step, alice, contacts=[confidential_contact])
    with pytest.raises(ValidationError):
        actions.unlink_work(step, bob, contacts=[confidential_contact])
    assert step.contacts.get() == confidential_contact


def test_bob_linking_a_contact_keeps_the_confidential_one_he_cannot_see(
        alice, bob, step, dossier, confidential_contact):
    actions.link_work(step, alice, contacts=[confidential_contact])
    his = contact(bob, dossier, dt.date(2023, 5, 5), "Bobs overleg")
    actions.link_work(step, bob, contacts=[his])
    assert set(step.contacts.all()) == {confidential_contact, his}


def test_records_of_another_dossier_cannot_be_linked(alice, step, theme):
    from hefboom.core.actions import save_record

    other = save_record(Dossier(theme=theme, code="pushbacks", name="Pushbacks"), None)
    elsewhere = output(alice, other, dt.date(2023, 5, 2), "Rapport pushbacks")
    with pytest.raises(ValidationError, match="Hervestiging"):
        actions.link_work(step, alice, outputs=[elsewhere])
    assert not step.outputs.exists()


def test_removing_a_step_keeps_it_in_the_history(alice, step):
    pk = step.pk
    actions.delete_step(step, alice)
    assert not PlanStep.objects.exists()
    removed = PlanStep.history.filter(id=pk, history_type="-").get()
    assert removed.history_user == alice

