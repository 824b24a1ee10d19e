"""The steering-group page of a theme: plan status with overdue and flagged steps, recent
outcomes, open follow-ups (confidential ones only for who may see them), moments and steps
ahead, in a fixed number of queries."""

import datetime as dt

import pytest
from django.urls import reverse

from hefboom.core.actions import save_record
from hefboom.monitoring import actions
from hefboom.monitoring.models import (
    Activity,
    Channel,
    Confidentiality,
    Contact,
    FollowUp,
    Outcome,
    Output,
)
from hefboom.plans import steering
from hefboom.plans.models import DossierPlan, Moment, PlanStep, StepStatus
from hefboom.strategy.models import Dossier, Service, Theme

TODAY = dt.date.today()


def days(n):
    return TODAY + dt.timedelta(days=n)


@pytest.fixture
def services(db):
    return {s.code: s for s in Service.objects.all()}


@pytest.fixture
def other_dossier(theme):
    return save_record(Dossier(theme=theme, code="pushbacks", name="Pushbacks"), None)


@pytest.fixture
def other_theme_dossier(programme):
    klimaat = save_record(Theme(programme=programme, code="klimaat", name="Klimaat"), None)
    return save_record(Dossier(theme=klimaat, code="loss-and-damage", name="Loss and damage"),
                       None)


def make_plan(user, dossier, start, end, **extra):
    return save_record(DossierPlan(dossier=dossier, period_start=start, period_end=end,
                                   **extra), user)


def make_step(user, plan, title, service, *, status=StepStatus.PLANNED, due=None, **links):
    return save_record(PlanStep(plan=plan, title=title, responsible_service=service,
                                status=status, due_date=due), user, m2m=links)


def contact_by(user, dossier, service, *, day=None, confidential=False, follow_ups=()):
    contact = actions.record_contact(
        user, Contact(date=day or days(-10), channel=Channel.MEETING, summary="Overleg",
                      confidentiality=(Confidentiality.CONFIDENTIAL if confidential
                                       else Confidentiality.NORMAL)),
        our_participants=[user], dossiers=[dossier], follow_ups=follow_ups)
    return save_record(contact, user, m2m={"services": [service]})


@pytest.fixture
def plan_case(alice, mia, dossier, other_dossier, services):
    """The resettlement plan of this year, with one step of each kind the page tells apart."""
    last_year = make_plan(mia, dossier, dt.date(TODAY.year - 1, 1, 1),
                          dt.date(TODAY.year - 1, 12, 31))
    make_step(mia, last_year, "Stap van vorig jaar", services["policy"])
    plan = make_plan(mia, dossier, dt.date(TODAY.year, 1, 1), dt.date(TODAY.year, 12, 31),
                     status="agreed")
    activity = actions.record_activity(
        mia, Activity(title="Lobbytraject", type="lobby", date=days(-20)), dossiers=[dossier])
    save_record(activity, mia, m2m={"services": [services["policy"]]})
    output = actions.record_output(
        mia, Output(title="Persbericht", type="press_release", date=days(-5)), dossiers=[dossier])
    save_record(output, mia, m2m={"services": [services["policy"]]})
    secret = contact_by(alice, dossier, services["communication"], confidential=True)
    steps = {
        "done": make_step(mia, plan, "Nota aan het kabinet", services["policy"],
                          status=StepStatus.DONE, due=days(-30), activities=[activity]),
        "overdue": make_step(mia, plan, "Hoorzitting voorbereiden", services["policy"],
                             status=StepStatus.UNDER_WAY, due=days(-3), outputs=[output]),
        # Its only output names another service than the one responsible: flagged.
        "other-service": make_step(mia, plan, "Campagne", services["communication"],
                                   due=days(40), outputs=[output]),
        # Its only work is a confidential contact of Alice's: flagged for Bob only.
        "secret": make_step(mia, plan, "Vertrouwelijk overleg", services["communication"],
                            status=StepStatus.UNDER_WAY, contacts=[secret]),
        "dropped": make_step(mia, plan, "Petitie", services["movement"],
                             status=StepStatus.DROPPED, due=days(-40)),
        "far": make_step(mia, plan, "Evaluatie", services["policy"], due=days(200),
                         activities=[activity]),
    }
    return plan, steps


def test_the_current_plan_is_the_one_covering_today_with_steps_by_status(alice, theme, plan_case):
    plan, steps = plan_case
    report = steering.steering_report(alice, theme)
    rows = {row.dossier.name: row for row in report.plans}
    assert rows["Pushbacks"].plan is None
    row = rows["Hervestiging"]
    assert row.plan == plan and row.is_current
    assert {status: count for status, _label, count in row.by_status} == {
        "planned": 2, "under_way": 2, "done": 1, "dropped": 1}
    assert row.overdue == [steps["overdue"]]


def test_a_step_is_flagged_when_no_record_names_its_responsible_service(
        alice, bob, theme, plan_case):
    _plan, steps = plan_case
    flagged_for = {
        user.username: {s.title for s in steering.steering_report(user, theme).plans[0].flagged}
        for user in (alice, bob)
    }
    assert flagged_for["alice"] == {"Campagne"}
    # Bob may not see the confidential contact, so it does not count as work for him.
    assert flagged_for["bob"] == {"Campagne", "Vertrouwelijk overleg"}


def test_a_contact_in_the_bin_does_not_count_as_work(alice, mia, theme, dossier, plan_case,
                                                       services):
    from hefboom.core.actions import delete_record

    plan, _steps = plan_case
    contact = contact_by(alice, dossier, services["policy"])
    make_step(mia, plan, "Gesprek met de administratie", services["policy"], contacts=[contact])

    def flagged():
        return {s.title for s in steering.steering_report(alice, theme).plans[0].flagged}

    assert "Gesprek met de administratie" not in flagged()
    delete_record(contact, alice)
    assert "Gesprek met de administratie" in flagged()


def test_without_a_plan_covering_today_the_latest_plan_is_shown(alice, mia, theme, dossier):
    make_plan(mia, dossier, dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    latest = make_plan(mia, dossier, dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    row = steering.steering_report(alice, theme).plans[0]
    assert row.plan == latest and not row.is_current


def outcome(user, dossier, title, day):
    return actions.record_outcome(user, Outcome(title=title, description="Wie veranderde wat",
                                                date=day, change_type="policy_content"),
                                  dossiers=[dossier])


def test_recent_outcomes_are_those_of_the_theme_in_the_chosen_months(
        alice, theme, dossier, other_dossier, other_theme_dossier):
    outcome(alice, dossier, "Quotum verhoogd", days(-20))
    outcome(alice, other_dossier, "Minister veroordeelt pushbacks", days(-100))
    outcome(alice, other_theme_dossier, "Fonds opgericht", days(-5))
    outcome(alice, dossier, "Oude verandering", days(-400))
    three = [o.title for o in steering.steering_report(alice, theme).outcomes]
    assert three == ["Quotum verhoogd"]
    six = [o.title for o in steering.steering_report(alice, theme, months=6).outcomes]
    assert six == ["Quotum verhoogd", "Minister veroordeelt pushbacks"]


def test_open_follow_ups_come_overdue_first_and_confidential_ones_only_for_who_may_see_them(
        alice, bob, theme, dossier, other_theme_dossier, services):
    policy = services["policy"]
    contact_by(alice, dossier, policy, follow_ups=[
        FollowUp(description="Later", owner=alice, due_date=days(30))])
    contact_by(alice, dossier, policy, follow_ups=[
        FollowUp(description="Zonder datum", owner=alice)])
    contact_by(alice, dossier, policy, follow_ups=[
        FollowUp(description="Te laat", owner=bob, due_date=days(-2))])
    contact_by(alice, dossier, policy, confidential=True, follow_ups=[
        FollowUp(description="Geheim", owner=alice, due_date=days(1))])
    contact_by(alice, other_theme_dossier, policy, follow_ups=[
        FollowUp(description="Klimaat", owner=alice, due_date=days(1))])
    done = contact_by(alice, dossier, policy, follow_ups=[
        FollowUp(description="Gedaan", owner=alice, due_date=days(1))])
    from hefboom.monitoring.followups import complete_follow_up

    complete_follow_up(alice, done.follow_ups.get())
    for_alice = [f.description for f in steering.steering_report(alice, theme).follow_ups]
    assert for_alice == ["Te laat", "Geheim", "Later", "Zonder datum"]
    for_bob = [f.description for f in steering.steering_report(bob, theme).follow_ups]
    assert for_bob == ["Te laat", "Later", "Zonder datum"]


def moment(user, title, day, dossiers, end=None):
    return save_record(Moment(title=title, date=day, end_date=end, kind="plenary"), user,
                       m2m={"dossiers": dossiers})


def test_moments_and_steps_ahead_are_those_of_the_next_three_months(
        alice, mia, theme, dossier, other_theme_dossier, plan_case):
    moment(mia, "Plenaire stemming", days(20), [dossier])
    moment(mia, "Begrotingsdebat", days(150), [dossier])
    moment(mia, "Vorige hoorzitting", days(-20), [dossier])
    moment(mia, "Top die nog loopt", days(-2), [dossier], end=days(3))
    moment(mia, "COP", days(10), [other_theme_dossier])
    report = steering.steering_report(alice, theme)
    assert [m.title for m in report.moments] == ["Top die nog loopt", "Plenaire stemming"]
    assert [s.title for s in report.due_steps] == ["Campagne"]


def test_the_page_shows_each_part_to_a_viewer(client, victor, theme, dossier, plan_case):
    moment(plan_case[0].created_by, "Plenaire stemming", days(20), [dossier])
    client.force_login(victor)
    html = client.get(reverse("plans:steering", args=[theme.pk])).content.decode()
    assert "Steering group Migratie" in html
    assert plan_case[0].get_absolute_url() in html
    assert "Hoorzitting voorbereiden" in html  # overdue
    assert "Campagne" in html  # flagged and due ahead
    assert "Plenaire stemming" in html
    assert "@media print" not in html  # the print styles live in the stylesheet


def test_the_index_lists_the_themes(client, victor, theme, other_theme_dossier):
    client.force_login(victor)
    html = client.get(reverse("plans:steering_index")).content.decode()
    assert reverse("plans:steering", args=[theme.pk]) in html
    assert "Klimaat" in html


def test_an_unknown_months_choice_falls_back_to_three(client, victor, theme):
    client.force_login(victor)
    response = client.get(reverse("plans:steering", args=[theme.pk]), {"months": "abc"})
    assert response.context["report"].months == 3
    response = client.get(reverse("plans:steering", args=[theme.pk]), {"months": "6"})
    assert response.context["report"].months == 6


def test_months_back_clips_to_the_end_of_the_month():
    assert steering.months_back(dt.date(2026, 5, 31), 3) == dt.date(2026, 2, 28)
    assert steering.months_back(dt.date(2026, 1, 15), 1) == dt.date(2025, 12, 15)
    assert steering.months_ahead(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)


def _more_data(alice, mia, dossier, services, n):
    plan = DossierPlan.objects.get(dossier=dossier, period_start__year=TODAY.year)
    for i in range(n):
        contact = contact_by(alice, dossier, services["policy"], follow_ups=[
            FollowUp(description=f"Opvolging {i}", owner=alice, due_date=days(i))])
        make_step(mia, plan, f"Extra stap {i}", services["policy"], due=days(i + 1),
                  contacts=[contact])
        outcome(alice, dossier, f"Extra verandering {i}", days(-i - 1))
        moment(mia, f"Extra moment {i}", days(i + 2), [dossier])


def test_the_page_costs_the_same_number_of_queries_with_more_data(
        client, alice, mia, theme, dossier, other_dossier, services, plan_case,
        django_assert_num_queries):
    client.force_login(alice)
    url = reverse("plans:steering", args=[theme.pk])
    _more_data(alice, mia, dossier, services, 2)
    # session and user, theme, dossiers, plans, steps, outcomes (+ their dossiers),
    # follow-ups, moments (+ their dossiers), due steps
    with django_assert_num_queries(12):
        client.get(url)
    _more_data(alice, mia, dossier, services, 5)
    with django_assert_num_queries(12):
        html = client.get(url).content.decode()
    assert "Extra stap 4" in html and "Opvolging 4" in html and "Extra moment 4" in html
