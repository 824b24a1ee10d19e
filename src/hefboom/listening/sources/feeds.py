"""`rss`: RSS and Atom feeds, from files or http(s) addresses, read with feedparser.

One item (kind=article) per entry: text from the entry's content or summary (HTML stripped;
the title when there is nothing else), date from the entry (published, else updated). An entry
without a date gets the feed's own date (`missing_date="feed"`, the default; noted in `meta` as
date_from=feed) or is refused (`missing_date="refuse"`); both are counted. A document that is not
a feed (an HTML page, random bytes) is refused with the reason feedparser gave.
"""

import calendar
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from hefboom.listening.sources import Input, SourceError, item_id
from hefboom.listening.sources.common import (
    FETCH_TIMEOUT,
    FileSource,
    blank_item,
    check_size,
    fetch,
    is_url,
    meta_json,
)

ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)


def html_text(value: str) -> str:
    """Plain text of an HTML fragment (feed summaries are often HTML)."""
    if not value or "<" not in value:
        return (value or "").strip()
    from lxml import html as lxml_html
    from lxml.etree import ParserError

    try:
        root = lxml_html.fragment_fromstring(value, create_parent="div")
    except (ParserError, ValueError):
        return value.strip()
    for br in root.iter("br", "p", "li", "div"):
        br.tail = "\n" + (br.tail or "")
    return re.sub(r"[ \t]+", " ", re.sub(r"\n\s*\n+", "\n\n", root.text_content())).strip()


RSS_AUTHOR = re.compile(r"^\s*\S+@\S+\s*\((.+)\)\s*$")


def author_name(value: str | None) -> str | None:
    """RSS writes "mail@example.org (Name)": keep the name."""
    if not value:
        return None
    match = RSS_AUTHOR.match(value)
    return (match.group(1) if match else value).strip() or None


def _utc(struct) -> datetime | None:
    if not struct:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(struct), UTC)
    except (OverflowError, ValueError, TypeError):
        return None


class RssSource(FileSource):
    name = "rss"
    suffixes = (".xml", ".rss", ".atom", ".feed")
    accepts_urls = True
    options = {
        "channel": _lazy("name for the channel (default: the feed's title)"),
        "missing_date": _lazy('entries without a date: "feed" (default) takes the feed\'s date, '
                              '"refuse" leaves them out (both counted)'),
        "timeout": _lazy("seconds to wait for an address (default 20)"),
        **FileSource.options,
    }

    def __init__(self, channel: str | None = None, missing_date: str = "feed",
                 timeout: float = FETCH_TIMEOUT, on_error: str = "stop"):
        super().__init__(on_error=on_error)
        if missing_date not in ("feed", "refuse"):
            raise SourceError(_('missing_date must be "feed" or "refuse", not %(v)r.') % {"v": missing_date})
        self.channel, self.missing_date, self.timeout = channel, missing_date, float(timeout)

    def read(self, input: Input) -> Iterator[dict]:
        import feedparser

        where = input.location
        if is_url(where):
            content, headers = fetch(where, timeout=self.timeout)
            base = headers.get("x-final-url", where)
        else:
            path = Path(where)
            check_size(path)
            content, base = path.read_bytes(), None
        if ENTITY_DECLARATION.search(content):
            raise SourceError(_("%(file)s declares XML entities; Hefboom does not read such "
                                "documents (they can read local files or expand to gigabytes).") % {
                "file": where})
        parsed = feedparser.parse(content, response_headers={"content-location": base} if base else None,
                                  sanitize_html=False, resolve_relative_uris=bool(base))
        if not parsed.get("version") or (parsed.get("bozo") and not parsed.entries):
            reason = parsed.get("bozo_exception") or _("no RSS or Atom elements")
            looks_html = content.lstrip()[:200].lower().startswith((b"<!doctype html", b"<html"))
            raise SourceError(_(
                "%(file)s is not an RSS or Atom feed (%(reason)s).%(hint)s") % {
                "file": where, "reason": reason,
                "hint": _(" It is a web page: give the feed's own address (look for a link with "
                          "type application/rss+xml), or read the page with the web source.")
                if looks_html else ""})
        if parsed.get("bozo"):
            self.note(_("%(file)s: feed read despite a problem: %(reason)s.") % {
                "file": where, "reason": parsed.get("bozo_exception")})
        feed = parsed.feed
        feed_date = _utc(feed.get("updated_parsed") or feed.get("published_parsed"))
        channel = self.channel or feed.get("title") or where
        count = 0
        for number, entry in enumerate(parsed.entries, start=1):
            published, date_from = _utc(entry.get("published_parsed") or entry.get("updated_parsed")), None
            if published is None:
                if self.missing_date == "feed" and feed_date is not None:
                    published, date_from = feed_date, "feed"
                else:
                    self.skipped["no date"] += 1
                    continue
            content = entry.get("content") or []
            body = html_text(content[0].get("value", "")) if content else ""
            body = body or html_text(entry.get("summary", ""))
            title = html_text(entry.get("title", "")) or None
            text = body or title
            if not text:
                self.skipped["empty text"] += 1
                continue
            link = entry.get("link") or None
            external = entry.get("id") or link or f"{where}#{title}|{published.isoformat()}"
            item = blank_item()
            item.update(
                id=item_id(self.name, external), source=self.name, kind="article", channel=channel,
                external_id=external, url=link, title=title, text=text, published=published,
                author=author_name(entry.get("author")),
                lang_declared=(entry.get("language") or feed.get("language") or "")[:2].lower() or None,
                meta=meta_json({"feed": where, "entry": number, "date_from": date_from,
                                "tags": [t.get("term") for t in entry.get("tags", []) if t.get("term")]}),
            )
            if date_from:
                self.fallbacks["no date: the feed's date used"] += 1
            count += 1
            yield item
        self.note(_("%(file)s: %(count)s entries from %(version)s feed %(title)r.") % {
            "file": where, "count": count, "version": parsed.get("version"), "title": channel})
