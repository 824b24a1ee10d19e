"""From an .ics file to the meetings that took place: one `Occurrence` per (past) event.

Parsing is icalendar's, recurrence is recurring-ical-events'; this module only decides what a
meeting is for Hefboom (who was there, when in Brussels time, online or not) and turns the ways
an export can be broken into the stable messages of `errors.py`. A damaged file is refused as a
whole; a damaged event is skipped and reported, and the rest of the file is read.
"""

import datetime as dt
import hashlib
import itertools
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events
import x_wr_timezone
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from hefboom.imports.calendar import errors

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# A series that repeats more often than this within the period is cut off (and reported):
# a daily meeting for a year is 365, an RRULE every minute would be half a million.
MAX_OCCURRENCES_PER_EVENT = 400
MAX_UID_LENGTH = 255  # ProposedContact.uid; longer ones are stored as their hash
# Dates outside these years are refused per event: year 1 or 9999 overflows as soon as a time
# zone is applied, and no meeting worth proposing lies there.
FIRST_YEAR, LAST_YEAR = 1900, 2200
DATED_PROPERTIES = ("DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE", "RDATE")
# Repetitions are calculated step by step from the first one: at most this many steps per event
# (a daily meeting since 1900 is 46,000; one every minute for 70 days is 100,000).
MAX_RULE_STEPS = 100_000
FREQUENCY_SECONDS = {"SECONDLY": 1, "MINUTELY": 60, "HOURLY": 3600, "DAILY": 86400,
                     "WEEKLY": 7 * 86400, "MONTHLY": 28 * 86400, "YEARLY": 365 * 86400}
EXPANDING_PARTS = ("BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY", "BYYEARDAY",
                   "BYWEEKNO", "BYMONTH", "BYSETPOS")

# Properties without which an event's date, repetition or participants cannot be trusted.
ESSENTIAL = ("DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID")
# Meeting rooms and equipment appear as attendees; they are not people.
NOT_PEOPLE_CUTYPES = {"ROOM", "RESOURCE"}
NOT_PEOPLE_DOMAINS = ("resource.calendar.google.com",)
ONLINE_MEETING = re.compile(
    r"teams\.microsoft\.com|teams\.live\.com|microsoft teams|zoom\.us|meet\.google\.com|"
    r"webex\.com|whereby\.com|meet\.jit\.si|gotomeeting|skype",
    re.IGNORECASE,
)
ONLINE_PROPERTIES = ("X-MICROSOFT-SKYPETEAMSMEETINGURL", "X-GOOGLE-CONFERENCE")


def local_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def max_bytes() -> int:
    return int(getattr(settings, "HEFBOOM_CALENDAR_MAX_BYTES", DEFAULT_MAX_BYTES))


@dataclass(frozen=True)
class CalendarPerson:
    """An attendee or organiser as the calendar names them."""

    name: str
    email: str
    declined: bool = False

    @property
    def domain(self) -> str:
        return self.email.rpartition("@")[2].casefold() if "@" in self.email else ""


@dataclass
class Occurrence:
    """One meeting as it happened: a single event, or one date of a repeating one."""

    uid: str
    recurrence_key: str  # "" for a single event; the original start (UTC) of a repetition
    start: dt.datetime  # aware, in settings.TIME_ZONE
    all_day: bool
    summary: str
    location: str
    description: str
    organiser: CalendarPerson | None
    attendees: list[CalendarPerson]
    online: bool

    @property
    def date(self) -> dt.date:
        return self.start.date()

    @property
    def participants(self) -> list[CalendarPerson]:
        """Attendees plus the organiser (who is often not listed as an attendee)."""
        people = list(self.attendees)
        if self.organiser and self.organiser.email.casefold() not in {
            p.email.casefold() for p in people
        }:
            people.append(self.organiser)
        return people


@dataclass
class SkippedEvent:
    uid: str
    summary: str
    reason: str

    def __str__(self) -> str:
        return f"{self.summary or '(no title)'} [UID {self.uid}]: {self.reason}"


@dataclass
class Reading:
    """What a file holds: the occurrences in the period and what was left out, and why."""

    occurrences: list[Occurrence] = field(default_factory=list)
    malformed: list[SkippedEvent] = field(default_factory=list)
    events: int = 0
    cancelled: int = 0
    outside_period: int = 0


def read_calendar(data: bytes, file_name: str, *, since: dt.datetime, until: dt.datetime) -> Reading:
    """The occurrences that started between `since` and `until` (aware datetimes)."""
    if until < since:
        raise errors.CalendarImportError(errors.BAD_WINDOW, since=since.date(), until=until.date())
    calendars = parse(data, file_name)
    reading = Reading()
    for calendar in calendars:
        _drop_out_of_range(calendar, reading)
        try:
            calendar = x_wr_timezone.to_standard(calendar)
        except (ValueError, OverflowError) as exc:
            raise errors.CalendarImportError(
                errors.NOT_A_CALENDAR, file=file_name,
                detail=f"its time zone (X-WR-TIMEZONE) cannot be applied ({exc})") from None
        timezones = calendar.walk("VTIMEZONE")
        for uid, components in _series(calendar).items():
            reading.events += 1
            try:
                _read_series(uid, components, timezones, since, until, reading)
            except (ValueError, OverflowError, TypeError, AttributeError) as exc:
                # A value icalendar accepted but date arithmetic cannot use: skip the event.
                summary = str(components[0].get("SUMMARY", "")).strip()
                reading.malformed.append(SkippedEvent(uid, summary, errors.message(
                    errors.EVENT_BAD_PROPERTY, property="?", detail=str(exc)[:200])))
    reading.occurrences.sort(key=lambda o: o.start)
    return reading


def _drop_out_of_range(calendar, reading: Reading) -> None:
    """Take events with a date outside FIRST_YEAR–LAST_YEAR out of the calendar, as skipped."""
    kept = []
    for component in calendar.subcomponents:
        problem = _out_of_range(component) if component.name == "VEVENT" else None
        if problem is None:
            kept.append(component)
            continue
        reading.events += 1
        reading.malformed.append(SkippedEvent(
            str(component.get("UID", "")).strip()[:MAX_UID_LENGTH],
            str(component.get("SUMMARY", "")).strip(), problem))
    calendar.subcomponents[:] = kept


def _out_of_range(event) -> str | None:
    for name, value in _dates(event):
        year = getattr(value, "year", None)
        if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
            return errors.message(errors.EVENT_OUT_OF_RANGE, property=name, value=value,
                                  first=FIRST_YEAR, last=LAST_YEAR)
    return None


def _dates(event):
    """(property, date or datetime) of an event; unreadable properties are left to `_problem`."""
    for name in DATED_PROPERTIES:
        for prop in _as_list(event.get(name)):
            try:
                values = [d.dt for d in prop.dts] if hasattr(prop, "dts") else [prop.dt]
            except Exception:  # noqa: BLE001  a broken property: W002 names it later
                values = []
            yield from ((name, value) for value in values)
    try:
        untils = event.get("RRULE").get("UNTIL", []) if event.get("RRULE") is not None else []
    except Exception:  # noqa: BLE001
        untils = []
    yield from (("RRULE UNTIL", value) for value in untils)


def parse(data: bytes, file_name: str) -> list[icalendar.Calendar]:
    """The calendars in the file; a file that is not one, or is damaged, raises."""
    check_size(len(data), file_name)
    if not data.strip():
        raise errors.CalendarImportError(errors.EMPTY_FILE, file=file_name)
    if b"\x00" in data:
        raise errors.CalendarImportError(errors.NOT_TEXT, file=file_name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # old Outlook exports
    first_line = text.lstrip().split("\n", 1)[0].strip()
    if first_line.upper() != "BEGIN:VCALENDAR":
        raise errors.CalendarImportError(
            errors.NOT_A_CALENDAR, file=file_name,
            detail=f"it starts with '{first_line[:60]}' instead of BEGIN:VCALENDAR")
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except ValueError as exc:
        raise _parse_error(str(exc), text, file_name) from exc
    if not calendars:
        raise errors.CalendarImportError(errors.TRUNCATED, file=file_name)
    return calendars


def check_size(size: int, file_name: str) -> None:
    if size > (limit := max_bytes()):
        raise errors.CalendarImportError(errors.TOO_LARGE, file=file_name, size=_mb(size),
                                         limit=_mb(limit))


def _mb(size: int) -> str:
    return str(filesizeformat(size)).replace("\xa0", " ")


def _parse_error(detail: str, text: str, file_name: str) -> errors.CalendarImportError:
    """Name the line icalendar could not read, when its message quotes it."""
    if "no components" in detail.casefold():
        return errors.CalendarImportError(errors.TRUNCATED, file=file_name)
    quoted = re.search(r"parts: '(.*?)'", detail)
    if quoted:
        bad = quoted.group(1)
        for number, line in _logical_lines(text):
            if line == bad:
                return errors.CalendarImportError(errors.UNREADABLE_LINE, file=file_name,
                                                  line=number, detail=f"cannot read '{bad[:80]}'")
    return errors.CalendarImportError(errors.NOT_A_CALENDAR, file=file_name, detail=detail[:200])


def _logical_lines(text: str):
    """(first physical line number, unfolded content line), as RFC 5545 folds long lines."""
    number, current = 0, None
    for index, raw in enumerate(text.splitlines(), start=1):
        if raw[:1] in (" ", "\t") and current is not None:
            current += raw[1:]
            continue
        if current is not None:
            yield number, current
        number, current = index, raw
    if current is not None:
        yield number, current


def _series(calendar) -> dict[str, list]:
    """Events grouped by UID: a repeating event and its changed or cancelled occurrences."""
    series: dict[str, list] = {}
    for event in calendar.walk("VEVENT"):
        uid = str(event.get("UID", "")).strip()
        if not uid:
            # Without a UID a re-import could not recognise the event; derive a stable one.
            seed = f"{event.get('DTSTART').to_ical() if event.get('DTSTART') else ''}|" \
                   f"{event.get('SUMMARY', '')}"
            uid = "no-uid-" + hashlib.sha256(seed.encode()).hexdigest()[:24]
        elif len(uid) > MAX_UID_LENGTH:
            uid = "sha256-" + hashlib.sha256(uid.encode()).hexdigest()
        series.setdefault(uid, []).append(event)
    return series


def _problem(component) -> str | None:
    if component.get("DTSTART") is None:
        return errors.message(errors.EVENT_WITHOUT_START)
    for name, detail in component.errors:
        if name in ESSENTIAL:
            return errors.message(errors.EVENT_BAD_PROPERTY, property=name, detail=detail)
    return None


def _too_costly(component, until) -> str | None:
    """Why calculating the event's repetitions up to `until` would take too long, if it would.

    Repetitions are calculated from the first one (DTSTART) on, also those before the period:
    an RRULE of every second since 1900 is a few hundred bytes and billions of steps. The work
    is counted as the rule's periods (FREQ and INTERVAL) up to `until` times what its BY...
    parts can add within one period; above MAX_RULE_STEPS the event is skipped (W006)."""
    rule = component.get("RRULE")
    if rule is None:
        return None
    try:
        frequency = str(rule.get("FREQ", ["DAILY"])[0]).upper()
        interval = max(int(rule.get("INTERVAL", [1])[0]), 1)
        start = component.get("DTSTART").dt
    except (AttributeError, IndexError, TypeError, ValueError):
        return None  # recurring-ical-events reports it (W003)
    if not isinstance(start, dt.datetime):
        start = dt.datetime.combine(start, dt.time(0))
    if start.tzinfo is None:
        start = start.replace(tzinfo=until.tzinfo)
    end = until
    for value in rule.get("UNTIL", []):  # the series' own end, when it ends earlier
        if not isinstance(value, dt.datetime):
            value = dt.datetime.combine(value, dt.time(23, 59))
        end = min(end, value if value.tzinfo else value.replace(tzinfo=until.tzinfo))
    seconds = max((end - start).total_seconds(), 0)
    steps = seconds / (FREQUENCY_SECONDS.get(frequency, 1) * interval)
    for part in EXPANDING_PARTS:
        steps *= max(len(rule.get(part, [])), 1)
    if steps > MAX_RULE_STEPS:
        return errors.message(errors.EVENT_TOO_COSTLY, rule=rule.to_ical().decode()[:80],
                              start=start.date())
    return None


def _read_series(uid, components, timezones, since, until, reading: Reading) -> None:
    summary = str(components[0].get("SUMMARY", "")).strip()
    for component in components:
        if problem := _problem(component) or _too_costly(component, until):
            reading.malformed.append(SkippedEvent(uid, summary, problem))
            return
    repeating = any(c.get("RRULE") or c.get("RDATE") or c.get("RECURRENCE-ID") for c in components)
    single = icalendar.Calendar()
    for timezone in timezones:
        single.add_component(timezone)
    for component in components:
        single.add_component(component)
    found = []
    try:
        query = recurring_ical_events.of(single).between(since, until + dt.timedelta(seconds=1))
        for event in itertools.islice(query, MAX_OCCURRENCES_PER_EVENT + 1):
            found.append(event)
    except Exception as exc:  # recurring-ical-events raises many kinds on bad input
        reading.malformed.append(SkippedEvent(
            uid, summary, errors.message(errors.EVENT_UNEXPANDABLE, detail=str(exc)[:200])))
        return
    if len(found) > MAX_OCCURRENCES_PER_EVENT:
        found = found[:MAX_OCCURRENCES_PER_EVENT]
        reading.malformed.append(SkippedEvent(
            uid, summary, errors.message(errors.EVENT_TOO_MANY, limit=MAX_OCCURRENCES_PER_EVENT)))
    in_period = 0
    for event in found:
        start, all_day = _local_start(event.get("DTSTART").dt)
        if not since <= start <= until:
            continue  # between() also returns events that merely overlap the period
        in_period += 1
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            reading.cancelled += 1
            continue
        reading.occurrences.append(_occurrence(uid, event, start, all_day, repeating))
    if not in_period:
        reading.outside_period += 1


def _local_start(value) -> tuple[dt.datetime, bool]:
    zone = local_zone()
    if not isinstance(value, dt.datetime):  # an all-day event
        return dt.datetime.combine(value, dt.time(0), tzinfo=zone), True
    if value.tzinfo is None:  # "floating" time: the calendar owner's own clock
        return value.replace(tzinfo=zone), False
    return value.astimezone(zone), False


def _recurrence_key(event) -> str:
    recurrence_id = event.get("RECURRENCE-ID")
    value = recurrence_id.dt if recurrence_id is not None else event.get("DTSTART").dt
    if not isinstance(value, dt.datetime):
        return value.strftime("%Y%m%d")
    if value.tzinfo is None:
        value = value.replace(tzinfo=local_zone())
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _occurrence(uid, event, start, all_day, repeating) -> Occurrence:
    location = _text(event.get("LOCATION"))
    description = _text(event.get("DESCRIPTION"))
    online = bool(ONLINE_MEETING.search(location)) or any(event.get(p) for p in ONLINE_PROPERTIES)
    return Occurrence(
        uid=uid,
        recurrence_key=_recurrence_key(event) if repeating else "",
        start=start,
        all_day=all_day,
        summary=_text(event.get("SUMMARY")),
        location=location,
        description=description,
        organiser=_person(event.get("ORGANIZER")),
        attendees=[p for p in map(_person, _as_list(event.get("ATTENDEE"))) if p is not None],
        online=online,
    )


def _text(value) -> str:
    return str(value).strip() if value is not None else ""


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _person(address) -> CalendarPerson | None:
    if address is None:
        return None
    params = getattr(address, "params", {})
    value = str(address).strip()
    email = value[7:] if value.casefold().startswith("mailto:") else ""
    email = email.strip()
    if "@" not in email:
        email = ""
    cutype = str(params.get("CUTYPE", "INDIVIDUAL")).upper()
    role = str(params.get("ROLE", "")).upper()
    if (cutype in NOT_PEOPLE_CUTYPES or role == "NON-PARTICIPANT"
            or email.casefold().endswith(NOT_PEOPLE_DOMAINS)):
        return None
    name = str(params.get("CN", "")).strip().strip('"')
    if name.casefold() == email.casefold():
        name = ""  # Google repeats the address as the name
    if not name and not email:
        return None
    declined = str(params.get("PARTSTAT", "")).upper() == "DECLINED"
    return CalendarPerson(name=name, email=email, declined=declined)
