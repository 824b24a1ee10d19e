"""Read helpers for other apps (the reporting issue feeds reports from these) and for the views.

`narratives_for(scope, start, end)` and `journal_for(partner, start, end, user=...)` are the
public entry points; `narrative_html` / `narrative_text` show a narrative to one reader.
"""

from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, Q

from hefboom.core.access import visible_contacts
from hefboom.learning import references as refs
from hefboom.learning.models import Journal, JournalEntry, Narrative
from hefboom.learning.resolver import resolve
from hefboom.monitoring.models import Contact, Evidence, ProgressMarkerObservation
from hefboom.strategy.models import BoundaryPartner, Dossier, MarkerLevel, Programme, Theme


def narratives_for(scope, start: date, end: date, *, status: str | None = None):
    """Narratives of a programme, theme (its dossiers included) or dossier whose period overlaps
    [start, end], ordered by theme, dossier and period."""
    if isinstance(scope, Programme):
        where = Q(theme__programme=scope) | Q(dossier__theme__programme=scope)
    elif isinstance(scope, Theme):
        where = Q(theme=scope) | Q(dossier__theme=scope)
    elif isinstance(scope, Dossier):
        where = Q(dossier=scope)
    else:
        raise TypeError(f"narratives_for needs a programme, theme or dossier, not {scope!r}")
    narratives = Narrative.objects.filter(where, period_start__lte=end, period_end__gte=start)
    if status:
        narratives = narratives.filter(status=status)
    return narratives.select_related("theme", "dossier__theme").order_by(
        "dossier__theme__order", "theme__order", "dossier__name", "period_start", "pk")


def dossiers_with_narrative(start: date, end: date):
    """Ids of the dossiers with a narrative of their own whose period covers [start, end]
    (for the completeness signals: a theme's narrative does not excuse its dossiers)."""
    return Narrative.objects.filter(dossier__isnull=False, period_start__lte=start,
                                    period_end__gte=end).values("dossier_id")


def narrative_html(narrative: Narrative, user) -> str:
    """The text as HTML for `user`: references as links, unavailable ones without their title."""
    found, _malformed = refs.parse(narrative.text)
    return refs.render_html(narrative.text, resolve(found, user))


def narrative_text(narrative: Narrative, user) -> str:
    """The text with references replaced by titles (for plain-text and document reports)."""
    found, _malformed = refs.parse(narrative.text)
    return refs.render_plain(narrative.text, resolve(found, user))


@dataclass
class JournalRow:
    marker: object
    observation: ProgressMarkerObservation | None
    evidence: list = field(default_factory=list)


@dataclass
class JournalPage:
    boundary_partner: BoundaryPartner
    period_start: date
    period_end: date
    journal: Journal | None
    rows: list[JournalRow]

    @property
    def levels(self):
        """Rows grouped by level: [(level label, rows)], expect before like before love."""
        labels = dict(MarkerLevel.choices)
        return [(labels[level], [r for r in self.rows if r.marker.level == level])
                for level in MarkerLevel.values if any(r.marker.level == level for r in self.rows)]


def journal_for(boundary_partner, start: date, end: date, *, user=None) -> JournalPage:
    """A boundary partner's journal for a period: the journal (or None) and one row per progress
    marker, in ladder order, with its observation for exactly this period. Contacts are those
    `user` may see (none without a user); outcomes and evidence in the bin are left out."""
    contacts = visible_contacts(user) if user is not None else Contact.objects.none()
    observations = ProgressMarkerObservation.objects.filter(
        progress_marker__boundary_partner=boundary_partner, period_start=start, period_end=end,
    ).prefetch_related(
        "outcomes",
        Prefetch("contacts", queryset=contacts),
        Prefetch("journal_entry__evidence",
                 queryset=Evidence.objects.filter(outcome__deleted_at__isnull=True)),
    )
    by_marker = {o.progress_marker_id: o for o in observations}
    rows = []
    for marker in boundary_partner.progress_markers.select_related("dossier").order_by("level", "order"):
        observation = by_marker.get(marker.pk)
        evidence = []
        if observation is not None:
            with suppress(JournalEntry.DoesNotExist):
                evidence = list(observation.journal_entry.evidence.all())
        rows.append(JournalRow(marker, observation, evidence))
    journal = Journal.objects.filter(boundary_partner=boundary_partner, period_start=start,
                                     period_end=end).first()
    return JournalPage(boundary_partner, start, end, journal, rows)


@dataclass
class Ladder:
    boundary_partner: BoundaryPartner
    periods: list[tuple[date, date]]
    rows: list[tuple[object, list]]  # (marker, [observation or None per period])


def ladder(boundary_partner) -> Ladder:
    """Markers (expect, like, love; ordered) by periods (oldest first): three queries."""
    markers = list(boundary_partner.progress_markers.order_by("level", "order"))
    observations = ProgressMarkerObservation.objects.filter(progress_marker__in=markers)
    cells = {(o.progress_marker_id, o.period_start, o.period_end): o for o in observations}
    periods = {(start, end) for (_pk, start, end) in cells}
    periods |= set(boundary_partner.journals.values_list("period_start", "period_end"))
    periods = sorted(periods)
    rows = [(m, [cells.get((m.pk, start, end)) for start, end in periods]) for m in markers]
    return Ladder(boundary_partner, periods, rows)
