"""Precision and recall of the reuse detector on the labelled evaluation set.

``evaluate()`` runs ``detect`` with every source of ``uptake/evaluation/sources.jsonl`` as our
passages against every case of ``cases.jsonl`` as policy texts (all at once, so a case can be
confused with any source), and returns one row per edit operation:

- case level: a positive case is found (TP) when a reuse of ITS source is reported in it; a
  reuse of another source, or any reuse in a negative, is a false positive (FP);
- character level, in the manner of the PAN text-alignment task (Potthast et al. 2014):
  the characters of a case are those of the reused text in the case plus those of the source
  used; a detection covers the aligned characters on both sides; precision and recall are
  micro-averaged over characters; granularity is the mean number of aligned blocks per found
  case (1 is ideal), and plagdet = F1 / log2(1 + granularity).

Run it with ``python -m hefboom.uptake.evaluate [--no-crosslingual]``.
"""

import argparse
import json
import math
import sys
from datetime import date
from pathlib import Path

from hefboom.uptake.types import Passage

HERE = Path(__file__).resolve().parent / "evaluation"
SAME_LANGUAGE = (
    "verbatim",
    "light",
    "insertion",
    "deletion",
    "substitution",
    "reordering",
    "splitting",
    "merging",
)
OUR_DATE, THEIR_DATE = date(2022, 5, 10), date(2023, 7, 7)


def _jsonl(name: str) -> list[dict]:
    with open(HERE / name, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load() -> tuple[list[Passage], list[Passage], dict[str, dict]]:
    """(our passages, their passages, case by key) of the evaluation set."""
    sources = [Passage(s["key"], s["text"], OUR_DATE, s["lang"], s["key"]) for s in _jsonl("sources.jsonl")]
    cases = {c["key"]: c for c in _jsonl("cases.jsonl")}
    theirs = [Passage(c["key"], c["text"], THEIR_DATE, c["lang"], c["key"]) for c in cases.values()]
    return sources, theirs, cases


def char_scores(truth: list[dict], detections: list[dict]) -> dict:
    """PAN-style character precision/recall/granularity.

    ``truth``: [{"case", "source", "span", "source_span"}]; ``detections``: [{"case", "source",
    "spans": [(s, e)] in the case, "source_spans": [(s, e)] in the source}].
    """
    true_chars: set = set()
    for t in truth:
        true_chars.update(("case", t["case"], i) for i in range(*t["span"]))
        true_chars.update(("source", t["case"], t["source"], i) for i in range(*t["source_span"]))
    detected: set = set()
    blocks_per_found: dict = {}
    true_pairs = {(t["case"], t["source"]) for t in truth}
    for d in detections:
        detected.update(("case", d["case"], i) for s, e in d["spans"] for i in range(s, e))
        detected.update(
            ("source", d["case"], d["source"], i) for s, e in d["source_spans"] for i in range(s, e)
        )
        if (d["case"], d["source"]) in true_pairs:
            blocks_per_found[d["case"]] = blocks_per_found.get(d["case"], 0) + max(1, len(d["spans"]))
    overlap = len(true_chars & detected)
    precision = overlap / len(detected) if detected else (1.0 if not true_chars else 0.0)
    recall = overlap / len(true_chars) if true_chars else 1.0
    granularity = sum(blocks_per_found.values()) / len(blocks_per_found) if blocks_per_found else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "char_precision": precision,
        "char_recall": recall,
        "granularity": granularity,
        "plagdet": f1 / math.log2(1 + granularity),
    }


def case_scores(truth: dict[str, str | None], found: set[tuple[str, str]]) -> dict:
    """Case-level counts: ``truth`` maps a case to its source (None for a negative)."""
    tp = sum(1 for case, source in truth.items() if source and (case, source) in found)
    fp = sum(1 for case, source in found if case in truth and truth[case] != source)
    positives = sum(1 for source in truth.values() if source)
    return {
        "cases": len(truth),
        "tp": tp,
        "fn": positives - tp,
        "fp": fp,
        "precision": tp / (tp + fp) if tp + fp else (1.0 if positives or not fp else 0.0),
        "recall": tp / positives if positives else None,
    }


def evaluate(*, crosslingual: bool = True) -> list[dict]:
    """One row per edit operation, then "same-language" (the lightly edited same-language cases
    and the negatives: what the targets are about) and "all"."""
    from hefboom.uptake.detect import detect

    ours, theirs, cases = load()
    found = detect(ours, theirs, crosslingual=crosslingual)
    detections = [
        {
            "case": r.theirs.key,
            "source": r.ours.key,
            "spans": r.alignment.theirs,
            "source_spans": r.alignment.ours,
            "method": r.method,
        }
        for r in found
    ]
    pairs = {(d["case"], d["source"]) for d in detections}
    groups = {}
    for case in cases.values():
        groups.setdefault(case["edit"], []).append(case)
    groups["same-language"] = [c for c in cases.values() if c["edit"] in SAME_LANGUAGE + ("negative",)]
    groups["all"] = list(cases.values())
    rows = []
    order = [*SAME_LANGUAGE, "heavy", "translation", "negative", "same-language", "all"]
    for name in order:
        members = groups.get(name, [])
        if not members:
            continue
        keys = {c["key"] for c in members}
        truth = [
            {"case": c["key"], "source": c["source"], "span": c["span"], "source_span": c["source_span"]}
            for c in members
            if c["source"]
        ]
        row = {"edit": name}
        row.update(case_scores({c["key"]: c["source"] for c in members}, {p for p in pairs if p[0] in keys}))
        row.update(char_scores(truth, [d for d in detections if d["case"] in keys]))
        rows.append(row)
    return rows


def format_table(rows: list[dict]) -> str:
    header = (
        f"{'edit':<14} {'cases':>5} {'TP':>4} {'FN':>4} {'FP':>4} {'prec':>6} {'recall':>6} "
        f"{'c-prec':>6} {'c-rec':>6} {'gran':>5} {'plagdet':>7}"
    )
    lines = [header, "-" * len(header)]
    for r in rows:
        recall = "-" if r["recall"] is None else f"{r['recall']:.3f}"
        lines.append(
            f"{r['edit']:<14} {r['cases']:>5} {r['tp']:>4} {r['fn']:>4} {r['fp']:>4} {r['precision']:>6.3f} "
            f"{recall:>6} {r['char_precision']:>6.3f} {r['char_recall']:>6.3f} {r['granularity']:>5.2f} "
            f"{r['plagdet']:>7.3f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Precision and recall of reuse detection on the evaluation set."
    )
    parser.add_argument("--no-crosslingual", action="store_true", help="leave out the cross-lingual step")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args(argv)
    rows = evaluate(crosslingual=not args.no_crosslingual)
    print(json.dumps(rows, indent=1) if args.json else format_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
