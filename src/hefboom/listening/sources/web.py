"""`web`: web pages (saved HTML files or http(s) addresses), main text through trafilatura.

Hefboom downloads the page itself (urllib: timeout, size ceiling, http/https only) and hands the
HTML to trafilatura, which never touches the network here. One item (kind=article) per page:
main text, title, author, site name and date from the page's metadata.

No date in the page: refused and counted (`missing_date="refuse"`, the default), because a wrong
date puts a text in the wrong week of every trend. `missing_date="file"` uses the file's
modification time, or the server's Last-Modified header for an address (else refused); the
item's `meta` then says date_from=file.
"""

from collections.abc import Iterator
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from hefboom.listening.sources import Input, SourceError, item_id
from hefboom.listening.sources.common import (
    FETCH_TIMEOUT,
    DateParser,
    FileSource,
    blank_item,
    check_size,
    fetch,
    http_date,
    is_url,
    local_zone,
    meta_json,
    mtime_utc,
)


def extract(html: bytes | str, url: str | None = None, *, tables: bool = False):
    """trafilatura's Document for this HTML (None when it finds no main text)."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=tables,
        favor_recall=True, date_extraction_params={"original_date": True, "outputformat": DATE_FORMAT})
    if document is not None and document.date and document.date.endswith("T00:00:00"):
        document.date = document.date[:10]  # only a day is known: keep it a day
    return document


DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"


class WebSource(FileSource):
    name = "web"
    suffixes = (".html", ".htm", ".xhtml")
    accepts_urls = True
    options = {
        "channel": _lazy("name for the channel (default: the site's name)"),
        "missing_date": _lazy('pages without a date: "refuse" (default, counted) or "file" (the '
                              'file\'s modification time, or the server\'s Last-Modified)'),
        "timezone": _lazy("zone of dates written without one (default: the site's TIME_ZONE)"),
        "timeout": _lazy("seconds to wait for an address (default 20)"),
        **FileSource.options,
    }

    def __init__(self, channel: str | None = None, missing_date: str = "refuse",
                 timezone: str | None = None, timeout: float = FETCH_TIMEOUT, on_error: str = "stop"):
        super().__init__(on_error=on_error)
        if missing_date not in ("refuse", "file"):
            raise SourceError(_('missing_date must be "refuse" or "file", not %(v)r.') % {"v": missing_date})
        self.channel, self.missing_date, self.timeout = channel, missing_date, float(timeout)
        self.zone = local_zone(timezone)

    def read(self, input: Input) -> Iterator[dict]:
        where = input.location
        if is_url(where):
            content, headers = fetch(where, timeout=self.timeout)
            url, fallback_date = headers.get("x-final-url", where), http_date(headers)
        else:
            path = Path(where)
            check_size(path)
            content, url, fallback_date = path.read_bytes(), None, mtime_utc(path)
        document = extract(content, url)
        if document is None or not (document.text or "").strip():
            self.problem("no main text", _(
                "%(file)s: no main text found in the page (empty, a login wall, or built by "
                "JavaScript). Save the page as it shows in a browser, or use the docs source.") % {
                "file": where})
            return
        published, date_from = None, None
        if document.date:
            try:
                published = DateParser(self.zone)(document.date)
            except (ValueError, OverflowError):
                published = None
        if published is None:
            if self.missing_date == "file" and fallback_date is not None:
                published, date_from = fallback_date, "file"
                self.fallbacks["no date: file time used"] += 1
            else:
                self.skipped["no date"] += 1
                self.note(_("%(file)s: refused, the page states no date; give "
                            "missing_date=file to use the file's time instead.") % {"file": where})
                return
        canonical = document.url or url
        external = canonical or str(Path(where).resolve())
        item = blank_item()
        item.update(
            id=item_id(self.name, external), source=self.name, kind="article",
            channel=self.channel or document.sitename or document.hostname or None,
            external_id=external, url=canonical, title=document.title or None,
            text=document.text.strip(), published=published, author=document.author or None,
            lang_declared=(document.language or "")[:2].lower() or None,
            meta=meta_json({"file": None if is_url(where) else where, "date_from": date_from,
                            "description": document.description,
                            "categories": document.categories, "tags": document.tags}),
        )
        yield item

