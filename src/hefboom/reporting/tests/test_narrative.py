"""The narrative report (docx, html, pdf) of the demo programme: a part per theme with what
people wrote and the figures `reporting.selectors` computes; never a contact's summary."""

import datetime as dt
import re
from decimal import Decimal
from io import BytesIO

import docx
import pytest
from django.core.management import call_command
from django.utils import translation
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph, Table

from hefboom.core.actions import save_record
from hefboom.learning.models import Journal, Narrative, NarrativeStatus
from hefboom.learning.references import blocks
from hefboom.monitoring.models import Confidentiality, Contact, Outcome, ProgressMarkerObservation
from hefboom.reporting.formats import FORMATS, ReportError
from hefboom.reporting.models import Indicator, IndicatorPeriod
from hefboom.reporting.narrative import build_docx, build_html, build_pdf, content_for
from hefboom.reporting.narrative.content import number
from hefboom.reporting.narrative.pdf import FONT, story
from hefboom.reporting.selectors import indicator_rows, outcome_rows

YEAR = 2023
START, END = dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31)


def read_docx(content: bytes):
    return docx.Document(BytesIO(content))


def docx_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def headings(document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def figure_cells(document) -> dict[str, list[str]]:
    """Indicator code -> the cells of its row, from every figures table."""
    found = {}
    for table in document.tables:
        if table.rows[0].cells[0].text == "Code":
            for row in table.rows[1:]:
                cells = [c.text for c in row.cells]
                found.setdefault(cells[0], []).append(cells)
    return found


def pdf_text(report) -> str:
    """The text of every paragraph of the pdf's story, tables included."""
    texts = []

    def walk(flowable):
        if isinstance(flowable, Paragraph):
            texts.append(flowable.getPlainText())
        elif isinstance(flowable, Table):
            for row in flowable._cellvalues:
                for cell in row:
                    walk(cell)
        for child in getattr(flowable, "_content", None) or []:
            walk(child)
        for child in getattr(flowable, "_flowables", None) or []:
            walk(child)

    for flowable in story(report):
        walk(flowable)
    return "\n".join(texts)


@pytest.fixture
def hervestiging(demo):
    return Narrative.objects.get(title="Hervestiging in 2023")


@pytest.fixture
def english():
    with translation.override("en"):
        yield


def test_the_docx_has_a_part_per_theme_with_real_headings(demo, english):
    document = read_docx(build_docx(demo, YEAR, "en"))

    themes = list(demo.themes.order_by("order").values_list("name", flat=True))
    assert len(themes) >= 2
    assert headings(document, 1) == ["Programme-wide figures", *themes]
    assert headings(document, 2).count("Outcomes") == len(themes)
    assert document.core_properties.title.endswith("Annual report 2023")
    footer = document.sections[0].footer.paragraphs[0]
    assert footer.text.startswith("Page")
    assert "PAGE" in footer._p.xml  # Word fills in the page number


def test_the_docx_holds_the_hervestiging_narrative_with_references_as_titles(demo, hervestiging,
                                                                              english):
    document = read_docx(build_docx(demo, YEAR, "en"))
    text = docx_text(document)

    assert hervestiging.status == NarrativeStatus.DRAFT
    assert "Hervestiging in 2023 (draft)" in headings(document, 3)
    first, second = (p.strip() for p in hervestiging.text.split("\n\n"))
    assert first.split("([@")[0] in text
    assert "besliste staatssecretaris Nicole de Moor tot een autonome opvangstructuur" in text
    assert "(Autonome opvangstructuur voor hervestiging)" in text
    assert "[@" not in text


def test_a_final_narrative_is_not_marked_draft(demo, hervestiging, english):
    hervestiging.status = NarrativeStatus.FINAL
    save_record(hervestiging, None)

    document = read_docx(build_docx(demo, YEAR, "en"))

    assert "Hervestiging in 2023" in headings(document, 3)
    assert "Hervestiging in 2023 (draft)" not in headings(document, 3)


def test_the_outcomes_are_those_of_the_year_under_their_theme(demo, english):
    document = read_docx(build_docx(demo, YEAR, "en"))
    level3 = headings(document, 3)

    of_year = [row.outcome.title for row in outcome_rows(demo, YEAR)]
    assert of_year
    for title in of_year:
        assert title in level3
    other_years = Outcome.objects.filter(dossiers__theme__programme=demo).exclude(
        date__year=YEAR).values_list("title", flat=True)
    assert other_years
    for title in other_years:
        assert title not in level3
    parts = {part.name: part for part in content_for(demo, YEAR, "en").themes}
    for theme in demo.themes.all():
        assert [o.title for o in parts[theme.name].outcomes] == [
            row.outcome.title for row in outcome_rows(demo, YEAR, theme=theme)]


def test_the_figures_are_those_of_indicator_rows(demo, english):
    period, _created = IndicatorPeriod.objects.get_or_create(
        indicator=Indicator.objects.get(programme=demo, code="OC4.1"), year=YEAR)
    period.target = Decimal("1234.50")
    save_record(period, None)

    cells = figure_cells(read_docx(build_docx(demo, YEAR, "en")))

    rows = indicator_rows(demo, YEAR)
    assert {row.indicator.code for row in rows} == set(cells)
    for row in rows:
        [found] = cells[row.indicator.code]
        assert found[2] == number(row.indicator.baseline_value)
        assert found[3] == number(row.target)
        assert found[4] == (row.period.get_rating_display() if row.rating else number(row.actual))
    assert cells["OC4.1"][0][3] == "1,234.5"
    assert any(row.actual for row in rows)


def test_theme_indicators_appear_in_their_theme(demo, english):
    klimaat = demo.themes.get(name="Klimaat")
    content = content_for(demo, YEAR, "en")

    part = next(t for t in content.themes if t.name == "Klimaat")
    expected = indicator_rows(demo, YEAR, theme=klimaat)
    assert expected
    assert [f.code for f in part.figures] == [r.indicator.code for r in expected]
    assert [f.actual for f in part.figures] == [number(r.actual) for r in expected]
    assert not {f.code for f in part.figures} & {f.code for f in content.figures}


@pytest.mark.parametrize(("language", "value", "written"), [
    ("nl", Decimal("1234.50"), "1.234,5"),
    ("en", Decimal("1234.50"), "1,234.5"),
    ("nl", Decimal("154.00"), "154"),
    ("nl", None, "—"),
])
def test_numbers_are_written_as_the_language_writes_them(language, value, written):
    with translation.override(language):
        assert number(value) == written


def test_the_journals_give_the_marker_ratings_of_periods_overlapping_the_year(demo, english):
    migratie = demo.themes.get(name="Migratie")
    partner = migratie.boundary_partners.get()
    journal = save_record(Journal(boundary_partner=partner, period_start=dt.date(2022, 1, 1),
                                  period_end=dt.date(2024, 12, 31),
                                  narrative="De regering verschoof.\n\n- eerste stap"), None)
    save_record(Journal(boundary_partner=partner, period_start=dt.date(2025, 1, 1),
                        period_end=dt.date(2025, 12, 31), narrative="Nog niet gebeurd."), None)

    document = read_docx(build_docx(demo, YEAR, "en"))
    text = docx_text(document)

    assert journal.narrative.split("\n")[0] in text
    assert "eerste stap" in [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert "Nog niet gebeurd." not in text
    observations = ProgressMarkerObservation.objects.filter(
        progress_marker__boundary_partner=partner, period_start__lte=END, period_end__gte=START)
    assert observations
    rated = {}
    for table in document.tables:
        for row in table.rows:
            cells = [c.text for c in row.cells]
            if len(cells) == 3:
                rated[cells[1].split("\n")[0]] = cells[2]
    for observation in observations:
        assert rated[observation.progress_marker.statement] == observation.get_rating_display()


def test_no_contact_summary_ever_reaches_the_report(demo, english):
    secret = Contact.objects.filter(confidentiality=Confidentiality.CONFIDENTIAL).first()
    assert secret is not None
    ordinary = Contact.objects.filter(confidentiality=Confidentiality.NORMAL,
                                      date__year=YEAR).first()
    migratie = demo.themes.get(name="Migratie")
    save_record(Narrative(theme=migratie, period_start=START, period_end=END,
                          title="Migratie in 2023", status=NarrativeStatus.FINAL,
                          text=f"Overleg met het kabinet [@contact:{secret.pk}] en "
                               f"[@contact:{ordinary.pk}]."), None)

    html = build_html(demo, YEAR, "en").decode()
    texts = {"html": html, "docx": docx_text(read_docx(build_docx(demo, YEAR, "en"))),
             "pdf": pdf_text(content_for(demo, YEAR, "en"))}

    for name, text in texts.items():
        assert "Overleg met het kabinet a contact en a contact." in text, name
        for contact in (secret, ordinary):
            assert contact.summary[:40] not in text, name
            assert str(contact) not in text, name


@pytest.mark.parametrize("builder", [build_docx, build_html, build_pdf])
def test_a_character_xml_cannot_hold_is_refused_naming_record_and_field(demo, builder, english):
    outcome = outcome_rows(demo, YEAR)[0].outcome
    outcome.significance = "Belangrijk\x0bvoor de regering"
    save_record(outcome, None)

    with pytest.raises(ReportError) as refused:
        builder(demo, YEAR, "en")

    message = str(refused.value)
    assert "significance" in message
    assert outcome.title in message
    assert "U+000B" in message


def test_the_html_is_a_standalone_page_with_the_same_parts(demo, hervestiging, english):
    html = build_html(demo, YEAR, "en").decode()

    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in html
    assert "<script" not in html
    assert "<link" not in html
    for theme in demo.themes.values_list("name", flat=True):
        assert f"<h1>{theme}</h1>" in html
    assert "Hervestiging was door het tekort aan opvangplaatsen" in html
    assert '<span class="draft">draft</span>' in html
    for row in outcome_rows(demo, YEAR):
        assert f"<h3>{row.outcome.title}</h3>" in html
    assert "[@" not in html


def test_the_pdf_is_a_pdf_with_the_same_parts_in_vera(demo, english):
    content = build_pdf(demo, YEAR, "en")

    assert content.startswith(b"%PDF-")
    assert content.rstrip().endswith(b"%%EOF")
    embedded = set(re.findall(rb"/BaseFont /[A-Z]{6}\+BitstreamVeraSans-(\w+)", content))
    assert {b"Roman", b"Bold", b"Oblique"} <= embedded
    text = pdf_text(content_for(demo, YEAR, "en"))
    for theme in demo.themes.values_list("name", flat=True):
        assert theme in text
    assert "Hervestiging was door het tekort aan opvangplaatsen" in text
    for row in outcome_rows(demo, YEAR):
        assert row.outcome.title in text


def test_accents_and_the_euro_sign_are_in_the_pdf_font_and_markup_is_escaped(demo, hervestiging,
                                                                              english):
    hervestiging.text = "Réfugiés & <b>budget</b>: € 5 miljoen, één oproep."
    save_record(hervestiging, None)

    build_pdf(demo, YEAR, "en")  # must not fail on the markup characters

    assert "Réfugiés & <b>budget</b>: € 5 miljoen, één oproep." in pdf_text(
        content_for(demo, YEAR, "en"))
    face = pdfmetrics.getFont(FONT).face
    for character in "€éèçëï":
        assert ord(character) in face.charToGlyph


def test_narrative_text_keeps_headings_paragraphs_and_bullets():
    found = blocks("## Kop\nEen regel\nnog een\n\n- punt een\n- punt twee\nSlot")

    assert [(b.kind, b.lines) for b in found] == [
        ("heading", ["Kop"]), ("paragraph", ["Een regel", "nog een"]),
        ("bullets", ["punt een", "punt twee"]), ("paragraph", ["Slot"])]


@pytest.mark.parametrize(("fmt", "magic"), [("docx", b"PK"), ("pdf", b"%PDF"),
                                             ("html", b"<!DOCTYPE html>")])
def test_the_report_command_writes_the_narrative_formats(demo, tmp_path, fmt, magic):
    target = tmp_path / f"verslag.{FORMATS[fmt].extension}"

    call_command("report", programme=demo.code, year=YEAR, fmt=fmt, output=str(target),
                 language="nl")

    assert target.read_bytes().startswith(magic)
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no partial file left behind


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_the_headings_are_in_the_requested_language(demo, language):
    with translation.override(language):
        expected = translation.gettext("Narratives")
    assert expected != "Narratives"

    document = read_docx(build_docx(demo, YEAR, language))

    assert headings(document, 2).count(expected) == demo.themes.count()
    assert "Narratives" not in headings(document, 2)


def test_a_year_with_nothing_written_says_so_in_every_format(programme, theme, english):
    html = build_html(programme, YEAR, "en").decode()
    document = read_docx(build_docx(programme, YEAR, "en"))
    pdf = pdf_text(content_for(programme, YEAR, "en"))

    for text in (html, docx_text(document), pdf):
        assert theme.name in text
        for message in ("No narrative for this year.", "No outcome journal for this year.",
                        "No outcomes in this year.", "No indicators for this theme.",
                        "No programme-wide indicators."):
            assert message in text
    assert build_pdf(programme, YEAR, "en").startswith(b"%PDF-")


@pytest.fixture
def html_report(demo, tmp_path):
    """The html report written by the command, and the theme names (read before the browser
    starts: Playwright's event loop gives Django another database connection)."""
    target = tmp_path / "verslag.html"
    call_command("report", programme=demo.code, year=YEAR, fmt="html", output=str(target),
                 language="en")
    return target, list(demo.themes.order_by("order").values_list("name", flat=True))


@pytest.mark.browser
def test_the_html_report_reads_well_offline_on_a_phone(html_report, browser_page):
    target, themes = html_report
    requests = []
    browser_page.on("request", lambda request: requests.append(request.url))
    browser_page.set_viewport_size({"width": 390, "height": 800})

    browser_page.goto(target.as_uri())

    assert requests == [target.as_uri()]  # no stylesheet, font or script from elsewhere
    assert browser_page.locator("section.theme h1").all_inner_texts() == themes
    width, visible = browser_page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width <= visible  # no sideways scrolling, the tables included
