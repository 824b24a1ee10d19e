"""Language identification with lingua, restricted to the languages in play (config.languages).

One detector per process and language set (built once, cached): lingua's models load in about a
second. The batch goes to lingua in one call (`compute_language_confidence_values_in_parallel`),
which gives the language and its confidence together. Low-accuracy mode (trigrams only) is the
default: on the 543 labelled texts of "Validity" (docs/listening.md) it is right on 99.6%,
high-accuracy mode on 99.8% (one text more), at a fraction of the cost; `config.extra
["lang_high_accuracy"] = True` switches it off.

Speed: lingua costs a few hundred microseconds per tweet on this machine, more than all other
steps together. A cheap first pass counts function words that belong to one language only
(FUNCTION_WORDS: "het", "niet" are Dutch; "les", "est" French; "the", "and" English); when one
language has at least FAST_MIN of them and at least FAST_RATIO times as many as any other, it
decides (confidence = its share of the function words found). Everything else (short or mixed
texts, other languages in config.languages) goes to lingua. On the labelled set the first pass
agrees with lingua on every item it decides (docs/listening.md, "Validity");
`config.extra["lang_lingua_only"] = True` sends every item to lingua.

An item becomes `und` (undetermined, counted with a reason) when it has fewer than
MIN_LETTERS letters (`too_short`) or lingua finds no language (`undetermined`). When lingua is
unsure (top confidence below HINT_BELOW) and the source declared a language that is in play and
is lingua's second choice or better, the declared language wins (`declared_hint`).
"""

import re
from functools import lru_cache

from hefboom.listening.pipeline import PipelineConfig, StepReport

MIN_LETTERS = 10
HINT_BELOW = 0.6
FAST_MIN = 3
FAST_RATIO = 4

# function words that occur in one of the three languages only (not "de", "en", "in", "a")
FUNCTION_WORDS = {
    "nl": frozenset(
        [
            "het",
            "een",
            "van",
            "niet",
            "dat",
            "die",
            "voor",
            "met",
            "zijn",
            "ook",
            "maar",
            "wordt",
            "worden",
            "naar",
            "bij",
            "nog",
            "wel",
            "om",
            "te",
            "dit",
            "deze",
            "wij",
            "ik",
            "hij",
            "zij",
            "ze",
            "heeft",
            "hebben",
            "geen",
            "meer",
            "moet",
            "kan",
            "zal",
            "als",
            "uit",
            "door",
            "tot",
            "wat",
            "waar",
            "hoe",
            "omdat",
            "dan",
            "ons",
            "onze",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "des",
            "est",
            "et",
            "une",
            "un",
            "du",
            "pour",
            "que",
            "qui",
            "pas",
            "dans",
            "sur",
            "avec",
            "ce",
            "sont",
            "au",
            "aux",
            "ne",
            "il",
            "elle",
            "nous",
            "vous",
            "ils",
            "elles",
            "sa",
            "ses",
            "leur",
            "leurs",
            "cette",
            "ces",
            "mais",
            "ou",
            "donc",
            "très",
            "être",
            "avoir",
            "fait",
            "été",
            "comme",
            "aussi",
        ]
    ),
    "en": frozenset(
        [
            "the",
            "and",
            "of",
            "to",
            "are",
            "that",
            "this",
            "with",
            "for",
            "not",
            "it",
            "be",
            "were",
            "by",
            "from",
            "have",
            "has",
            "they",
            "you",
            "he",
            "she",
            "its",
            "their",
            "our",
            "which",
            "would",
            "will",
            "should",
            "can",
            "than",
            "more",
            "very",
            "also",
            "but",
            "about",
        ]
    ),
}
_WORD = re.compile(r"[a-zà-ÿ]+")


def quick_language(text: str, languages: tuple[str, ...]) -> tuple[str, float] | None:
    """(language, confidence) when function words decide clearly, else None."""
    words = _WORD.findall(text[:400].lower())
    best, best_n, second_n, total = None, 0, 0, 0
    for lang in languages:
        n = len(FUNCTION_WORDS[lang].intersection(words))
        total += n
        if n > best_n:
            best, best_n, second_n = lang, n, best_n
        elif n > second_n:
            second_n = n
    if best and best_n >= FAST_MIN and best_n >= FAST_RATIO * second_n:
        return best, best_n / total
    return None


@lru_cache(maxsize=8)
def detector(languages: tuple[str, ...], high_accuracy: bool = False):
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in languages]
    builder = LanguageDetectorBuilder.from_languages(*langs)
    if not high_accuracy:
        builder = builder.with_low_accuracy_mode()
    return builder.with_preloaded_language_models().build()


def _letters(text: str) -> int:
    return sum(1 for ch in text[:200] if ch.isalpha())


def language(batch: list[dict], config: PipelineConfig, report: StepReport) -> list[dict]:
    languages = tuple(config.languages)
    report.seen += len(batch)
    todo, texts = [], []
    quick = not config.extra.get("lang_lingua_only") and all(lang in FUNCTION_WORDS for lang in languages)
    for item in batch:
        text = item.get("text") or ""
        if _letters(text) < MIN_LETTERS:
            item["lang"], item["lang_confidence"] = "und", None
            report.note("und:too_short")
            continue
        if quick:
            found = quick_language(text, languages)
            if found:
                item["lang"], item["lang_confidence"] = found
                report.changed += 1
                report.note("function_words")
                continue
        todo.append(item)
        # lingua reads the whole text; the first 1,000 characters decide as well as all of it
        texts.append(text[:1000])
    if not todo:
        return batch
    det = detector(languages, bool(config.extra.get("lang_high_accuracy")))
    results = det.compute_language_confidence_values_in_parallel(texts)
    for item, values in zip(todo, results, strict=True):
        if not values or values[0].value <= 0:
            item["lang"], item["lang_confidence"] = "und", None
            report.note("und:undetermined")
            continue
        best = values[0]
        lang = best.language.iso_code_639_1.name.lower()
        confidence = float(best.value)
        declared = (item.get("lang_declared") or "").lower()[:2]
        if confidence < HINT_BELOW and declared in languages and declared != lang:
            second = values[1].language.iso_code_639_1.name.lower() if len(values) > 1 else None
            if declared == second:
                lang, confidence = declared, float(values[1].value)
                report.note("declared_hint")
        item["lang"], item["lang_confidence"] = lang, confidence
        report.changed += 1
    return batch


language.step_name = "language"
