"""References from narrative text to records: `[@outcome:12]` (kind, then the record's number).

Pure functions: parsing a text and rendering it once the references are resolved (see
`resolver.py` for the database side). Tokens carry no titles on purpose: the title is looked up
for each reader when the text is shown, so a confidential contact's summary never ends up in a
narrative that others read.
"""

import re
from dataclasses import dataclass

from django.db import models
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class Kind(models.TextChoices):
    CONTACT = "contact", gettext_lazy("Contact")
    ACTIVITY = "activity", gettext_lazy("Activity")
    OUTPUT = "output", gettext_lazy("Output")
    OUTCOME = "outcome", gettext_lazy("Outcome")
    OBSERVATION = "observation", gettext_lazy("Progress-marker observation")
    PERSON = "person", gettext_lazy("Person")
    ORGANISATION = "organisation", gettext_lazy("Organisation")


TOKEN = re.compile(r"\[@(?P<kind>[a-z]+):(?P<pk>\d{1,10})\]")
# Anything that looks like a reference (so that a typo is reported, not silently kept as text).
LOOKS_LIKE_TOKEN = re.compile(r"\[@[^\]\n]{0,40}\]")


@dataclass(frozen=True, order=True)
class Reference:
    kind: str
    pk: int

    @property
    def token(self) -> str:
        return token(self.kind, self.pk)


@dataclass(frozen=True)
class Resolved:
    """What a reader may see of a referenced record."""

    title: str
    url: str


def token(kind: str, pk: int) -> str:
    return f"[@{kind}:{pk}]"


def parse(text: str) -> tuple[list[Reference], list[str]]:
    """The references in `text` (each once, in order of first appearance) and the tokens that
    look like references but are not valid ones (unknown kind, no number)."""
    references: dict[Reference, None] = {}
    malformed: list[str] = []
    for match in LOOKS_LIKE_TOKEN.finditer(text or ""):
        valid = TOKEN.fullmatch(match.group())
        if valid and valid["kind"] in Kind.values:
            references.setdefault(Reference(valid["kind"], int(valid["pk"])))
        elif match.group() not in malformed:
            malformed.append(match.group())
    return list(references), malformed


def _link(resolved: dict, match) -> str:
    record = resolved.get(Reference(match["kind"], int(match["pk"])))
    if record is None or match["kind"] not in Kind.values:
        return format_html('<span class="reference unavailable">{}</span>', _("[unavailable record]"))
    return format_html('<a class="reference reference-{}" href="{}">{}</a>', match["kind"],
                       record.url, record.title)


def _inline(line: str, resolved: dict) -> str:
    return TOKEN.sub(lambda m: _link(resolved, m), escape(line))


@dataclass
class Block:
    """A piece of written text: "heading", "paragraph" (lines) or "bullets" (items)."""

    kind: str
    lines: list[str]


def blocks(text: str) -> list[Block]:
    """Text in the narrative editor's form: a blank line starts a paragraph, "- " or "* " a
    bullet, "#" a heading. The web page and every report format read text through this."""
    result: list[Block] = []
    paragraph: list[str] = []
    bullets: list[str] = []

    def flush():
        if paragraph:
            result.append(Block("paragraph", paragraph.copy()))
            paragraph.clear()
        if bullets:
            result.append(Block("bullets", bullets.copy()))
            bullets.clear()

    for raw in (text or "").splitlines():
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("#"):
            flush()
            result.append(Block("heading", [line.lstrip("#").strip()]))
        elif line.startswith(("- ", "* ")):
            if paragraph:
                flush()
            bullets.append(line[2:])
        else:
            if bullets:
                flush()
            paragraph.append(line)
    flush()
    return result


def render_html(text: str, resolved: dict) -> str:
    """Paragraphs, `## ` headings and `- ` bullets, with references as links to the records
    the reader may see and "[unavailable record]" for the others (title never shown)."""
    html = []
    for block in blocks(text):
        lines = [_inline(line, resolved) for line in block.lines]
        if block.kind == "heading":
            html.append(f"<h3>{lines[0]}</h3>")
        elif block.kind == "bullets":
            html.append("<ul>" + "".join(f"<li>{item}</li>" for item in lines) + "</ul>")
        else:
            html.append("<p>" + "<br>".join(lines) + "</p>")
    return mark_safe("\n".join(html))  # noqa: S308 - every piece of text was escaped in _inline


def render_plain(text: str, resolved: dict) -> str:
    """The text with each reference replaced by the record's title (for exports and reports)."""
    def title(match):
        record = resolved.get(Reference(match["kind"], int(match["pk"])))
        return record.title if record else _("[unavailable record]")

    return TOKEN.sub(title, text or "")
