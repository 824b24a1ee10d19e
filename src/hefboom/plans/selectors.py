"""What the plan pages read: the work recorded against each step, the outcomes it led to and the
flags, for a whole plan (or many plans) in a fixed number of queries.

Only what the user may see counts: a confidential contact the user may not see is neither
listed nor counted, nor does it name a service for a step's flag.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from hefboom.core.access import visible_contacts, visible_contributions
from hefboom.monitoring.models import Activity, Contact, ContributionLink, Output
from hefboom.plans.models import DossierPlan, PlanStep, StepStatus
from hefboom.strategy.models import Service

# kind → (the step's link, the record model): the three kinds of work a step records.
WORK = {"contact": ("contacts", Contact), "activity": ("activities", Activity),
        "output": ("outputs", Output)}


@dataclass
class StepWork:
    """One step and what was recorded against it (as far as the user may see)."""

    step: PlanStep
    contacts: int = 0
    activities: int = 0
    outputs: int = 0
    services: list = field(default_factory=list)   # services named by its records
    outcomes: list = field(default_factory=list)   # outcomes its records contributed to
    roles: list = field(default_factory=list)      # per service column: "R", "S" or ""

    @property
    def records(self) -> int:
        return self.contacts + self.activities + self.outputs

    @property
    def flagged(self) -> bool:
        """No record of the step names its responsible service (dropped steps never are)."""
        return (self.step.status != StepStatus.DROPPED
                and self.step.responsible_service_id not in {s.pk for s in self.services})


def _visible_records(kind: str, user):
    if kind == "contact":
        return visible_contacts(user)
    return WORK[kind][1].objects.all()


def _linked(kind: str, steps, user):
    """(step id, record id) for the alive, visible records of `kind` linked to `steps`."""
    link, model = WORK[kind]
    through = getattr(PlanStep, link).through
    record = f"{kind}_id"
    return list(through.objects.filter(planstep__in=steps).filter(
        Exists(_visible_records(kind, user).filter(pk=OuterRef(record))))
        .values_list("planstep_id", record))


def _services_of(kind: str, steps):
    """(record id, service id) for the records of `kind` linked to `steps`."""
    link, model = WORK[kind]
    through = model.services.through
    record = f"{kind}_id"
    linked = getattr(PlanStep, link).through.objects.filter(planstep__in=steps).values(record)
    return list(through.objects.filter(**{f"{record}__in": linked})
                .values_list(record, "service_id"))


def plan_overview(plan: DossierPlan, user, services=None) -> list[StepWork]:
    """Per step of `plan`: counts of contacts, activities and outputs, the services their
    records name, the outcomes they contributed to, and the matrix row (R/S per service of
    `services`, by default all). A fixed number of queries, whatever the plan holds."""
    steps = list(plan.steps.select_related("responsible_service", "responsible_person")
                 .prefetch_related("supporting_services"))
    services = list(Service.objects.all()) if services is None else services
    return step_work(steps, user, services)


def step_work(steps: list[PlanStep], user, services: list, *, known=None) -> list[StepWork]:
    """`plan_overview` for any list of steps (of one plan or several); `services` are the
    matrix columns, `known` every service (by default the columns) to name what records name."""
    ids = [step.pk for step in steps]
    by_pk = {service.pk: service for service in (services if known is None else known)}
    records = defaultdict(lambda: defaultdict(set))      # step → kind → record ids
    owners = defaultdict(set)                             # (kind, record) → steps
    for kind in WORK:
        for step_id, record_id in _linked(kind, ids, user):
            records[step_id][kind].add(record_id)
            owners[kind, record_id].add(step_id)
    named = defaultdict(set)                              # (kind, record) → service ids
    for kind in WORK:
        for record_id, service_id in _services_of(kind, ids):
            named[kind, record_id].add(service_id)
    outcomes = defaultdict(dict)                          # step → outcome id → outcome
    if owners:
        sources = Q()
        for kind in WORK:
            chosen = [record for k, record in owners if k == kind]
            if chosen:
                sources |= Q(**{f"{kind}_id__in": chosen})
        links = visible_contributions(user, ContributionLink.objects.filter(sources)) \
            .select_related("outcome").order_by("outcome__date", "outcome_id")
        for link in links:
            for kind in WORK:
                record_id = getattr(link, f"{kind}_id")
                for step_id in owners.get((kind, record_id), ()):
                    outcomes[step_id][link.outcome_id] = link.outcome
    result = []
    for step in steps:
        mine = records[step.pk]
        seen = set()
        for kind, record_ids in mine.items():
            for record_id in record_ids:
                seen |= named[kind, record_id]
        supporting = {s.pk for s in step.supporting_services.all()}
        result.append(StepWork(
            step=step,
            contacts=len(mine["contact"]), activities=len(mine["activity"]),
            outputs=len(mine["output"]),
            services=[by_pk[pk] for pk in by_pk if pk in seen],
            outcomes=list(outcomes[step.pk].values()),
            roles=["R" if service.pk == step.responsible_service_id
                   else "S" if service.pk in supporting else "" for service in services],
        ))
    return result


def responsible_work_exists(user):
    """True for a step (as the outer query) when one of its records the user may see names
    its responsible service. Per kind: the step's links, first whether the record names the
    service (a covering index), and only then whether the user may see the record (a read of
    the record's row): twice as fast as joining the record first, on the ten-year dataset."""
    checks = []
    for kind, (link, model) in WORK.items():
        record = f"{kind}_id"
        names = model.services.through.objects.filter(
            **{record: OuterRef(record)}, service_id=OuterRef(OuterRef("responsible_service_id")))
        visible = _visible_records(kind, user).filter(pk=OuterRef(record))
        links = getattr(PlanStep, link).through.objects.filter(planstep_id=OuterRef("pk"))
        checks.append(Exists(links.filter(Exists(names)).filter(Exists(visible))))
    return checks[0] | checks[1] | checks[2]


def flagged_steps(user):
    """Steps (not dropped) none of whose visible records names their responsible service."""
    return PlanStep.objects.exclude(status=StepStatus.DROPPED).exclude(
        responsible_work_exists(user))


def _count(queryset):
    return Coalesce(Subquery(queryset.order_by().values("plan").annotate(n=Count("pk"))
                             .values("n"), output_field=IntegerField()), Value(0))


def plans_with_counts(user, queryset=None):
    """Plans with `step_count`, `done_count` and `flagged_count` (one query for all)."""
    queryset = DossierPlan.objects.all() if queryset is None else queryset
    steps = PlanStep.objects.filter(plan=OuterRef("pk"))
    return queryset.select_related("dossier__theme").annotate(
        step_count=_count(steps),
        done_count=_count(steps.filter(status=StepStatus.DONE)),
        flagged_count=_count(flagged_steps(user).filter(plan=OuterRef("pk"))),
    )


def current_plan(plans, day):
    """The rule for a dossier's current plan on `day`, from that dossier's `plans`: the plan
    whose period covers `day` (a dossier's plans do not overlap); when none does, the one that
    starts last (the latest plan, not yet followed by the next one, or one drawn up ahead).
    None for a dossier without plans."""
    covering = [p for p in plans if p.covers(day)]
    if covering:
        return covering[0]
    return max(plans, key=lambda p: p.period_start, default=None)


def current_plans(dossiers, day) -> dict:
    """`current_plan` of each of `dossiers` (records, ids or a queryset) in one query:
    {dossier id: plan}; a dossier without plans is not in it."""
    by_dossier = defaultdict(list)
    for plan in DossierPlan.objects.filter(dossier__in=dossiers):
        by_dossier[plan.dossier_id].append(plan)
    return {pk: current_plan(plans, day) for pk, plans in by_dossier.items()}


def active_services(*, also=()) -> list:
    """The services shown as columns: the active ones, plus inactive ones in `also` (ids)
    that a plan still names."""
    also = set(also)
    return [s for s in Service.objects.all() if s.is_active or s.pk in also]
