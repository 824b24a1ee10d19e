"""The docs source: text, HTML and PDF documents; title and date from sidecar, name or metadata."""

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from hefboom.listening.sources import SourceError
from hefboom.listening.sources.documents import DocsSource

DOCS = Path(__file__).parent / "samples" / "docs"


def read(source, *paths):
    return [item for inp in source.inputs([str(p) for p in paths]) for item in source.read(inp)]


@pytest.fixture
def readable(tmp_path):
    """The sample documents without the scanned one."""
    folder = tmp_path / "docs"
    shutil.copytree(DOCS, folder)
    (folder / "scanned.pdf").unlink()
    return folder


def test_a_folder_of_documents(readable):
    items = {Path(json.loads(i["meta"])["file"]).name: i for i in read(DocsSource(), readable)}

    assert sorted(items) == ["2023-07-07_imc-decision.txt", "2024-02-15_beleidsnota-opvang.pdf",
                             "coalition-agreement.html"]
    note = items["2023-07-07_imc-decision.txt"]
    assert note["kind"] == "document" and note["source"] == "docs"
    assert note["title"] == "Imc decision"
    assert note["published"] == datetime(2023, 7, 7, tzinfo=UTC)
    assert note["text"].startswith("Regeerakkoord (fictief uittreksel)\n\nDe regering versterkt")

    pdf = items["2024-02-15_beleidsnota-opvang.pdf"]
    meta = json.loads(pdf["meta"])
    assert pdf["title"] == "Beleidsnota Opvang" and pdf["author"] == "Fictieve Minister"  # PDF metadata
    assert pdf["published"] == datetime(2024, 2, 15, tzinfo=UTC)  # the file name, not CreationDate
    assert meta["date_from"] == "filename" and meta["pages"][0] == 0
    assert pdf["text"][meta["pages"][1]:].startswith("Hoofdstuk 2. Samenwerking")
    assert "Hefboom" in pdf["text"]

    agreement = items["coalition-agreement.html"]
    assert agreement["title"] == "Accord de gouvernement 2024"  # the sidecar
    assert agreement["channel"] == "Gouvernement fédéral" and agreement["lang_declared"] == "fr"
    assert agreement["published"] == datetime(2024, 9, 30, tzinfo=UTC)
    assert "accueil digne" in agreement["text"]


def test_a_scanned_pdf_is_named_or_counted():
    with pytest.raises(SourceError, match=r"No text could be extracted from .*scanned\.pdf \(scanned\?\)"):
        read(DocsSource(), DOCS / "scanned.pdf")
    source = DocsSource(on_error="skip")
    assert len(read(source, DOCS)) == 3
    assert source.skipped == {"no text": 1} and "scanned?" in source.notes[0]


def test_a_broken_pdf(tmp_path):
    path = tmp_path / "2024-01-01_half.pdf"
    path.write_bytes((DOCS / "2024-02-15_beleidsnota-opvang.pdf").read_bytes()[:200])
    with pytest.raises(SourceError, match=r"half\.pdf cannot be read as PDF"):
        read(DocsSource(), path)


def test_a_document_without_any_date(tmp_path):
    path = tmp_path / "nota.txt"
    path.write_text("Een nota zonder datum.")
    source = DocsSource()
    assert read(source, path) == []
    assert source.skipped == {"no date": 1} and "2023-07-07_note.pdf" in source.notes[0]
    [item] = read(DocsSource(missing_date="file"), path)
    assert json.loads(item["meta"])["date_from"] == "file"


def test_a_very_long_document_is_cut_with_a_note(tmp_path):
    path = tmp_path / "2024-05-01_rapport.txt"
    path.write_text("Zin. " * 1000)
    source = DocsSource(max_chars=1000)
    [item] = read(source, path)
    assert len(item["text"]) == 1000 and json.loads(item["meta"])["truncated_at"] == 1000
    assert "cut off after 1000 characters" in source.notes[0]


def test_a_wrong_sidecar_is_named(tmp_path):
    path = tmp_path / "2024-05-01_rapport.txt"
    path.write_text("Tekst.")
    (tmp_path / "2024-05-01_rapport.txt.meta.json").write_text('{"titel": "x"}')
    with pytest.raises(SourceError, match=r"rapport\.txt\.meta\.json: unknown key 'titel'"):
        read(DocsSource(), path)
    (tmp_path / "2024-05-01_rapport.txt.meta.json").write_text('{"date": "volgende week"}')
    with pytest.raises(SourceError, match="'volgende week' in the sidecar is not a date"):
        read(DocsSource(), path)


def test_a_cp1252_text_document(tmp_path):
    path = tmp_path / "2024-05-01_note.txt"
    path.write_bytes("Café, één, l’été.".encode("cp1252"))
    [item] = read(DocsSource(), path)
    assert item["text"] == "Café, één, l’été."
