"""Completeness signals for the M&E officer: what is missing before a report or an evaluation.

Outcomes without evidence, without a contribution link or not (yet) substantiated; progress
markers never observed; dossiers without a narrative for the last period. A contribution link
counts as long as its outcome and source are not in the bin, whoever may read the source: the
lists name outcomes, never the contacts behind them.
"""

import datetime as dt

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from hefboom.monitoring.models import (
    ContributionLink,
    Evidence,
    Outcome,
    ProgressMarkerObservation,
    Substantiation,
)
from hefboom.strategy.models import Dossier, ProgressMarker

UNSUBSTANTIATED = (Substantiation.PENDING, Substantiation.NOT_SUBSTANTIATED)


def _has_evidence():
    return Exists(Evidence.objects.filter(outcome=OuterRef("pk")))


def _has_contribution():
    return Exists(ContributionLink.objects.filter(outcome=OuterRef("pk")).exclude(
        Q(contact__deleted_at__isnull=False) | Q(output__deleted_at__isnull=False)
        | Q(activity__deleted_at__isnull=False)))


def outcomes_without_evidence():
    return Outcome.objects.filter(~_has_evidence()).order_by("-date", "-pk")


def outcomes_without_contribution():
    return Outcome.objects.filter(~_has_contribution()).order_by("-date", "-pk")


def unsubstantiated_outcomes():
    return Outcome.objects.filter(substantiation__in=UNSUBSTANTIATED).order_by("-date", "-pk")


def markers_never_observed():
    observed = ProgressMarkerObservation.objects.filter(progress_marker=OuterRef("pk"))
    return (ProgressMarker.objects.filter(~Exists(observed))
            .select_related("boundary_partner", "dossier")
            .order_by("boundary_partner__name", "level", "order"))


def last_period(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The last full reporting period: the previous calendar year (reports are yearly)."""
    year = (today or timezone.localdate()).year - 1
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def dossiers_without_narrative(period: tuple[dt.date, dt.date] | None = None):
    """Dossiers with no narrative of their own for `period` (default: the last period)."""
    from hefboom.learning.selectors import dossiers_with_narrative

    start, end = period or last_period()
    return (Dossier.objects.exclude(pk__in=dossiers_with_narrative(start, end))
            .select_related("theme").order_by("theme__order", "name"))


def completeness_counts() -> dict[str, int]:
    """The number behind each signal, in three queries."""
    outcomes = Outcome.objects.aggregate(
        without_evidence=Count("pk", filter=~_has_evidence()),
        without_contribution=Count("pk", filter=~_has_contribution()),
        unsubstantiated=Count("pk", filter=Q(substantiation__in=UNSUBSTANTIATED)),
    )
    without_narrative = dossiers_without_narrative()
    return outcomes | {
        "markers_never_observed": markers_never_observed().count(),
        "dossiers_without_narrative": without_narrative.count(),
    }
