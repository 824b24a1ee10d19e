"""What the file and web sources share: finding inputs, the size ceiling, fetching URLs, dates.

Every source here is a `FileSource`: `inputs(paths)` expands directories and checks sizes before
anything is read; `read(input)` yields items with the RAW columns of `schema.ITEM`. A source tells
what it decided and what it left out in two places the ingest command can print:

- `notes`: one line per decision ("export.csv: encoding cp1252 (detected), header on row 3");
- `skipped`: a Counter of reasons ("no date", "empty text") for items it did not yield;
- `fallbacks`: a Counter of items yielded with a stand-in ("no date: the feed's date used").

`on_error="stop"` (the default) raises `SourceError` at the first bad row or file; `"skip"` counts
it in `skipped`, notes the first few, and goes on.
"""

import email.utils
import json
import re
import urllib.error
import urllib.request
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from hefboom.listening.schema import RAW_COLUMNS
from hefboom.listening.sources import Input, SourceError

URL_SCHEMES = ("http://", "https://")
FETCH_TIMEOUT = 20  # seconds
NOTED_PROBLEMS = 5  # with on_error="skip", the first few problems are noted word for word


def max_file_bytes() -> int:
    """The ceiling on one input file (HEFBOOM_INGEST_MAX_FILE_MB, default 1024 MB)."""
    return int(getattr(settings, "HEFBOOM_INGEST_MAX_FILE_MB", 1024)) * 1024 * 1024


def check_size(path: Path, limit: int | None = None) -> int:
    """The file's size; SourceError before a byte is read when it is over the ceiling."""
    limit = max_file_bytes() if limit is None else limit
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SourceError(_("%(file)s cannot be read: %(reason)s.") % {
            "file": path, "reason": exc.strerror or exc}) from None
    if size > limit:
        raise SourceError(_(
            "%(file)s is %(size)s MB, over the ceiling of %(limit)s MB for one file. Split it "
            "(e.g. export per year), or raise HEFBOOM_INGEST_MAX_FILE_MB if this machine has "
            "the memory and the file is really meant to be read whole.") % {
            "file": path, "size": size // (1024 * 1024), "limit": limit // (1024 * 1024)})
    return size


def is_url(location: str) -> bool:
    return location.lower().startswith(URL_SCHEMES)


def fetch(url: str, *, timeout: float = FETCH_TIMEOUT, limit: int | None = None) -> tuple[bytes, dict]:
    """The body of `url` (http or https only) and its headers, refusing bodies over the ceiling."""
    if not is_url(url):
        raise SourceError(_("%(url)s: only http:// and https:// addresses are fetched.") % {"url": url})
    limit = max_file_bytes() if limit is None else limit
    request = urllib.request.Request(  # noqa: S310 (scheme checked above, redirects below)
        url, headers={"User-Agent": "Hefboom listening (offline corpus)"})
    opener = urllib.request.build_opener(_HttpOnlyRedirects)
    try:
        with opener.open(request, timeout=timeout) as response:
            final = response.geturl()
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise _too_big(url, limit)
            chunks, total = [], 0
            while chunk := response.read(1024 * 1024):
                total += len(chunk)
                if total > limit:
                    raise _too_big(url, limit)
                chunks.append(chunk)
            headers = {k.lower(): v for k, v in response.headers.items()}
            headers["x-final-url"] = final
            return b"".join(chunks), headers
    except urllib.error.HTTPError as exc:
        raise SourceError(_("%(url)s answered HTTP %(code)s %(reason)s. Check the address.") % {
            "url": url, "code": exc.code, "reason": exc.reason}) from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise SourceError(_("%(url)s could not be fetched: %(reason)s. Check the address and the "
                            "network, or save the page and give the file.") % {
            "url": url, "reason": reason}) from None


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects to http(s) addresses only (urllib's own handler also follows ftp)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not is_url(newurl):
            raise SourceError(_("%(url)s redirected to %(final)s, which is not http(s).") % {
                "url": req.full_url, "final": newurl})
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _too_big(url: str, limit: int) -> SourceError:
    return SourceError(_("%(url)s is larger than the ceiling of %(limit)s MB for one input; "
                         "raise HEFBOOM_INGEST_MAX_FILE_MB or save and split it.") % {
        "url": url, "limit": limit // (1024 * 1024)})


def local_zone(name: str | None = None) -> ZoneInfo:
    """The zone for dates written without one: `name`, else the site's TIME_ZONE."""
    name = name or settings.TIME_ZONE
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise SourceError(_("Unknown time zone %(zone)r; use a name like Europe/Brussels or UTC.") % {
            "zone": name}) from None


# Day first, as written in Belgium and the Netherlands; ISO and epoch are tried before these.
# "dmy" is 01/03/2024, 1-3-2024 13:05, 01.03.2024 13:05:59 (a regex: strptime costs 5x more).
DATE_FORMATS = (
    "dmy",
    "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d",
    "%a %b %d %H:%M:%S %z %Y",  # X / Twitter: "Wed Oct 10 20:19:24 +0000 2018"
    "%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %I:%M %p",  # US exports with AM/PM
)
ZONE_OFFSETS = {"UTC": "+00:00", "GMT": "+00:00", "CET": "+01:00", "CEST": "+02:00"}
ZONE_ABBREVIATION = re.compile(r"(?<=\d) ?(UTC|GMT|CET|CEST)$", re.IGNORECASE)
DMY = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
EPOCH = re.compile(r"^\d{9,13}(\.\d+)?$")
EPOCH_MS = 10**11  # a number above this is milliseconds (from 1973 on)


class DateParser:
    """Parses the dates of one column; remembers the format that worked, so that a file costs
    one search, not one per row. Times without a zone are read in `zone` and given in UTC; a date
    without a time is that day at 00:00 UTC."""

    def __init__(self, zone: ZoneInfo, date_format: str | None = None):
        self.zone, self.format = zone, date_format
        self.fixed = date_format is not None

    def __call__(self, value) -> datetime | None:
        if isinstance(value, datetime):
            return self._utc(value)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return self._epoch(float(value))
        text = str(value).strip() if value is not None else ""
        if not text:
            return None
        zone = ZONE_ABBREVIATION.search(text)
        if zone:  # "2024-03-01 12:00:00 CET" (CrowdTangle) -> an offset fromisoformat reads
            text = text[: zone.start()] + ZONE_OFFSETS[zone.group(1).upper()]
        if self.format:
            try:
                return self._utc(self._strptime(text, self.format), ":" not in text)
            except ValueError:
                if self.fixed:
                    return None
        return self._search(text)

    def _strptime(self, text, fmt):
        if fmt == "iso":
            return datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
        if fmt == "epoch":
            if not EPOCH.match(text):
                raise ValueError(text)
            return self._epoch(float(text))
        if fmt == "dmy":
            match = DMY.match(text)
            if not match:
                raise ValueError(text)
            day, _sep, month, year, hour, minute, second = match.groups()
            return datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0),
                            int(second or 0))  # noqa: DTZ001 (zone added in _utc)
        if fmt == "rfc2822":
            parsed = email.utils.parsedate_to_datetime(text)
            if parsed is None:
                raise ValueError(text)
            return parsed
        return datetime.strptime(text, fmt)  # noqa: DTZ007 (zone added in _utc)

    def _search(self, text):
        for fmt in ("iso", "epoch", *DATE_FORMATS, "rfc2822"):
            try:
                parsed = self._strptime(text, fmt)
            except (ValueError, TypeError, IndexError):
                continue
            self.format = fmt
            return self._utc(parsed, ":" not in text)
        return None

    def _epoch(self, number: float) -> datetime:
        if number > EPOCH_MS:
            number /= 1000
        return datetime.fromtimestamp(number, UTC)

    def _utc(self, value: datetime, date_only: bool = False) -> datetime:
        if value.tzinfo is None:
            # A day without a time stays on its day in UTC (00:00), so that it falls in the
            # same day and week in every trend; a time without a zone is local time.
            value = value.replace(tzinfo=UTC if date_only else self.zone)
        return value.astimezone(UTC)


FILENAME_DATE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})(?:[ _-]+|$)")


def date_from_filename(name: str) -> tuple[datetime | None, str]:
    """(date, rest) from a name like "2023-07-07_imc-decision" or "20230707 nota"."""
    match = FILENAME_DATE.match(name)
    if not match:
        return None, name
    try:
        day = datetime(*(int(g) for g in match.groups()), tzinfo=UTC)  # a day: 00:00 UTC
    except ValueError:
        return None, name
    return day, name[match.end():]


def title_from_stem(stem: str) -> str:
    words = re.sub(r"[_\-]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else stem


def mtime_utc(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime, UTC)


def http_date(headers: dict) -> datetime | None:
    value = headers.get("last-modified")
    if not value:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def blank_item() -> dict:
    return dict.fromkeys(RAW_COLUMNS)


def meta_json(meta: dict) -> str:
    return json.dumps({k: v for k, v in meta.items() if v not in (None, "", [], {})},
                      ensure_ascii=False, default=str, separators=(",", ":"))


class FileSource:
    """Shared shape: files (and directories of them), optionally URLs."""

    name = ""
    suffixes: tuple[str, ...] = ()
    accepts_urls = False
    # constructor keyword -> help text, for `hefboom ingest SOURCE PATH --option KEY=VALUE`
    options: dict = {"on_error": _lazy('"stop" (default): stop at the first bad row or file; '
                                       '"skip": count it and go on')}

    def __init__(self, on_error: str = "stop"):
        if on_error not in ("stop", "skip"):
            raise SourceError(_('on_error must be "stop" or "skip", not %(value)r.') % {"value": on_error})
        self.on_error = on_error
        self.notes: list[str] = []
        self.skipped: Counter = Counter()
        self.fallbacks: Counter = Counter()

    def inputs(self, paths) -> list[Input]:
        found = []
        for raw in paths:
            location = str(raw)
            if is_url(location):
                if not self.accepts_urls:
                    raise SourceError(_("The %(source)s source reads files, not addresses (%(url)s). "
                                        "Save the file and give its path.") % {
                        "source": self.name, "url": location})
                found.append(Input(location))
                continue
            path = Path(location)
            if path.is_dir():
                files = sorted(p for p in path.rglob("*") if p.is_file()
                               and p.suffix.lower() in self.suffixes and not self.is_sidecar(p))
                if not files:
                    raise SourceError(_("%(dir)s holds no %(kinds)s files for the %(source)s source.") % {
                        "dir": path, "kinds": ", ".join(self.suffixes), "source": self.name})
                found.extend(Input(str(p), check_size(p)) for p in files)
            elif path.is_file():
                found.append(Input(str(path), check_size(path)))
            else:
                raise SourceError(_("%(path)s does not exist. Check the path.") % {"path": path})
        return found

    def is_sidecar(self, path: Path) -> bool:
        return False

    def problem(self, reason: str, message: str) -> None:
        """A bad row or file: raise (on_error="stop") or count it and go on."""
        if self.on_error == "stop":
            raise SourceError(message)
        self.skipped[reason] += 1
        if self.skipped[reason] <= NOTED_PROBLEMS:
            self.notes.append(message)

    def note(self, message: str) -> None:
        self.notes.append(message)
