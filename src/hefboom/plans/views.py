"""The plans pages: all plans, a dossier's plans, the plan (the start document), a step and
the work recorded against it, the forms, copying to the next period and the history.
Everybody reads; editing needs `user.can_edit_records`."""

import datetime as dt
from itertools import groupby

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hefboom.core.access import require_record_editor, visible_contacts
from hefboom.core.forms import PeriodForm, attempt, run_action
from hefboom.monitoring.models import Activity, Output
from hefboom.plans import actions
from hefboom.plans.forms import (
    LinkWorkForm,
    ObjectiveForm,
    PlanFilterForm,
    PlanForm,
    StepForm,
)
from hefboom.plans.history import plan_history
from hefboom.plans.models import DossierPlan, PlanObjective, PlanStatus, PlanStep
from hefboom.plans.selectors import plans_with_counts, step_work
from hefboom.strategy.models import Dossier, Service

# Fetching by primary key: plans are readable by every role, so a 404 is the only check.

def get_plan(pk) -> DossierPlan:
    return get_object_or_404(
        DossierPlan.objects.select_related("dossier__theme", "copied_from", "created_by",
                                           "updated_by"), pk=pk)


def get_step(pk) -> PlanStep:
    return get_object_or_404(PlanStep.objects.select_related(
        "plan__dossier__theme", "responsible_service", "responsible_person", "created_by",
        "updated_by"), pk=pk)


def get_objective(pk) -> PlanObjective:
    return get_object_or_404(
        PlanObjective.objects.select_related("plan__dossier__theme", "service"), pk=pk)


# Reading.

def index(request):
    """The plans of all dossiers grouped by theme, of this year unless another year (or all
    years) is chosen; within a theme the plans running today come first."""
    today = timezone.localdate()
    years = set()
    for start, end in DossierPlan.objects.values_list("period_start__year", "period_end__year") \
            .distinct():
        years |= set(range(start, end + 1))
    form = PlanFilterForm(request.GET or None, years=years, current=today.year)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    plans = DossierPlan.objects.all()
    if data.get("theme"):
        plans = plans.filter(dossier__theme=data["theme"])
    year = form.chosen_year()
    if year:
        plans = plans.filter(period_start__year__lte=year, period_end__year__gte=year)
    plans = sorted(plans_with_counts(request.user, plans), key=lambda p: (
        p.dossier.theme.order, p.dossier.theme.name, p.dossier.theme_id, not p.covers(today),
        -p.period_start.toordinal(), p.dossier.name))
    rows = PlanRows(today)
    groups = [(theme, rows.rows(items)) for theme, items in
              groupby(plans, key=lambda p: p.dossier.theme)]
    return render(request, "plans/index.html", {"form": form, "groups": groups, "today": today,
                                                "year": year},
                  status=400 if form.errors else 200)


class PlanRows:
    """What the overview's rows show, as plain values for the template's loop: all years list
    some 400 plans, and a row that reverses two URLs and formats its period costs much more.
    The URLs are reversed once (with a placeholder), each distinct period formatted once."""

    PLACEHOLDER = 999999999

    def __init__(self, today):
        self.today = today
        self.plan_url = self._pattern("plans:plan")
        self.dossier_url = self._pattern("plans:dossier")
        self.periods = {}
        self.statuses = dict(PlanStatus.choices)

    @classmethod
    def _pattern(cls, name):
        prefix, suffix = reverse(name, args=[cls.PLACEHOLDER]).split(str(cls.PLACEHOLDER))
        return lambda pk: f"{prefix}{pk}{suffix}"

    def rows(self, plans) -> list[dict]:
        """One dict per plan: a template reads a dict's keys faster than attributes."""
        rows = []
        for plan in plans:
            key = (plan.period_start, plan.period_end)
            if key not in self.periods:
                self.periods[key] = plan.period
            rows.append({
                "dossier": plan.dossier.name, "dossier_url": self.dossier_url(plan.dossier_id),
                "period": self.periods[key], "url": self.plan_url(plan.pk),
                "current": plan.covers(self.today), "status": plan.status,
                "status_label": self.statuses.get(plan.status, plan.status),
                # Counts as text, as before (no number formatting per cell); no flags: "".
                "steps": str(plan.step_count), "done": str(plan.done_count),
                "flagged": str(plan.flagged_count) if plan.flagged_count else "",
            })
        return rows


def dossier_plans(request, pk):
    dossier = get_object_or_404(Dossier.objects.select_related("theme"), pk=pk)
    plans = plans_with_counts(request.user, dossier.plans.all()).order_by("-period_start")
    return render(request, "plans/dossier.html", {
        "dossier": dossier, "plans": plans, "today": timezone.localdate()})


def _columns(objectives, steps):
    """The services shown as columns: the active ones and any inactive one the plan names."""
    used = {o.service_id for o in objectives}
    for step in steps:
        used.add(step.responsible_service_id)
        used |= {s.pk for s in step.supporting_services.all()}
    known = list(Service.objects.all())
    return [s for s in known if s.is_active or s.pk in used], known


def plan_detail(request, pk):
    plan = get_plan(pk)
    objectives = list(plan.objectives.select_related("service"))
    steps = list(plan.steps.select_related("responsible_service", "responsible_person")
                 .prefetch_related("supporting_services"))
    services, known = _columns(objectives, steps)
    by_service = {o.service_id: o for o in objectives}
    work = step_work(steps, request.user, services, known=known)
    return render(request, "plans/plan.html", {
        "plan": plan,
        "services": services,
        "service_objectives": [(s, by_service.get(s.pk)) for s in services],
        "work": work,
        "flagged": sum(1 for w in work if w.flagged),
        "change_outcomes": plan.change_outcomes.select_related("theme"),
        "progress_markers": plan.progress_markers.select_related("boundary_partner"),
    })


# Each record's services as a plain list: a related manager per record is slow on long lists.
SERVICES = Prefetch("services", queryset=Service.objects.all(), to_attr="service_list")


def step_detail(request, pk, link_form=None):
    step = get_step(pk)
    known = list(Service.objects.all())
    summary = step_work([step], request.user, known)[0]
    can_edit = request.user.can_edit_records
    if link_form is None and can_edit:
        link_form = LinkWorkForm(step=step, user=request.user)
    return render(request, "plans/step.html", {
        "step": step, "plan": step.plan, "summary": summary,
        "supporting": step.supporting_services.all(),
        "record_groups": [
            ("contact", _("Contacts"), visible_contacts(request.user).filter(plan_steps=step)
             .only("pk", "date", "summary", "confidentiality").prefetch_related(SERVICES)
             .order_by("-date", "-pk")),
            ("activity", _("Activities"), Activity.objects.filter(plan_steps=step)
             .only("pk", "date", "title").prefetch_related(SERVICES).order_by("-date", "-pk")),
            ("output", _("Outputs"), Output.objects.filter(plan_steps=step)
             .only("pk", "date", "title").prefetch_related(SERVICES).order_by("-date", "-pk")),
        ],
        "change_outcomes": step.change_outcomes.all(),
        "progress_markers": step.progress_markers.select_related("boundary_partner"),
        "link_form": link_form,
    }, status=400 if link_form is not None and link_form.errors else 200)


def history(request, pk):
    plan = get_plan(pk)
    return render(request, "plans/history.html", {"plan": plan, "versions": plan_history(plan)})


# Editing: one form view for plans, objectives and steps.

def _form(request, form_class, instance, action, *, title, cancel, **form_kwargs):
    require_record_editor(request.user)
    form = form_class(request.POST or None, instance=instance, **form_kwargs)
    if request.method == "POST" and form.is_valid():
        arguments = form.action_arguments()
        if form_class.m2m_fields:
            arguments = {"m2m": {n: arguments.pop(n) for n in form_class.m2m_fields},
                         **arguments}
        record = run_action(form, action, form.save(commit=False), request.user, **arguments)
        if record:
            return redirect(record if not isinstance(record, PlanObjective) else record.plan)
    return render(request, "plans/form.html", {"form": form, "title": title, "cancel": cancel},
                  status=400 if form.errors else 200)


def _default_period(dossier) -> tuple[dt.date, dt.date]:
    """This calendar year, or the year after the dossier's latest plan."""
    latest = dossier.plans.order_by("-period_end").first()
    year = timezone.localdate().year
    if latest and latest.period_end.year >= year:
        year = latest.period_end.year + 1
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def plan_create(request, pk):
    dossier = get_object_or_404(Dossier.objects.select_related("theme"), pk=pk)
    plan = DossierPlan(dossier=dossier, status=PlanStatus.DRAFT)
    if request.method != "POST":
        plan.period_start, plan.period_end = _default_period(dossier)
    return _form(request, PlanForm, plan, actions.save_plan,
                 title=_("New plan for %(dossier)s") % {"dossier": dossier},
                 cancel=reverse("plans:dossier", args=[dossier.pk]))


def plan_edit(request, pk):
    plan = get_plan(pk)
    return _form(request, PlanForm, plan, actions.save_plan,
                 title=_("Edit plan %(dossier)s, %(period)s")
                 % {"dossier": plan.dossier, "period": plan.period},
                 cancel=plan.get_absolute_url())


def objective_create(request, pk):
    plan = get_plan(pk)
    objective = PlanObjective(plan=plan)
    service = request.GET.get("service", "")
    if service.isdigit() and request.method != "POST":
        objective.service_id = int(service)
    return _form(request, ObjectiveForm, objective, actions.save_objective,
                 title=_("Service objectives for %(plan)s") % {"plan": plan},
                 cancel=plan.get_absolute_url())


def objective_edit(request, pk):
    objective = get_objective(pk)
    return _form(request, ObjectiveForm, objective, actions.save_objective,
                 title=_("Objectives of %(service)s") % {"service": objective.service},
                 cancel=objective.plan.get_absolute_url())


def step_create(request, pk):
    plan = get_plan(pk)
    return _form(request, StepForm, PlanStep(plan=plan), actions.save_step,
                 title=_("New step in %(plan)s") % {"plan": plan},
                 cancel=plan.get_absolute_url(), user=request.user)


def step_edit(request, pk):
    step = get_step(pk)
    return _form(request, StepForm, step, actions.save_step,
                 title=_("Edit step “%(step)s”") % {"step": step},
                 cancel=step.get_absolute_url(), user=request.user)


def step_delete(request, pk):
    require_record_editor(request.user)
    step = get_step(pk)
    if request.method == "POST":
        if attempt(request, actions.delete_step, step, request.user):
            messages.success(request, _("The step “%(step)s” was removed; the plan's history "
                                        "keeps it.") % {"step": step})
            return redirect(step.plan)
        return redirect(step)
    return render(request, "plans/step_delete.html", {"step": step})


@require_POST
def step_link(request, pk):
    require_record_editor(request.user)
    step = get_step(pk)
    form = LinkWorkForm(request.POST, step=step, user=request.user)
    if form.is_valid():
        linked = run_action(form, actions.link_work, step, request.user,
                            contacts=form.cleaned_data["contacts"],
                            activities=form.cleaned_data["activities"],
                            outputs=form.cleaned_data["outputs"])
        if linked:
            messages.success(request, _("The records were linked to the step."))
            return redirect(step)
    return step_detail(request, pk, link_form=form)


UNLINK_KINDS = {"contact": "contacts", "activity": "activities", "output": "outputs"}


@require_POST
def step_unlink(request, pk):
    """Take one record (`record`: "contact-12", "activity-3" or "output-7") off the step."""
    require_record_editor(request.user)
    step = get_step(pk)
    kind, _sep, record = request.POST.get("record", "").partition("-")
    if kind not in UNLINK_KINDS or not record.isdigit():
        messages.error(request, _("Choose a record to unlink."))
        return redirect(step)
    if attempt(request, actions.unlink_work, step, request.user,
               **{UNLINK_KINDS[kind]: [int(record)]}):
        messages.success(request, _("The record was taken off the step; the record itself "
                                    "stays."))
    return redirect(step)


def plan_copy(request, pk):
    """Copy to another period: the proposed dates (the next period of the same length) can be
    changed before copying."""
    require_record_editor(request.user)
    plan = get_plan(pk)
    start, end = actions.next_period(plan)
    form = PeriodForm(request.POST or None, initial={"period_start": start, "period_end": end})
    if request.method == "POST" and form.is_valid():
        new = run_action(form, actions.copy_plan, plan, request.user, **form.cleaned_data)
        if new:
            messages.success(request, _("The plan was copied to %(period)s; its steps start "
                                        "again as planned.") % {"period": new.period})
            return redirect(new)
    return render(request, "plans/copy.html", {
        "plan": plan, "form": form,
        "objective_count": plan.objectives.count(), "step_count": plan.steps.count(),
    }, status=400 if form.errors else 200)
