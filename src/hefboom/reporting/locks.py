"""Period locks: once a programme year is approved, the records dated in it cannot change.

`check_unlocked` is registered with `core.actions.register_write_check`, so every save, delete
and restore through the one write path (forms, the admin, imports, the demo loader) asks it.
A record belongs to the years its date (or period) falls in and to the programmes of its
dossiers (through their theme); records without a date of their own take their outcome's
(evidence, contribution links, claims, assessed evidence) or their journal's. Both the stored
state and the new one count, so moving a record into or out of a locked year is refused too.

Indicators themselves are not locked: an approved year reads the frozen actuals and the stored
targets (`IndicatorPeriod`, which is locked), so editing an indicator's title or filter does not
change the approved figures.
"""

import contextlib
import contextvars

from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from hefboom.learning.models import Journal, JournalEntry, Narrative
from hefboom.monitoring.models import (
    Activity,
    ClaimEvidence,
    Contact,
    ContributionClaim,
    ContributionLink,
    Evidence,
    Outcome,
    Output,
    ProgressMarkerObservation,
)
from hefboom.reporting.models import (
    IndicatorPeriod,
    PeriodAction,
    PeriodEvent,
    PeriodStatus,
    ReportingPeriod,
)
from hefboom.strategy.models import BoundaryPartner, Dossier, ProgressMarker


class PeriodLocked(ValidationError):
    """A write to a record dated in an approved year; forms show the message like any error."""

    def __init__(self, period: ReportingPeriod):
        self.period = period
        approval = (PeriodEvent.objects.filter(period=period, action=PeriodAction.APPROVE)
                    .select_related("user").order_by("-at", "-pk").first())
        if approval is None:  # approved outside the actions (e.g. in the admin)
            super().__init__(
                _("%(year)s of the programme “%(programme)s” is approved and locked; to change "
                  "records of that year, ask the M&E officer to unlock it."),
                code="period_locked",
                params={"year": period.year, "programme": period.programme},
            )
            return
        super().__init__(
            _("%(year)s of the programme “%(programme)s” was approved by %(user)s on %(date)s "
              "and is locked; to change records of that year, ask the M&E officer to unlock "
              "it."),
            code="period_locked",
            params={"year": period.year, "programme": period.programme, "user": approval.user,
                    "date": date_format(localtime(approval.at), "j F Y")},
        )


# Inside `cached()`, lookups are made once for all the checks in the block (bulk imports).
_cache: contextvars.ContextVar = contextvars.ContextVar("period_lock_cache", default=None)


@contextlib.contextmanager
def cached():
    """Look up the approved years (and the programmes of dossiers and markers) once for every
    check inside the block; for bulk work inside one transaction."""
    token = _cache.set({})
    try:
        yield
    finally:
        _cache.reset(token)


def forget() -> None:
    """Drop cached lookups (after a year is approved or unlocked inside a cached block)."""
    cache = _cache.get()
    if cache is not None:
        cache.clear()


def _cached(key, compute):
    cache = _cache.get()
    if cache is None:
        return compute()
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def approved_periods() -> dict[tuple[int, int], int]:
    """(programme id, year) → reporting period id, for every approved (locked) year."""
    return _cached("approved", lambda: {
        (programme, year): pk for programme, year, pk in ReportingPeriod.objects.filter(
            status=PeriodStatus.APPROVED).values_list("programme_id", "year", "pk")})


def _dossier_programmes(ids) -> set[int]:
    ids = {getattr(d, "pk", d) for d in ids}
    if not ids:
        return set()
    if _cache.get() is not None:
        known = _cached("dossiers", lambda: dict(
            Dossier.objects.values_list("pk", "theme__programme_id")))
        return {known[pk] for pk in ids if pk in known}
    return set(Dossier.objects.filter(pk__in=ids).values_list("theme__programme_id", flat=True))


def _marker_programme(marker_id) -> set[int]:
    if _cache.get() is not None:
        known = _cached("markers", lambda: dict(
            ProgressMarker.objects.values_list("pk", "boundary_partner__theme__programme_id")))
        return {known[marker_id]} if marker_id in known else set()
    return set(ProgressMarker.objects.filter(pk=marker_id)
               .values_list("boundary_partner__theme__programme_id", flat=True))


def _partner_programme(partner_id) -> set[int]:
    return set(BoundaryPartner.objects.filter(pk=partner_id)
               .values_list("theme__programme_id", flat=True))


def _years(start, end) -> set[int]:
    if not start or not end:
        return set()
    return set(range(start.year, end.year + 1))


# What a record's state touches: the years it is dated in, and (asked only when a year is
# locked) the programmes it belongs to. `links` are the many-to-many links about to be set.

def _dossiers_of(record, links):
    if links and "dossiers" in links:
        return _dossier_programmes(links["dossiers"])
    if record.pk is None:
        return set()
    return set(record.dossiers.values_list("theme__programme_id", flat=True))


def _outcome_of(record):
    return record.outcome if record.outcome_id else None


def _own_date(record):
    return {record.date.year} if record.date else set()


def _outcome_years(outcome):
    return {outcome.date.year} if outcome and outcome.date else set()


def _outcome_programmes(outcome):
    return _dossiers_of(outcome, None) if outcome else set()


def _claim_outcome(item):
    return item.claim.outcome if item.claim_id else None


def _narrative_programmes(narrative, links):
    if narrative.theme_id:
        return {narrative.theme.programme_id}
    if narrative.dossier_id:
        return _dossier_programmes([narrative.dossier_id])
    return set()


SCOPES = {
    # model: (years of a state, programmes of a state and its new links)
    Contact: (_own_date, _dossiers_of),
    Activity: (_own_date, _dossiers_of),
    Output: (_own_date, _dossiers_of),
    Outcome: (_own_date, _dossiers_of),
    Evidence: (lambda r: _outcome_years(_outcome_of(r)),
               lambda r, links: _outcome_programmes(_outcome_of(r))),
    ContributionLink: (lambda r: _outcome_years(_outcome_of(r)),
                       lambda r, links: _outcome_programmes(_outcome_of(r))),
    ContributionClaim: (lambda r: _outcome_years(_outcome_of(r)),
                        lambda r, links: _outcome_programmes(_outcome_of(r))),
    ClaimEvidence: (lambda r: _outcome_years(_claim_outcome(r)),
                    lambda r, links: _outcome_programmes(_claim_outcome(r))),
    ProgressMarkerObservation: (
        lambda r: _years(r.period_start, r.period_end),
        lambda r, links: _marker_programme(r.progress_marker_id) if r.progress_marker_id
        else set()),
    Journal: (lambda r: _years(r.period_start, r.period_end),
              lambda r, links: _partner_programme(r.boundary_partner_id)),
    JournalEntry: (lambda r: _years(r.journal.period_start, r.journal.period_end),
                   lambda r, links: _partner_programme(r.journal.boundary_partner_id)),
    Narrative: (lambda r: _years(r.period_start, r.period_end), _narrative_programmes),
    IndicatorPeriod: (lambda r: {r.year} if r.year else set(),
                      lambda r, links: {r.indicator.programme_id} if r.indicator_id else set()),
}


def register_scope(model, years_of, programmes_of) -> None:
    """Lock `model` too (apps that come after reporting call this in `ready()`):
    `years_of(state)` gives the years a record is dated in, `programmes_of(state, links)` the
    programmes it belongs to. Records of the model that are really deleted are refused as well
    when they are in a locked year."""
    from django.db.models.signals import pre_delete

    from hefboom.core.models import SoftDeletable

    SCOPES[model] = (years_of, programmes_of)
    if not issubclass(model, SoftDeletable):
        pre_delete.connect(refuse_locked_delete, sender=model,
                           dispatch_uid=f"period_lock_{model._meta.label_lower}")


def dossier_programmes(ids) -> set[int]:
    """The programmes of the dossiers `ids` (records or primary keys)."""
    return _dossier_programmes(ids)


def years_between(start, end) -> set[int]:
    return _years(start, end)


def locked_period(record, *, m2m: dict | None = None) -> int | None:
    """The id of an approved reporting period that `record` (as stored, or as it is about to be
    saved with `m2m`) is dated in, or None."""
    model = record._meta.concrete_model
    if model not in SCOPES:
        return None
    approved = approved_periods()
    if not approved:
        return None
    years_of, programmes_of = SCOPES[model]
    states = [(record, m2m)]
    if record.pk is not None and not record._state.adding:
        stored = model._base_manager.filter(pk=record.pk).first()
        if stored is not None:
            states.append((stored, None))
    approved_years = {year for _programme, year in approved}
    for state, links in states:
        years = years_of(state) & approved_years
        if not years:
            continue
        for programme in programmes_of(state, links):
            for year in sorted(years):
                if (programme, year) in approved:
                    return approved[programme, year]
    return None


def check_unlocked(record, user, *, m2m: dict | None = None) -> None:
    """Refuse (`PeriodLocked`) a write to a record dated in an approved year of its programme.
    Nobody is exempt: the M&E officer unlocks the year first, which is logged."""
    period_id = locked_period(record, m2m=m2m)
    if period_id is not None:
        raise PeriodLocked(ReportingPeriod.objects.select_related("programme").get(pk=period_id))


def refuse_locked_delete(sender, instance, **kwargs) -> None:
    """`pre_delete` receiver: records that are really deleted (evidence, contribution links,
    assessed evidence, journal entries, indicator values...) are removed by their own actions
    or by a cascade, not by `delete_record`; the lock holds for them too."""
    check_unlocked(instance, None)


def hard_deleted_models() -> list:
    from hefboom.core.models import SoftDeletable

    return [model for model in SCOPES if not issubclass(model, SoftDeletable)]
