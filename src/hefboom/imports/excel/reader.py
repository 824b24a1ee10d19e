"""From a workbook file to sheets of rows: safety checks, header detection and date parsing.

The file is checked before openpyxl sees it (size, zip bomb, encryption, old .xls), so that a bad
upload gets a message that says what is wrong instead of a traceback.
"""

import calendar
import datetime as dt
import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from openpyxl import load_workbook
from openpyxl.utils.datetime import from_excel
from rapidfuzz import fuzz

from hefboom.actors.matching import normalise
from hefboom.core.safexml import has_doctype
from hefboom.imports.excel.errors import ImportFailed
from hefboom.imports.excel.fields import all_synonyms

MB = 1024 * 1024
HEADER_SEARCH_ROWS = 20
# A zip's parts: a workbook has a few dozen (sheets, styles, pictures); ten thousand is not one.
MAX_ZIP_PARTS = 10_000
# A part that unpacks to more than this many times its packed size is a zip bomb, not a sheet
# (real sheet XML packs 5-50 times); parts under RATIO_CHECKED_FROM bytes are not checked.
MAX_COMPRESSION_RATIO = 200
RATIO_CHECKED_FROM = 5 * MB
XML_PARTS = (".xml", ".rels", ".vml")
OLE2_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")


def max_file_bytes() -> int:
    return settings.EXCEL_IMPORT_MAX_BYTES  # HEFBOOM_EXCEL_IMPORT_MAX_MB


def max_unpacked_bytes() -> int:
    # xlsx is a zip of XML: text compresses ~10-20x, so allow generously but not unboundedly.
    return settings.EXCEL_IMPORT_MAX_UNPACKED_BYTES


@dataclass
class Sheet:
    name: str
    header_row: int | None = None  # 1-based, as Excel shows it
    headers: list[str] = field(default_factory=list)
    rows: list[tuple[int, tuple]] = field(default_factory=list)  # (row number, values)
    top: list[tuple] = field(default_factory=list)  # the first rows, for header detection
    all_rows: list[tuple[int, tuple]] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.top

    def samples(self, column: int, n: int = 3) -> list[str]:
        values = (row[column] for _, row in self.rows if column < len(row))
        return [display(v) for v in values if v not in (None, "")][:n]


def check_file(path: Path, name: str | None = None) -> None:
    """Refuse files that are too big, not xlsx, encrypted or damaged, before openpyxl opens them."""
    name = name or path.name
    size = path.stat().st_size
    if size > max_file_bytes():
        raise ImportFailed("E005", file=name, size=f"{size / MB:.1f}", limit=max_file_bytes() // MB)
    with path.open("rb") as handle:
        head = handle.read(8)
    if head == OLE2_SIGNATURE:
        # Encrypted xlsx files are OLE2 containers with an EncryptionInfo stream (MS-OFFCRYPTO).
        content = path.read_bytes()
        if "EncryptionInfo".encode("utf-16-le") in content:
            raise ImportFailed("E003", file=name)
        raise ImportFailed("E002", file=name)
    if not zipfile.is_zipfile(path):
        raise ImportFailed("E001", file=name)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            _check_parts(members, name)
            names = {m.filename for m in members}
            if "xl/workbook.xml" not in names:
                raise ImportFailed("E001", file=name)
            _check_xml_parts(archive, members, name)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError,
            RuntimeError) as exc:
        raise ImportFailed("E004", file=name, detail=str(exc) or type(exc).__name__) from None


def _check_parts(members: list[zipfile.ZipInfo], name: str) -> None:
    """Refuse a zip bomb by what its directory says, before anything is unpacked. The sizes
    can be trusted: Python's zipfile stops unpacking a part at its stated size."""
    if len(members) > MAX_ZIP_PARTS:
        raise ImportFailed("E016", file=name, count=len(members), limit=MAX_ZIP_PARTS)
    unpacked = sum(m.file_size for m in members)
    if unpacked > max_unpacked_bytes():
        raise ImportFailed("E006", file=name, size=f"{unpacked / MB:.0f}",
                           limit=max_unpacked_bytes() // MB)
    for member in members:
        if member.file_size >= RATIO_CHECKED_FROM and (
                member.file_size > MAX_COMPRESSION_RATIO * max(member.compress_size, 1)):
            raise ImportFailed("E017", file=name, part=member.filename,
                               ratio=member.file_size // max(member.compress_size, 1),
                               limit=MAX_COMPRESSION_RATIO)


def _check_xml_parts(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo], name: str) -> None:
    """Refuse a workbook whose XML has a document type declaration: Excel never writes one, and
    one can declare entities that read server files (XXE) or expand into gigabytes (billion
    laughs). openpyxl would refuse them too (it parses through defusedxml), but later and with a
    less helpful error."""
    for member in members:
        if member.filename.lower().endswith(XML_PARTS):
            with archive.open(member) as part:
                if has_doctype(part):
                    raise ImportFailed("E018", file=name, part=member.filename)


def read_workbook(path: Path, name: str | None = None) -> list[Sheet]:
    """All sheets with their header row detected and their data rows (empty rows left out)."""
    check_file(path, name)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise ImportFailed("E004", file=name or path.name, detail=type(exc).__name__) from None
    sheets = []
    try:
        for worksheet in workbook.worksheets:
            sheet = Sheet(worksheet.title)
            rows = []
            for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
                values = tuple(_clean(v) for v in values)
                if any(v not in (None, "") for v in values):
                    rows.append((number, values))
            sheet.top = [values for _, values in rows[:HEADER_SEARCH_ROWS]]
            sheet.header_row = detect_header_row(rows[:HEADER_SEARCH_ROWS])
            if sheet.header_row:
                header_values = next(v for n, v in rows if n == sheet.header_row)
                sheet.headers = unique_headers(header_values)
                sheet.rows = [(n, v) for n, v in rows if n > sheet.header_row]
            sheet.all_rows = rows
            sheets.append(sheet)
    except Exception as exc:
        raise ImportFailed("E004", file=name or path.name, detail=type(exc).__name__) from None
    finally:
        workbook.close()
    return sheets


def set_header_row(sheet: Sheet, header_row: int) -> None:
    """Use another row as the header row (the user corrected the detection)."""
    rows = sheet.all_rows
    header_values = next((v for n, v in rows if n == header_row), None)
    if header_values is None:
        raise ValueError(header_row)
    sheet.header_row = header_row
    sheet.headers = unique_headers(header_values)
    sheet.rows = [(n, v) for n, v in rows if n > header_row]


def _clean(value):
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def detect_header_row(rows: list[tuple[int, tuple]]) -> int | None:
    """The row that looks most like column names: many known words, then many text cells.

    Merged title rows above the header ("Monitoring 2023 – politieke contacten") fill one cell
    only, so they never win.
    """
    known = all_synonyms()
    best, best_score = None, (0, 0)
    for number, values in rows:
        texts = [normalise(v) for v in values if isinstance(v, str) and v.strip()]
        if len(texts) < 2 or len(texts) < len([v for v in values if v is not None]) / 2:
            continue
        recognised = sum(1 for t in texts if t in known or _close(t, known))
        score = (recognised, len(texts))
        if score > best_score:
            best, best_score = number, score
    return best


def _close(text: str, known: set[str]) -> bool:
    return len(text) <= 40 and any(fuzz.ratio(text, k) >= 88 for k in known)


def unique_headers(values: tuple) -> list[str]:
    headers, seen = [], {}
    for index, value in enumerate(values):
        text = display(value) or f"({index + 1})"
        seen[text] = seen.get(text, 0) + 1
        headers.append(text if seen[text] == 1 else f"{text} ({seen[text]})")
    return headers


def display(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


# Dates --------------------------------------------------------------------------------------

MONTHS = {
    **dict.fromkeys(("januari", "jan", "janvier", "january"), 1),
    **dict.fromkeys(("februari", "feb", "fevrier", "february", "fev"), 2),
    **dict.fromkeys(("maart", "mrt", "mars", "march", "mar"), 3),
    **dict.fromkeys(("april", "apr", "avril", "avr"), 4),
    **dict.fromkeys(("mei", "mai", "may"), 5),
    **dict.fromkeys(("juni", "jun", "juin", "june"), 6),
    **dict.fromkeys(("juli", "jul", "juillet", "july", "juil"), 7),
    **dict.fromkeys(("augustus", "aug", "aout", "august"), 8),
    **dict.fromkeys(("september", "sep", "sept", "septembre"), 9),
    **dict.fromkeys(("oktober", "okt", "octobre", "october", "oct"), 10),
    **dict.fromkeys(("november", "nov", "novembre"), 11),
    **dict.fromkeys(("december", "dec", "decembre"), 12),
}
QUARTER = re.compile(r"^(?:q|k|t|kw|trim)\s*([1-4])\s*[-/ ]?\s*(\d{4})$"
                     r"|^(\d{4})\s*[-/ ]?\s*(?:q|k|t)\s*([1-4])$")
HALF = re.compile(r"^(?:s|h|sem|semester)\s*([12])\s*[-/ ]?\s*(\d{4})$|^(\d{4})\s*[-/ ]?\s*(?:s|h)\s*([12])$")
NUMERIC = re.compile(r"^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})$")
WORDS = re.compile(r"^(?:(\d{1,2})(?:er|e|ste|de)?\s+)?([a-z]+)\.?\s+(\d{4})$")
ENGLISH = re.compile(r"^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")


class DateProblem(Exception):
    """Why a cell is not a date: code E202 (not a date), E203 (no such day) or E204 (a period)."""

    def __init__(self, code: str, suggestion: str = ""):
        self.code, self.suggestion = code, suggestion
        super().__init__(code)


def parse_date(value) -> dt.date:
    """A day from an Excel date, an Excel serial number or text in Belgian (day-first) forms."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 20000 <= value <= 80000:  # an Excel serial number without date formatting
            return from_excel(value).date()
        raise DateProblem("E204" if 1900 <= value <= 2100 else "E202",
                          f"{int(value)}-01-01" if 1900 <= value <= 2100 else "")
    text = _plain(str(value))
    start, end = _period(text)
    if start is not None:
        raise DateProblem("E204", start.isoformat())
    if match := NUMERIC.match(text):
        a, b, c = (int(x) for x in match.groups())
        year, month, day = (a, b, c) if len(match.group(1)) == 4 else (_year(c), b, a)
        return _day(year, month, day)
    if match := WORDS.match(text):
        day, month_word, year = match.groups()
        if (month := MONTHS.get(month_word)) and day:
            return _day(int(year), month, int(day))
    if (match := ENGLISH.match(text)) and (month := MONTHS.get(match.group(1))):
        return _day(int(match.group(3)), month, int(match.group(2)))
    raise DateProblem("E202")


def parse_period(value) -> tuple[dt.date, dt.date]:
    """A reporting period: a year, quarter, half year, month, 'YYYY-YYYY' or one day."""
    if isinstance(value, int | float) and not isinstance(value, bool) and 1900 <= value <= 2100:
        return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    text = _plain(display(value))
    start, end = _period(text)
    if start is not None:
        return start, end
    if match := re.match(r"^(\d{4})\s*(?:-|/|tot|to|a)\s*(\d{4})$", text):
        first, last = int(match.group(1)), int(match.group(2))
        if first <= last:
            return dt.date(first, 1, 1), dt.date(last, 12, 31)
    for separator in (" tot ", " to ", " au ", " - ", " a "):
        if separator in text:
            left, right = text.split(separator, 1)
            try:
                return parse_date(left), parse_date(right)
            except DateProblem:
                break
    try:
        day = parse_date(value)
    except DateProblem:
        raise DateProblem("E212") from None
    return day, day


def _plain(text: str) -> str:
    """Lower case without accents, keeping the separators dates use: ' 1er Août 2023 ' -> '1er aout 2023'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(text.replace(",", " ").replace("'", " ").split())


def _period(text: str) -> tuple[dt.date | None, dt.date | None]:
    if re.fullmatch(r"\d{4}", text):
        year = int(text)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if match := QUARTER.match(text):
        quarter, year = (match.group(1), match.group(2)) if match.group(1) else (match.group(4),
                                                                                 match.group(3))
        first = (int(quarter) - 1) * 3 + 1
        return dt.date(int(year), first, 1), _month_end(int(year), first + 2)
    if match := HALF.match(text):
        half, year = (match.group(1), match.group(2)) if match.group(1) else (match.group(4),
                                                                              match.group(3))
        first = 1 if half == "1" else 7
        return dt.date(int(year), first, 1), _month_end(int(year), first + 5)
    if (match := re.fullmatch(r"([a-z]+)\.?\s+(\d{4})", text)) and (month := MONTHS.get(match.group(1))):
        return dt.date(int(match.group(2)), month, 1), _month_end(int(match.group(2)), month)
    return None, None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _year(value: int) -> int:
    return 2000 + value if value < 100 else value


def _day(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateProblem("E203") from None
