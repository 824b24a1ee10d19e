"""Fuzzing the calendar (.ics) reader with hypothesis: random bytes, damaged real exports and
events with random dates, repetitions and attendees. The reader may only answer with a reading
(bad events skipped and reported) or a `CalendarImportError`; any other exception is a bug, and
so is an answer that takes seconds. Small, reproducible runs (derandomize)."""

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hefboom.imports.calendar import reader
from hefboom.imports.calendar.errors import CalendarImportError
from hefboom.imports.calendar.tests.conftest import SAMPLES, SINCE, UNTIL

FUZZ = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])
SAMPLE_FILES = {path.name: path.read_bytes() for path in sorted(SAMPLES.glob("*.ics"))}


def read_or_refuse(data: bytes):
    started = time.monotonic()
    try:
        reading = reader.read_calendar(data, "fuzz.ics", since=SINCE, until=UNTIL)
    except CalendarImportError as exc:
        assert "fuzz.ics" in str(exc) or str(exc).startswith("[")
        reading = None
    else:
        for occurrence in reading.occurrences:
            assert SINCE <= occurrence.start <= UNTIL
    assert time.monotonic() - started < 5, "reading took too long"
    return reading


@FUZZ
@given(st.one_of(st.binary(max_size=400),
                 st.binary(max_size=400).map(lambda b: b"BEGIN:VCALENDAR\r\n" + b)))
def test_random_bytes_are_read_or_refused(data):
    read_or_refuse(data)


@FUZZ
@given(st.sampled_from(sorted(SAMPLE_FILES)), st.integers(0, 10**6),
       st.binary(min_size=1, max_size=30), st.sampled_from(["replace", "truncate", "insert"]))
def test_a_damaged_export_is_read_or_refused(name, at, junk, how):
    data = SAMPLE_FILES[name]
    at %= len(data) + 1
    read_or_refuse({"replace": data[:at] + junk + data[at + len(junk):],
                    "truncate": data[:at], "insert": data[:at] + junk + data[at:]}[how])


@FUZZ
@given(st.sampled_from(sorted(SAMPLE_FILES)), st.data())
def test_an_export_with_lines_dropped_or_doubled_is_read_or_refused(name, data):
    lines = SAMPLE_FILES[name].split(b"\n")
    index = data.draw(st.integers(0, len(lines) - 1))
    if data.draw(st.booleans()):
        del lines[index]
    else:
        lines.insert(index, lines[data.draw(st.integers(0, len(lines) - 1))])
    read_or_refuse(b"\n".join(lines))


DATE_VALUES = st.sampled_from([
    "20250312T093000", "20250312T093000Z", "20250312", "2025031", "20250230T100000",
    "99991231T235959Z", "00010101T000000", "20250312T250000", "", "garbage", "20250312T093000+01",
])
RRULES = st.lists(st.sampled_from([
    "FREQ=DAILY", "FREQ=SECONDLY", "FREQ=MINUTELY", "FREQ=WEEKLY", "FREQ=YEARLY", "FREQ=NEVER",
    "COUNT=3", "COUNT=0", "COUNT=-1", "COUNT=99999999", "INTERVAL=0", "INTERVAL=2",
    "UNTIL=20250101T000000Z", "UNTIL=20250101", "UNTIL=junk", "BYDAY=MO,WE", "BYDAY=5FR",
    "BYDAY=XX", "BYMONTH=2", "BYMONTHDAY=30", "BYMONTHDAY=-1", "BYSETPOS=-1", "BYHOUR=25",
    "WKST=SU",
]), max_size=5).map(";".join)
TZIDS = st.sampled_from(["", ";TZID=Europe/Brussels", ";TZID=Romance Standard Time",
                         ";TZID=Nowhere/Land", ";VALUE=DATE", ";TZID=\"quoted\""])
PEOPLE = st.sampled_from([
    "mailto:lotte.verzonnen@kabinet.example.com", ";CN=Sara Denkbeeld:mailto:sara@example.com",
    ";CUTYPE=ROOM:mailto:zaal@resource.calendar.google.com", ":mailto:", ";PARTSTAT=DECLINED:x",
    ";CN=\"Jan, Peeters\":MAILTO:JAN@EXAMPLE.COM", ":", ";ROLE=NON-PARTICIPANT:mailto:a@b.c",
])
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"),
               max_size=30)


@st.composite
def events(draw):
    lines = ["BEGIN:VEVENT"]
    if draw(st.booleans()):
        lines.append("UID:" + draw(st.one_of(TEXT, st.just("x" * 300))))
    lines.append(f"DTSTART{draw(TZIDS)}:{draw(DATE_VALUES)}")
    if draw(st.booleans()):
        lines.append(f"DTEND{draw(TZIDS)}:{draw(DATE_VALUES)}")
    if draw(st.booleans()):
        lines.append("DURATION:" + draw(st.sampled_from(["PT1H", "P1D", "-PT1H", "PTX", ""])))
    if draw(st.booleans()):
        lines.append("RRULE:" + draw(RRULES))
    if draw(st.booleans()):
        lines.append(f"EXDATE{draw(TZIDS)}:{draw(DATE_VALUES)}")
    if draw(st.booleans()):
        lines.append(f"RECURRENCE-ID{draw(TZIDS)}:{draw(DATE_VALUES)}")
    lines.append("SUMMARY:" + draw(TEXT))
    for _ in range(draw(st.integers(0, 3))):
        person = draw(PEOPLE)
        lines.append("ATTENDEE" + (person if person.startswith((";", ":")) else ":" + person))
    if draw(st.booleans()):
        lines.append("ORGANIZER" + draw(PEOPLE).lstrip(":").join([":", ""]))
    if draw(st.booleans()):
        lines.append("STATUS:" + draw(st.sampled_from(["CANCELLED", "CONFIRMED", ""])))
    if draw(st.booleans()):
        lines.append("LOCATION:" + draw(TEXT))
    lines.append("END:VEVENT")
    return lines


@FUZZ
@given(st.lists(events(), min_size=1, max_size=4), st.booleans())
def test_events_with_random_dates_repetitions_and_attendees_are_read_or_reported(items, x_wr):
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Hefboom fuzz//EN"]
    if x_wr:
        lines.append("X-WR-TIMEZONE:Europe/Brussels")
    for event in items:
        lines += event
    lines.append("END:VCALENDAR")
    reading = read_or_refuse("\r\n".join(lines).encode())
    if reading is not None:
        assert reading.events <= len(items)


# What the fuzzing found, pinned as plain tests.

def calendar_of(*event_lines: str, x_wr: bool = False) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Hefboom test//EN"]
    lines += ["X-WR-TIMEZONE:Europe/Brussels"] if x_wr else []
    lines += ["BEGIN:VEVENT", "UID:fuzz-1", "SUMMARY:Overleg", *event_lines, "END:VEVENT",
              "BEGIN:VEVENT", "UID:fuzz-2", "SUMMARY:Gewoon overleg", "DTSTART:20250312T093000Z",
              "END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(lines).encode()


def test_a_series_every_second_since_long_ago_is_skipped_at_once():
    """A few hundred bytes that would keep the server busy for hours: W006, in milliseconds."""
    for rule in ("FREQ=SECONDLY", "FREQ=MINUTELY", "FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30"):
        started = time.monotonic()
        reading = read_or_refuse(calendar_of("DTSTART:19000101T000000Z", f"RRULE:{rule}"))
        assert time.monotonic() - started < 1
        assert [o.summary for o in reading.occurrences] == ["Gewoon overleg"]
        assert [m.reason[:6] for m in reading.malformed] == ["[W006]"]


def test_a_daily_meeting_since_1900_is_still_read():
    reading = read_or_refuse(calendar_of("DTSTART:19000101T090000Z", "RRULE:FREQ=DAILY"))
    assert len(reading.occurrences) == 366  # every day of 2025, and the other meeting
    assert not reading.malformed


def test_a_date_in_year_1_or_9999_skips_the_event_not_the_file():
    for lines, x_wr in ((["DTSTART:99991231T235959Z"], True),
                        (["DTSTART:20250312T093000", "RECURRENCE-ID:00010101T000000"], False)):
        reading = read_or_refuse(calendar_of(*lines, x_wr=x_wr))
        assert [o.summary for o in reading.occurrences] == ["Gewoon overleg"]
        assert [m.reason[:6] for m in reading.malformed] == ["[W005]"]
