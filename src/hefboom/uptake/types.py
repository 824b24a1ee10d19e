"""The shapes the reuse detector takes and gives, shared by the engine, the scan and the UI."""

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Passage:
    """A sentence or paragraph of one of our outputs (or of a policy document)."""

    key: str  # stable: "output:12:p3" / "doc:7:p41"
    text: str
    date: date | None
    lang: str | None = None
    doc_key: str = ""  # the output or document it belongs to


@dataclass
class Alignment:
    """How a passage of ours lines up with a passage of theirs."""

    ours: list[tuple[int, int]]  # matched character spans in our text
    theirs: list[tuple[int, int]]  # matched character spans in their text
    matched_words: int
    our_words: int
    longest_match: int  # words
    score: float

    @property
    def share_reused(self) -> float:
        return self.matched_words / self.our_words if self.our_words else 0.0


@dataclass
class Reuse:
    ours: Passage
    theirs: Passage
    alignment: Alignment
    method: str = "lexical"  # lexical, crosslingual (weaker evidence)
    direction: str = "uptake"  # uptake (theirs later than ours) or reverse (theirs older)
    extra: dict = field(default_factory=dict)
