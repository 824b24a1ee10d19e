"""Verification: word-level local alignment (Smith-Waterman) of our passage against theirs.

Both texts are read as words in normal form (``segment.tokens``: case and accents folded,
punctuation dropped, words hyphenated at a line end re-joined). A matching word scores
``MATCH``; a changed word ``MISMATCH``; an inserted or deleted word ``GAP``. The best local
alignment is found with a row-by-row numpy recurrence; its words are then masked out and the
next best is sought, up to ``MAX_BLOCKS`` times, so that sentences taken over in another order,
split or merged are each found as a block of their own.

Threshold rules (the evaluation set in ``uptake/evaluation`` was used to set them; see
docs/uptake.md "Evaluation"):

- a block counts when its score is at least ``MIN_BLOCK_SCORE`` and it has a run of at least
  ``MIN_BLOCK_RUN`` words in the same order on both sides;
- the pair is reuse when the counted blocks hold at least ``MIN_WORDS`` matched words and at
  least ``MIN_SHARE`` of our passage's words, or at least ``MIN_WORDS_ALONE`` matched words
  whatever the share (a long passage of ours of which one long sentence was taken over).
"""

from dataclasses import dataclass

import numpy as np

from hefboom.uptake.segment import Token, tokens
from hefboom.uptake.types import Alignment

MATCH = 2
MISMATCH = -1
GAP = -1
MAX_BLOCKS = 8
MIN_BLOCK_SCORE = 8
MIN_BLOCK_RUN = 3
MIN_WORDS = 6
MIN_SHARE = 0.5
MIN_WORDS_ALONE = 15


@dataclass
class Block:
    score: int
    pairs: list[tuple[int, int]]  # (our token index, their token index) of identical words
    our_range: tuple[int, int]  # token indices, end exclusive
    their_range: tuple[int, int]
    longest: int


def _ids(ours: list[str], theirs: list[str]) -> tuple[np.ndarray, np.ndarray]:
    vocabulary: dict[str, int] = {}
    a = np.array([vocabulary.setdefault(w, len(vocabulary)) for w in ours], dtype=np.int64)
    b = np.array([vocabulary.setdefault(w, len(vocabulary)) for w in theirs], dtype=np.int64)
    return a, b


def _best_block(a: np.ndarray, b: np.ndarray) -> Block | None:
    """The best local alignment of token ids a (ours) and b (theirs); negative ids never match."""
    n, m = len(a), len(b)
    if not n or not m:
        return None
    H = np.zeros((n + 1, m + 1), dtype=np.int32)
    cols = np.arange(1, m + 1, dtype=np.int32) * -GAP
    for i in range(1, n + 1):
        substitution = np.where((b == a[i - 1]) & (b >= 0), MATCH, MISMATCH)
        previous = H[i - 1]
        row = np.maximum(previous[:-1] + substitution, previous[1:] + GAP)
        np.maximum(row, 0, out=row)
        # horizontal gaps: H[j] = max_k<=j (row[k] - gap*(j-k))
        H[i, 1:] = np.maximum.accumulate(row + cols) - cols
    best = int(H.argmax())
    i, j = divmod(best, m + 1)
    score = int(H[i, j])
    if score <= 0:
        return None
    pairs = []
    end_i, end_j = i, j
    while i > 0 and j > 0 and H[i, j] > 0:
        same = a[i - 1] == b[j - 1] and a[i - 1] >= 0
        if H[i, j] == H[i - 1, j - 1] + (MATCH if same else MISMATCH):
            if same:
                pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif H[i, j] == H[i - 1, j] + GAP:
            i -= 1
        else:
            j -= 1
    pairs.reverse()
    longest = run = 0
    for k, (x, y) in enumerate(pairs):
        run = run + 1 if k and pairs[k - 1] == (x - 1, y - 1) else 1
        longest = max(longest, run)
    return Block(score, pairs, (i, end_i), (j, end_j), longest)


def blocks(ours: list[str], theirs: list[str]) -> list[Block]:
    """The counted blocks of the alignment of two word lists, best first."""
    a, b = _ids(ours, theirs)
    found = []
    for _ in range(MAX_BLOCKS):
        block = _best_block(a, b)
        if block is None or block.score < MIN_BLOCK_SCORE:
            break
        if block.longest >= MIN_BLOCK_RUN:
            found.append(block)
        # mask what this block covered so the next search finds something else
        a[block.our_range[0] : block.our_range[1]] = -1
        b[block.their_range[0] : block.their_range[1]] = -2
    return found


def _spans(toks: list[Token], indices: list[int]) -> list[tuple[int, int]]:
    """Character spans of the given token indices, consecutive tokens merged into one span."""
    spans: list[tuple[int, int]] = []
    previous = None
    for index in sorted(indices):
        if previous is not None and index == previous + 1:
            spans[-1] = (spans[-1][0], toks[index].end)
        else:
            spans.append((toks[index].start, toks[index].end))
        previous = index
    return spans


def align(
    ours: str,
    theirs: str,
    *,
    our_tokens: list[Token] | None = None,
    their_tokens: list[Token] | None = None,
    accept_all: bool = False,
) -> Alignment | None:
    """The alignment of our text with theirs, or None when it is not reuse (see the rules above).

    Spans are character offsets in the two texts as given. ``accept_all`` returns the alignment
    even when it falls below the thresholds (for inspection), as long as a block was found.
    """
    our_tokens = tokens(ours) if our_tokens is None else our_tokens
    their_tokens = tokens(theirs) if their_tokens is None else their_tokens
    found = blocks([t.norm for t in our_tokens], [t.norm for t in their_tokens])
    if not found:
        return None
    matched = sum(len(block.pairs) for block in found)
    our_words = len(our_tokens)
    share = matched / our_words if our_words else 0.0
    reuse = (matched >= MIN_WORDS and share >= MIN_SHARE) or matched >= MIN_WORDS_ALONE
    if not reuse and not accept_all:
        return None
    found.sort(key=lambda block: block.our_range)
    return Alignment(
        ours=[(our_tokens[b.our_range[0]].start, our_tokens[b.our_range[1] - 1].end) for b in found],
        theirs=[
            (their_tokens[b.their_range[0]].start, their_tokens[b.their_range[1] - 1].end) for b in found
        ],
        matched_words=matched,
        our_words=our_words,
        longest_match=max(block.longest for block in found),
        score=min(1.0, sum(block.score for block in found) / (MATCH * our_words)) if our_words else 0.0,
        ours_words=_spans(our_tokens, [x for block in found for x, _ in block.pairs]),
        theirs_words=_spans(their_tokens, [y for block in found for _, y in block.pairs]),
    )
