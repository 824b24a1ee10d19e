"""The work per step, its outcomes and flags: counted as far as the user may see, in a fixed
number of queries."""

import datetime as dt

import pytest

from hefboom.plans import actions
from hefboom.plans.models import DossierPlan, PlanStep, StepStatus
from hefboom.plans.selectors import (
    current_plan,
    current_plans,
    plan_overview,
    plans_with_counts,
)

from .conftest import activity, contact, outcome_from, output

pytestmark = pytest.mark.django_db


def row(overview, step):
    return next(item for item in overview if item.step.pk == step.pk)


def test_a_step_without_records_of_its_responsible_service_is_flagged(alice, step, dossier,
                                                                      services):
    assert row(plan_overview(step.plan, alice), step).flagged
    by_communication = output(alice, dossier, dt.date(2023, 5, 2), "Persbericht",
                              services=[services["communication"]])
    actions.link_work(step, alice, outputs=[by_communication])
    summary = row(plan_overview(step.plan, alice), step)
    assert summary.outputs == 1 and summary.services == [services["communication"]]
    assert summary.flagged
    by_policy = activity(alice, dossier, dt.date(2023, 6, 1), "Rondetafel",
                         services=[services["policy"]])
    actions.link_work(step, alice, activities=[by_policy])
    summary = row(plan_overview(step.plan, alice), step)
    assert not summary.flagged
    assert summary.services == [services["policy"], services["communication"]]


def test_a_dropped_step_is_not_flagged(alice, step):
    step.status = StepStatus.DROPPED
    actions.save_step(step, alice)
    assert not row(plan_overview(step.plan, alice), step).flagged
    assert plans_with_counts(alice).get().flagged_count == 0


def test_the_matrix_row_marks_the_responsible_and_supporting_services(alice, step, services):
    summary = row(plan_overview(step.plan, alice), step)
    roles = dict(zip([s.code for s in services.values()], summary.roles, strict=True))
    assert roles == {"policy": "R", "communication": "S", "movement": "", "international": ""}


def test_the_outcomes_a_step_led_to_come_from_its_records_contribution_links(
        alice, step, dossier, open_contact):
    paper = output(alice, dossier, dt.date(2023, 5, 2), "Inputnota")
    outcome_from(alice, dossier, dt.date(2023, 9, 1), "Quotum verhoogd", output=paper)
    outcome_from(alice, dossier, dt.date(2023, 8, 1), "Minister citeert nota", contact=open_contact)
    outcome_from(alice, dossier, dt.date(2023, 10, 1), "Niet van deze stap",
                 activity=activity(alice, dossier, dt.date(2023, 7, 1), "Los"))
    actions.link_work(step, alice, contacts=[open_contact], outputs=[paper])
    summary = row(plan_overview(step.plan, alice), step)
    assert [o.title for o in summary.outcomes] == ["Minister citeert nota", "Quotum verhoogd"]


def test_a_confidential_contact_is_neither_counted_nor_clears_the_flag_for_bob(
        alice, bob, step, dossier, services):
    secret = contact(alice, dossier, dt.date(2023, 4, 2), "Vertrouwelijk overleg",
                     services=[services["policy"]], confidentiality="confidential")
    outcome_from(alice, dossier, dt.date(2023, 9, 1), "Geheime doorbraak", contact=secret)
    actions.link_work(step, alice, contacts=[secret])

    for_alice = row(plan_overview(step.plan, alice), step)
    assert (for_alice.contacts, for_alice.flagged) == (1, False)
    assert [o.title for o in for_alice.outcomes] == ["Geheime doorbraak"]

    for_bob = row(plan_overview(step.plan, bob), step)
    assert (for_bob.contacts, for_bob.flagged, for_bob.services, for_bob.outcomes) == (
        0, True, [], [])
    assert plans_with_counts(bob).get().flagged_count == 1
    assert plans_with_counts(alice).get().flagged_count == 0


def test_records_in_the_bin_do_not_count(alice, mia, step, dossier, services):
    from hefboom.core.actions import delete_record

    paper = output(alice, dossier, dt.date(2023, 5, 2), "Inputnota", services=[services["policy"]])
    actions.link_work(step, alice, outputs=[paper])
    delete_record(paper, alice)
    summary = row(plan_overview(step.plan, alice), step)
    assert (summary.outputs, summary.flagged) == (0, True)


def test_the_counts_per_plan_agree_with_the_overview(alice, plan, step, dossier, services):
    done = actions.save_step(PlanStep(plan=plan, order=20, title="Campagne",
                                      responsible_service=services["movement"],
                                      status=StepStatus.DONE), alice)
    march = activity(alice, dossier, dt.date(2023, 6, 1), "Mars", services=[services["movement"]])
    actions.link_work(done, alice, activities=[march])
    counted = plans_with_counts(alice).get()
    overview = plan_overview(plan, alice)
    assert (counted.step_count, counted.done_count) == (2, 1)
    assert counted.flagged_count == sum(item.flagged for item in overview) == 1


def grow(user, plan, dossier, services, n):
    """`n` more steps, each with a contact, activity and output that led to an outcome."""
    for i in range(n):
        step = actions.save_step(PlanStep(plan=plan, order=100 + i, title=f"Stap {i}",
                                          responsible_service=services["policy"]), user,
                                 m2m={"supporting_services": [services["movement"]]})
        made = contact(user, dossier, dt.date(2023, 2, 1 + i), f"Overleg {i}",
                       services=[services["policy"]])
        paper = output(user, dossier, dt.date(2023, 3, 1 + i), f"Nota {i}",
                       services=[services["communication"]])
        action = activity(user, dossier, dt.date(2023, 4, 1 + i), f"Actie {i}")
        outcome_from(user, dossier, dt.date(2023, 5, 1 + i), f"Uitkomst {i}", contact=made)
        actions.link_work(step, user, contacts=[made], outputs=[paper], activities=[action])


def test_the_overview_takes_the_same_number_of_queries_whatever_the_plan_holds(
        alice, plan, step, dossier, services, django_assert_num_queries):
    grow(alice, plan, dossier, services, 1)
    with django_assert_num_queries(10):
        assert len(plan_overview(plan, alice)) == 2
    grow(alice, plan, dossier, services, 4)
    with django_assert_num_queries(10):
        overview = plan_overview(plan, alice)
    assert len(overview) == 6 and sum(item.flagged for item in overview) == 1


def test_the_current_plan_covers_the_day_else_it_is_the_one_that_starts_last(
        alice, plan, dossier, theme):
    from hefboom.core.actions import save_record
    from hefboom.strategy.models import Dossier

    later = actions.save_plan(DossierPlan(dossier=dossier, period_start=dt.date(2024, 1, 1),
                                          period_end=dt.date(2024, 12, 31)), alice)
    other = save_record(Dossier(theme=theme, code="pushbacks", name="Pushbacks"), None)
    assert current_plans([dossier, other], dt.date(2023, 6, 1)) == {dossier.pk: plan}
    assert current_plans(Dossier.objects.all(), dt.date(2024, 2, 1)) == {dossier.pk: later}
    # None covers the day: the one that starts last, before or after it.
    assert current_plans([dossier], dt.date(2026, 5, 1)) == {dossier.pk: later}
    assert current_plans([dossier], dt.date(2020, 5, 1)) == {dossier.pk: later}
    assert current_plans([other], dt.date(2024, 2, 1)) == {}
    assert current_plan([], dt.date(2024, 2, 1)) is None
