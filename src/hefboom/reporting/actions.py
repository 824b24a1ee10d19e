"""Writes of the reporting app; every one goes through `core.actions.save_record`."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from hefboom.core.actions import save_record
from hefboom.reporting.models import Indicator, IndicatorPeriod


def _require_me(user):
    if not user.can_edit_strategy:
        raise PermissionDenied("Only the M&E officer or an administrator can change indicators.")


def save_indicator(user, indicator: Indicator, *, expected_version=None) -> Indicator:
    _require_me(user)
    return save_record(indicator, user, expected_version=expected_version)


@transaction.atomic
def set_indicator_period(user, indicator: Indicator, year: int, *, expected_version=None,
                         **values) -> IndicatorPeriod:
    """Set the target, actual, rating, texts or comment of `indicator` for `year`."""
    _require_me(user)
    period = (IndicatorPeriod.objects.filter(indicator=indicator, year=year).first()
              or IndicatorPeriod(indicator=indicator, year=year))
    for name, value in values.items():
        setattr(period, name, value)
    return save_record(period, user, expected_version=expected_version)
