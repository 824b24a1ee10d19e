"""Hostile workbooks: XML entities (XXE, billion laughs) and zip bombs are refused with a code
and a message naming the file, before openpyxl unpacks anything, and quickly."""

import time
import zipfile

import pytest
from openpyxl import load_workbook

from hefboom.imports.excel import reader
from hefboom.imports.excel.errors import ImportFailed
from hefboom.imports.excel.reader import read_workbook
from hefboom.imports.excel.tests.workbooks import dutch_sheets, make_workbook

SHEET = "xl/worksheets/sheet1.xml"
LOL = "".join(f'<!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">' for i in range(1, 10))
BILLION_LAUGHS = f'<!DOCTYPE worksheet [<!ENTITY lol0 "lol">{LOL}]>', "&lol9;"


def xxe(secret):
    return f'<!DOCTYPE worksheet [<!ENTITY secret SYSTEM "file://{secret}">]>', "&secret;"


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("invented-secret-4711")
    return path


def poisoned(tmp_path, doctype: str, reference: str, name="vergiftigd.xlsx"):
    """A real workbook whose first sheet gets `doctype`, and `reference` as its last text cell
    (an inline string, as openpyxl writes them)."""
    clean = make_workbook(tmp_path / "clean.xlsx", dutch_sheets())
    target = tmp_path / name
    with zipfile.ZipFile(clean) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == SHEET:
                text = data.decode()
                start = text.rindex("<is><t>") + len("<is><t>")
                end = text.index("</t>", start)
                text = f'<?xml version="1.0"?>{doctype}' + text[:start] + reference + text[end:]
                data = text.encode()
            out.writestr(item, data)
    return target


@pytest.mark.parametrize("payload", ["xxe", "billion-laughs"])
def test_xml_entities_in_a_sheet_are_refused_before_openpyxl_reads_it(tmp_path, secret, payload,
                                                                      monkeypatch):
    doctype, reference = xxe(secret) if payload == "xxe" else BILLION_LAUGHS
    path = poisoned(tmp_path, doctype, reference)
    monkeypatch.setattr(reader, "load_workbook", lambda *a, **k: pytest.fail("openpyxl opened it"))
    started = time.monotonic()
    with pytest.raises(ImportFailed) as failed:
        read_workbook(path)
    assert time.monotonic() - started < 2
    problem = failed.value.problem
    assert problem.code == "E018"
    assert "vergiftigd.xlsx" in problem.message and SHEET in problem.message
    assert "invented-secret-4711" not in str(failed.value)


@pytest.mark.parametrize("payload", ["xxe", "billion-laughs"])
def test_openpyxl_itself_refuses_the_entities_too(tmp_path, secret, payload):
    """The second line of defence: openpyxl parses sheets through defusedxml when it is
    installed, so the payload is refused even without the importer's own check."""
    doctype, reference = xxe(secret) if payload == "xxe" else BILLION_LAUGHS
    path = poisoned(tmp_path, doctype, reference)
    with pytest.raises(ValueError) as refused:
        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            [row for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True)]
        finally:
            workbook.close()
    causes, error = [], refused.value
    while error is not None:
        causes.append(error)
        error = error.__cause__ or error.__context__
    assert any(type(cause).__name__ == "EntitiesForbidden" for cause in causes), causes


def test_a_clean_workbook_passes_the_checks(tmp_path):
    path = make_workbook(tmp_path / "goed.xlsx", dutch_sheets())
    reader.check_file(path)
    assert read_workbook(path)


def test_a_tiny_workbook_with_a_huge_compressed_sheet_is_refused_unopened(tmp_path, monkeypatch):
    """A zip bomb at the default limits: 6 MB of one character packs to a few KB."""
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr(SHEET, "<worksheet>" + " " * 6_000_000 + "</worksheet>")
    assert path.stat().st_size < 50_000
    monkeypatch.setattr(reader, "load_workbook", lambda *a, **k: pytest.fail("openpyxl opened it"))
    with pytest.raises(ImportFailed) as failed:
        read_workbook(path)
    problem = failed.value.problem
    assert problem.code == "E017"
    assert "bom.xlsx" in problem.message and SHEET in problem.message and "200" in problem.message


def test_a_zip_of_too_many_parts_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "MAX_ZIP_PARTS", 20)
    path = tmp_path / "veel.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        for number in range(20):
            archive.writestr(f"xl/media/image{number}.png", b"")
    with pytest.raises(ImportFailed) as failed:
        read_workbook(path)
    assert failed.value.problem.code == "E016"
    assert "veel.xlsx holds 21 parts" in failed.value.problem.message


def test_a_part_that_lies_about_its_size_is_damaged_not_a_bomb(tmp_path):
    """The zip directory says 11 bytes; the data unpacks to far more: zipfile stops at the
    stated size, and the checksum then fails."""
    path = tmp_path / "leugen.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr(SHEET, "<worksheet>" + " " * 100_000 + "</worksheet>")
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(SHEET)
    # The uncompressed size of the sheet's entry in the central directory (offset 24).
    entry = data.find(SHEET.encode(), data.find(b"PK\x01\x02")) - 46
    assert data[entry:entry + 4] == b"PK\x01\x02"
    data[entry + 24:entry + 28] = (11).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    assert info.file_size > 100_000
    with pytest.raises(ImportFailed) as failed:
        read_workbook(path)
    assert failed.value.problem.code == "E004"
