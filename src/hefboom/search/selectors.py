"""Searching the index as a given user: confidential contacts they may not see never count."""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q

from hefboom.core.access import visible_contacts
from hefboom.search import registry
from hefboom.search.engines import get_engine, terms
from hefboom.search.models import SearchEntry


def visible_entries(user, kind: str | None = None):
    """Index rows `user` may find: rows of confidential contacts only for those who see them."""
    # Correlated (EXISTS per confidential row), not `IN (visible contacts)`: SQLite would first
    # list every visible contact (100,000: ≈90 ms) as soon as one hit is a confidential contact.
    entries = SearchEntry.objects.filter(
        Q(confidential_contact__isnull=True)
        | Exists(visible_contacts(user).filter(pk=OuterRef("confidential_contact_id")))
    )
    return entries.filter(kind=kind) if kind else entries


@dataclass
class SearchResults:
    """Counts per kind (for the filter) and the hits of the chosen kind, sliced lazily."""

    user: object
    words: list[str]
    kind: str | None
    counts: dict[str, int] = field(default_factory=dict)

    def __post_init__(self):
        self._engine = get_engine()
        self._entries = visible_entries(self.user, self.kind)
        if self.words:
            self.counts = self._engine.counts(visible_entries(self.user), self.words)

    @property
    def total(self) -> int:
        return self.counts.get(self.kind, 0) if self.kind else sum(self.counts.values())

    def count(self) -> int:  # for Paginator
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("search results are read in pages")
        if not self.words or not self.total:
            return []
        start, stop = index.start or 0, index.stop or self.total
        return self._engine.page(self._entries, self.words, start, stop - start)

    def kind_counts(self) -> list[tuple[str, str, int]]:
        """(kind, label, count) for every registered kind that has hits."""
        return [(kind, label, self.counts[kind]) for kind, label in registry.kinds()
                if self.counts.get(kind)]


def search_records(user, query: str, kind: str | None = None) -> SearchResults:
    return SearchResults(user=user, words=terms(query), kind=kind or None)
