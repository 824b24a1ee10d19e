"""The narrative report of a programme year: one part per theme, assembled from what people
wrote (narratives, outcome journals, outcome statements) and the figures (indicators, counts).

`build_docx`, `build_html` and `build_pdf` take `(programme, year, language)` and return bytes
(see `reporting.formats`); they read the same `content.report_content`, so the three formats
say the same thing.
"""

from django.template.loader import render_to_string
from django.utils import translation

from hefboom.reporting.narrative.content import ReportContent, report_content


def content_for(programme, year: int, language: str) -> ReportContent:
    with translation.override(language):
        return report_content(programme, year, language)


def build_html(programme, year: int, language: str = "nl") -> bytes:
    """A standalone, printable page (its style inline, no scripts, no links to the app)."""
    with translation.override(language):
        content = report_content(programme, year, language)
        return render_to_string("reporting/narrative_report.html",
                                {"report": content}).encode("utf-8")


def build_docx(programme, year: int, language: str = "nl") -> bytes:
    from hefboom.reporting.narrative.word import render_docx

    with translation.override(language):
        return render_docx(report_content(programme, year, language))


def build_pdf(programme, year: int, language: str = "nl") -> bytes:
    from hefboom.reporting.narrative.pdf import render_pdf

    with translation.override(language):
        return render_pdf(report_content(programme, year, language))
