"""The narrative report as a Word document (python-docx): real Heading 1/2/3 styles, so the
navigation pane and a table of contents work, tables for the figures, page numbers in the footer."""

from io import BytesIO

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from hefboom.reporting.narrative import labels


def _page_number(paragraph, word: str) -> None:
    """"Page N" with a PAGE field that Word fills in."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(f"{word} ")
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


class _Styled:
    """Paragraphs, headings and tables with a named style, the style looked up once per name:
    python-docx searches the whole style sheet on every `style=` (seconds on a long report)."""

    def __init__(self, document):
        self.document = document
        self.ids = {}

    def _id(self, name: str) -> str:
        if name not in self.ids:
            self.ids[name] = self.document.styles[name].style_id
        return self.ids[name]

    def paragraph(self, text: str, style: str):
        paragraph = self.document.add_paragraph(text)
        paragraph._p.style = self._id(style)
        return paragraph

    def heading(self, text: str, level: int):
        return self.paragraph(text, "Title" if level == 0 else f"Heading {level}")

    def table(self, rows: int, cols: int):
        table = self.document.add_table(rows=rows, cols=cols)
        table._tbl.tblStyle_val = self._id("Table Grid")
        return table


def _table(document, headings, rows, numeric=()):
    table = document.table(rows=1, cols=len(headings))
    for cell, heading in zip(table.rows[0].cells, headings, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(heading).bold = True
    for values in rows:
        cells = table.add_row().cells
        for index, (cell, value) in enumerate(zip(cells, values, strict=True)):
            lines = str(value).split("\n")
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
            if index in numeric:
                for paragraph in cell.paragraphs:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.document.add_paragraph()
    return table


def _blocks(document, blocks):
    for block in blocks:
        if block.kind == "heading":
            document.heading(block.lines[0], level=4)
        elif block.kind == "bullets":
            for item in block.lines:
                document.paragraph(item, "List Bullet")
        else:
            paragraph = document.document.add_paragraph()
            for index, line in enumerate(block.lines):
                run = paragraph.add_run(line)
                if index < len(block.lines) - 1:
                    run.add_break()


def _muted(document, text):
    document.document.add_paragraph().add_run(text).italic = True


def _figures(document, report, figures):
    _table(document, labels.figure_headings(report.year), [
        (row.code, row.title + (f" ({row.unit})" if row.unit else "")
         + (f"\n{row.text}" if row.text else ""),
         row.baseline, row.target, row.rating or row.actual)
        for row in figures
    ], numeric=(2, 3, 4))


def render_docx(report) -> bytes:
    words = labels.words()
    docx = Document()
    docx.core_properties.title = f"{report.programme} – {report.title}"
    docx.core_properties.language = report.language
    docx.styles["Normal"].font.size = Pt(10.5)
    _page_number(docx.sections[0].footer.paragraphs[0], words["page"])
    document = _Styled(docx)

    document.heading(f"{report.programme} – {report.title}", level=0)
    _muted(document, labels.meta_line(report))

    document.heading(words["programme_figures"], level=1)
    if report.figures:
        _figures(document, report, report.figures)
    else:
        _muted(document, words["no_programme_figures"])
    for part in report.counts:
        document.heading(f"{part.title}: {part.total}", level=2)
        for heading, rows in part.groups:
            _table(document, [heading, words["number"]], rows, numeric=(1,))

    for theme in report.themes:
        docx.add_page_break()
        document.heading(theme.name, level=1)

        document.heading(words["narratives"], level=2)
        for narrative in theme.narratives:
            title = narrative.title + (f" ({words['draft']})" if narrative.is_draft else "")
            document.heading(title, level=3)
            _muted(document, f"{narrative.scope} · {narrative.period}")
            _blocks(document, narrative.blocks)
        if not theme.narratives:
            _muted(document, words["no_narrative"])

        document.heading(words["journals"], level=2)
        for journal in theme.journals:
            document.heading(journal.partner, level=3)
            _muted(document, journal.period)
            _blocks(document, journal.blocks)
            _table(document, [words["level"], words["marker"], words["rating"]], [
                (m.level, m.statement + (f"\n{m.note}" if m.note else ""),
                 m.rating or words["not_rated"])
                for m in journal.markers
            ])
        if not theme.journals:
            _muted(document, words["no_journal"])

        document.heading(words["outcomes"], level=2)
        for outcome in theme.outcomes:
            document.heading(outcome.title, level=3)
            table = _table(document, ["", ""], labels.outcome_fields(outcome))
            table.rows[0]._tr.getparent().remove(table.rows[0]._tr)  # no header row
        if not theme.outcomes:
            _muted(document, words["no_outcomes"])

        document.heading(words["figures"], level=2)
        if theme.figures:
            _figures(document, report, theme.figures)
        else:
            _muted(document, words["no_figures"])

    stream = BytesIO()
    docx.save(stream)
    return stream.getvalue()
