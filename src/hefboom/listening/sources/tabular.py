"""`csv` and `json`: exports of social-listening tools and platforms (Coosto, X, Facebook, ...).

Which column is the text, the date, the author... comes from a *preset* (built-in header names
of a known export, or `generic`: known names in Dutch, French and English) and an optional
*mapping file* (TOML or JSON) that names columns itself::

    preset = "coosto"          # start from a preset (optional)
    header_row = 3             # 1-based; 0 = the file has no header (columns by number)
    delimiter = ";"            # CSV only; detected when absent
    encoding = "cp1252"        # detected when absent
    date_format = "%d-%m-%Y %H:%M"   # or "iso", "epoch", "rfc2822"; detected when absent
    timezone = "Europe/Brussels"     # for dates written without a zone
    channel = "Twitter"        # when no column says where a post appeared
    kind = "post"
    [columns]
    text = "Bericht tekst"     # field = header (or column number when header_row = 0)
    date = "Datum"

Fields: text and date (required), author, url, title, channel, id, lang. Other columns go to
`meta`. Files are read as a stream (csv module, one row at a time); JSON Lines is streamed too,
a JSON array is read whole (within the size ceiling).
"""

import codecs
import csv
import hashlib
import json
import re
import tomllib
import unicodedata
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from hefboom.listening.sources import Input, SourceError, item_id
from hefboom.listening.sources.common import (
    DateParser,
    FileSource,
    blank_item,
    check_size,
    local_zone,
    meta_json,
)

FIELDS = ("text", "date", "author", "url", "title", "channel", "id", "lang")
REQUIRED = ("text", "date")
HEADER_SCAN_ROWS = 20
SAMPLE_BYTES = 1024 * 1024
DELIMITERS = (",", ";", "\t", "|")
MAPPING_KEYS = {"preset", "header_row", "delimiter", "encoding", "date_format", "timezone",
                "channel", "kind", "lang", "columns"}
KINDS = ("post", "article", "speech", "document")

GENERIC = {
    "text": ["text", "message", "bericht", "bericht tekst", "berichttekst", "tekst", "inhoud",
             "content", "body", "message text", "post text", "full text", "tweet", "texte",
             "contenu", "texte du message", "caption", "description", "post"],
    "date": ["date", "datum", "published", "published at", "publication date", "created at",
             "created", "post created", "timestamp", "datetime", "date time", "publicatiedatum",
             "datum tijd", "date de publication", "date de creation", "posted at", "time", "tijd"],
    "author": ["author", "auteur", "user", "username", "user name", "screen name", "account",
               "page name", "author name", "utilisateur", "compte", "gebruiker", "gebruikersnaam",
               "afzender", "from", "name", "naam", "nom"],
    "url": ["url", "link", "permalink", "lien", "post url", "adresse", "tweet url"],
    "title": ["title", "titel", "titre", "headline", "subject", "onderwerp", "sujet"],
    "channel": ["channel", "kanaal", "platform", "plateforme", "bron", "source", "medium",
                "network", "netwerk", "type bron", "canal", "site", "reseau"],
    "id": ["id", "post id", "tweet id", "message id", "bericht id", "identifiant", "guid", "uid",
           "id str"],
    "lang": ["lang", "language", "taal", "langue"],
}

PRESETS = {
    "generic": {"columns": GENERIC},
    # A Coosto export: ';'-separated, Dutch (or English) headers, day-first dates.
    "coosto": {"delimiter": ";", "columns": {
        "text": ["bericht tekst", "berichttekst", "bericht", "message text", "message"],
        "date": ["datum", "date", "publicatiedatum"],
        "author": ["auteur", "author"],
        "url": ["url"],
        "title": ["titel", "title"],
        "channel": ["bron", "source", "type bron", "type", "medium"],
        "id": ["id", "bericht id", "message id"],
        "lang": ["taal", "language"],
    }},
    # X (Twitter): CSV from export tools, or JSON / JSON Lines of tweet objects (also the
    # archive's tweets.js, whose objects hold {"tweet": {...}}).
    "x": {"channel": "X", "columns": {
        "text": ["full text", "text", "tweet full text", "tweet text", "tweet"],
        "date": ["created at", "tweet created at", "date", "timestamp"],
        "author": ["username", "screen name", "user screen name", "author username", "author"],
        "url": ["url", "tweet url", "permalink"],
        "id": ["id str", "tweet id str", "id", "tweet id"],
        "lang": ["lang", "tweet lang", "language"],
    }},
    # Facebook pages (CrowdTangle-like or Meta Content Library exports).
    "facebook": {"channel": "Facebook", "columns": {
        "text": ["message", "text", "post text", "description"],
        "date": ["post created", "creation time", "created time", "date"],
        "author": ["page name", "account", "user name", "author"],
        "url": ["url", "link", "post url"],
        "title": ["link text", "title"],
        "id": ["facebook id", "post id", "id"],
    }},
    "instagram": {"channel": "Instagram", "columns": {
        "text": ["description", "caption", "text"],
        "date": ["post created", "taken at", "timestamp", "date"],
        "author": ["account", "username", "user name", "author"],
        "url": ["link", "url", "permalink"],
        "id": ["id", "post id"],
    }},
}

WESTERN = set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ«»°·´¨¿¡ºª§©®±") | {
    chr(c) for c in range(0xC0, 0x100) if chr(c) not in "×÷"}


def normalise(header: str) -> str:
    text = unicodedata.normalize("NFKD", str(header)).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[_\-.:/#]+", " ", text.lower()).split())


def load_mapping(mapping) -> dict:
    """A mapping dict, or one read from a TOML or JSON file; checked for unknown keys."""
    if mapping is None:
        return {}
    if isinstance(mapping, dict):
        data, name = mapping, _("the mapping")
    else:
        path, name = Path(mapping), str(mapping)
        try:
            raw = path.read_bytes()
            data = (tomllib.loads(raw.decode("utf-8")) if path.suffix.lower() == ".toml"
                    else json.loads(raw))
        except OSError as exc:
            raise SourceError(_("Mapping file %(file)s cannot be read: %(reason)s.") % {
                "file": name, "reason": exc.strerror or exc}) from None
        except (ValueError, UnicodeDecodeError) as exc:
            raise SourceError(_("Mapping file %(file)s is not valid %(format)s: %(reason)s.") % {
                "file": name, "format": "TOML" if path.suffix.lower() == ".toml" else "JSON",
                "reason": exc}) from None
    if not isinstance(data, dict):
        raise SourceError(_("%(file)s must hold an object (keys such as columns, preset).") % {
            "file": name})
    unknown = sorted(set(data) - MAPPING_KEYS)
    if unknown:
        raise SourceError(_("%(file)s: unknown key %(key)r; known keys: %(known)s.") % {
            "file": name, "key": unknown[0], "known": ", ".join(sorted(MAPPING_KEYS))})
    columns = data.get("columns", {})
    if not isinstance(columns, dict):
        raise SourceError(_("%(file)s: columns must be a table of field = column.") % {"file": name})
    wrong = [f for f in columns if f not in FIELDS]
    if wrong:
        raise SourceError(_("%(file)s: %(field)r is not a field; fields are %(fields)s.") % {
            "file": name, "field": wrong[0], "fields": ", ".join(FIELDS)})
    return data


def detect_encoding(sample: bytes, complete: bool) -> tuple[str, str]:
    """(encoding, how): UTF-8 (with or without BOM), UTF-16 by BOM, Windows Western (cp1252, what
    Excel writes in Belgium and France) when that reads as Western text, else charset-normalizer."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", _("byte order mark")
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", _("byte order mark")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=complete)
        return "utf-8", _("detected")
    except UnicodeDecodeError:
        pass
    try:
        decoded = sample.decode("cp1252")
    except UnicodeDecodeError:
        decoded = None
    if decoded is not None:
        special = [c for c in decoded if ord(c) > 127]
        if sum(c in WESTERN for c in special) >= 0.9 * len(special):
            return "cp1252", _("detected: not UTF-8, reads as Windows Western text")
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None:
        return "", ""
    return best.encoding, _("guessed by charset-normalizer")


def detect_delimiter(lines: list[str]) -> str:
    """The delimiter that splits most sample lines into the same number of fields."""
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        counts = [line.count(delimiter) for line in lines if line.strip()]
        counts = [c for c in counts if c]
        if not counts:
            continue
        mode = max(set(counts), key=counts.count)
        score = (counts.count(mode), mode)
        if score > best_score:
            best, best_score = delimiter, score
    return best


class TabularSource(FileSource):
    """Shared by csv and json: presets, mapping, header detection, row -> item."""

    options = {
        "mapping": _lazy("mapping file (TOML or JSON) naming the columns; see docs/listening-sources.md"),
        "preset": _lazy("column names of a known export: generic (default), coosto, x, facebook, instagram"),
        "channel": _lazy("where the posts appeared, when no column says so (e.g. Twitter)"),
        "kind": _lazy("post (default), article, speech or document"),
        "encoding": _lazy("the file's encoding (detected when absent), e.g. cp1252"),
        "delimiter": _lazy("CSV delimiter (detected when absent)"),
        "header_row": _lazy("1-based row of the header (detected when absent); 0: no header"),
        "date_format": _lazy("strptime format, or iso, epoch, rfc2822 (detected when absent)"),
        "timezone": _lazy("zone of dates written without one (default: the site's TIME_ZONE)"),
        "lang": _lazy("language of every item, when no column says it"),
        **FileSource.options,
    }

    def __init__(self, mapping=None, preset: str | None = None, channel: str | None = None,
                 kind: str | None = None, encoding: str | None = None, delimiter: str | None = None,
                 header_row: int | None = None, date_format: str | None = None,
                 timezone: str | None = None, lang: str | None = None, on_error: str = "stop"):
        super().__init__(on_error=on_error)
        self.mapping = load_mapping(mapping)
        given = {"preset": preset, "channel": channel, "kind": kind, "encoding": encoding,
                 "delimiter": delimiter, "header_row": header_row, "date_format": date_format,
                 "timezone": timezone, "lang": lang}
        self.options = {**self.mapping, **{k: v for k, v in given.items() if v is not None}}
        name = self.options.get("preset") or "generic"
        if name not in PRESETS:
            raise SourceError(_("Unknown preset %(name)r; presets: %(known)s.") % {
                "name": name, "known": ", ".join(PRESETS)})
        self.preset_name, self.preset = name, PRESETS[name]
        self.kind = self.options.get("kind") or "post"
        if self.kind not in KINDS:
            raise SourceError(_("kind must be one of %(kinds)s, not %(kind)r.") % {
                "kinds": ", ".join(KINDS), "kind": self.kind})
        self.zone = local_zone(self.options.get("timezone"))
        self.given_columns = {f: str(c) for f, c in self.mapping.get("columns", {}).items()}
        header = self.options.get("header_row")
        self.header_row = None if header is None else int(header)
        self.layouts: dict[str, dict] = {}  # per file: what was detected (encoding, header, columns)

    def preview(self, input: Input, rows: int = 5) -> dict:
        """A dry run: what was detected, the first items, the problem if any, and a mapping file
        (TOML) to start from. Nothing is stored; for `hefboom ingest csv FILE --dry-run`."""
        items, error = [], None
        try:
            items = list(islice(self.read(input), rows))
        except SourceError as exc:
            error = str(exc)
        layout = self.layouts.get(input.location, {})
        return {"layout": layout, "items": items, "error": error, "notes": list(self.notes),
                "mapping": mapping_toml(layout, self.preset_name) if layout else None}

    # -- header and columns ------------------------------------------------------------------

    def match_columns(self, headers: list[str]) -> dict[str, str]:
        """field -> header: the mapping's own columns, then the preset's names (exact, normalised)."""
        by_norm = {}
        for header in headers:
            by_norm.setdefault(normalise(header), header)
        columns = {}
        for field, names in self.preset["columns"].items():
            for name in names:
                if normalise(name) in by_norm:
                    columns[field] = by_norm[normalise(name)]
                    break
        taken = {}
        for field, header in list(columns.items()):  # one column, one field: the first wins
            if header in taken.values():
                del columns[field]
            taken[field] = header
        for field, given in self.given_columns.items():
            columns[field] = by_norm.get(normalise(given), given)
        return columns

    def header_score(self, cells: list[str]) -> int:
        columns = self.match_columns([c for c in cells if c and str(c).strip()])
        matched = [f for f, h in columns.items() if h in cells]
        return len(matched) + (10 if "text" in matched else 0)

    def check_columns(self, columns: dict, headers: list[str], where: str) -> None:
        missing = [f for f in REQUIRED if f not in columns]
        absent = [(f, h) for f, h in columns.items() if h not in headers]
        if absent:
            field, header = absent[0]
            raise SourceError(_(
                "%(where)s: the mapping names column %(header)r for %(field)s, but the header has "
                "no such column. Columns are: %(headers)s.") % {
                "where": where, "header": header, "field": field,
                "headers": ", ".join(repr(h) for h in headers[:40])})
        if missing:
            raise SourceError(_(
                "%(where)s: no column for %(field)s (preset %(preset)s). Columns are: %(headers)s. "
                "Name it in a mapping file: [columns] %(field)s = \"...\".") % {
                "where": where, "field": missing[0], "preset": self.preset_name,
                "headers": ", ".join(repr(h) for h in headers[:40])})

    # -- rows -> items ---------------------------------------------------------------------

    def items(self, rows, headers: list[str], columns: dict, where: str) -> Iterator[dict]:
        """Items from (row number, {header: value}) pairs."""
        parse_date = DateParser(self.zone, self.options.get("date_format"))
        get = {f: columns.get(f) for f in FIELDS}
        mapped = set(columns.values())
        extra = [h for h in headers if h not in mapped]
        source, kind = self.name, self.kind
        fixed_channel = self.options.get("channel") or self.preset.get("channel")
        fixed_lang = self.options.get("lang")
        file_name = Path(where).name
        text_col, date_col = get["text"], get["date"]
        for number, row in rows:
            text = row.get(text_col)
            text = str(text).strip() if text is not None else ""
            if not text:
                self.skipped["empty text"] += 1
                continue
            raw_date = row.get(date_col)
            try:
                published = parse_date(raw_date)
            except (ValueError, OverflowError, OSError):
                published = None
            if published is None:
                self.problem("bad date", _(
                    "%(file)s, row %(row)s, column %(column)r: %(value)r is not a date. Use ISO "
                    "(2024-03-01 14:05), dd/mm/yyyy, or epoch seconds, or set date_format in the "
                    "mapping; on_error=skip skips such rows.") % {
                    "file": where, "row": number, "column": date_col, "value": raw_date})
                continue
            values = {}
            for field in ("author", "url", "title", "channel", "id", "lang"):
                column = get[field]
                if column is not None:
                    value = row.get(column)
                    value = str(value).strip() if value is not None else ""
                    values[field] = value or None
            item = blank_item()
            item.update(author=values.get("author"), url=values.get("url"), title=values.get("title"))
            channel = values.get("channel") or fixed_channel
            external = values.get("id")
            lang = values.get("lang") or fixed_lang
            if not external:
                external = item["url"] or hashlib.sha1(
                    f"{channel}|{item['author']}|{published.isoformat()}|{text}".encode(),
                    usedforsecurity=False).hexdigest()
            item.update(
                id=item_id(source, external), source=source, kind=kind, channel=channel,
                external_id=external, text=text, published=published, lang_declared=lang,
                meta=meta_json({"file": file_name, "row": number,
                                "columns": {h: row[h] for h in extra if row.get(h) not in (None, "")}}),
            )
            yield item


class CsvSource(TabularSource):
    """CSV (or TSV, ';'-separated...) exports; read as a stream, row by row."""

    name = "csv"
    suffixes = (".csv", ".tsv")  # in a directory; a file given by name may have any suffix

    def read(self, input: Input) -> Iterator[dict]:
        path = input.path
        check_size(path)
        where = str(path)
        with path.open("rb") as raw:
            sample = raw.read(SAMPLE_BYTES)
        if not sample.strip():
            raise SourceError(_("%(file)s is empty.") % {"file": where})
        encoding, how = self.options.get("encoding"), _("given")
        if not encoding:
            encoding, how = detect_encoding(sample, complete=len(sample) < SAMPLE_BYTES)
            if not encoding:
                raise SourceError(_("%(file)s does not look like text in any known encoding (is it "
                                    "a spreadsheet or a zip?). Export it as CSV.") % {"file": where})
        try:
            codecs.lookup(encoding)
            text_sample = sample.decode(encoding, errors="replace")
        except LookupError:
            raise SourceError(_("Unknown encoding %(enc)r for %(file)s; use e.g. utf-8 or cp1252.") % {
                "enc": encoding, "file": where}) from None
        delimiter = self.options.get("delimiter") or (
            "\t" if path.suffix.lower() == ".tsv" else detect_delimiter(text_sample.splitlines()[:50]))
        csv.field_size_limit(max(csv.field_size_limit(), 64 * 1024 * 1024))
        line = [0]
        with path.open("rb") as handle:
            reader = csv.reader(_decoded_lines(handle, encoding, line), delimiter=delimiter)
            number = 0
            try:
                head = []
                for cells in reader:
                    head.append(cells)
                    if len(head) >= max(HEADER_SCAN_ROWS, self.header_row or 0):
                        break
                headers, header_at = self.find_header(head, where)
                self.note(_("%(file)s: encoding %(enc)s (%(how)s), delimiter %(delim)r, %(header)s.") % {
                    "file": where, "enc": encoding, "how": how, "delim": delimiter,
                    "header": (_("header on row %(row)s") % {"row": header_at}) if header_at
                    else _("no header row")})
                columns = self.match_columns(headers)
                self.layouts[where] = {"encoding": encoding, "encoding_how": how, "delimiter": delimiter,
                                       "header_row": header_at, "headers": headers, "columns": columns}
                self.check_columns(columns, headers, where)
                width = len(headers)

                def rows():
                    nonlocal number
                    number = 0
                    for cells in _chain(head, reader):
                        number += 1
                        if number <= header_at or not cells:
                            continue
                        if len(cells) < width:
                            cells = cells + [""] * (width - len(cells))
                        yield number, dict(zip(headers, cells, strict=False))

                yield from self.items(rows(), headers, columns, where)
            except UnicodeDecodeError:
                raise SourceError(_(
                    "%(file)s, line %(line)s: the bytes are not valid %(enc)s (%(how)s from the "
                    "first MB). Give the encoding (encoding = \"cp1252\" in the mapping, or the "
                    "encoding option) or save the file as UTF-8.") % {
                    "file": where, "line": line[0], "enc": encoding, "how": how}) from None
            except csv.Error as exc:
                raise SourceError(_("%(file)s, row %(row)s: not readable as CSV (%(reason)s).") % {
                    "file": where, "row": number + 1, "reason": exc}) from None

    def find_header(self, head: list[list[str]], where: str) -> tuple[list[str], int]:
        """(headers, 1-based row of the header; 0 when the file has none)."""
        if self.header_row == 0:
            width = max((len(c) for c in head), default=0)
            return [str(i) for i in range(1, width + 1)], 0
        if self.header_row is not None:
            if self.header_row > len(head):
                raise SourceError(_("%(file)s has no row %(row)s for the header.") % {
                    "file": where, "row": self.header_row})
            return _unique(head[self.header_row - 1]), self.header_row
        scores = [(self.header_score(cells), -i) for i, cells in enumerate(head)]
        best = max(scores, default=(0, 0))
        if best[0] >= 11:  # the text column and at least one other field
            index = -best[1]
            return _unique(head[index]), index + 1
        first = next((c for c in head if any(x.strip() for x in c)), [])
        looks_like_data = any(DateParser(self.zone)(cell) for cell in first if len(cell) >= 8)
        raise SourceError(_(
            "%(file)s: no header row with a text column and a date column found in the first "
            "%(n)s rows (preset %(preset)s). %(hint)sEither name the header row and the columns in "
            "a mapping file (header_row = 3, [columns] text = \"...\", date = \"...\"), or, if the "
            "file has no header, set header_row = 0 and name columns by number (text = 3).") % {
            "file": where, "n": HEADER_SCAN_ROWS, "preset": self.preset_name,
            "hint": (_("Row 1 looks like data, not a header: %(cells)s. ") % {
                "cells": ", ".join(repr(c) for c in first[:6])}) if looks_like_data else ""})


def mapping_toml(layout: dict, preset: str) -> str:
    """A mapping file that fixes what was detected, for the user to correct and pass back."""

    def quoted(value) -> str:
        return json.dumps(str(value), ensure_ascii=False)

    lines = [f"preset = {quoted(preset)}"]
    if "header_row" in layout:
        lines.append(f"header_row = {layout['header_row']}")
    for key in ("delimiter", "encoding"):
        if layout.get(key):
            lines.append(f"{key} = {quoted(layout[key])}")
    lines.append("")
    lines.append("[columns]")
    columns = layout.get("columns", {})
    for field in FIELDS:
        if field in columns:
            lines.append(f"{field} = {quoted(columns[field])}")
        else:
            lines.append(f"# {field} = \"...\"")
    unused = [h for h in layout.get("headers", []) if h not in columns.values()]
    if unused:
        lines.append("# other columns (kept in meta): " + ", ".join(unused))
    return "\n".join(lines) + "\n"


def _unique(cells: list[str]) -> list[str]:
    seen, out = {}, []
    for cell in cells:
        cell = cell.strip().lstrip("\ufeff")
        count = seen.get(cell, 0)
        seen[cell] = count + 1
        out.append(cell if not count else f"{cell} ({count + 1})")
    return out


def _decoded_lines(handle, encoding: str, line: list[int]):
    """Lines of a binary file, decoded one by one so that a bad byte is found on its line.

    `line[0]` is the number of the line last read (a CSV row may span several lines)."""
    if encoding.lower().replace("_", "-").startswith(("utf-16", "utf-32")):
        import io

        lines = io.TextIOWrapper(handle, encoding=encoding, errors="strict", newline="")
        for line[0], text in enumerate(lines, start=1):  # noqa: B007
            yield text
        return
    decode = codecs.getdecoder(encoding)
    for line[0], raw in enumerate(handle, start=1):  # noqa: B007
        yield decode(raw)[0]


def _chain(head, rest):
    yield from head
    yield from rest


def flatten(value, prefix="", out=None) -> dict:
    """{"user": {"screen_name": "x"}} -> {"user.screen_name": "x"}; lists become JSON text."""
    out = {} if out is None else out
    for key, item in value.items():
        name = f"{prefix}{key}"
        if isinstance(item, dict):
            flatten(item, name + ".", out)
        elif isinstance(item, list):
            out[name] = json.dumps(item, ensure_ascii=False, default=str) if item else None
        else:
            out[name] = item
    return out


class JsonSource(TabularSource):
    """JSON (an array of objects, or an object holding one) and JSON Lines (streamed)."""

    name = "json"
    suffixes = (".json", ".jsonl", ".ndjson")  # an X archive's tweets.js: give it by name
    RECORD_KEYS = ("data", "items", "results", "posts", "tweets", "messages", "records")

    def read(self, input: Input) -> Iterator[dict]:
        path = input.path
        check_size(path)
        where = str(path)
        if path.suffix.lower() in (".jsonl", ".ndjson"):
            records = self._lines(path, where)
        else:
            records = enumerate(self._array(path, where), start=1)
        head = []
        for pair in records:
            head.append(pair)
            if len(head) >= 50:
                break
        if not head:
            self.note(_("%(file)s holds no records.") % {"file": where})
            return
        headers = list(dict.fromkeys(k for _n, row in head for k in row))
        columns = self.match_columns(headers)
        self.layouts[where] = {"headers": headers, "columns": columns}
        self.check_columns(columns, headers, where)
        self.note(_("%(file)s: fields %(cols)s.") % {
            "file": where, "cols": ", ".join(f"{f}={h}" for f, h in columns.items())})
        yield from self.items(_chain(head, records), headers, columns, where)

    def _lines(self, path: Path, where: str):
        with path.open("rb") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    value = json.loads(line)
                except ValueError as exc:
                    self.problem("bad JSON line", _(
                        "%(file)s, line %(row)s: not valid JSON (%(reason)s). Fix the line or use "
                        "on_error=skip.") % {"file": where, "row": number, "reason": exc})
                    continue
                if isinstance(value, dict):
                    yield number, flatten(value)
                else:
                    self.problem("not an object", _("%(file)s, line %(row)s: not a JSON object.") % {
                        "file": where, "row": number})

    def _array(self, path: Path, where: str):
        raw = path.read_bytes()
        if raw.lstrip().startswith(b"window."):  # an X archive's tweets.js
            raw = raw.split(b"=", 1)[-1]
        try:
            data = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            raise SourceError(_("%(file)s is not valid JSON (%(reason)s). For one object per line, "
                                "name the file .jsonl.") % {"file": where, "reason": exc}) from None
        if isinstance(data, dict):
            lists = [data[k] for k in self.RECORD_KEYS if isinstance(data.get(k), list)]
            lists = lists or [v for v in data.values() if isinstance(v, list)]
            if len(lists) != 1 and not any(k in data for k in self.RECORD_KEYS):
                raise SourceError(_("%(file)s: no list of records found (expected an array, or an "
                                    "object with one of %(keys)s).") % {
                    "file": where, "keys": ", ".join(self.RECORD_KEYS)})
            data = lists[0]
        if not isinstance(data, list):
            raise SourceError(_("%(file)s: expected an array of objects.") % {"file": where})
        del raw
        for value in data:
            yield flatten(value) if isinstance(value, dict) else {}
