"""`docs`: documents (plain text, Markdown, HTML, PDF): policy notes, coalition agreements, reports.

One item (kind=document) per file, with the whole text (the uptake steps cut it into passages);
for a PDF, `meta.pages` holds the character offset where each page starts. Title, date, author,
url, channel and language come from, in this order:

1. a sidecar file next to the document, `NAME.EXT.meta.toml` or `NAME.EXT.meta.json`
   (keys: title, date, author, url, channel, lang);
2. for the date, the file name: `2023-07-07_imc-decision.pdf` -> 2023-07-07 (someone chose it;
   a PDF's CreationDate is often only when it was exported or scanned);
3. the document's metadata (PDF Title/Author/CreationDate, HTML title, author and date);
4. for the title, the file name: "Imc decision".

No date from any of these: refused and counted (`missing_date="refuse"`, the default), or the
file's modification time (`missing_date="file"`, noted as date_from=file). A PDF with no text
layer (scanned) is refused with a message saying so. Text beyond `max_chars` (default 2,000,000
characters, about 1,000 pages) is cut off, said in a note and in meta.truncated_at.
"""

import json
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from hefboom.listening.sources import Input, SourceError, item_id
from hefboom.listening.sources.common import (
    DateParser,
    FileSource,
    blank_item,
    check_size,
    date_from_filename,
    local_zone,
    meta_json,
    mtime_utc,
    title_from_stem,
)
from hefboom.listening.sources.tabular import detect_encoding

MAX_CHARS = 2_000_000
SIDECAR_KEYS = {"title", "date", "author", "url", "channel", "lang"}


class DocsSource(FileSource):
    name = "docs"
    suffixes = (".txt", ".md", ".html", ".htm", ".pdf")
    options = {
        "channel": _lazy("where the documents come from (e.g. Federale regering)"),
        "missing_date": _lazy('documents without a date: "refuse" (default, counted) or "file" '
                              '(the file\'s modification time)'),
        "max_chars": _lazy("cut a document's text after this many characters (default 2,000,000)"),
        "timezone": _lazy("zone of dates written without one (default: the site's TIME_ZONE)"),
        **FileSource.options,
    }

    def __init__(self, channel: str | None = None, missing_date: str = "refuse",
                 max_chars: int = MAX_CHARS, timezone: str | None = None, on_error: str = "stop"):
        super().__init__(on_error=on_error)
        if missing_date not in ("refuse", "file"):
            raise SourceError(_('missing_date must be "refuse" or "file", not %(v)r.') % {"v": missing_date})
        self.channel, self.missing_date, self.max_chars = channel, missing_date, int(max_chars)
        self.zone = local_zone(timezone)

    def read(self, input: Input) -> Iterator[dict]:
        path = input.path
        check_size(path)
        where = str(path)
        sidecar = self.sidecar(path)
        suffix = path.suffix.lower()
        try:
            if suffix == ".pdf":
                text, found, pages = self.read_pdf(path)
            elif suffix in (".html", ".htm"):
                text, found, pages = self.read_html(path)
            else:
                text, found, pages = self.read_text(path), {}, None
        except SourceError as exc:
            self.problem("unreadable", str(exc))
            return
        text = text.strip()
        if not text:
            self.problem("no text", _(
                "No text could be extracted from %(file)s (scanned?). Run OCR on it first (e.g. "
                "ocrmypdf) or give a text version next to it.") % {"file": where} if suffix == ".pdf"
                else _("%(file)s holds no text.") % {"file": where})
            return
        found = {**{k: v for k, v in found.items() if v}, **sidecar}
        name_date, rest = date_from_filename(path.stem)
        parse = DateParser(self.zone)
        published, date_from = None, None
        if "date" in sidecar:
            published, date_from = parse(sidecar["date"]), "sidecar"
            if published is None:
                raise SourceError(_("%(file)s: date %(value)r in the sidecar is not a date (use "
                                    "2023-07-07).") % {"file": where, "value": sidecar["date"]})
        if published is None and name_date is not None:
            published, date_from = name_date, "filename"
        if published is None and found.get("date"):
            published, date_from = parse(found["date"]), "metadata"
        if published is None:
            if self.missing_date == "file":
                published, date_from = mtime_utc(path), "file"
                self.fallbacks["no date: file time used"] += 1
            else:
                self.skipped["no date"] += 1
                self.note(_("%(file)s: refused, no date in a sidecar, the metadata or the file name "
                            "(e.g. 2023-07-07_note.pdf); give missing_date=file to use the file's "
                            "time.") % {"file": where})
                return
        truncated = None
        if len(text) > self.max_chars:
            truncated = self.max_chars
            text = text[: self.max_chars]
            self.note(_("%(file)s: the text was cut off after %(n)s characters (max_chars).") % {
                "file": where, "n": self.max_chars})
        external = str(path.resolve())
        item = blank_item()
        item.update(
            id=item_id(self.name, external), source=self.name, kind="document",
            channel=found.get("channel") or self.channel or None, external_id=external,
            url=found.get("url") or None,
            title=found.get("title") or title_from_stem(rest or path.stem),
            text=text, published=published, author=found.get("author") or None,
            lang_declared=(found.get("lang") or "")[:2].lower() or None,
            meta=meta_json({"file": path.name, "format": suffix.lstrip("."), "date_from": date_from,
                            "pages": pages, "truncated_at": truncated}),
        )
        yield item

    def sidecar(self, path: Path) -> dict:
        for suffix in (".meta.toml", ".meta.json"):
            candidate = path.with_name(path.name + suffix)
            if not candidate.is_file():
                continue
            try:
                raw = candidate.read_text(encoding="utf-8")
                data = tomllib.loads(raw) if suffix.endswith("toml") else json.loads(raw)
            except (OSError, ValueError, UnicodeDecodeError) as exc:
                raise SourceError(_("Sidecar %(file)s cannot be read: %(reason)s.") % {
                    "file": candidate, "reason": exc}) from None
            unknown = sorted(set(data) - SIDECAR_KEYS) if isinstance(data, dict) else ["?"]
            if unknown:
                raise SourceError(_("Sidecar %(file)s: unknown key %(key)r; keys are %(keys)s.") % {
                    "file": candidate, "key": unknown[0], "keys": ", ".join(sorted(SIDECAR_KEYS))})
            return {k: str(v) for k, v in data.items() if v not in (None, "")}
        return {}

    def read_text(self, path: Path) -> str:
        raw = path.read_bytes()
        encoding, _how = detect_encoding(raw[:1024 * 1024], complete=len(raw) <= 1024 * 1024)
        if not encoding:
            raise SourceError(_("%(file)s is not text in a known encoding.") % {"file": path})
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            raise SourceError(_("%(file)s is not valid %(enc)s after the first MB; save it as "
                                "UTF-8.") % {"file": path, "enc": encoding}) from None

    def read_html(self, path: Path) -> tuple[str, dict, None]:
        from hefboom.listening.sources.web import extract

        document = extract(path.read_bytes(), tables=True)
        if document is None:
            return "", {}, None
        return (document.text or ""), {"title": document.title, "date": document.date,
                                       "author": document.author, "url": document.url}, None

    def read_pdf(self, path: Path) -> tuple[str, dict, list[int]]:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError

        try:
            reader = PdfReader(str(path))
            if reader.is_encrypted and not reader.decrypt(""):
                raise SourceError(_("%(file)s is encrypted with a password; save an unprotected "
                                    "copy.") % {"file": path})
            info = reader.metadata or {}
            parts, pages, offset = [], [], 0
            for page in reader.pages:
                pages.append(offset)
                part = (page.extract_text() or "").strip()
                parts.append(part)
                offset += len(part) + 2
                if offset > self.max_chars:
                    break
        except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
            raise SourceError(_("%(file)s cannot be read as PDF (%(reason)s). Is it a PDF, and "
                                "complete?") % {"file": path, "reason": exc}) from None
        found = {
            "title": _clean(info.get("/Title")),
            "author": _clean(info.get("/Author")),
            "date": _pdf_date(info.get("/CreationDate")),
        }
        return "\n\n".join(parts), found, pages


def _clean(value) -> str | None:
    text = str(value).strip() if value else ""
    return text if text and text.lower() not in ("untitled", "microsoft word", "document") else None


PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Z+\-])?(\d{2})?'?(\d{2})?")


def _pdf_date(value) -> str | None:
    """PDF's "D:20230707143000+02'00'" as ISO text."""
    match = PDF_DATE.match(str(value or ""))
    if not match:
        return None
    y, mo, d, h, mi, s, sign, tzh, tzm = match.groups()
    iso = f"{y}-{mo or '01'}-{d or '01'}T{h or '00'}:{mi or '00'}:{s or '00'}"
    if sign == "Z":
        iso += "+00:00"
    elif sign and sign in "+-" and tzh:
        iso += f"{sign}{tzh}:{tzm or '00'}"
    return iso
