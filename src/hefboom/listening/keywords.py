"""Keywords per period: TF-IDF over lemmas, each period one document.

    keywords({"2024-W01": ["lemma lemma ...", ...], "2024-W02": [...]}, top=20)
    -> {"2024-W01": [("klimaatfinanciering", 0.41), ...], ...}

`lemma_docs_by_period` maps a period label to the lemma strings (the `lemmas` column) of its
items; the views query them with DuckDB. A term scores high in a period when it is frequent there
and rare in the other periods, so with a single period the scores are plain relative frequencies.
Stop words: data/stopwords.txt (nl, fr, en) plus `extra_stop_words`; tokens of one or two
letters and numbers are left out.
"""

from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "stopwords.txt"


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    words = set()
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        words.update(line.split("\t", 1)[1].split())
    return frozenset(words)


def keywords(lemma_docs_by_period: Mapping[str, Iterable[str]], top: int = 20,
             extra_stop_words: Iterable[str] = ()) -> dict[str, list[tuple[str, float]]]:
    """The `top` keywords of each period with their TF-IDF weight, highest first."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    periods = list(lemma_docs_by_period)
    documents = [" ".join(d for d in lemma_docs_by_period[p] if d) for p in periods]
    if not any(doc.strip() for doc in documents):
        return {p: [] for p in periods}
    vectorizer = TfidfVectorizer(
        stop_words=sorted(stop_words() | set(extra_stop_words)), token_pattern=r"(?u)\b[^\W\d_]{3,}\b",
        lowercase=True, sublinear_tf=True, norm="l2")
    matrix = vectorizer.fit_transform(documents)
    terms = vectorizer.get_feature_names_out()
    result = {}
    for row, period in enumerate(periods):
        weights = matrix.getrow(row)
        pairs = sorted(zip(weights.indices, weights.data, strict=True), key=lambda p: (-p[1], terms[p[0]]))
        result[period] = [(str(terms[i]), round(float(w), 4)) for i, w in pairs[:top]]
    return result
