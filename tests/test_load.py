"""The load test in short: eight colleagues for five seconds, through gunicorn, on the database
the suite runs on (SQLite, or PostgreSQL when DATABASE_URL is set). Nothing may fail, be lost or
be saved twice; an edit refused as a conflict is fine.

The logic is benchmarks/loadtest.py's (the 60-second run with twenty users is the benchmark);
here the server gets a copy of the migrated test database of its own, so that its rows never
meet other tests' (a file in a temporary data directory; a PostgreSQL database made from the test
database as a template and dropped afterwards).
"""

import importlib.util
import sqlite3
from contextlib import closing
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection, connections
from pgcopy import copy_database

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _loadtest():
    spec = importlib.util.spec_from_file_location("loadtest", BENCHMARKS / "loadtest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _postgres_url(settings: dict, name: str) -> str:
    user = quote(settings["USER"] or "", safe="")
    password = f":{quote(settings['PASSWORD'], safe='')}" if settings["PASSWORD"] else ""
    host = settings["HOST"] or "localhost"
    port = f":{settings['PORT']}" if settings["PORT"] else ""
    return f"postgres://{user}{password}@{host}{port}/{name}"


@pytest.fixture
def server_database(transactional_db, tmp_path):
    """DATABASE_URL for the load test's server (None: SQLite in tmp_path), a copy of the
    migrated test database (transactional: no transaction of the test holds it open)."""
    settings = connection.settings_dict
    expected = settings["TEST"]["NAME"] or "test_" + settings["NAME"].removeprefix("test_")
    assert settings["NAME"] == expected, "copy the test database only, never the real one"
    connections.close_all()
    if connection.vendor == "sqlite":
        with closing(sqlite3.connect(settings["NAME"])) as source, \
                closing(sqlite3.connect(tmp_path / "hefboom.sqlite3")) as target:
            source.backup(target)
        yield None
        return
    name = f"{settings['NAME']}_load"
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
    copy_database(settings, name)
    try:
        yield _postgres_url(settings, name)
    finally:
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_eight_colleagues_at_once_lose_nothing_and_duplicate_nothing(server_database, tmp_path):
    loadtest = _loadtest()
    lines = []

    result = loadtest.run(seconds=5, users=8, database_url=server_database, data_dir=tmp_path,
                          scale=0, workers=2, threads=4, think=0.05, out=lines.append)

    report = "\n".join(lines)
    print(report)
    assert loadtest.failures(result) == [], report
    assert (result["errors"], result["lost"], result["duplicated"]) == (0, 0, 0), report
    # It did something: contacts logged and outcome edits saved, and counted back.
    assert result["contacts_saved"] > 0 and result["outcome_edits_saved"] > 0, report
    assert result["verified"]["contacts_stored"] == result["contacts_saved"], report
    assert result["verified"]["edits_in_history"] == result["outcome_edits_saved"], report
    assert {"contact save", "outcome save", "dossier timeline"} <= set(result["kinds"]), report


def test_the_reader_submits_a_form_as_a_browser_does():
    loadtest = _loadtest()
    html = """
    <form method="post" action="/i18n/setlang/"><input name="language" value="nl"></form>
    <form method="post" class="record-form">
      <input type="hidden" name="csrfmiddlewaretoken" value="t&amp;k">
      <input type="text" name="title" value="Quota">
      <textarea name="description">
First line</textarea>
      <select name="channel"><option value="">---</option><option value="call">Call</option></select>
      <select name="level"><option value="eu">EU</option><option value="fed" selected>Fed</option></select>
      <select name="persons" multiple><option value="3">Lotte</option></select>
      <input type="checkbox" name="dossiers" value="1">
      <input type="checkbox" name="dossiers" value="2" checked>
      <input type="checkbox" name="is_formal">
      <button type="submit">Save</button>
    </form>"""

    form = loadtest.Form(html, "description")

    assert form.data() == [("csrfmiddlewaretoken", "t&k"), ("title", "Quota"),
                           ("description", "First line"), ("channel", ""), ("level", "fed"),
                           ("dossiers", "2")]
    assert form.choices["dossiers"] == ["1", "2"]
    assert form.choices["channel"] == ["", "call"]
    form.set("dossiers", "1", "2")
    assert [value for name, value in form.data() if name == "dossiers"] == ["1", "2"]
    with pytest.raises(ValueError, match="summary"):
        loadtest.Form(html, "summary")
