"""Candidate generation: an inverted index from word-shingle fingerprints to our passages.

Our passages (thousands) are indexed; policy paragraphs (up to millions) stream past it.

- Each text is read as lower-case words, fast (``_words_of_chunk``: punctuation dropped,
  hyphenated line ends re-joined, accents kept). Words are mapped to ids of
  OUR vocabulary; a word we never use gets id 0, so a shingle holding it cannot be ours and is
  dropped before hashing — most of a policy paragraph is gone at this point, cheaply.
- A fingerprint is a 64-bit hash of ``K`` consecutive word ids (a word shingle), computed for a
  whole chunk of paragraphs at once with numpy (multiply-add of the ids with fixed random odd
  constants, wrapping at 2**64, then a mixing step).
- Every fingerprint of every passage of ours is kept (no sampling: short sentences have few
  shingles, and winnowing or MinHash would lose the one that survives an edit). The index is a
  sorted array of fingerprints with, for each, the list of our passages holding it (CSR arrays);
  a lookup is one ``numpy.searchsorted`` for a whole chunk.
- Boilerplate is down-weighted by document frequency: a fingerprint found in more than
  ``OUR_DF_CEILING`` of our documents is dropped when the index is built ("in het kader van
  de"); while scanning, a fingerprint's weight falls as 1/df above ``DF_SOFT`` of the policy
  paragraphs it was seen in so far, and is 0 above ``DF_CEILING`` (a share of the paragraphs
  scanned, at least ``DF_CEILING_MIN``).
- A pair (their paragraph, our passage) is a candidate when the summed weight of their shared
  fingerprints reaches ``MIN_SCORE`` or ``MIN_SHARE`` of our passage's fingerprints. Since a
  paragraph is looked up as a bag of fingerprints, sentences taken over in another order, split
  or merged still share their fingerprints with our passage: sentence-level evidence inside a
  paragraph-level candidate. Pass our passages as paragraphs and sentences both (``segment``
  does) to have candidates at both levels.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat

import numpy as np

from hefboom.uptake.types import Passage

K = 4
OUR_DF_CEILING = 10  # our documents
DF_SOFT = 5  # policy paragraphs: full weight up to this many
DF_CEILING = 0.002  # share of the paragraphs scanned ...
DF_CEILING_MIN = 200  # ... but at least this many
MIN_SCORE = 2.0
MIN_SHARE = 0.3

_SEPARATOR = "ꙮꙮ"  # a "word" that marks the boundary of two texts in a joined chunk
_SEPARATOR_BYTES = _SEPARATOR.encode("utf-8")
_FILTER_BITS = 24  # a 16 MB byte map of the fingerprints' top bits: most lookups end there
_rng = np.random.default_rng(20230707)
_MULTIPLIERS = (_rng.integers(1, 2**63, size=16, dtype=np.uint64) * np.uint64(2) + np.uint64(1)).astype(
    np.uint64
)


@dataclass
class Hits:
    """Candidate pairs from one scan: their text (index into the scanned list), our passage, score."""

    text: np.ndarray
    passage: np.ndarray
    score: np.ndarray


_PUNCTUATION = bytes.maketrans(
    bytes(c for c in range(128) if not chr(c).isalnum()),
    b" " * sum(1 for c in range(128) if not chr(c).isalnum()),
)
_UNICODE_PUNCTUATION = "’‘“”„«»–—…•·€"


def _words_of_chunk(texts: Sequence[str]) -> list[bytes]:
    """The words of texts joined by a separator word, as lower-case UTF-8 bytes.

    Fast rather than thorough (this reads a million paragraphs): ASCII punctuation and a few
    common Unicode marks become spaces, a word hyphenated at a line end is re-joined, accents
    are kept (a word spelled with an accent on one side only is missed here; verification,
    which folds accents, is not affected).
    """
    joined = f" {_SEPARATOR} ".join(texts) if len(texts) > 1 else (texts[0] if texts else "")
    for mark in _UNICODE_PUNCTUATION:
        if mark in joined:
            joined = joined.replace(mark, " ")
    data = joined.lower().encode("utf-8")
    if b"-\n" in data:
        data = re.sub(rb"-[ \t]*\r?\n\s*", b"", data)
    return data.translate(_PUNCTUATION).split()


def _fingerprints(ids: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Fingerprints of all k-shingles of ids with no unknown word or separator, and their positions."""
    n = len(ids) - k + 1
    if n <= 0:
        return np.empty(0, np.uint64), np.empty(0, np.int64)
    bad = ids < 2
    window_bad = bad[:n].copy()
    for j in range(1, k):
        window_bad |= bad[j : j + n]
    positions = np.flatnonzero(~window_bad)
    if not len(positions):
        return np.empty(0, np.uint64), positions
    u = ids.astype(np.uint64)
    h = np.zeros(len(positions), dtype=np.uint64)
    for j in range(k):
        h += u[positions + j] * _MULTIPLIERS[j]
    h ^= h >> np.uint64(31)
    h *= np.uint64(0x9E3779B97F4A7C15)
    h ^= h >> np.uint64(29)
    return h, positions


class ReuseIndex:
    """Fingerprints of our passages; ``scan`` finds candidate pairs for a chunk of their texts."""

    def __init__(self, passages: list[Passage], *, k: int = K, our_df_ceiling: int = OUR_DF_CEILING):
        self.passages = passages
        self.k = k
        self.vocabulary: dict[bytes, int] = {_SEPARATOR_BYTES: 1}
        words = _words_of_chunk([p.text.replace("ꙮ", " ") for p in passages])
        for word in words:
            if word not in self.vocabulary:
                self.vocabulary[word] = len(self.vocabulary) + 1
        ids = np.fromiter((self.vocabulary[w] for w in words), dtype=np.int64, count=len(words))
        owner = np.cumsum(ids == 1)  # passage index of each word
        hashes, positions = _fingerprints(ids, k)
        owners = owner[positions]
        # distinct (fingerprint, passage) pairs
        pairs = np.unique(np.stack([hashes, owners.astype(np.uint64)]), axis=1)
        fp, passage = pairs[0], pairs[1].astype(np.int64)
        self.shingle_count = np.bincount(passage, minlength=len(passages)).astype(np.float64)
        # document frequency within our own documents: boilerplate of ours is dropped
        doc_ids = {key: i for i, key in enumerate(dict.fromkeys(p.doc_key or p.key for p in passages))}
        passage_doc = np.array([doc_ids[p.doc_key or p.key] for p in passages], dtype=np.int64)
        fp_doc = np.unique(np.stack([fp, passage_doc[passage].astype(np.uint64)]), axis=1)[0]
        unique_fp, doc_count = np.unique(fp_doc, return_counts=True)
        self.dropped_boilerplate = int((doc_count > our_df_ceiling).sum())
        keep = ~np.isin(fp, unique_fp[doc_count > our_df_ceiling])
        fp, passage = fp[keep], passage[keep]
        order = np.argsort(fp, kind="stable")
        fp, passage = fp[order], passage[order]
        self.fingerprints, starts = np.unique(fp, return_index=True)
        self.pointers = np.append(starts, len(fp)).astype(np.int64)
        self.postings = passage
        self.filter = np.zeros(1 << _FILTER_BITS, dtype=np.bool_)
        self.filter[self.fingerprints >> np.uint64(64 - _FILTER_BITS)] = True
        self.their_df = np.zeros(len(self.fingerprints), dtype=np.int64)
        self.their_seen = 0

    @classmethod
    def build(cls, passages: list[Passage], **options) -> "ReuseIndex":
        return cls(passages, **options)

    def __len__(self) -> int:
        return len(self.passages)

    def weights(self) -> np.ndarray:
        """The weight of each fingerprint given the policy paragraphs seen so far."""
        ceiling = max(DF_CEILING_MIN, DF_CEILING * self.their_seen)
        df = self.their_df.astype(np.float64)
        weight = np.where(df <= DF_SOFT, 1.0, DF_SOFT / np.maximum(df, 1.0))
        weight[df > ceiling] = 0.0
        return weight

    def scan(
        self, texts: Sequence[str], *, min_score: float = MIN_SCORE, min_share: float = MIN_SHARE
    ) -> Hits:
        """Candidate pairs for a chunk of their texts (updates the policy-side document frequency)."""
        empty = Hits(np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0))
        if not texts or not len(self.fingerprints):
            self.their_seen += len(texts)
            return empty
        words = _words_of_chunk([text.replace("ꙮ", " ") for text in texts])
        ids = np.fromiter(map(self.vocabulary.get, words, repeat(0)), dtype=np.int64, count=len(words))
        hashes, positions = _fingerprints(ids, self.k)
        maybe = self.filter[hashes >> np.uint64(64 - _FILTER_BITS)]
        hashes, positions = hashes[maybe], positions[maybe]
        slot = np.searchsorted(self.fingerprints, hashes)
        slot[slot == len(self.fingerprints)] = 0
        found = self.fingerprints[slot] == hashes
        self.their_seen += len(texts)
        if not found.any():
            return empty
        text_of_word = np.cumsum(ids == 1)
        text = text_of_word[positions[found]]
        fp = slot[found]
        # distinct (text, fingerprint) pairs: a fingerprint counts once per paragraph
        key = np.unique(text.astype(np.int64) * len(self.fingerprints) + fp)
        text, fp = key // len(self.fingerprints), key % len(self.fingerprints)
        np.add.at(self.their_df, fp, 1)
        weight = self.weights()[fp]
        useful = weight > 0
        text, fp, weight = text[useful], fp[useful], weight[useful]
        # expand fingerprints into (text, our passage) pairs through the postings
        counts = self.pointers[fp + 1] - self.pointers[fp]
        text = np.repeat(text, counts)
        weight = np.repeat(weight, counts)
        offsets = np.repeat(self.pointers[fp] - np.cumsum(counts) + counts, counts) + np.arange(counts.sum())
        passage = self.postings[offsets]
        pair = text * len(self.passages) + passage
        unique_pair, inverse = np.unique(pair, return_inverse=True)
        score = np.bincount(inverse, weights=weight)
        text, passage = unique_pair // len(self.passages), unique_pair % len(self.passages)
        keep = (score >= min_score) | (score >= min_share * self.shingle_count[passage])
        return Hits(text[keep], passage[keep], score[keep])

    def candidates(self, their: Passage | str, **options) -> list[tuple[str, float]]:
        """Our passages that may be reused in one text of theirs: [(our key, score)], best first."""
        text = their.text if isinstance(their, Passage) else their
        hits = self.scan([text], **options)
        found = [(self.passages[p].key, float(s)) for p, s in zip(hits.passage, hits.score, strict=True)]
        return sorted(found, key=lambda pair: -pair[1])
