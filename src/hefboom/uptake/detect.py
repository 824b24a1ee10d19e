"""Reuse detection: candidates from the fingerprint index, verified by word alignment.

``detect(ours, theirs)`` for lists; ``detect_stream(ours, chunks)`` for a policy corpus read in
chunks (a million paragraphs), optionally over several processes.

Date order: a policy text dated before our passage cannot have taken it over; such a pair is
still reported, with ``direction="reverse"`` (we may have taken it over from them — worth
showing, never counted as uptake). When either side has no date, the direction is left at
"uptake" and ``extra["undated"]`` names the side(s) without a date, so the UI can say the order
is unknown.
"""

import os
from collections.abc import Iterable, Iterator

from hefboom.uptake.align import align
from hefboom.uptake.index import ReuseIndex
from hefboom.uptake.segment import tokens
from hefboom.uptake.types import Passage, Reuse

CHUNK = 20_000


def direction(ours: Passage, theirs: Passage) -> tuple[str, dict]:
    """("uptake" or "reverse", extra) for a pair, from the dates of the two passages."""
    undated = [side for side, p in (("ours", ours), ("theirs", theirs)) if p.date is None]
    if undated:
        return "uptake", {"undated": undated}
    if theirs.date < ours.date:
        return "reverse", {}
    return "uptake", {}


class Detector:
    """Our passages indexed once; ``chunk`` verifies the candidates of one chunk of theirs."""

    def __init__(self, ours: list[Passage]):
        self.ours = ours
        self.index = ReuseIndex.build(ours)
        self._our_tokens: dict[int, list] = {}

    def _tokens(self, index: int):
        if index not in self._our_tokens:
            self._our_tokens[index] = tokens(self.ours[index].text)
        return self._our_tokens[index]

    def chunk(self, theirs: list[Passage]) -> list[Reuse]:
        hits = self.index.scan([p.text for p in theirs])
        found = []
        their_tokens: dict[int, list] = {}
        for t, o, score in zip(hits.text.tolist(), hits.passage.tolist(), hits.score.tolist(), strict=True):
            their, our = theirs[t], self.ours[o]
            if t not in their_tokens:
                their_tokens[t] = tokens(their.text)
            alignment = align(our.text, their.text, our_tokens=self._tokens(o), their_tokens=their_tokens[t])
            if alignment is None:
                continue
            way, extra = direction(our, their)
            extra["candidate_score"] = round(score, 2)
            found.append(Reuse(our, their, alignment, "lexical", way, extra))
        return found


def detect(ours: list[Passage], theirs: list[Passage], *, crosslingual: bool = False) -> list[Reuse]:
    """Every reuse of a passage of ours in a passage of theirs.

    With ``crosslingual=True``, pairs in different languages (NL<->FR) are looked for too, by
    ``uptake.crosslingual`` (weaker evidence, ``method="crosslingual"``); when that step cannot
    run, a single ``Reuse``-free notice is logged and lexical results are returned alone.
    """
    if not ours or not theirs:
        return []
    detector = Detector(ours)
    found = []
    for start in range(0, len(theirs), CHUNK):
        found.extend(detector.chunk(theirs[start : start + CHUNK]))
    if crosslingual:
        from hefboom.uptake import crosslingual as cross

        found.extend(cross.detect(ours, theirs, exclude={(r.ours.key, r.theirs.key) for r in found}))
    return found


# -- streaming -----------------------------------------------------------------------------------

_worker_detector: Detector | None = None


def _work(chunk: list[Passage]) -> tuple[int, list[Reuse]]:
    return len(chunk), _worker_detector.chunk(chunk)


def detect_stream(
    ours: list[Passage], chunks: Iterable[list[Passage]], *, workers: int | None = 1
) -> Iterator[tuple[int, list[Reuse]]]:
    """(paragraphs done in this chunk, reuse found in it) for each chunk of their passages.

    ``workers`` > 1 spreads the chunks over processes (forked, so each shares the built index);
    ``None`` takes the number of CPUs. Document frequencies are then counted per process, which
    only matters for boilerplate near the ceiling.
    """
    global _worker_detector
    detector = Detector(ours)
    workers = (os.cpu_count() or 1) if workers is None else workers
    if workers <= 1:
        for chunk in chunks:
            yield len(chunk), detector.chunk(chunk)
        return
    import multiprocessing

    _worker_detector = detector
    context = multiprocessing.get_context("fork")
    with context.Pool(workers) as pool:
        yield from pool.imap(_work, chunks)
    _worker_detector = None
