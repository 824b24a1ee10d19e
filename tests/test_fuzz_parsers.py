"""Fuzzing the small parsers with hypothesis: dates and periods of the Excel import, the
configuration readers of hefboom/env.py, DATABASE_URL, the shared XML parser and the IATI
checker. Each may only answer with a value or its own clear error; any other exception is a bug.

Runs are small and reproducible (derandomize: the same examples on every run)."""

import contextlib
import datetime as dt
import os
from pathlib import Path
from unittest import mock

from django.core.exceptions import ImproperlyConfigured
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hefboom import env
from hefboom.core import safexml
from hefboom.imports.excel.reader import DateProblem, display, parse_date, parse_period
from hefboom.reporting import iati
from hefboom.reporting.formats import ReportError

FUZZ = settings(max_examples=80, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])

# Text that looks like dates often enough to reach the deeper branches.
DATE_WORDS = st.sampled_from(["januari", "feb", "mars", "August", "août", "1er", "Q3", "K2",
                              "S1", "tot", "to", "au", "-", "/", ".", " ", "2023", "31", "0",
                              "29", "02", "9999", "12", "sem", "trim", "kw"])
DATE_TEXT = st.one_of(st.text(max_size=40), st.lists(DATE_WORDS, max_size=7).map("".join),
                      st.lists(DATE_WORDS, max_size=7).map(" ".join))
CELL = st.one_of(DATE_TEXT, st.integers(-10**12, 10**12), st.floats(allow_nan=True),
                 st.dates(), st.datetimes(), st.booleans(), st.none())


@FUZZ
@given(CELL)
def test_parse_date_gives_a_day_or_a_date_problem(value):
    try:
        day = parse_date(value)
    except DateProblem as problem:
        assert problem.code in {"E202", "E203", "E204"}
    else:
        assert isinstance(day, dt.date)


@FUZZ
@given(CELL)
def test_parse_period_gives_two_days_or_a_date_problem(value):
    try:
        start, end = parse_period(value)
    except DateProblem as problem:
        assert problem.code in {"E202", "E203", "E204", "E212"}
    else:
        assert isinstance(start, dt.date) and isinstance(end, dt.date)


@FUZZ
@given(CELL)
def test_display_shows_any_cell(value):
    assert isinstance(display(value), str)


# Environment variables hold text without NUL characters.
ENV_TEXT = st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)),
                   max_size=40)


@FUZZ
@given(ENV_TEXT, st.one_of(st.none(), st.integers(-5, 5)))
def test_the_configuration_readers_give_a_value_or_name_the_variable(raw, minimum):
    with mock.patch.dict(os.environ, {"HEFBOOM_FUZZ": raw}):
        for read in (lambda: env.env_bool("HEFBOOM_FUZZ", False),
                     lambda: env.env_int("HEFBOOM_FUZZ", 1, minimum=minimum),
                     lambda: env.env_list("HEFBOOM_FUZZ", []),
                     lambda: env.env_path("HEFBOOM_FUZZ", Path("/tmp")),
                     lambda: env.env_email_backend("HEFBOOM_FUZZ", "console"),
                     lambda: env.env_email_address("HEFBOOM_FUZZ", "a@b.c")):
            try:
                read()
            except ImproperlyConfigured as exc:
                assert "HEFBOOM_FUZZ" in str(exc)


URL_PARTS = st.sampled_from(["postgres://", "postgresql://", "sqlite:///", "sqlite://", "mysql://",
                             "user", ":", "@", "/", "?", "=", "&", "%", "%zz", "host", "5432",
                             "99999999", "-1", "db", "[", "]", "::1", "#", " ", "conn_max_age"])


@FUZZ
@given(st.one_of(st.lists(URL_PARTS, max_size=10).map("".join), ENV_TEXT))
def test_database_url_is_understood_or_refused_by_name(url):
    try:
        config = env.database_from_url(url, data_dir=Path("/tmp/hb-fuzz"))
    except ImproperlyConfigured as exc:
        assert "DATABASE_URL" in str(exc)
    else:
        assert config["ENGINE"] in {"django.db.backends.sqlite3", "django.db.backends.postgresql"}


XML_PARTS = st.sampled_from(["<r>", "</r>", "<a x='1'>", "</a>", "<!DOCTYPE r [", "]>",
                             "<!ENTITY e 'x'>", "<!ENTITY e SYSTEM 'file:///etc/passwd'>", "&e;",
                             "&amp;", "&#0;", "&#x110000;", "<?xml version='1.0'?>",
                             "<?xml version='1.0' encoding='utf-16'?>", "<![CDATA[", "]]>",
                             "<!--", "-->", "text", "\x00", "é", "<iati-activities>",
                             "</iati-activities>"])


@FUZZ
@given(st.one_of(st.binary(max_size=200), st.lists(XML_PARTS, max_size=12).map(
    lambda parts: "".join(parts).encode("utf-8", "surrogatepass"))))
def test_the_xml_parser_reads_or_refuses_naming_the_file(content):
    try:
        safexml.parse(content, name="fuzz.xml")
    except safexml.XMLRefused as exc:
        assert "fuzz.xml" in str(exc)


@settings(FUZZ, max_examples=40)
@given(st.lists(XML_PARTS, max_size=12).map(lambda parts: "".join(parts).encode()))
def test_the_iati_checker_refuses_anything_it_cannot_check_with_a_report_error(content):
    with contextlib.suppress(ReportError):
        iati.validate_against_schema(content)
