"""Corpus sources: each a small plug-in with the same shape.

A source module defines a class with

    name: str                                   # the SOURCE of `hefboom ingest SOURCE PATH...`
    def inputs(self, paths) -> list[Input]      # expand/check the paths; raise SourceError early
    def read(self, input: Input) -> Iterator[dict]   # items with the RAW columns of schema.ITEM

and registers it in SOURCES below. An item's `id` is `item_id(source, external_id)`.
Errors about the user's input raise `SourceError` with the file (and row/field) named and
what to do.
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path


class SourceError(Exception):
    """Bad input: the message names the file (and row/field) and says what to do."""


@dataclass(frozen=True)
class Input:
    """One thing a source reads: a file, or a URL."""

    location: str  # path or URL
    size: int | None = None

    @property
    def path(self) -> Path:
        return Path(self.location)


def item_id(source: str, external_id: str) -> str:
    return hashlib.sha1(f"{source}:{external_id}".encode(), usedforsecurity=False).hexdigest()


# name -> "module.path:ClassName"; loaded lazily so a missing optional dependency of one source
# does not break the others.
SOURCES: dict[str, str] = {
    "parlamint": "hefboom.listening.sources.parlamint:ParlaMintSource",
    "csv": "hefboom.listening.sources.tabular:CsvSource",
    "json": "hefboom.listening.sources.tabular:JsonSource",
    "rss": "hefboom.listening.sources.feeds:RssSource",
    "web": "hefboom.listening.sources.web:WebSource",
    "docs": "hefboom.listening.sources.documents:DocsSource",
}


def get_source(name: str, **options):
    from importlib import import_module

    try:
        target = SOURCES[name]
    except KeyError:
        known = ", ".join(sorted(SOURCES)) or "none"
        raise SourceError(f"Unknown source {name!r}. Known sources: {known}.") from None
    module, _, cls = target.partition(":")
    return getattr(import_module(module), cls)(**options)
