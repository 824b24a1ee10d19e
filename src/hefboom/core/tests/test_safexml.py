"""Malicious XML against the one shared parser (core.safexml): external entities that read a
local file, DTDs on the network, billion laughs and quadratic blowup are all refused with a
message naming the file, and nothing of the secret ever reaches the caller."""

import io
import time

import pytest
from lxml import etree

from hefboom.core import safexml

LOL = "".join(f'<!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">' for i in range(1, 10))
BILLION_LAUGHS = (f'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">{LOL}]>'
                  "<lolz>&lol9;</lolz>").encode()
QUADRATIC = ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "' + "a" * 50_000 + '">]><r>'
             + "&a;" * 20_000 + "</r>").encode()


def xxe(path) -> bytes:
    return (f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY secret SYSTEM "file://{path}">]>'
            "<r>&secret;</r>").encode()


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("invented-secret-4711")
    return path


def test_an_external_entity_is_refused_and_the_file_never_read(secret):
    with pytest.raises(safexml.XMLRefused, match=r"upload\.xml cannot be read as XML: it declares "
                                                 r"entities") as refused:
        safexml.parse(xxe(secret), name="upload.xml")
    assert "invented-secret-4711" not in str(refused.value)


def test_an_external_entity_in_a_file_is_refused_too(secret, tmp_path):
    document = tmp_path / "tei.xml"
    document.write_bytes(xxe(secret))
    with pytest.raises(safexml.XMLRefused, match="tei.xml cannot be read as XML"):
        safexml.parse_file(document)


def test_the_parser_itself_never_expands_an_entity(secret):
    root = etree.fromstring(xxe(secret), safexml.parser())
    assert "invented-secret-4711" not in etree.tostring(root, encoding="unicode")


@pytest.mark.parametrize("bomb", [BILLION_LAUGHS, QUADRATIC], ids=["billion-laughs", "quadratic"])
def test_entity_bombs_are_refused_quickly(bomb):
    started = time.monotonic()
    with pytest.raises(safexml.XMLRefused, match="bomb.xml cannot be read as XML"):
        safexml.parse(bomb, name="bomb.xml")
    assert time.monotonic() - started < 2


def test_a_dtd_on_the_network_is_not_fetched_and_a_plain_doctype_is_harmless():
    root = safexml.parse(b'<!DOCTYPE r SYSTEM "http://example.invalid/r.dtd"><r>ok</r>', name="r.xml")
    assert root.text == "ok"


def test_text_that_is_not_xml_names_the_file():
    with pytest.raises(safexml.XMLRefused, match="notes.xml cannot be read as XML: it is not "
                                                 "well-formed XML"):
        safexml.parse(b"<r><unclosed></r>", name="notes.xml")


def test_plain_xml_is_read():
    assert safexml.parse("<r a='1'>é</r>".encode(), name="r.xml").get("a") == "1"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le", "utf-16-be"])
def test_a_doctype_is_found_anywhere_in_a_streamed_member(encoding):
    padding = " " * (2 * 1024 * 1024 - 3)  # across the boundary of the 1 MB chunks
    document = f'<?xml version="1.0"?>{padding}<!doctype r [<!ENTITY x "y">]><r/>'
    assert safexml.has_doctype(io.BytesIO(document.encode(encoding)))
    assert not safexml.has_doctype(io.BytesIO("<r>&lt;!DOCTYPE in a cell</r>".encode(encoding)))
