"""Fixtures for the calendar import: Alice's calendar exports and the people in them.

The samples imitate real exports (Outlook with its Windows time zone and X-MS- properties,
Google in UTC with X-WR-TIMEZONE, Nextcloud with a repeating meeting); all people are invented.
Alice works at example.org; everyone at another domain is external.
"""

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from hefboom.actors.models import PersonRole
from hefboom.core.actions import save_record
from hefboom.imports.calendar.actions import import_calendar

SAMPLES = Path(__file__).parent / "samples"
BRUSSELS = ZoneInfo("Europe/Brussels")
# The samples are recorded in 2025; tests name that period instead of "the last year".
SINCE = dt.datetime(2025, 1, 1, tzinfo=BRUSSELS)
UNTIL = dt.datetime(2025, 12, 31, 23, 59, tzinfo=BRUSSELS)


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def import_sample(user, name, **period):
    period = {"since": SINCE, "until": UNTIL} | period
    return import_calendar(user, sample(name), name, **period)


@pytest.fixture
def alice_at_work(alice):
    """Alice with her work address, which makes example.org the organisation's own domain."""
    alice.email = "alice@example.org"
    alice.save()
    return alice


@pytest.fixture
def lotte(advisor, cabinet):
    """The cabinet advisor, known by e-mail, who works at the cabinet since 2024."""
    advisor.email = "lotte.verzonnen@kabinet.example.com"
    save_record(advisor, None)
    save_record(PersonRole(person=advisor, organisation=cabinet, title="adviseur migratie",
                           start_date=dt.date(2024, 1, 1)), None)
    return advisor
