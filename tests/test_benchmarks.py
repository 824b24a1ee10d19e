"""The benchmark scripts keep working: a tiny generated dataset, every benchmarked page answers."""

import importlib.util
import sys
from pathlib import Path

import pytest
from django.db import models

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import generate_dataset  # noqa: E402


def _load_pages():
    spec = importlib.util.spec_from_file_location("benchmark_pages", BENCHMARKS / "pages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def dataset(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast, test only
    return generate_dataset.generate(scale=0.002, seed=7, out=lambda line: None)


def test_the_generator_builds_a_ten_year_dataset_in_the_expected_proportions(dataset):
    from hefboom.accounts.models import User
    from hefboom.monitoring.models import Contact, Outcome

    counts = dataset["counts"]
    assert (counts["contact"], counts["output"], counts["activity"], counts["outcome"]) == (200, 40, 20, 10)
    assert 1 <= counts["evidence"] / counts["outcome"] <= 3.5
    assert 1 <= counts["contributionlink"] / counts["outcome"] <= 5
    confidential = Contact.objects.filter(confidentiality="confidential").count()
    assert 0 < confidential < 30  # about 5 %
    assert 15 <= counts["followup"] <= 70  # one contact in five, owned by a participant
    from hefboom.monitoring.models import FollowUp
    assert not FollowUp.objects.exclude(contact__our_participants=models.F("owner")).exists()
    dates = Contact.objects.order_by("date").values_list("date", flat=True)
    assert (dates.last() - dates.first()).days > 365 * 8
    assert Contact.objects.filter(our_participants__isnull=True).count() == 0
    assert Outcome.objects.filter(dossiers__isnull=True).count() == 0
    assert set(User.objects.values_list("role", flat=True)) == {
        "policy_officer", "me_officer", "admin", "viewer"}
    assert User.objects.get(username="bench-viewer").check_password(generate_dataset.PASSWORD)
    assert dataset["target_dossier"] and sum(dataset["target_events"].values()) > 0


def test_the_generator_adds_issue_4s_records_and_indexes_everything_for_search(dataset):
    from hefboom.learning.models import Narrative, NarrativeReference
    from hefboom.learning.references import parse
    from hefboom.monitoring.actions import claim_steps
    from hefboom.monitoring.models import ContributionClaim, ContributionLink
    from hefboom.search.models import SearchEntry

    counts = dataset["counts"]
    assert counts["contributionclaim"] >= 1 and counts["claimevidence"] >= 2 * counts["contributionclaim"]
    for claim in ContributionClaim.objects.all():  # the stored confidence is what the action computes
        steps = claim_steps(claim)
        assert 2 <= len(steps) <= 4 and claim.confidence == pytest.approx(steps[-1].posterior)
    # Outcome→outcome links (few at this scale) only come from earlier outcomes: no cycles.
    for link in ContributionLink.objects.filter(source_outcome__isnull=False).select_related(
            "outcome", "source_outcome"):
        assert link.source_outcome.date < link.outcome.date
    assert counts["journal"] > 0 and counts["journalentry"] == counts["progressmarkerobservation"]
    narrative = Narrative.objects.order_by("pk").first()
    assert {(r.kind, r.object_id) for r in NarrativeReference.objects.filter(narrative=narrative)} == {
        (r.kind, r.pk) for r in parse(narrative.text)[0]}
    assert counts["evaluationquestion"] > 20 and counts["evaluationtag"] > 0
    searchable = sum(counts[k] for k in ("contact", "output", "activity", "outcome", "evidence",
                                         "contributionclaim", "narrative"))
    assert counts["searchentry"] >= searchable and SearchEntry.objects.filter(kind="claim").exists()
    assert dataset["seconds"]["search_index"] >= 0


def test_the_generator_adds_issue_10s_services_partners_plans_and_moments(dataset):
    import datetime as dt

    from django.db.models import Count, Exists, OuterRef, Q

    from hefboom.accounts.models import User
    from hefboom.actors.models import Membership
    from hefboom.monitoring.models import Activity, Contact, ContributionLink, Output
    from hefboom.plans.models import DossierPlan, Moment, PlanObjective, PlanStep
    from hefboom.strategy.models import Service

    counts, today = dataset["counts"], dt.date.today()
    services = set(Service.objects.values_list("code", flat=True))
    assert {"policy", "communication", "movement", "international"} <= services
    for model in (Contact, Activity, Output):  # one to three services on every record
        assert set(model.objects.annotate(n=Count("services")).values_list("n", flat=True)) <= {1, 2, 3}
    used = set(Contact.services.through.objects.values_list("service__code", flat=True))
    assert used == {"policy", "communication", "movement", "international"}
    assert User.objects.get(username="bench-policy-1").service.code == "policy"
    assert User.objects.filter(service__isnull=False).count() == 13
    # Fifteen member organisations (one leaving and coming back) and three coalitions, some
    # leaving and some joining; partners only on a day they were members.
    assert Membership.objects.filter(kind="member").values("organisation").distinct().count() == 15
    assert Membership.objects.filter(kind="coalition").count() == 3
    assert Membership.objects.filter(end_date__isnull=False).exists()
    assert Membership.objects.filter(start_date__gt=today - dt.timedelta(days=3650)).exists()
    joint = 0
    for model in (Contact, Activity, Output):
        through, name = model.partners.through, model._meta.model_name
        on_the_day = Membership.objects.filter(organisation=OuterRef("organisation_id")).filter(
            Q(start_date__isnull=True) | Q(start_date__lte=OuterRef(f"{name}__date")),
            Q(end_date__isnull=True) | Q(end_date__gte=OuterRef(f"{name}__date")))
        assert not through.objects.exclude(Exists(on_the_day)).exists()
        joint += through.objects.count()
    assert 0 < joint < (counts["contact"] + counts["activity"] + counts["output"]) / 3
    # A partner of the records behind an outcome is also linked to it directly, on some (at
    # least one when there are any: rare at this scale).
    behind = set()
    for kind in ("contact", "activity", "output"):
        behind |= set(ContributionLink.objects.filter(**{f"{kind}__partners__isnull": False})
                      .values_list("outcome", f"{kind}__partners"))
    direct = set(ContributionLink.objects.filter(organisation__memberships__isnull=False)
                 .values_list("outcome", "organisation"))
    assert direct & behind or not behind
    # A plan per dossier and year: agreed in the past, a draft this year.
    plans = DossierPlan.objects.all()
    assert counts["dossierplan"] == 40 * (today.year - (today - dt.timedelta(days=3650)).year + 1)
    assert set(plans.filter(period_start__year__lt=today.year)
               .values_list("status", flat=True)) == {"agreed"}
    assert set(plans.filter(period_start__year=today.year)
               .values_list("status", flat=True)) == {"draft"}
    assert counts["planobjective"] == 4 * counts["dossierplan"]
    assert not PlanObjective.objects.values("plan").annotate(n=Count("service", distinct=True)
                                                             ).exclude(n=4).exists()
    per_plan = set(plans.annotate(n=Count("steps")).values_list("n", flat=True))
    assert per_plan <= set(range(6, 11))
    steps = PlanStep.objects.select_related("plan", "responsible_service").prefetch_related(
        "contacts__dossiers", "contacts__services", "activities__dossiers", "activities__services",
        "outputs__dossiers", "outputs__services")
    flagged = 0
    for step in steps:
        records = [*step.contacts.all(), *step.activities.all(), *step.outputs.all()]
        assert len(records) <= 50
        for record in records:  # the dossier's records of the plan's year
            assert step.plan.covers(record.date)
            assert step.plan.dossier_id in {d.pk for d in record.dossiers.all()}
        flagged += not any(step.responsible_service in r.services.all() for r in records)
    assert 0 < flagged < counts["planstep"]
    assert PlanStep.objects.filter(status="done").exists() and PlanStep.objects.filter(
        supporting_services__isnull=False).exists()
    # The target dossier's plans have a history: a draft, then agreed.
    target_plan = plans.filter(dossier=dataset["target_dossier"], status="agreed").first()
    assert list(target_plan.history.order_by("history_date").values_list("status", flat=True)) == [
        "draft", "agreed"]
    # About thirty moments a year, a few of them ahead.
    assert 250 <= counts["moment"] <= 350
    assert Moment.objects.filter(date__gt=today).count() >= 5
    assert Moment.objects.filter(dossiers=dataset["target_dossier"]).exists()


def test_the_same_seed_gives_the_same_dataset_and_force_empties_the_database_first(
        transactional_db, settings):
    # Transactional: PostgreSQL cannot TRUNCATE (flush) inside the test's transaction.
    from hefboom.monitoring.models import Contact

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    dataset = generate_dataset.generate(scale=0.002, seed=7, out=lambda line: None)
    from hefboom.plans.models import PlanStep

    def steps():
        return list(PlanStep.objects.order_by("pk").values_list(
            "title", "due_date", "status", "responsible_service__code")[:50])

    first = list(Contact.objects.order_by("pk").values_list("date", "summary")[:20])
    first_steps = steps()
    again = generate_dataset.generate(scale=0.002, seed=7, force=True, out=lambda line: None)
    assert again["counts"] == dataset["counts"]
    assert list(Contact.objects.order_by("pk").values_list("date", "summary")[:20]) == first
    assert steps() == first_steps  # also when --force emptied the services of the migration


def test_the_generator_refuses_a_database_that_holds_records(carol):
    with pytest.raises(SystemExit, match="already holds records"):
        generate_dataset.generate(scale=0.002, seed=7, out=lambda line: None)


def test_every_benchmarked_page_answers(dataset):
    pages = _load_pages()
    lines = []
    results = pages.run(repeat=1, warmup=0, out=lines.append)
    assert len(results) == len(pages.PAGES) + len(pages.DOWNLOADS)
    assert {"dossier timeline, one month (marks)", "claim page (most items)", "journal page",
            "search, rare word", "evaluation matrix", "evidence pack (zip download)"} <= {
        r["page"] for r in results}
    assert [r["page"] for r in results if r["status"] != 200] == []
    assert all(r["queries"] > 0 and r["bytes"] > 0 for r in results)
    assert lines[0].startswith("| page |") and len(lines) == len(results) + 2
