"""Builds the evaluation set of the reuse detector: ``python -m hefboom.uptake.evaluation.generate``.

Two steps, both deterministic:

``extract SEED_TXT PARLAMINT_DIR`` (run once; its output is shipped) takes real passages:

- from the evaluation report of the demo case (section 4.1, migration and climate, which quotes
  the 11.11.11 standpoints and the IMC decision of 7 July 2023): every paragraph of 30 to 130
  words, alternately as a passage of ours (``sources.jsonl``) and as a same-topic negative
  (``negatives.jsonl``: a policy-side text that reuses none of ours);
- from the ParlaMint-BE samples (CC BY 4.0): Dutch and French utterances, the first five
  sentences, the same way.

``generate`` (the default) writes ``cases.jsonl``: for every source, one case per edit
operation (below), each embedded between a sentence of a negative before and after (so that
character-level measures have text to be wrong about), plus the hand-written translations in
``translations.jsonl`` (NL->FR and FR->NL, written for this set) and the negatives alone. Each case
records the character span of the reused text in its own text and in the source.

Edit operations (seeded with the source's key, so the same file comes out every time):

- ``verbatim``: the passage as it is;
- ``insertion``: about 1 word in 8 gets a word inserted after it (words from the same passage's
  language, e.g. "ook", "namelijk", "wel"/"aussi", "notamment");
- ``deletion``: about 1 word in 8 deleted;
- ``substitution``: about 1 word in 8 replaced by another word of the negatives' vocabulary;
- ``reordering``: the sentences in reverse order (passages of two sentences or more);
- ``splitting``: each long sentence split into two at a comma or conjunction;
- ``merging``: consecutive sentences joined into one with ", en" / ", et";
- ``light``: one insertion, one deletion and one substitution per 12 words together;
- ``heavy``: one insertion, one deletion and one substitution per 5 words together (beyond
  "lightly edited": shown apart, to see where detection stops);
- ``translation``: written by hand (``translations.jsonl``).
"""

import json
import random
import re
import sys
from pathlib import Path

from hefboom.uptake.segment import paragraphs, sentences, words

HERE = Path(__file__).resolve().parent
EDITS = (
    "verbatim",
    "insertion",
    "deletion",
    "substitution",
    "reordering",
    "splitting",
    "merging",
    "light",
    "heavy",
)
FILLERS = {
    "nl": ["ook", "namelijk", "wel", "nu", "daarbij", "zeker", "verder", "echter", "duidelijk", "bovendien"],
    "fr": ["aussi", "notamment", "bien", "donc", "également", "certes", "ainsi", "toutefois", "clairement"],
}
JOINERS = {"nl": ", en ", "fr": ", et "}
SPLIT_AT = re.compile(r",\s+| (?=en |maar |dat |et |mais |qui |que )")


def _jsonl(name: str) -> list[dict]:
    with open(HERE / name, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _write(name: str, rows: list[dict]) -> None:
    with open(HERE / name, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


# -- extract -------------------------------------------------------------------------------------


def _clean(text: str) -> str:
    """One paragraph as running text: PDF line breaks and their blank lines become one space."""
    text = re.sub(r"([a-zà-ÿ])-[ \t]*\n\s*([a-zà-ÿ])", r"\1\2", text)
    return re.sub(r"\s+", " ", text).strip()


def extract(seed: Path, parlamint: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    start, end = sum(map(len, lines[:620])), sum(map(len, lines[:2300]))  # section 4.1
    picked = []
    for s, e in paragraphs(text):
        if s < start or e > end:
            continue
        paragraph = _clean(text[s:e])
        if (
            30 <= len(words(paragraph)) <= 130
            and not paragraph.startswith(("EV.", "http"))
            and "http" not in paragraph
        ):
            picked.append(paragraph)
    sources, negatives = [], []
    for i, paragraph in enumerate(picked[:64]):
        row = {
            "key": f"report:{i}",
            "lang": "nl",
            "origin": "evaluation report 11.11.11, section 4.1",
            "text": paragraph,
        }
        (sources if i % 2 == 0 else negatives).append(row)
    utterances = []
    for path in sorted(parlamint.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            ident, _, speech = line.partition("\t")
            spans = sentences(speech)
            if len(spans) >= 4 and len(words(speech)) >= 60:
                utterances.append((ident, speech[spans[0][0] : spans[min(4, len(spans) - 1)][1]]))
    for i, (ident, speech) in enumerate(utterances):
        french = re.search(r"\b(le|la|les|des|est)\b", speech) is not None
        if french and re.search(r"\b(het|van|een)\b", speech):
            continue  # bilingual chair's announcements
        lang = "fr" if french else "nl"
        row = {
            "key": f"parlamint:{ident}",
            "lang": lang,
            "origin": "ParlaMint-BE sample (CC BY 4.0)",
            "text": speech,
        }
        (sources if i % 2 == 0 else negatives).append(row)
    _write("sources.jsonl", sources)
    _write("negatives.jsonl", negatives)
    print(f"{len(sources)} sources, {len(negatives)} negatives")


# -- edit operations -----------------------------------------------------------------------------


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences(text)]


def _word_edit(
    text: str, rng: random.Random, lang: str, vocabulary: list[str], rate: float, ops: tuple
) -> str:
    parts = text.split(" ")
    out = []
    for i, word in enumerate(parts):
        roll = rng.random()
        edge = i == 0 or i == len(parts) - 1
        if not edge and "deletion" in ops and roll < rate:
            continue
        if not edge and "substitution" in ops and rate <= roll < 2 * rate:
            tail = re.search(r"[^\w]*$", word).group(0)
            out.append(rng.choice(vocabulary) + tail)
        else:
            out.append(word)
        if not edge and "insertion" in ops and 2 * rate <= roll < 3 * rate:
            out.append(rng.choice(FILLERS[lang]))
    return " ".join(out)


def _split(sentence: str, lang: str) -> str:
    cuts = [m for m in SPLIT_AT.finditer(sentence) if 25 < m.start() < len(sentence) - 25]
    if not cuts:
        return sentence
    cut = cuts[len(cuts) // 2]
    first, second = sentence[: cut.start()].rstrip(" ,"), sentence[cut.end() :].lstrip()
    return f"{first}. {second[:1].upper()}{second[1:]}"


def edit(text: str, operation: str, rng: random.Random, lang: str, vocabulary: list[str]) -> str | None:
    """The text after one edit operation, or None when it does not apply (one sentence only)."""
    parts = _sentences(text)
    if operation == "verbatim":
        return text
    if operation in ("insertion", "deletion", "substitution"):
        return _word_edit(text, rng, lang, vocabulary, 1 / 8, (operation,))
    if operation == "light":
        return _word_edit(text, rng, lang, vocabulary, 1 / 12, ("insertion", "deletion", "substitution"))
    if operation == "heavy":
        return _word_edit(text, rng, lang, vocabulary, 1 / 5, ("insertion", "deletion", "substitution"))
    if operation == "reordering":
        return " ".join(reversed(parts)) if len(parts) >= 2 else None
    if operation == "splitting":
        result = " ".join(_split(s, lang) if len(s) > 80 else s for s in parts)
        return result if result != text else None
    if operation == "merging":
        if len(parts) < 2:
            return None
        merged = []
        for i in range(0, len(parts), 2):
            pair = parts[i : i + 2]
            if len(pair) == 2:
                first = pair[0].rstrip(".!?")
                second = pair[1][:1].lower() + pair[1][1:] if not pair[1][:2].isupper() else pair[1]
                merged.append(first + JOINERS[lang] + second)
            else:
                merged.append(pair[0])
        return " ".join(merged)
    raise ValueError(f"unknown edit operation {operation!r}")


def _embed(body: str, rng: random.Random, negatives: list[dict], lang: str) -> tuple[str, int, int]:
    same = [n for n in negatives if n["lang"] == lang] or negatives
    before = _sentences(rng.choice(same)["text"])[0]
    after = _sentences(rng.choice(same)["text"])[-1]
    text = f"{before} {body} {after}"
    return text, len(before) + 1, len(before) + 1 + len(body)


def generate() -> None:
    sources, negatives, translations = (
        _jsonl("sources.jsonl"),
        _jsonl("negatives.jsonl"),
        _jsonl("translations.jsonl"),
    )
    vocabulary = sorted({w for n in negatives for w in re.findall(r"[^\W\d_]{4,}", n["text"]) if w.islower()})
    cases = []
    for source in sources:
        for operation in EDITS:
            rng = random.Random(f"{source['key']}/{operation}")  # noqa: S311 - a seeded edit, not a secret
            body = edit(source["text"], operation, rng, source["lang"], vocabulary)
            if body is None:
                continue
            text, start, end = _embed(body, rng, negatives, source["lang"])
            cases.append(
                {
                    "key": f"case:{source['key']}:{operation}",
                    "edit": operation,
                    "lang": source["lang"],
                    "text": text,
                    "source": source["key"],
                    "span": [start, end],
                    "source_span": [0, len(source["text"])],
                }
            )
    by_key = {s["key"]: s for s in sources}
    for row in translations:
        rng = random.Random(f"{row['source']}/translation")  # noqa: S311
        text, start, end = _embed(row["text"], rng, negatives, row["lang"])
        cases.append(
            {
                "key": f"case:{row['source']}:translation-{row['lang']}",
                "edit": "translation",
                "lang": row["lang"],
                "text": text,
                "source": row["source"],
                "span": [start, end],
                "source_span": [0, len(by_key[row["source"]]["text"])],
            }
        )
    for negative in negatives:
        cases.append(
            {
                "key": f"case:{negative['key']}:negative",
                "edit": "negative",
                "lang": negative["lang"],
                "text": negative["text"],
                "source": None,
                "span": None,
                "source_span": None,
            }
        )
    _write("cases.jsonl", cases)
    counts = {}
    for case in cases:
        counts[case["edit"]] = counts.get(case["edit"], 0) + 1
    print(f"{len(cases)} cases: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    if sys.argv[1:2] == ["extract"]:
        extract(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        generate()
