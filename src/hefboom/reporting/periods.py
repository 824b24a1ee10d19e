"""The approval workflow of a programme year: draft → submitted → approved (locked), and back.

Each step is one transaction that writes a `PeriodEvent`, so the log says who did what, when and
why. Approving freezes the live count of every computed indicator into `IndicatorPeriod.actual`
(the figures the funder got cannot drift); unlocking clears those frozen counts again.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hefboom.accounts.models import Role
from hefboom.core.actions import save_record
from hefboom.reporting import indicators, locks
from hefboom.reporting.models import (
    Indicator,
    IndicatorKind,
    IndicatorPeriod,
    PeriodAction,
    PeriodEvent,
    PeriodStatus,
    ReportingPeriod,
    check_year_in_programme,
)

# The steps, who may take them and from which status (an administrator may, except unlock).
STEPS = {
    PeriodAction.SUBMIT: (PeriodStatus.DRAFT, PeriodStatus.SUBMITTED),
    PeriodAction.APPROVE: (PeriodStatus.SUBMITTED, PeriodStatus.APPROVED),
    PeriodAction.RETURN: (PeriodStatus.SUBMITTED, PeriodStatus.DRAFT),
    PeriodAction.UNLOCK: (PeriodStatus.APPROVED, PeriodStatus.DRAFT),
}


def may(user, action: str) -> bool:
    """Whether `user`'s role may take `action` at all (the status decides whether it is possible
    now)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if action == PeriodAction.SUBMIT:
        return user.can_edit_records
    if action == PeriodAction.UNLOCK:  # an explicit act of the M&E officer
        return user.role == Role.ME_OFFICER
    return user.can_edit_strategy


def allowed_actions(user, period: ReportingPeriod) -> list[str]:
    """The steps `user` can take on `period` now, in workflow order."""
    return [action for action, (before, _after) in STEPS.items()
            if period.status == before and may(user, action)]


def get_period(programme, year: int, *, for_update=False) -> ReportingPeriod:
    """The programme year's reporting period (a draft one, unsaved, if none was stored yet)."""
    check_year_in_programme(programme, year)
    periods = ReportingPeriod.objects.filter(programme=programme, year=year)
    if for_update:
        periods = periods.select_for_update()
    return periods.first() or ReportingPeriod(programme=programme, year=year)


_REFUSED = {
    PeriodAction.SUBMIT: gettext_lazy(
        "Only policy officers, the M&E officer and administrators can submit a year."),
    PeriodAction.APPROVE: gettext_lazy(
        "Only the M&E officer or an administrator can approve a year."),
    PeriodAction.RETURN: gettext_lazy(
        "Only the M&E officer or an administrator can return a year to draft."),
    PeriodAction.UNLOCK: gettext_lazy("Only the M&E officer can unlock an approved year."),
}


def _step(user, programme, year: int, action: str, reason: str = "") -> ReportingPeriod:
    if not may(user, action):
        raise PermissionDenied(str(_REFUSED[action]))
    period = get_period(programme, year, for_update=True)
    before, after = STEPS[action]
    if period.status != before:
        raise ValidationError(
            _("%(year)s of “%(programme)s” is %(status)s, so it cannot be %(action)s; only a "
              "%(before)s year can."),
            code="wrong_status",
            params={"year": year, "programme": programme,
                    "status": period.get_status_display().lower(),
                    "action": PeriodAction(action).label.lower(),
                    "before": PeriodStatus(before).label.lower()},
        )
    period.status = after
    save_record(period, user)
    PeriodEvent.objects.create(period=period, action=action, user=user, reason=reason.strip())
    locks.forget()
    return period


def _require_reason(reason: str, action: str) -> None:
    if not (reason or "").strip():
        raise ValidationError({"reason": ValidationError(
            _("Say why the year is %(action)s; the reason is kept in the log."),
            code="reason_required",
            params={"action": PeriodAction(action).label.lower()},
        )})


@transaction.atomic
def submit_period(user, programme, year: int, reason: str = "") -> ReportingPeriod:
    """Hand a draft year's figures and narratives to the M&E officer for approval."""
    return _step(user, programme, year, PeriodAction.SUBMIT, reason)


@transaction.atomic
def approve_period(user, programme, year: int, reason: str = "") -> ReportingPeriod:
    """Approve a submitted year: freeze every computed indicator's count, then lock the year."""
    if not may(user, PeriodAction.APPROVE):
        raise PermissionDenied(str(_REFUSED[PeriodAction.APPROVE]))
    # Frozen while the year is still open (the lock would refuse these writes afterwards).
    status = get_period(programme, year, for_update=True).status
    if status == PeriodStatus.SUBMITTED:
        _freeze(user, programme, year)
    return _step(user, programme, year, PeriodAction.APPROVE, reason)


@transaction.atomic
def return_period(user, programme, year: int, reason: str) -> ReportingPeriod:
    """Send a submitted year back to draft, saying what needs work."""
    if not may(user, PeriodAction.RETURN):
        raise PermissionDenied(str(_REFUSED[PeriodAction.RETURN]))
    _require_reason(reason, PeriodAction.RETURN)
    return _step(user, programme, year, PeriodAction.RETURN, reason)


@transaction.atomic
def unlock_period(user, programme, year: int, reason: str) -> ReportingPeriod:
    """Open an approved year again (M&E officer only, with a reason); the computed indicators
    count live again."""
    if not may(user, PeriodAction.UNLOCK):
        raise PermissionDenied(str(_REFUSED[PeriodAction.UNLOCK]))
    _require_reason(reason, PeriodAction.UNLOCK)
    period = _step(user, programme, year, PeriodAction.UNLOCK, reason)
    _thaw(user, programme, year)
    return period


def _computed(programme):
    return Indicator.objects.filter(programme=programme, kind=IndicatorKind.COMPUTED)


def _freeze(user, programme, year: int) -> None:
    stored = {p.indicator_id: p for p in IndicatorPeriod.objects.filter(
        indicator__programme=programme, indicator__kind=IndicatorKind.COMPUTED, year=year)}
    for indicator in _computed(programme):
        period = stored.get(indicator.pk) or IndicatorPeriod(indicator=indicator, year=year)
        try:
            period.actual = indicators.count(indicator, year)
        except indicators.FilterError as exc:  # the message names the indicator and the fix
            raise ValidationError(str(exc), code="indicator_filter") from exc
        save_record(period, user)


def _thaw(user, programme, year: int) -> None:
    for period in IndicatorPeriod.objects.filter(
            indicator__programme=programme, indicator__kind=IndicatorKind.COMPUTED, year=year,
            actual__isnull=False).select_related("indicator"):
        period.actual = None
        save_record(period, user)
