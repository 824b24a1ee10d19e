"""The plans pages for each role: Victor (viewer) reads everything without edit buttons, Alice
(policy officer) edits; confidential contacts stay hidden; query counts are pinned."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hefboom.plans import actions
from hefboom.plans.models import DossierPlan, PlanObjective, PlanStep

from .conftest import contact, outcome_from, output
from .test_selectors import grow

pytestmark = pytest.mark.django_db


def page(client, user, name, *args, **query):
    client.force_login(user)
    return client.get(reverse(f"plans:{name}", args=args), query)


def text(response):
    return response.content.decode()


# Reading, per role

def test_victor_reads_every_page_but_sees_no_edit_buttons(client, victor, plan, objective, step):
    pages = [("index", ()), ("dossier", (plan.dossier_id,)), ("plan", (plan.pk,)),
             ("step", (step.pk,)), ("history", (plan.pk,))]
    for name, args in pages:
        response = page(client, victor, name, *args)
        assert response.status_code == 200, name
        body = text(response)
        for edit in ("plan_edit", "plan_copy", "step_create", "objective_create", "step_edit",
                     "plan_create", "step_link"):
            assert reverse(f"plans:{edit}", args=[plan.pk]) not in body, (name, edit)
        assert "Link recorded work" not in body and "Unlink" not in body


@pytest.mark.parametrize("name, needs", [("plan_edit", "plan"), ("plan_copy", "plan"),
                                         ("step_create", "plan"), ("objective_create", "plan"),
                                         ("step_edit", "step"), ("step_delete", "step"),
                                         ("plan_create", "dossier")])
def test_victor_may_not_open_or_post_a_form(client, victor, plan, step, name, needs):
    pk = {"plan": plan.pk, "step": step.pk, "dossier": plan.dossier_id}[needs]
    client.force_login(victor)
    assert client.get(reverse(f"plans:{name}", args=[pk])).status_code == 403
    assert client.post(reverse(f"plans:{name}", args=[pk]), {}).status_code == 403


def test_victor_may_not_link_work(client, victor, step, open_contact):
    client.force_login(victor)
    response = client.post(reverse("plans:step_link", args=[step.pk]),
                           {"contacts": [open_contact.pk]})
    assert response.status_code == 403 and not step.contacts.exists()


def test_victor_may_not_unlink_work(client, alice, victor, step, open_contact):
    actions.link_work(step, alice, contacts=[open_contact])
    client.force_login(victor)
    response = client.post(reverse("plans:step_unlink", args=[step.pk]),
                           {"record": f"contact-{open_contact.pk}"})
    assert response.status_code == 403 and step.contacts.exists()


def test_bob_cannot_unlink_a_confidential_contact_he_may_not_see(client, alice, bob, step,
                                                                  confidential_contact):
    actions.link_work(step, alice, contacts=[confidential_contact])
    client.force_login(bob)
    response = client.post(reverse("plans:step_unlink", args=[step.pk]),
                           {"record": f"contact-{confidential_contact.pk}"}, follow=True)
    assert "not visible to you" in text(response)
    assert step.contacts.get() == confidential_contact


def test_the_plan_page_shows_the_start_document(client, alice, plan, objective, step, services):
    body = text(page(client, alice, "plan", plan.pk))
    assert "Te weinig hervestiging." in body and "Een quotum van 1.500 plaatsen." in body
    # Every active service has a section; one without objectives offers "add".
    for code in ("policy", "communication", "movement", "international"):
        assert f'id="objective-{code}"' in body
    assert "Quotum in de begroting" in body
    add_movement = reverse("plans:objective_create", args=[plan.pk]) + \
        f"?service={services['movement'].pk}"
    assert add_movement in body
    # The matrix: a real table with column and row headers, R and S.
    assert '<table class="responsibility-matrix"' in body
    assert '<th scope="col" class="role">Communication</th>' in body
    assert '<abbr title="responsible">R</abbr>' in body and '<abbr title="supporting">S</abbr>' in body
    assert "No work recorded by Policy" in body
    for edit in ("plan_edit", "objective_create", "step_create", "plan_copy", "history"):
        assert reverse(f"plans:{edit}", args=[plan.pk]) in body


def test_the_index_groups_plans_by_theme_and_filters_by_year(client, alice, plan, step, dossier):
    later = actions.copy_plan(plan, alice)
    this_year = actions.save_plan(DossierPlan(
        dossier=dossier, period_start=dt.date(dt.date.today().year, 1, 1),
        period_end=dt.date(dt.date.today().year, 12, 31)), alice)
    body = text(page(client, alice, "index"))  # this year by default
    assert "Migratie" in body and this_year.get_absolute_url() in body
    assert plan.get_absolute_url() not in body
    body = text(page(client, alice, "index", year="all"))
    assert all(p.get_absolute_url() in body for p in (plan, later, this_year))
    assert body.index(this_year.get_absolute_url()) < body.index(later.get_absolute_url())
    body = text(page(client, alice, "index", year=2024))
    assert later.get_absolute_url() in body and plan.get_absolute_url() not in body
    assert page(client, alice, "index", year="twee").status_code == 400


# Editing through the pages

def test_alice_writes_a_plan_an_objective_and_a_step(client, alice, dossier, services):
    client.force_login(alice)
    response = client.post(reverse("plans:plan_create", args=[dossier.pk]), {
        "period_start": "2023-01-01", "period_end": "2023-12-31", "status": "draft",
        "problem_analysis": "Analyse", "lobby_goals": "Doelen"})
    plan = DossierPlan.objects.get()
    assert response.status_code == 302 and response.url == plan.get_absolute_url()
    assert plan.created_by == alice

    response = client.post(reverse("plans:objective_create", args=[plan.pk]), {
        "service": services["movement"].pk, "objectives": "Vrijwilligers mobiliseren"})
    assert response.status_code == 302
    assert PlanObjective.objects.get().service == services["movement"]

    response = client.post(reverse("plans:step_create", args=[plan.pk]), {
        "order": 10, "title": "Petitie", "responsible_service": services["movement"].pk,
        "supporting_services": [services["communication"].pk], "status": "planned",
        "due_date": "2023-10-01"})
    step = PlanStep.objects.get()
    assert response.status_code == 302 and response.url == step.get_absolute_url()
    assert list(step.supporting_services.all()) == [services["communication"]]


def test_a_step_without_a_responsible_service_gets_a_message_on_that_field(client, alice, plan):
    client.force_login(alice)
    response = client.post(reverse("plans:step_create", args=[plan.pk]),
                           {"order": 10, "title": "Persbericht", "status": "planned"})
    assert response.status_code == 400
    assert response.context["form"].errors["responsible_service"] == [
        "Choose the service responsible for this step: every step has one service that answers "
        "for it."]
    assert not PlanStep.objects.exists()


def test_a_second_objective_for_the_same_service_is_refused(client, alice, plan, objective,
                                                             services):
    client.force_login(alice)
    response = client.post(reverse("plans:objective_create", args=[plan.pk]),
                           {"service": services["policy"].pk, "objectives": "Nog eens"})
    assert response.status_code == 400 and "already has objectives" in text(response)
    assert PlanObjective.objects.count() == 1


def test_an_overlapping_plan_is_refused_with_a_message(client, alice, plan, dossier):
    client.force_login(alice)
    response = client.post(reverse("plans:plan_create", args=[dossier.pk]), {
        "period_start": "2023-06-01", "period_end": "2024-05-31", "status": "draft"})
    assert response.status_code == 400 and "already has a plan" in text(response)
    assert DossierPlan.objects.count() == 1


def test_an_edit_conflict_shows_what_changed_and_saves_nothing(client, alice, bob, plan):
    client.force_login(alice)
    form = {"period_start": "2023-01-01", "period_end": "2023-12-31", "status": "draft",
            "lobby_goals": "Alice", "expected_version": plan.version}
    plan.lobby_goals = "Bob"
    actions.save_plan(plan, bob)
    response = client.post(reverse("plans:plan_edit", args=[plan.pk]), form)
    assert response.status_code == 400 and "Bob saved this record" in text(response)
    plan.refresh_from_db()
    assert plan.lobby_goals == "Bob"


def test_a_plan_in_an_approved_year_cannot_be_edited_and_says_why(client, mia, alice, plan,
                                                                  programme):
    from .test_actions import approve

    approve(mia, alice, programme, 2023)
    client.force_login(alice)
    response = client.post(reverse("plans:plan_edit", args=[plan.pk]), {
        "period_start": "2023-01-01", "period_end": "2023-12-31", "status": "agreed",
        "expected_version": plan.version})
    assert response.status_code == 400 and "2023 of the programme" in text(response)


def test_copy_proposes_the_next_period_and_opens_the_new_plan(client, alice, plan, step):
    client.force_login(alice)
    url = reverse("plans:plan_copy", args=[plan.pk])
    form = client.get(url).context["form"]
    assert (form.initial["period_start"], form.initial["period_end"]) == (
        dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    response = client.post(url, {"period_start": "2024-01-01", "period_end": "2024-12-31"})
    new = DossierPlan.objects.get(copied_from=plan)
    assert response.status_code == 302 and response.url == new.get_absolute_url()
    assert new.steps.get().title == step.title
    again = client.post(url, {"period_start": "2024-03-01", "period_end": "2025-02-28"})
    assert again.status_code == 400 and "already has a plan" in text(again)
    backwards = client.post(url, {"period_start": "2026-01-01", "period_end": "2025-01-01"})
    assert backwards.status_code == 400
    assert "The period cannot end before it starts." in text(backwards)


def test_linking_and_unlinking_work_on_the_step_page(client, alice, step, dossier, open_contact):
    paper = output(alice, dossier, dt.date(2023, 5, 2), "Inputnota")
    client.force_login(alice)
    body = text(page(client, alice, "step", step.pk))
    assert "Inputnota" in body and "Telefoon over hervestigingsquota" in body  # offered
    response = client.post(reverse("plans:step_link", args=[step.pk]),
                           {"contacts": [open_contact.pk], "outputs": [paper.pk]})
    assert response.status_code == 302
    assert list(step.outputs.all()) == [paper] and list(step.contacts.all()) == [open_contact]
    response = client.post(reverse("plans:step_unlink", args=[step.pk]),
                           {"record": f"output-{paper.pk}"})
    assert response.status_code == 302 and not step.outputs.exists()
    response = client.post(reverse("plans:step_link", args=[step.pk]), {})
    assert response.status_code == 400 and "Choose at least one record" in text(response)


def test_removing_a_step_from_its_page(client, alice, step):
    client.force_login(alice)
    response = client.post(reverse("plans:step_delete", args=[step.pk]))
    assert response.status_code == 302 and response.url == step.plan.get_absolute_url()
    assert not PlanStep.objects.exists()


# Confidential contacts

def test_a_confidential_contact_on_a_step_is_shown_and_counted_only_for_who_may_see_it(
        client, alice, bob, step, dossier, services):
    secret = contact(alice, dossier, dt.date(2023, 4, 2), "Geheim overleg met de kabinetschef",
                     services=[services["policy"]], confidentiality="confidential")
    outcome_from(alice, dossier, dt.date(2023, 9, 1), "Geheime doorbraak", contact=secret)
    actions.link_work(step, alice, contacts=[secret])

    alices_step = text(page(client, alice, "step", step.pk))
    assert "Geheim overleg" in alices_step and "Geheime doorbraak" in alices_step
    alices_plan = text(page(client, alice, "plan", step.plan_id))
    assert "Contacts: 1" in alices_plan and "No work recorded by Policy" not in alices_plan

    bobs_step = text(page(client, bob, "step", step.pk))
    assert "Geheim overleg" not in bobs_step and "Geheime doorbraak" not in bobs_step
    assert "Contacts: 0" in bobs_step
    bobs_plan = text(page(client, bob, "plan", step.plan_id))
    assert "Contacts: 0" in bobs_plan and "Geheime doorbraak" not in bobs_plan
    # Nor is it offered to him for linking.
    assert page(client, bob, "step", step.pk).context["link_form"].fields["contacts"].choices == []


# History

def test_the_history_lists_versions_of_the_plan_its_objectives_and_steps(
        client, alice, bob, victor, plan, objective, step, services, open_contact):
    plan.lobby_goals = "Nieuwe doelen"
    actions.save_plan(plan, bob)
    step.status = "under_way"
    actions.save_step(step, bob, m2m={"supporting_services": [services["movement"]]})
    actions.link_work(step, alice, contacts=[open_contact])
    removed = actions.save_step(PlanStep(plan=plan, title="Weg ermee",
                                         responsible_service=services["policy"]), alice)
    actions.delete_step(removed, alice)
    versions = page(client, victor, "history", plan.pk).context["versions"]
    assert versions[0].type == "removed" and versions[0].label == "Weg ermee"
    linked = next(v for v in versions if any(c.field == "contacts" for c in v.changes))
    assert linked.who == alice and linked.changes[0].after == "1 added"
    moved = next(v for v in versions if any(c.field == "status" for c in v.changes))
    assert moved.who == bob
    assert {(c.field, c.before, c.after) for c in moved.changes} >= {
        ("status", "Planned", "Under way"), ("supporting services", "1 removed", "1 added")}
    goals = next(v for v in versions if v.kind == "Plan" and v.changes)
    assert goals.changes[0].field == "lobby goals" and goals.changes[0].after == "Nieuwe doelen"
    assert len(versions) == 8


# Query counts: fixed, whatever the data holds

def test_every_page_takes_a_fixed_number_of_queries(client, alice, plan, objective, step,
                                                     dossier, services, django_assert_num_queries):
    client.force_login(alice)
    urls = {
        "index": reverse("plans:index") + "?year=all",
        "dossier": reverse("plans:dossier", args=[dossier.pk]),
        "plan": reverse("plans:plan", args=[plan.pk]),
        "step": reverse("plans:step", args=[step.pk]),
        "history": reverse("plans:history", args=[plan.pk]),
        "dossier page": reverse("strategy:dossier", args=[dossier.pk]),
    }
    grow(alice, plan, dossier, services, 1)
    actions.link_work(step, alice, contacts=list(dossier.contacts.all()[:1]))
    counts = {}
    for name, url in urls.items():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[name] = len(queries)
    grow(alice, plan, dossier, services, 4)
    actions.copy_plan(plan, alice)
    actions.link_work(step, alice, contacts=list(dossier.contacts.all()))
    for name, url in urls.items():
        with django_assert_num_queries(counts[name]):
            assert client.get(url).status_code == 200, name
    assert counts == PINNED


# session and user, then: index: the years, the filter's themes, the plans with their counts;
# dossier: the
# dossier, its plans; plan: the plan, objectives, steps, supporting services, services, the step
# work (links, services of the records and outcomes: 7), outcomes and markers served, its history
# count; step: the step, services, the step work, its records (3, each with services), outcomes
# and markers, the records offered for linking (3), history count; history: the plan, three
# histories, services, people and the links of each version (8).
PINNED = {"index": 5, "dossier": 4, "plan": 17, "step": 23, "history": 15, "dossier page": 9}


def test_the_dossier_page_shows_its_current_plan(client, victor, alice, plan, dossier):
    body = text(page_for(client, victor, reverse("strategy:dossier", args=[dossier.pk])))
    # None covers today: the latest, marked so (the rule of plans.selectors.current_plan).
    assert plan.get_absolute_url() in body and "(latest; none covers today)" in body
    assert reverse("plans:dossier", args=[dossier.pk]) in body
    year = dt.date.today().year
    current = actions.save_plan(DossierPlan(dossier=dossier, period_start=dt.date(year, 1, 1),
                                            period_end=dt.date(year, 12, 31)), alice)
    body = text(page_for(client, victor, reverse("strategy:dossier", args=[dossier.pk])))
    assert current.get_absolute_url() in body and plan.get_absolute_url() not in body
    assert "none covers today" not in body


def page_for(client, user, url):
    client.force_login(user)
    return client.get(url)
