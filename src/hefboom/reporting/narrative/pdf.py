"""The narrative report as PDF (reportlab platypus). The fonts are reportlab's bundled Bitstream
Vera, registered once, so accented Dutch and French and the euro sign print on any machine
without system fonts. All text is escaped before it becomes Paragraph markup."""

from functools import cache
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from hefboom.reporting.narrative import labels

FONT = "HefboomVera"
FONT_FILES = {FONT: "Vera.ttf", f"{FONT}-Bold": "VeraBd.ttf", f"{FONT}-Italic": "VeraIt.ttf",
              f"{FONT}-BoldItalic": "VeraBI.ttf"}


@cache
def _register_fonts() -> None:
    folder = Path(reportlab.__file__).parent / "fonts"
    for name, filename in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=f"{FONT}-Bold", italic=f"{FONT}-Italic",
                                  boldItalic=f"{FONT}-BoldItalic")


@cache
def _styles() -> dict[str, ParagraphStyle]:
    _register_fonts()
    sample = getSampleStyleSheet()
    base = ParagraphStyle("body", parent=sample["BodyText"], fontName=FONT, fontSize=9.5,
                          leading=13, spaceAfter=4)
    heading = {"fontName": f"{FONT}-Bold", "textColor": colors.HexColor("#1d2330")}
    return {
        "title": ParagraphStyle("title", parent=sample["Title"], **heading, fontSize=20,
                                leading=25, alignment=0),
        "h1": ParagraphStyle("h1", parent=sample["Heading1"], **heading, fontSize=16, leading=20,
                             spaceBefore=10, spaceAfter=6),
        "h2": ParagraphStyle("h2", parent=sample["Heading2"], fontName=f"{FONT}-Bold",
                             textColor=colors.HexColor("#1d5c8c"), fontSize=13, leading=16,
                             spaceBefore=10, spaceAfter=4),
        "h3": ParagraphStyle("h3", parent=sample["Heading3"], **heading, fontSize=11,
                             leading=14, spaceBefore=8, spaceAfter=2),
        "h4": ParagraphStyle("h4", parent=base, fontName=f"{FONT}-Bold", spaceBefore=6),
        "body": base,
        "muted": ParagraphStyle("muted", parent=base, fontName=f"{FONT}-Italic",
                                textColor=colors.HexColor("#5b6475")),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11, spaceAfter=0),
        "cell_bold": ParagraphStyle("cell_bold", parent=base, fontName=f"{FONT}-Bold",
                                    fontSize=8.5, leading=11, spaceAfter=0),
        "number": ParagraphStyle("number", parent=base, fontSize=8.5, leading=11, spaceAfter=0,
                                 alignment=TA_RIGHT),
    }


def _markup(text: str) -> str:
    """Plain text as Paragraph markup: escaped, line breaks kept."""
    return "<br/>".join(escape(line) for line in str(text).split("\n"))


def _p(text, style="body") -> Paragraph:
    return Paragraph(_markup(text), _styles()[style])


def _table(headings, rows, widths, numeric=(), header=True) -> Table:
    styles = _styles()
    data = [[Paragraph(_markup(h), styles["cell_bold"]) for h in headings]] if header else []
    for values in rows:
        data.append([Paragraph(_markup(value), styles["number" if i in numeric else "cell"])
                     for i, value in enumerate(values)])
    table = Table(data, colWidths=[w * cm for w in widths], repeatRows=1 if header else 0,
                  hAlign="LEFT")
    commands = [("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#c9ced8")),
                ("VALIGN", (0, 0), (-1, -1), "TOP")]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f7")))
    table.setStyle(TableStyle(commands))
    return table


def _blocks(blocks) -> list:
    story = []
    for block in blocks:
        if block.kind == "heading":
            story.append(_p(block.lines[0], "h4"))
        elif block.kind == "bullets":
            story.append(ListFlowable([ListItem(_p(item), leftIndent=12) for item in block.lines],
                                      bulletType="bullet", start="•", leftIndent=12,
                                      bulletFontName=FONT))
        else:
            story.append(_p("\n".join(block.lines)))
    return story


def _figures(report, figures) -> Table:
    return _table(labels.figure_headings(report.year), [
        (row.code, row.title + (f" ({row.unit})" if row.unit else "")
         + (f"\n{row.text}" if row.text else ""),
         row.baseline, row.target, row.rating or row.actual)
        for row in figures
    ], widths=(1.6, 9.1, 2, 2, 2.3), numeric=(2, 3, 4))


def story(report) -> list:
    """The flowables of the report, in order (tests read them; `render_pdf` lays them out)."""
    words = labels.words()
    flow = [_p(f"{report.programme}\n{report.title}", "title"), _p(labels.meta_line(report), "muted"),
            _p(words["programme_figures"], "h1")]
    flow.append(_figures(report, report.figures) if report.figures
                else _p(words["no_programme_figures"], "muted"))
    for part in report.counts:
        flow.append(_p(f"{part.title}: {part.total}", "h2"))
        for heading, rows in part.groups:
            flow += [_table([heading, words["number"]], rows, widths=(13, 3), numeric=(1,)),
                     Spacer(1, 6)]

    for theme in report.themes:
        flow += [PageBreak(), _p(theme.name, "h1"), _p(words["narratives"], "h2")]
        for narrative in theme.narratives:
            title = narrative.title + (f" ({words['draft']})" if narrative.is_draft else "")
            flow += [_p(title, "h3"), _p(f"{narrative.scope} · {narrative.period}", "muted"),
                     *_blocks(narrative.blocks)]
        if not theme.narratives:
            flow.append(_p(words["no_narrative"], "muted"))

        flow.append(_p(words["journals"], "h2"))
        for journal in theme.journals:
            flow += [_p(journal.partner, "h3"), _p(journal.period, "muted"),
                     *_blocks(journal.blocks),
                     _table([words["level"], words["marker"], words["rating"]], [
                         (m.level, m.statement + (f"\n{m.note}" if m.note else ""),
                          m.rating or words["not_rated"]) for m in journal.markers
                     ], widths=(2.8, 10.4, 3.8)), Spacer(1, 6)]
        if not theme.journals:
            flow.append(_p(words["no_journal"], "muted"))

        flow.append(_p(words["outcomes"], "h2"))
        for outcome in theme.outcomes:
            flow.append(KeepTogether([
                _p(outcome.title, "h3"),
                _table([], labels.outcome_fields(outcome), widths=(3.5, 13.5), header=False),
            ]))
        if not theme.outcomes:
            flow.append(_p(words["no_outcomes"], "muted"))

        flow.append(_p(words["figures"], "h2"))
        flow.append(_figures(report, theme.figures) if theme.figures
                    else _p(words["no_figures"], "muted"))
    return flow


def render_pdf(report) -> bytes:
    _register_fonts()
    page_word = labels.words()["page"]
    stream = BytesIO()

    def footer(canvas, document):
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.setFillColor(colors.HexColor("#5b6475"))
        canvas.drawString(2 * cm, 1.2 * cm, f"{report.programme} – {report.title}")
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"{page_word} {document.page}")
        canvas.restoreState()

    document = SimpleDocTemplate(
        stream, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm,
        bottomMargin=2 * cm, title=f"{report.programme} – {report.title}", lang=report.language,
        creator="Hefboom")
    document.build(story(report), onFirstPage=footer, onLaterPages=footer)
    return stream.getvalue()
