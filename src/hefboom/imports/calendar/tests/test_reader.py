"""Reading exports: time zones, repetitions, cancellations and damaged files."""

import datetime as dt

import pytest

from hefboom.imports.calendar import reader
from hefboom.imports.calendar.errors import CalendarImportError
from hefboom.imports.calendar.tests.conftest import BRUSSELS, SINCE, UNTIL, sample


def read(name, since=SINCE, until=UNTIL):
    return reader.read_calendar(sample(name), name, since=since, until=until)


def by_summary(reading):
    return {o.summary: o for o in reading.occurrences}


def test_outlook_windows_time_zone_is_brussels_time():
    meeting = by_summary(read("outlook.ics"))["Overleg kabinet over hervestiging"]
    assert meeting.start == dt.datetime(2025, 3, 12, 9, 30, tzinfo=BRUSSELS)
    assert meeting.start.utcoffset() == dt.timedelta(hours=1)
    assert meeting.location == "Wetstraat 16, Brussel"
    assert [p.email for p in meeting.participants] == [
        "lotte.verzonnen@kabinet.example.com", "alice@example.org"]


def test_outlook_all_day_cancelled_and_teams_meetings():
    reading = read("outlook.ics")
    meetings = by_summary(reading)
    assert reading.cancelled == 1
    assert "Geannuleerd: Tweede overleg kabinet" not in meetings
    hearing = meetings["Hoorzitting Kamercommissie over migratiepartnerschappen"]
    assert hearing.all_day and hearing.date == dt.date(2025, 3, 20)
    assert meetings["Toelichting parlementaire vraag remittances"].online
    assert not meetings["Overleg kabinet over hervestiging"].online


def test_google_utc_times_give_the_brussels_date():
    meetings = by_summary(read("google.ics"))
    # 22:30 UTC on 14 June is 00:30 on 15 June in Brussels (summer time).
    assert meetings["Late drink na debat loss and damage"].date == dt.date(2025, 6, 15)
    call = meetings["Gesprek studiedienst over klimaatfinanciering"]
    assert call.online  # Google Meet
    assert call.start.hour == 10
    # The meeting room is not a person; Google's "CN=address" is no name.
    assert [(p.name, p.email) for p in call.participants] == [
        ("Sara Denkbeeld", "sara.denkbeeld@example.com"), ("", "alice@example.org")]


def test_future_events_are_never_read():
    reading = read("google.ics", until=dt.datetime(2100, 1, 1, tzinfo=BRUSSELS))
    # read_calendar takes the period as given; import_calendar caps it at now (test_import).
    assert "Overleg in de verre toekomst" in by_summary(reading)
    reading = read("google.ics")
    assert "Overleg in de verre toekomst" not in by_summary(reading)
    assert reading.outside_period == 1


def test_weekly_meeting_with_exdate_cancelled_and_moved_occurrence():
    weekly = [o for o in read("nextcloud.ics").occurrences
              if o.uid == "b7d3c1e2-9f8a-4b6c-8d7e-1a2b3c4d5e6f"]
    # Six Mondays from 6 January; 20 January excluded, 27 January cancelled, 3 February moved.
    assert [o.start.date() for o in weekly] == [
        dt.date(2025, 1, 6), dt.date(2025, 1, 13), dt.date(2025, 2, 4), dt.date(2025, 2, 10)]
    assert len({o.recurrence_key for o in weekly}) == 4
    moved = weekly[2]
    assert moved.summary == "Coalitie-overleg pushbacks (verschoven)"
    assert moved.recurrence_key == "20250203T130000Z"  # the original start identifies it
    assert all(o.online for o in weekly if "zoom" in o.location)


def test_repetition_without_end_is_bounded_by_the_period():
    monthly = [o for o in read("nextcloud.ics").occurrences
               if o.summary == "Maandelijkse call ledenorganisaties"]
    assert [o.date.month for o in monthly] == list(range(4, 13))
    shorter = read("nextcloud.ics", until=dt.datetime(2025, 6, 30, tzinfo=BRUSSELS))
    assert len([o for o in shorter.occurrences if o.summary.startswith("Maandelijkse")]) == 3


def test_damaged_events_are_skipped_and_named_the_rest_is_read():
    reading = read("broken-events.ics")
    assert [o.uid for o in reading.occurrences] == ["good-one"]
    problems = {p.uid: p.reason for p in reading.malformed}
    assert set(problems) == {"broken-no-start", "broken-bad-start", "broken-bad-rule"}
    assert problems["broken-no-start"].startswith("[W001]")
    assert "DTSTART" in problems["broken-bad-start"]
    assert "RRULE" in problems["broken-bad-rule"]
    assert "Overleg zonder begin" in str(reading.malformed[0])


@pytest.mark.parametrize("name, code, words", [
    ("not-a-calendar.ics", "E001", "Datum;Onderwerp"),
    ("truncated.ics", "E003", "cut off"),
])
def test_a_file_that_is_no_calendar_is_refused_with_its_name(name, code, words):
    with pytest.raises(CalendarImportError) as caught:
        read(name)
    assert caught.value.code == code
    assert name in str(caught.value) and words in str(caught.value)


def test_an_unreadable_line_is_named_by_its_number():
    data = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nthis line has no colon\r\nEND:VCALENDAR\r\n"
    with pytest.raises(CalendarImportError) as caught:
        reader.read_calendar(data, "odd.ics", since=SINCE, until=UNTIL)
    assert caught.value.code == "E002"
    assert "odd.ics, line 4" in str(caught.value)


def test_binary_and_empty_files_are_refused():
    with pytest.raises(CalendarImportError, match=r"\[E006\]"):
        reader.parse(b"PK\x03\x04\x00\x00 a zip file", "calendar.xlsx")
    with pytest.raises(CalendarImportError, match=r"\[E005\]"):
        reader.parse(b"  \r\n", "empty.ics")


def test_a_huge_file_is_refused_before_parsing(settings):
    settings.HEFBOOM_CALENDAR_MAX_BYTES = 1024
    with pytest.raises(CalendarImportError) as caught:
        read("outlook.ics")
    assert caught.value.code == "E004"
    assert "outlook.ics is 4.5 KB; the limit is 1.0 KB" in str(caught.value)
    settings.HEFBOOM_CALENDAR_MAX_BYTES = 10 * 1024 * 1024
    assert read("outlook.ics").occurrences


def test_an_event_repeating_too_often_is_cut_off_and_reported():
    data = (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:often\r\n"
            b"DTSTART:20250101T000000Z\r\nRRULE:FREQ=HOURLY\r\nSUMMARY:Elk uur\r\n"
            b"ATTENDEE:mailto:a@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    reading = reader.read_calendar(data, "often.ics", since=SINCE, until=UNTIL)
    assert len(reading.occurrences) == reader.MAX_OCCURRENCES_PER_EVENT
    assert reading.malformed[0].reason.startswith("[W004]")
