"""The narrative report's fixed words, shared by the docx and pdf renderers (the html template
uses the same msgids in its `{% translate %}` tags). Call inside `translation.override`."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def figure_headings(year: int) -> list[str]:
    return [_("Code"), _("Indicator"), _("Baseline"), _("Target %(year)s") % {"year": year},
            _("Actual %(year)s") % {"year": year}]


def meta_line(report) -> str:
    parts = []
    if report.funder:
        parts.append(f"{_('Funder')}: {report.funder}")
    parts.append(f"{_('Reporting period')}: {report.year} ({report.status})")
    if not report.is_approved:
        parts.append(_("not yet approved: figures may still change"))
    return " · ".join(parts)


def evidence(count: int) -> str:
    return ngettext("%(counter)s piece of evidence", "%(counter)s pieces of evidence",
                    count) % {"counter": count}


def outcome_fields(outcome) -> list[tuple[str, str]]:
    """(label, text) for an outcome statement, in Outcome Harvesting order."""
    contribution = outcome.contribution or "—"
    if outcome.contribution_summary:
        contribution = f"{contribution}\n{outcome.contribution_summary}"
    return [
        (_("Who"), outcome.who or "—"),
        (_("What changed"), outcome.what),
        (_("When"), outcome.when),
        (_("Dossiers"), outcome.dossiers or "—"),
        (_("Significance"), outcome.significance or "—"),
        (_("Contribution"), contribution),
        (_("Evidence"), evidence(outcome.evidence_count)),
    ]


def words() -> dict[str, str]:
    return {
        "programme_figures": _("Programme-wide figures"),
        "no_programme_figures": _("No programme-wide indicators."),
        "number": _("Number"),
        "narratives": _("Narratives"),
        "draft": _("draft"),
        "no_narrative": _("No narrative for this year."),
        "journals": _("Outcome journals"),
        "level": _("Level"),
        "marker": _("Progress marker"),
        "rating": _("Rating"),
        "not_rated": _("not rated in this period"),
        "no_journal": _("No outcome journal for this year."),
        "outcomes": _("Outcomes"),
        "no_outcomes": _("No outcomes in this year."),
        "figures": _("Figures"),
        "no_figures": _("No indicators for this theme."),
        "page": _("Page"),
    }
