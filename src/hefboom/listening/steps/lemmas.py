"""Lemmas with simplemma (greedy=False), per item language, lower case, space-separated.

Lookups are cached per (language, token) (`lemma` is an lru_cache; the step itself reads a
plain dict per language first, cheaper than an lru_cache call): a corpus repeats its words,
so after the first few thousand items nearly every lookup is a cache hit. Items in `und` or a
language simplemma does not know keep their lower-case tokens as lemmas.
"""

from functools import lru_cache

from hefboom.listening.pipeline import PipelineConfig, StepReport
from hefboom.listening.steps.text import tokens

SIMPLEMMA_LANGS = {"nl", "fr", "en", "de"}


@lru_cache(maxsize=500_000)
def lemma(lang: str, token: str) -> str:
    if lang not in SIMPLEMMA_LANGS or token.isdigit():
        return token
    import simplemma

    return simplemma.lemmatize(token, lang=lang, greedy=False).lower()


_SEEN: dict[str, dict[str, str]] = {}
_SEEN_MAX = 300_000


def _lemmas_of(lang: str, toks: list[str]) -> list[str]:
    seen = _SEEN.get(lang)
    if seen is None or len(seen) > _SEEN_MAX:
        seen = _SEEN[lang] = {}
    out = []
    for t in toks:
        found = seen.get(t)
        if found is None:
            found = seen[t] = lemma(lang, t)
        out.append(found)
    return out


def lemmas(batch: list[dict], config: PipelineConfig, report: StepReport) -> list[dict]:
    report.seen += len(batch)
    for item in batch:
        toks = tokens(item.get("text") or "")
        lang = item.get("lang") or "und"
        item["lemmas"] = " ".join(_lemmas_of(lang, toks))
        item["n_tokens"] = len(toks)
        report.changed += 1
    return batch


lemmas.step_name = "lemmas"
