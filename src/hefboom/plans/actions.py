"""Writes to dossier plans: the plan, its service objectives and steps, the work recorded
against a step, and copying a plan to the next period. Every write goes through
`core.actions.save_record` (validation, the period lock, versions); a write of several records
is one transaction, so nothing is half-saved."""

import calendar
import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from hefboom.core.access import visible_contacts
from hefboom.core.actions import check_write, save_record
from hefboom.monitoring.models import Activity, Output
from hefboom.plans.models import DossierPlan, PlanObjective, PlanStatus, PlanStep, StepStatus

PLAN_LINKS = ("change_outcomes", "progress_markers")
STEP_LINKS = ("supporting_services", "change_outcomes", "progress_markers")
WORK_LINKS = ("contacts", "activities", "outputs")


def save_plan(plan: DossierPlan, user, *, m2m: dict | None = None,
              expected_version: int | None = None) -> DossierPlan:
    """Create or change a plan (`m2m`: change_outcomes, progress_markers). A period that
    overlaps another plan of the dossier, or an approved year, is refused."""
    links = {name: list(values) for name, values in (m2m or {}).items() if name in PLAN_LINKS}
    return save_record(plan, user, m2m=links, expected_version=expected_version)


def save_objective(objective: PlanObjective, user, *,
                   expected_version: int | None = None) -> PlanObjective:
    """Create or change a service's objectives and expected results (one per service)."""
    return save_record(objective, user, expected_version=expected_version)


def _require_responsible_service(step: PlanStep) -> None:
    if step.responsible_service_id is None:
        raise ValidationError({"responsible_service": ValidationError(
            _("Choose the service responsible for this step: every step has one service that "
              "answers for it."), code="required")})


def save_step(step: PlanStep, user, *, m2m: dict | None = None,
              expected_version: int | None = None) -> PlanStep:
    """Create or change a step (`m2m`: supporting_services, change_outcomes,
    progress_markers). The responsible service is required; it is not also listed as a
    supporting service."""
    _require_responsible_service(step)
    links = {name: list(values) for name, values in (m2m or {}).items() if name in STEP_LINKS}
    if "supporting_services" in links:
        links["supporting_services"] = [
            s for s in links["supporting_services"]
            if getattr(s, "pk", s) != step.responsible_service_id]
    return save_record(step, user, m2m=links, expected_version=expected_version)


@transaction.atomic
def delete_step(step: PlanStep, user) -> None:
    """Remove a step (its history keeps it); refused in an approved year."""
    check_write(step, user)
    step._history_user = user if user is not None and user.is_authenticated else None
    step.delete()


def _ids(records) -> set[int]:
    return {getattr(record, "pk", record) for record in records}


def _check_linkable(step: PlanStep, user, contacts, activities, outputs) -> None:
    """Records linked to a step must be alive, of the plan's dossier, and (contacts) visible
    to the user who links them."""
    dossier = step.plan.dossier_id
    errors = {}
    wanted = {"contacts": (_ids(contacts), visible_contacts(user)),
              "activities": (_ids(activities), Activity.objects.all()),
              "outputs": (_ids(outputs), Output.objects.all())}
    for name, (ids, allowed) in wanted.items():
        if not ids:
            continue
        found = set(allowed.filter(pk__in=ids, dossiers=dossier).values_list("pk", flat=True))
        if found != ids:
            errors[name] = ValidationError(
                _("%(count)s of the chosen records cannot be linked: they do not exist, are "
                  "in the bin, are not about the dossier “%(dossier)s” or are not visible to "
                  "you."),
                params={"count": len(ids - found), "dossier": step.plan.dossier},
                code="not_linkable")
    if errors:
        raise ValidationError(errors)


def _current_links(step: PlanStep) -> dict[str, set[int]]:
    return {name: set(getattr(step, name).values_list("pk", flat=True)) for name in WORK_LINKS}


@transaction.atomic
def link_work(step: PlanStep, user, *, contacts=(), activities=(), outputs=()) -> PlanStep:
    """Record contacts, activities and outputs as work done for `step` (one new version)."""
    _check_linkable(step, user, contacts, activities, outputs)
    links = _current_links(step)
    links["contacts"] |= _ids(contacts)
    links["activities"] |= _ids(activities)
    links["outputs"] |= _ids(outputs)
    return save_record(step, user, m2m={name: sorted(ids) for name, ids in links.items()})


@transaction.atomic
def unlink_work(step: PlanStep, user, *, contacts=(), activities=(), outputs=()) -> PlanStep:
    """Take records off `step`; the records themselves stay. A contact the user may not see
    cannot be taken off by them either."""
    hidden = _ids(contacts) - set(
        visible_contacts(user).filter(pk__in=_ids(contacts)).values_list("pk", flat=True))
    if hidden:
        raise ValidationError({"contacts": ValidationError(
            _("That contact is not visible to you."), code="not_visible")})
    links = _current_links(step)
    links["contacts"] -= _ids(contacts)
    links["activities"] -= _ids(activities)
    links["outputs"] -= _ids(outputs)
    return save_record(step, user, m2m={name: sorted(ids) for name, ids in links.items()})


# Copying a plan to the next period.

def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(year=year, month=month,
                       day=min(day.day, calendar.monthrange(year, month)[1]))


def _whole_months(start: dt.date, end: dt.date) -> int | None:
    """The number of months from `start` to `end` when the period is made of whole months."""
    if start.day != 1 or (end + dt.timedelta(days=1)).day != 1:
        return None
    return (end.year - start.year) * 12 + end.month - start.month + 1


def next_period(plan: DossierPlan) -> tuple[dt.date, dt.date]:
    """The period of the same length right after the plan's: 2025 → 2026, a half year → the
    next half year; periods that are not whole months move by their number of days."""
    start = plan.period_end + dt.timedelta(days=1)
    months = _whole_months(plan.period_start, plan.period_end)
    if months:
        return start, _add_months(start, months) - dt.timedelta(days=1)
    return start, start + (plan.period_end - plan.period_start)


def _shifter(old_start: dt.date, new_start: dt.date):
    """Move a date by the distance between the periods' starts (by months when both start on
    the first of a month, so that a step due on 31 March stays due at the end of March)."""
    if old_start.day == 1 and new_start.day == 1:
        months = (new_start.year - old_start.year) * 12 + new_start.month - old_start.month
        return lambda day: _add_months(day, months) if day else None
    offset = new_start - old_start
    return lambda day: day + offset if day else None


@transaction.atomic
def copy_plan(plan: DossierPlan, user, *, period_start: dt.date | None = None,
              period_end: dt.date | None = None) -> DossierPlan:
    """A new draft plan for another period (by default the next one of the same length) with
    the plan's analysis, goals, objectives and steps. The steps start again as planned, with
    no records linked and their due dates moved by the distance between the periods."""
    default_start, default_end = next_period(plan)
    period_start = period_start or default_start
    period_end = period_end or (
        default_end if period_start == default_start
        else period_start + (plan.period_end - plan.period_start))
    new = save_plan(
        DossierPlan(dossier=plan.dossier, period_start=period_start, period_end=period_end,
                    status=PlanStatus.DRAFT, problem_analysis=plan.problem_analysis,
                    lobby_goals=plan.lobby_goals, copied_from=plan,
                    source_reference=plan.source_reference),
        user,
        m2m={name: list(getattr(plan, name).all()) for name in PLAN_LINKS},
    )
    for objective in plan.objectives.all():
        save_objective(PlanObjective(plan=new, service_id=objective.service_id,
                                     objectives=objective.objectives,
                                     expected_results=objective.expected_results), user)
    shift = _shifter(plan.period_start, period_start)
    steps = plan.steps.prefetch_related(*STEP_LINKS)
    for step in steps:
        save_step(
            PlanStep(plan=new, order=step.order, title=step.title, description=step.description,
                     responsible_service_id=step.responsible_service_id,
                     responsible_person_id=step.responsible_person_id,
                     due_date=shift(step.due_date), status=StepStatus.PLANNED),
            user,
            m2m={name: list(getattr(step, name).all()) for name in STEP_LINKS},
        )
    return new
