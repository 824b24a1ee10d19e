"""The rss and web sources, from files and from a server on 127.0.0.1 (never the internet)."""

import contextlib
import json
import os
import threading
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from hefboom.listening.sources import SourceError, item_id
from hefboom.listening.sources.common import fetch
from hefboom.listening.sources.feeds import RssSource
from hefboom.listening.sources.web import WebSource

SAMPLES = Path(__file__).parent / "samples"


def read(source, *paths):
    return [item for inp in source.inputs([str(p) for p in paths]) for item in source.read(inp)]


class Handler(BaseHTTPRequestHandler):
    routes: dict = {}

    def do_GET(self):  # noqa: N802 (http.server's name)
        status, headers, body = self.routes.get(self.path, (404, {}, b"not here"))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)  # the client may stop reading: what the size ceiling is for

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    Handler.routes = {
        "/feed.xml": (200, {"Content-Type": "application/rss+xml"}, (SAMPLES / "feed-rss.xml").read_bytes()),
        "/page.html": (200, {"Content-Type": "text/html"}, (SAMPLES / "not-a-feed.html").read_bytes()),
        "/article": (200, {"Content-Type": "text/html"}, (SAMPLES / "web-article.html").read_bytes()),
        "/undated": (200, {"Content-Type": "text/html", "Last-Modified": "Tue, 05 Mar 2024 10:00:00 GMT"},
                     (SAMPLES / "web-undated.html").read_bytes()),
        "/big": (200, {}, b"x" * (2 * 1024 * 1024)),
        "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
        "/to-ftp": (302, {"Location": "ftp://127.0.0.1/pub/feed.xml"}, b""),
        "/moved": (301, {"Location": "/feed.xml"}, b""),
    }
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


# -- rss ---------------------------------------------------------------------------------------


def test_rss_and_atom_files():
    source = RssSource()
    items = read(source, SAMPLES / "feed-rss.xml", SAMPLES / "feed-atom.xml")

    first, undated, atom = items
    assert first["kind"] == "article" and first["source"] == "rss"
    assert first["channel"] == "Nieuws Voorbeeld – Samenleving"
    assert first["text"] == "Volgens het rapport van Hefboom slapen nog 2.000 mensen buiten."  # HTML stripped
    assert first["author"] == "Jan Fictief" and first["lang_declared"] == "nl"
    assert first["published"] == datetime(2024, 3, 3, 16, 30, tzinfo=UTC)
    assert first["id"] == item_id("rss", "https://nieuws.example/a/1001")
    assert atom["text"] == ("Le rapport de Hefboom compte 2 000 personnes sans accueil.\n"
                            "Le gouvernement promet une réponse.")
    assert atom["author"] == "Marie Exemple" and atom["lang_declared"] == "fr"
    # an entry without a date gets the feed's date, and that is counted and recorded
    assert undated["published"] == datetime(2024, 3, 4, 7, 0, tzinfo=UTC)
    assert json.loads(undated["meta"])["date_from"] == "feed"
    assert source.fallbacks == {"no date: the feed's date used": 1}


def test_entries_without_date_can_be_refused():
    source = RssSource(missing_date="refuse")
    assert len(read(source, SAMPLES / "feed-rss.xml")) == 1
    assert source.skipped == {"no date": 1}


def test_an_html_page_is_not_a_feed():
    with pytest.raises(SourceError) as caught:
        read(RssSource(), SAMPLES / "not-a-feed.html")
    message = str(caught.value)
    assert "not-a-feed.html is not an RSS or Atom feed" in message
    assert "It is a web page" in message and "application/rss+xml" in message


def test_random_bytes_are_not_a_feed(tmp_path):
    path = tmp_path / "noise.xml"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(SourceError, match=r"noise\.xml is not an RSS or Atom feed"):
        read(RssSource(), path)


def test_a_feed_declaring_entities_is_refused(tmp_path):
    path = tmp_path / "evil.xml"
    path.write_text('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                    '<rss version="2.0"><channel><title>&x;</title></channel></rss>')
    with pytest.raises(SourceError, match="declares XML entities"):
        read(RssSource(), path)


def test_a_feed_from_a_local_server_and_its_redirect(server):
    items = read(RssSource(), f"{server}/feed.xml")
    assert [i["title"] for i in items] == ["Opvang blijft knelpunt, zegt nieuw rapport",
                                           "Minister reageert op kritiek"]
    assert len(read(RssSource(), f"{server}/moved")) == 2


def test_an_html_page_served_as_feed_is_named(server):
    with pytest.raises(SourceError, match=r"/page\.html is not an RSS or Atom feed.*web page"):
        read(RssSource(), f"{server}/page.html")


def test_fetch_refuses_missing_pages_other_schemes_big_bodies_and_bad_redirects(server, settings):
    with pytest.raises(SourceError, match="answered HTTP 404"):
        fetch(f"{server}/nothing")
    with pytest.raises(SourceError, match="only http:// and https://"):
        fetch("file:///etc/passwd")
    with pytest.raises(SourceError, match="file:///etc/passwd' is not allowed"):  # urllib's own check
        fetch(f"{server}/to-file")
    with pytest.raises(SourceError, match="redirected to ftp://127.0.0.1/pub/feed.xml, which is not http"):
        fetch(f"{server}/to-ftp")
    settings.HEFBOOM_INGEST_MAX_FILE_MB = 1
    with pytest.raises(SourceError, match="larger than the ceiling of 1 MB"):
        fetch(f"{server}/big")


def test_an_address_nobody_answers_is_a_clear_message():
    with pytest.raises(SourceError, match="could not be fetched"):
        fetch("http://127.0.0.1:9/feed.xml", timeout=2)


# -- web ---------------------------------------------------------------------------------------


def test_a_saved_web_page():
    [item] = read(WebSource(), SAMPLES / "web-article.html")
    assert item["kind"] == "article" and item["source"] == "web"
    assert item["title"] == "Opvang blijft knelpunt" and item["author"] == "Jan Fictief"
    assert item["channel"] == "Nieuws Voorbeeld"
    assert item["url"] == "https://nieuws.example/samenleving/opvang-knelpunt"
    assert item["published"] == datetime(2024, 3, 7, 9, 0, tzinfo=UTC)
    assert "2.000 mensen buiten" in item["text"]
    assert "Sport" not in item["text"] and "rechten voorbehouden" not in item["text"]  # no menu, no footer


def test_a_page_without_date_is_refused_or_dated_by_its_file(tmp_path):
    source = WebSource()
    assert read(source, SAMPLES / "web-undated.html") == []
    assert source.skipped == {"no date": 1} and "missing_date=file" in source.notes[0]

    copy = tmp_path / "about.html"
    copy.write_bytes((SAMPLES / "web-undated.html").read_bytes())
    os.utime(copy, (1709632800, 1709632800))
    source = WebSource(missing_date="file")
    [item] = read(source, copy)
    assert item["published"] == datetime(2024, 3, 5, 10, 0, tzinfo=UTC)
    assert json.loads(item["meta"])["date_from"] == "file"
    assert source.fallbacks == {"no date: file time used": 1}


def test_a_page_with_no_main_text(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><script>app()</script></body></html>")
    with pytest.raises(SourceError, match=r"empty\.html: no main text found"):
        read(WebSource(), path)


def test_web_pages_from_a_local_server(server):
    [item] = read(WebSource(), f"{server}/article")
    assert item["url"] == "https://nieuws.example/samenleving/opvang-knelpunt"  # the canonical link
    [undated] = read(WebSource(missing_date="file"), f"{server}/undated")
    assert undated["published"] == datetime(2024, 3, 5, 10, 0, tzinfo=UTC)  # Last-Modified
    assert undated["url"] == f"{server}/undated"
