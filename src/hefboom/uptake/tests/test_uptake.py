"""The policy corpus, the incremental scan, matches and evidence (issue 8)."""

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfWriter

from hefboom.monitoring import actions as monitoring_actions
from hefboom.monitoring.models import ClaimEvidence, ContributionClaim
from hefboom.uptake import actions
from hefboom.uptake.models import DocumentStatus, MatchEvidence, PolicyDocument, ReuseMatch
from hefboom.uptake.scan import run_scan
from hefboom.uptake.tests.conftest import OUR_TEXT, THEIR_TEXT, decision


def blank_pdf(pages=2) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# -- import: every bad input gets a clear status -------------------------------------------------

@pytest.mark.django_db
@pytest.mark.parametrize(("name", "data", "date", "reason"), [
    ("leeg.txt", b"  \n ", dt.date(2023, 1, 1), "leeg.txt is empty"),
    ("scan.pdf", blank_pdf(), dt.date(2023, 1, 1), "no text could be extracted (scanned PDF?)"),
    ("kapot.pdf", b"%PDF-1.4 not really", dt.date(2023, 1, 1), "could not be read as PDF"),
    ("nota.odt", b"some bytes", dt.date(2023, 1, 1), "reads .txt, .html, .pdf and .docx"),
    ("nota.txt", THEIR_TEXT.encode(), None, "no date: reuse direction unknown"),
    ("vertrag.txt", ("Die Bundesregierung beschließt heute neue Regeln für die Arbeitsmigration "
                     "und den Schutz der Arbeitnehmer in allen Ländern.").encode(),
     dt.date(2023, 1, 1), "language not in nl/fr/en (it looks German)"),
])
def test_a_document_that_cannot_be_analysed_says_why(name, data, date, reason, settings):
    settings.MEDIA_ROOT = settings.MEDIA_ROOT  # files go to the test's media root
    document = actions.import_document(None, name=name, data=data, date=date, keep_file=False)
    assert document.status == DocumentStatus.NOT_ANALYSED
    assert reason in document.status_reason


@pytest.mark.django_db
def test_a_too_long_document_is_not_analysed_and_says_how_to_fix_it(settings):
    settings.HEFBOOM_UPTAKE_MAX_CHARS = 1000
    document = decision(text=THEIR_TEXT * 10)
    assert document.status == DocumentStatus.NOT_ANALYSED
    assert "too long" in document.status_reason and "split it" in document.status_reason


@pytest.mark.django_db
def test_html_and_text_documents_wait_for_the_scan_with_their_language(tmp_path):
    html = f"<html><body><script>x()</script><p>{THEIR_TEXT}</p></body></html>".encode()
    document = actions.import_document(None, name="besluit.html", data=html,
                                       date=dt.date(2023, 7, 7), keep_file=False)
    assert document.status == DocumentStatus.PENDING
    assert document.language == "nl"
    assert "x()" not in document.text and "180 dagen" in document.text


@pytest.mark.django_db
def test_a_word_document_is_read_paragraph_by_paragraph():
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for paragraph in THEIR_TEXT.split("\n\n"):
        document.add_paragraph(paragraph)
    data = io.BytesIO()
    document.save(data)
    imported = actions.import_document(None, name="besluit.docx", data=data.getvalue(),
                                       date=dt.date(2023, 7, 7), keep_file=False)
    assert imported.status == DocumentStatus.PENDING
    assert imported.text == THEIR_TEXT


@pytest.mark.django_db
def test_one_bad_file_does_not_stop_the_others_on_the_command_line(tmp_path, capsys):
    good, bad = tmp_path / "besluit.txt", tmp_path / "scan.pdf"
    good.write_text(THEIR_TEXT)
    bad.write_bytes(blank_pdf())
    call_command("uptake", "import", str(bad), str(good), "--date", "2023-07-07",
                 "--kind", "ministerial_decision")
    out = capsys.readouterr().out
    assert "not analysed because no text could be extracted (scanned PDF?)" in out
    assert "waits for `hefboom uptake scan`" in out
    assert set(PolicyDocument.objects.values_list("title", "status")) == {
        ("besluit", DocumentStatus.PENDING), ("scan", DocumentStatus.NOT_ANALYSED)}


@pytest.mark.django_db
def test_giving_a_date_later_makes_the_document_analysable(alice):
    document = decision(date=None)
    assert document.status == DocumentStatus.NOT_ANALYSED
    document.date = dt.date(2023, 7, 7)
    actions.update_document(alice, document)
    assert document.status == DocumentStatus.PENDING


# -- the scan -------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_the_scan_finds_our_passage_and_marks_the_document_analysed(study):
    document = decision()
    run = run_scan()
    match = ReuseMatch.objects.get()
    assert (match.output, match.document) == (study, document)
    assert match.direction == "uptake" and match.method == "lexical"
    assert match.our_text.startswith("Slachtoffers") and match.their_text.startswith("Slachtoffers")
    assert match.share_reused > 0.7 and match.longest_match >= 7
    assert OUR_TEXT[match.our_start:].startswith(match.our_text)
    assert THEIR_TEXT[match.their_start:].startswith(match.their_text)
    assert match.alignment["ours"] and match.alignment["theirs"]
    document.refresh_from_db()
    assert document.status == DocumentStatus.ANALYSED and document.scanned_at
    assert (run.documents_scanned, run.outputs_scanned, run.matches_new) == (1, 1, 1)


@pytest.mark.django_db
def test_a_second_scan_scans_nothing_new(study):
    decision()
    run_scan()
    again = run_scan()
    assert (again.documents_scanned, again.outputs_scanned, again.matches_found) == (0, 0, 0)
    assert ReuseMatch.objects.count() == 1


@pytest.mark.django_db
def test_a_changed_output_is_compared_again_with_the_documents_analysed_before(study, alice):
    decision()
    run_scan()
    study.full_text = "Een heel andere tekst over klimaatfinanciering en loss and damage."
    monitoring_actions.record_output(alice, study, dossiers=list(study.dossiers.all()))
    run = run_scan()
    assert (run.documents_scanned, run.outputs_scanned) == (1, 1)
    assert not ReuseMatch.objects.exists()  # no longer found, so gone


@pytest.mark.django_db
def test_a_new_document_is_compared_with_every_output(study):
    decision()
    run_scan()
    decision(title="Tweede besluit")
    run = run_scan()
    assert (run.documents_scanned, run.outputs_scanned, run.matches_new) == (1, 0, 1)
    assert ReuseMatch.objects.count() == 2


@pytest.mark.django_db
def test_rescanning_everything_keeps_one_match_per_pair(study):
    decision()
    run_scan()
    first = list(ReuseMatch.objects.values_list("pk", "our_key", "their_key"))
    run = run_scan(full=True)
    assert run.matches_found == 1 and run.matches_new == 0
    assert list(ReuseMatch.objects.values_list("pk", "our_key", "their_key")) == first


@pytest.mark.django_db
def test_a_policy_text_older_than_ours_is_shown_as_the_reverse_direction(study):
    decision(date=dt.date(2021, 1, 1))
    run_scan()
    assert ReuseMatch.objects.get().direction == "reverse"


@pytest.mark.django_db
def test_a_failing_batch_is_reported_and_the_scan_goes_on(study):
    decision()

    def broken(ours, theirs, *, crosslingual=False):
        raise RuntimeError("index broke")

    run = run_scan(detect=broken)
    assert any("index broke" in error for error in run.errors)
    document = PolicyDocument.objects.get()
    assert document.status == DocumentStatus.NOT_ANALYSED
    assert "the scan failed" in document.status_reason


# -- evidence -------------------------------------------------------------------------------------

@pytest.fixture
def match(study):
    decision()
    run_scan()
    return ReuseMatch.objects.get()


@pytest.mark.django_db
def test_a_match_becomes_evidence_that_keeps_its_alignment(match, outcome, alice):
    claim = monitoring_actions.record_claim(alice, ContributionClaim(
        outcome=outcome, statement="Our study led to the longer period"))
    evidence = actions.add_match_as_evidence(alice, match, outcome, claim=claim)
    assert evidence.outcome == outcome and evidence.quote == match.their_text
    assert evidence.date == dt.date(2023, 7, 7) and "Besluit" in evidence.reference
    link = MatchEvidence.objects.get(evidence=evidence)
    assert link.alignment == match.alignment and link.our_text == match.our_text
    item = ClaimEvidence.objects.get(claim=claim, evidence=evidence)
    assert item.test_type == "smoking_gun"
    claim.refresh_from_db()
    assert claim.confidence > 0.5
    # A rescan that no longer finds the pair keeps the match that became evidence.
    match.output.full_text = "Iets heel anders."
    monitoring_actions.record_output(alice, match.output, dossiers=list(match.output.dossiers.all()))
    run_scan()
    assert ReuseMatch.objects.filter(pk=match.pk).exists()


@pytest.mark.django_db
def test_the_same_match_is_refused_twice_for_one_outcome(match, outcome, alice):
    actions.add_match_as_evidence(alice, match, outcome)
    with pytest.raises(ValidationError, match="already evidence"):
        actions.add_match_as_evidence(alice, match, outcome)
    assert MatchEvidence.objects.count() == 1


@pytest.mark.django_db
def test_a_viewer_cannot_add_a_match_as_evidence(match, outcome, victor):
    with pytest.raises(PermissionDenied):
        actions.add_match_as_evidence(victor, match, outcome)


# -- pages ----------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_the_side_by_side_page_marks_the_matching_words(client, match, victor):
    client.force_login(victor)
    page = client.get(reverse("uptake:match", args=[match.pk])).content.decode()
    assert "<mark>Slachtoffers van sociale inbreuken door werkgevers</mark>" in page
    assert "Same words" in page and "Their text came after ours" in page
    assert "Add as evidence" not in page  # a viewer reads only


@pytest.mark.django_db
def test_the_output_page_leads_to_where_our_words_appear(client, match, alice):
    client.force_login(alice)
    page = client.get(match.output.get_absolute_url()).content.decode()
    assert "Where our words appear" in page
    assert reverse("uptake:output", args=[match.output.pk]) in page
    listing = client.get(reverse("uptake:output", args=[match.output.pk])).content.decode()
    assert "Besluit" in listing and match.get_absolute_url() in listing


@pytest.mark.django_db
def test_adding_as_evidence_from_the_page(client, match, outcome, alice, victor):
    url = reverse("uptake:match_evidence", args=[match.pk])
    client.force_login(victor)
    assert client.post(url, {"outcome": outcome.pk}).status_code == 403
    client.force_login(alice)
    response = client.post(url, {"outcome": outcome.pk})
    assert response.status_code == 302 and response["Location"] == outcome.get_absolute_url()
    again = client.post(url, {"outcome": outcome.pk})
    assert again.status_code == 400 and "already evidence" in again.content.decode()
    assert MatchEvidence.objects.count() == 1


@pytest.mark.django_db
def test_list_pages_make_a_fixed_number_of_queries(client, match, alice, django_assert_max_num_queries):
    decision(title="Tweede besluit")
    run_scan()
    client.force_login(alice)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("uptake:documents")).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(reverse("uptake:output", args=[match.output.pk])).status_code == 200


@pytest.mark.django_db
def test_uploading_a_scanned_pdf_says_it_will_not_be_analysed(client, alice, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(alice)
    pdf = io.BytesIO(blank_pdf())
    pdf.name = "regeerakkoord.pdf"
    response = client.post(reverse("uptake:document_upload"), {
        "upload": pdf, "kind": "coalition_agreement", "date": "2024-09-30"}, follow=True)
    page = response.content.decode()
    assert "will not be analysed: no text could be extracted (scanned PDF?)" in page
    listing = client.get(reverse("uptake:documents")).content.decode()
    assert "regeerakkoord" in listing and "Not analysed" in listing


# -- speeches of the listening corpus -------------------------------------------------------------

@pytest.fixture
def speech_store(monkeypatch):
    """A stand-in for listening's store: a DuckDB view `items` with one speech."""
    import types

    import duckdb

    def connect():
        connection = duckdb.connect(":memory:")
        connection.execute(
            "create table items (id varchar, kind varchar, title varchar, text varchar, "
            "published timestamptz, author varchar, party varchar, dup_of varchar, "
            "ingested_at timestamptz)")
        connection.execute(
            "insert into items values ('s1', 'speech', 'Vraag over arbeidsmigratie', ?, "
            "'2023-05-02 10:00:00+00', 'Een Parlementslid', 'CD&V', null, "
            "'2024-01-01 00:00:00+00')", [THEIR_TEXT])
        return connection

    from hefboom.uptake import scan

    store = types.SimpleNamespace(connect=connect)
    monkeypatch.setattr(scan, "Store", lambda: store)
    return store


@pytest.mark.django_db
def test_speeches_of_the_listening_corpus_are_scanned_once(study, speech_store):
    run = run_scan()
    match = ReuseMatch.objects.get()
    assert (match.item_id, match.item_date.isoformat()) == ("s1", "2023-05-02")
    assert "Een Parlementslid (CD&V)" in match.item_label and match.document is None
    assert run.items_scanned == 1 and run.items_until is not None
    assert run_scan().items_scanned == 0  # ingested before the last scan


def test_a_reuse_found_as_paragraph_and_as_sentence_is_saved_once():
    from hefboom.uptake.scan import _one_per_overlap
    from hefboom.uptake.types import Alignment, Passage, Reuse

    def passage(key, text, start, doc):
        return Passage(key, text, None, "nl", doc, start=start, end=start + len(text))

    ours = passage("output:1:p2", "Slachtoffers krijgen 180 dagen.", 0, "output:1")
    paragraph = passage("doc:1:p2", "Slachtoffers krijgen 180 dagen. De regering evalueert.", 10, "doc:1")
    sentence = passage("doc:1:p2.s1", "Slachtoffers krijgen 180 dagen.", 10, "doc:1")
    elsewhere = passage("doc:1:p9", "Slachtoffers krijgen 180 dagen.", 900, "doc:1")

    def reuse(theirs):
        return Reuse(ours, theirs, Alignment([(0, 30)], [(0, 30)], 5, 5, 5, 1.0))

    kept = _one_per_overlap([reuse(paragraph), reuse(sentence), reuse(elsewhere)])
    assert sorted(r.theirs.key for r in kept) == ["doc:1:p2.s1", "doc:1:p9"]
