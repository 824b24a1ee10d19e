"""What a theme's monthly steering group looks at, gathered in a fixed number of queries: the
status of each dossier's current plan, recent outcomes, open follow-ups and what lies ahead
(political moments and plan steps falling due)."""

from calendar import monthrange
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Exists, F, OuterRef, Prefetch, Q

from hefboom.monitoring.models import Contact, FollowUp, Outcome
from hefboom.plans.models import DossierPlan, Moment, PlanStep, StepStatus
from hefboom.plans.selectors import current_plans, responsible_work_exists
from hefboom.strategy.models import Dossier, Theme

# The periods a steering group can look back on for outcomes (months), and the default.
OUTCOME_MONTHS = (1, 3, 6, 12)
DEFAULT_OUTCOME_MONTHS = 3
# How far ahead moments and due steps are listed.
AHEAD_MONTHS = 3
# A steering page lists at most this many open follow-ups; the rest are on the follow-up list.
FOLLOW_UP_LIMIT = 50

OPEN_STEP_STATUSES = (StepStatus.PLANNED, StepStatus.UNDER_WAY)


def months_back(day: date, months: int) -> date:
    """`day` moved back by whole calendar months (clipped to the month's last day)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def months_ahead(day: date, months: int) -> date:
    return months_back(day, -months)


def parse_months(value) -> int:
    try:
        months = int(value)
    except (TypeError, ValueError):
        return DEFAULT_OUTCOME_MONTHS
    return months if months in OUTCOME_MONTHS else DEFAULT_OUTCOME_MONTHS


@dataclass
class PlanStatusRow:
    """One dossier: its current plan (or none), its steps by status, the overdue steps and
    the steps without recorded work by their responsible service."""

    dossier: Dossier
    plan: DossierPlan | None
    today: date
    steps: list = field(default_factory=list)
    by_status: list = field(default_factory=list)  # [(status, label, count)] in status order
    overdue: list = field(default_factory=list)
    flagged: list = field(default_factory=list)

    @property
    def is_current(self) -> bool:
        return self.plan is not None and self.plan.covers(self.today)


@dataclass
class SteeringReport:
    theme: Theme
    today: date
    months: int
    since: date
    ahead_until: date
    plans: list
    outcomes: list
    follow_ups: list
    more_follow_ups: bool
    moments: list
    due_steps: list

    month_choices = OUTCOME_MONTHS
    step_statuses = StepStatus.choices


def plan_status(user, dossiers, today: date) -> list[PlanStatusRow]:
    """Two queries for all the theme's dossiers: their current plans (`current_plans`), then
    those plans' steps with the flag computed in the database."""
    chosen = current_plans(dossiers, today)
    plan_ids = [p.pk for p in chosen.values()]
    steps_by_plan: dict[int, list] = {pk: [] for pk in plan_ids}
    steps = (PlanStep.objects.filter(plan_id__in=plan_ids)
             .select_related("responsible_service", "responsible_person")
             .annotate(has_own_work=responsible_work_exists(user)))
    for step in steps:
        steps_by_plan[step.plan_id].append(step)

    rows = []
    for dossier in dossiers:
        plan = chosen.get(dossier.pk)
        row = PlanStatusRow(dossier=dossier, plan=plan, today=today)
        if plan:
            row.steps = steps_by_plan[plan.pk]
            counts = Counter(s.status for s in row.steps)
            row.by_status = [(status, label, counts[status]) for status, label in StepStatus.choices]
            row.overdue = [s for s in row.steps if s.status in OPEN_STEP_STATUSES
                           and s.due_date and s.due_date < today]
            row.flagged = [s for s in row.steps
                           if s.status != StepStatus.DROPPED and not s.has_own_work]
        rows.append(row)
    return rows


def _of_theme(model_field: str, theme: Theme):
    """An Exists condition: the record is linked (through `model_field`) to a dossier of
    `theme`. Exists rather than a join, so that a record in two dossiers comes once."""
    through = Dossier.objects.filter(theme=theme, **{model_field: OuterRef("pk")})
    return Exists(through)


def recent_outcomes(theme: Theme, since: date, today: date) -> list:
    theme_dossiers = Dossier.objects.filter(theme=theme)
    return list(
        Outcome.objects.filter(_of_theme("outcomes", theme), date__gte=since, date__lte=today)
        .prefetch_related(Prefetch("dossiers", queryset=theme_dossiers))
        .order_by("-date", "-pk")
    )


def open_follow_ups(user, theme: Theme) -> tuple[list, bool]:
    """Open follow-ups on the theme's contacts that `user` may see: overdue (earliest due)
    first, undated last; at most FOLLOW_UP_LIMIT."""
    contacts = Contact.objects.visible_to(user).filter(
        _of_theme("contacts", theme), pk=OuterRef("contact_id"))
    follow_ups = list(
        FollowUp.objects.open().filter(Exists(contacts))
        .select_related("owner", "contact")
        .order_by(F("due_date").asc(nulls_last=True), "pk")[:FOLLOW_UP_LIMIT + 1]
    )
    return follow_ups[:FOLLOW_UP_LIMIT], len(follow_ups) > FOLLOW_UP_LIMIT


def upcoming_moments(theme: Theme, today: date, until: date) -> list:
    """Moments of the theme's dossiers that start in the window, or began before it and are
    still going on."""
    theme_dossiers = Dossier.objects.filter(theme=theme)
    in_window = Q(date__gte=today, date__lte=until) | Q(date__lt=today, end_date__gte=today)
    return list(
        Moment.objects.filter(in_window, _of_theme("moments", theme))
        .prefetch_related(Prefetch("dossiers", queryset=theme_dossiers))
        .order_by("date", "pk")
    )


def due_steps(theme: Theme, today: date, until: date) -> list:
    """Steps of any plan of the theme that are still open and fall due in the window."""
    return list(
        PlanStep.objects.filter(plan__dossier__theme=theme, status__in=OPEN_STEP_STATUSES,
                                due_date__gte=today, due_date__lte=until)
        .select_related("plan__dossier", "responsible_service")
        .order_by("due_date", "pk")
    )


def steering_report(user, theme: Theme, *, months: int = DEFAULT_OUTCOME_MONTHS,
                    today: date | None = None) -> SteeringReport:
    today = today or date.today()
    since = months_back(today, months)
    until = months_ahead(today, AHEAD_MONTHS)
    dossiers = list(Dossier.objects.filter(theme=theme).order_by("name"))
    follow_ups, more = open_follow_ups(user, theme)
    return SteeringReport(
        theme=theme, today=today, months=months, since=since, ahead_until=until,
        plans=plan_status(user, dossiers, today),
        outcomes=recent_outcomes(theme, since, today),
        follow_ups=follow_ups, more_follow_ups=more,
        moments=upcoming_moments(theme, today, until),
        due_steps=due_steps(theme, today, until),
    )
