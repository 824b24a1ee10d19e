"""What the narrative report says, gathered once so that docx, html and pdf say the same.

Everything shown comes from `reporting.selectors` (figures, outcomes, counts) and
`learning.selectors` (narratives, journals). The report is a funder document: contacts appear
only as counts, and a narrative's reference to a contact is rendered as "a contact", never with
its summary, whether the contact is confidential or not.

Text that XML cannot hold (control characters; docx is XML) is refused with a `ReportError`
naming the record and the field, in every format alike, so a report is never silently changed.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import prefetch_related_objects
from django.utils import formats
from django.utils.translation import gettext as _

from hefboom.learning import references as refs
from hefboom.learning.models import Journal, NarrativeStatus
from hefboom.learning.references import Block, blocks
from hefboom.learning.resolver import resolve
from hefboom.learning.selectors import journal_for, narratives_for
from hefboom.monitoring.models import ProgressMarkerObservation
from hefboom.reporting.formats import ReportError
from hefboom.reporting.indicators import year_range
from hefboom.reporting.models import PeriodStatus
from hefboom.reporting.selectors import indicator_rows, outcome_rows, period_status, record_counts

# Characters outside XML 1.0 (tab, line feed and carriage return are allowed).
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def checked(text, record, field_label) -> str:
    """`text` (or "") when every character can go into a document, else a `ReportError` that
    names the record, the field and the character."""
    text = str(text or "")
    match = NOT_IN_XML.search(text)
    if match:
        kind = getattr(getattr(record, "_meta", None), "verbose_name", "")
        raise ReportError(_(
            "The %(field)s of %(kind)s “%(record)s” (number %(pk)s) contains a character that a "
            "document cannot hold (U+%(code)04X, at position %(position)d); remove it and make "
            "the report again."
        ) % {"field": field_label, "kind": kind, "record": NOT_IN_XML.sub("?", str(record)),
             "pk": getattr(record, "pk", "?"), "code": ord(match.group()),
             "position": match.start() + 1})
    return text


def number(value) -> str:
    """A figure as the reader's language writes it: 1.234,5 in Dutch and French, 1,234.5 in
    English; no trailing zeros; an em dash when there is no figure."""
    if value is None:
        return "—"
    value = Decimal(value)
    value = value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()
    return formats.number_format(value, use_l10n=True, force_grouping=True)


def day(value: date) -> str:
    return formats.date_format(value, "DATE_FORMAT", use_l10n=True)


def funder_text(narrative) -> str:
    """A narrative's text with references replaced by titles, as anyone outside may read it:
    a contact is "a contact" (its summary may be confidential), a record in the bin or gone is
    "[unavailable record]"."""
    found, _malformed = refs.parse(narrative.text)
    resolved = resolve([r for r in found if r.kind != refs.Kind.CONTACT], None)
    for reference in found:
        if reference.kind == refs.Kind.CONTACT:
            resolved[reference] = refs.Resolved(_("a contact"), "")
    return refs.render_plain(narrative.text, resolved)


@dataclass
class NarrativePart:
    title: str
    scope: str
    period: str
    is_draft: bool
    blocks: list[Block]


@dataclass
class MarkerLine:
    level: str
    statement: str
    rating: str  # the rating's label, "" when the marker was not rated in the period
    rating_code: str
    note: str


@dataclass
class JournalPart:
    partner: str
    period: str
    blocks: list[Block]
    markers: list[MarkerLine]


@dataclass
class OutcomePart:
    title: str
    who: str
    what: str
    when: str
    dossiers: str
    significance: str
    contribution: str
    contribution_summary: str
    evidence_count: int


@dataclass
class FigureRow:
    code: str
    title: str
    unit: str
    baseline: str
    target: str
    actual: str
    rating: str
    text: str


@dataclass
class CountPart:
    title: str
    total: int
    groups: list  # [(heading, [(label, count)])]


@dataclass
class ThemePart:
    name: str
    narratives: list[NarrativePart] = field(default_factory=list)
    journals: list[JournalPart] = field(default_factory=list)
    outcomes: list[OutcomePart] = field(default_factory=list)
    figures: list[FigureRow] = field(default_factory=list)


@dataclass
class ReportContent:
    title: str
    programme: str
    funder: str
    year: int
    status: str
    is_approved: bool
    language: str
    figures: list[FigureRow]
    counts: list[CountPart]
    themes: list[ThemePart]


def _period(start: date, end: date) -> str:
    return f"{day(start)} – {day(end)}"


def _figure(row, language: str) -> FigureRow:
    indicator = row.indicator
    title = indicator.title_in(language) or indicator.title
    return FigureRow(
        code=checked(indicator.code, indicator, _("code")),
        title=checked(title, indicator, _("title")),
        unit=checked(indicator.unit, indicator, _("unit")),
        baseline=number(indicator.baseline_value),
        target=number(row.target),
        actual=number(row.actual),
        rating=row.period.get_rating_display() if row.period and row.rating else "",
        text=checked(row.period.text_in(language) or row.text, row.period, _("text"))
        if row.period else "",
    )


def _narratives(theme, start, end) -> list[NarrativePart]:
    parts = []
    for narrative in narratives_for(theme, start, end):
        checked(narrative.text, narrative, _("text"))
        parts.append(NarrativePart(
            title=checked(narrative.title, narrative, _("title")),
            scope=str(narrative.scope),
            period=_period(narrative.period_start, narrative.period_end),
            is_draft=narrative.status == NarrativeStatus.DRAFT,
            blocks=blocks(funder_text(narrative)),
        ))
    return parts


def _journals(theme, start, end) -> list[JournalPart]:
    """Each boundary partner's journal for every period overlapping the year (a period counts
    when it has a journal or a rated progress marker), with the markers' ratings."""
    partners = list(theme.boundary_partners.order_by("name"))
    overlapping = {"period_start__lte": end, "period_end__gte": start}
    periods = set(Journal.objects.filter(boundary_partner__in=partners, **overlapping)
                  .values_list("boundary_partner_id", "period_start", "period_end"))
    periods |= set(ProgressMarkerObservation.objects
                   .filter(progress_marker__boundary_partner__in=partners, **overlapping)
                   .values_list("progress_marker__boundary_partner_id", "period_start",
                                "period_end"))
    parts = []
    for partner in partners:
        for _pk, period_start, period_end in sorted(p for p in periods if p[0] == partner.pk):
            page = journal_for(partner, period_start, period_end)
            lines = []
            for row in page.rows:
                observation = row.observation
                lines.append(MarkerLine(
                    level=row.marker.get_level_display(),
                    statement=checked(row.marker.statement, row.marker, _("statement")),
                    rating=observation.get_rating_display() if observation else "",
                    rating_code=observation.rating if observation else "",
                    note=checked(observation.narrative, observation, _("narrative"))
                    if observation else "",
                ))
            narrative = page.journal.narrative if page.journal else ""
            parts.append(JournalPart(
                partner=checked(partner.name, partner, _("name")),
                period=_period(period_start, period_end),
                blocks=blocks(checked(narrative, page.journal, _("overall narrative"))),
                markers=lines,
            ))
    return parts


def _outcomes(programme, year, theme) -> list[OutcomePart]:
    rows = outcome_rows(programme, year, theme=theme)
    prefetch_related_objects([r.outcome for r in rows], "social_actor_organisations",
                             "social_actor_persons")
    parts = []
    for row in rows:
        outcome = row.outcome
        actors = [*outcome.social_actor_organisations.all(), *outcome.social_actor_persons.all()]
        parts.append(OutcomePart(
            title=checked(outcome.title, outcome, _("title")),
            who=checked("; ".join(str(a) for a in actors), outcome, _("social actors")),
            what=checked(outcome.description, outcome, _("description of the change")),
            when=day(outcome.date),
            dossiers=", ".join(d.name for d in row.dossiers),
            significance=checked(outcome.significance, outcome, _("significance")),
            contribution=checked(outcome.contribution, outcome, _("contribution")),
            contribution_summary=row.contribution_summary,
            evidence_count=row.evidence_count,
        ))
    return parts


def _counts(programme, year) -> list[CountPart]:
    titles = {"contacts": _("Contacts"), "outputs": _("Outputs")}
    parts = []
    for name, counts in record_counts(programme, year).items():
        groups = [(_("By type"), counts.by_type), (_("By political level"), counts.by_level),
                  (_("By dossier"), counts.by_dossier)]
        parts.append(CountPart(titles.get(name, name), counts.total,
                               [(heading, rows) for heading, rows in groups if rows]))
    return parts


def report_content(programme, year: int, language: str) -> ReportContent:
    """The whole report for `programme` and `year`, headings in the active language."""
    start, end = year_range(year)
    rows = indicator_rows(programme, year)
    by_theme: dict = {}
    for row in rows:
        indicator = row.indicator
        theme_id = indicator.theme_id or (indicator.dossier.theme_id if indicator.dossier else None)
        by_theme.setdefault(theme_id, []).append(_figure(row, language))
    themes = []
    for theme in programme.themes.order_by("order", "name"):
        themes.append(ThemePart(
            name=checked(theme.name, theme, _("name")),
            narratives=_narratives(theme, start, end),
            journals=_journals(theme, start, end),
            outcomes=_outcomes(programme, year, theme),
            figures=by_theme.get(theme.pk, []),
        ))
    status = period_status(programme, year)
    return ReportContent(
        title=_("Annual report %(year)s") % {"year": year},
        programme=checked(programme.name, programme, _("name")),
        funder=checked(programme.funder, programme, _("funder")),
        year=year,
        status=str(PeriodStatus(status).label),
        is_approved=status == PeriodStatus.APPROVED,
        language=language,
        figures=by_theme.get(None, []),
        counts=_counts(programme, year),
        themes=themes,
    )
