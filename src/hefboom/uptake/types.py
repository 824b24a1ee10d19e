"""The shapes the reuse detector takes and gives, shared by the engine, the scan and the UI."""

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Passage:
    """A sentence or paragraph of one of our outputs (or of a policy document).

    ``text`` is the passage exactly as it stands in its document, from character ``start`` to
    ``end`` of the document's text (``segment.segment`` fills them in; a passage built by hand
    may leave them at 0/-1, meaning "the whole text"). Offsets in an ``Alignment`` are into
    ``text``; add ``start`` to get offsets into the document.
    """

    key: str  # stable: "output:12:p3" / "doc:7:p41"
    text: str
    date: date | None
    lang: str | None = None
    doc_key: str = ""  # the output or document it belongs to
    start: int = 0  # offset of text in its document
    end: int = -1  # end offset in its document (-1: unknown)
    level: str = "paragraph"  # paragraph or sentence


@dataclass
class Alignment:
    """How a passage of ours lines up with a passage of theirs."""

    ours: list[tuple[int, int]]  # matched character spans in our text
    theirs: list[tuple[int, int]]  # matched character spans in their text
    matched_words: int
    our_words: int
    longest_match: int  # words
    score: float
    # the words that are the same on both sides, as character spans (for <mark> highlighting):
    # ``ours``/``theirs`` are the aligned regions, which may hold a changed word here and there
    ours_words: list[tuple[int, int]] = field(default_factory=list)
    theirs_words: list[tuple[int, int]] = field(default_factory=list)

    @property
    def share_reused(self) -> float:
        return self.matched_words / self.our_words if self.our_words else 0.0

    def as_dict(self) -> dict:
        """A JSON-able form (for a match's stored alignment or an evidence item)."""
        return {
            "ours": [list(span) for span in self.ours],
            "theirs": [list(span) for span in self.theirs],
            "ours_words": [list(span) for span in self.ours_words],
            "theirs_words": [list(span) for span in self.theirs_words],
            "matched_words": self.matched_words,
            "our_words": self.our_words,
            "longest_match": self.longest_match,
            "share_reused": round(self.share_reused, 4),
            "score": round(self.score, 4),
        }


@dataclass
class Reuse:
    ours: Passage
    theirs: Passage
    alignment: Alignment
    method: str = "lexical"  # lexical, crosslingual (weaker evidence)
    direction: str = "uptake"  # uptake (theirs later than ours) or reverse (theirs older)
    extra: dict = field(default_factory=dict)
