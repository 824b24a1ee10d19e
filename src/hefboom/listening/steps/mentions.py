"""Mentions of the organisation, its reports and campaigns, persons, parties, organisations and
dossier terms: ONE Aho-Corasick automaton per config over accent- and case-folded text.

Why not spaCy's EntityRuler (as the issue suggests): spaCy is not installed, its pipelines are
models to download, and a ruler walks tokens in Python per pattern set; one pyahocorasick
automaton finds every variant of every name in a single C pass over the text, whatever the number
of names (thousands of persons cost the same per item as ten), with no model at all.

Rules (docs/listening.md, "Mentions"):
- Matching runs on `fold(text)` (lower case, no accents, same offsets), so "Vooruit", "VOORUIT",
  "défi"/"DeFI" all meet their variant; a match must start and end at a word boundary.
- A variant written with a capital (a name: "Groen", "Vooruit", "Mahdi", "de Moor") only matches
  where the text has a capital at the same place (the variant's first capital), so the adjective
  "groen" or "vooruit" ("forward") is not the party.
  A short all-capitals variant (up to 4 letters: "PS", "MR", "VB") must match exactly.
- Overlapping matches: the longest wins ("Open Vld" over "Vld", "Nicole de Moor" over "de Moor").
- Fuzzy: a person's first name followed by a surname one edit away ("Sammy Mahdy") matches that
  person (rapidfuzz Levenshtein, surnames of 5+ letters); the check only runs where the automaton
  found a known first name, so it costs almost nothing.
"""

import hashlib
import pickle

import ahocorasick
from rapidfuzz.distance import Levenshtein

from hefboom.listening.pipeline import PipelineConfig, StepReport
from hefboom.listening.steps.text import fold

ANY, EXACT = -1, -2  # else: the offset of the variant's first capital, which the text must share
FIRST_NAME = "_first"


def _case_rule(variant: str) -> int:
    letters = [ch for ch in variant if ch.isalpha()]
    if letters and len(letters) <= 4 and all(ch.isupper() for ch in letters):
        return EXACT
    for i, ch in enumerate(variant):
        if ch.isupper():
            return i
    return ANY


def _entries(config: PipelineConfig):
    """(variant, kind, ref) for everything the config names."""
    for name in config.own_names:
        yield name, "organisation", "own"
    for kind, named in (("report", config.reports), ("campaign", config.campaigns),
                        ("person", config.persons), ("party", config.parties),
                        ("actor_org", config.organisations)):
        for ref, variants in named:
            for variant in variants:
                yield variant, kind, ref
    for dossier, terms in config.dossier_terms.items():
        for term in terms:
            yield term, "dossier", f"strategy.dossier:{dossier}"


class Matcher:
    def __init__(self, config: PipelineConfig):
        self.automaton = ahocorasick.Automaton()
        keys: dict[str, list] = {}
        self.surnames: dict[str, list[tuple[str, str]]] = {}  # folded first name -> (folded rest, ref)
        for variant, kind, ref in _entries(config):
            variant = " ".join(variant.split())
            key = fold(variant)
            if len(key) < 2:
                continue
            keys.setdefault(key, []).append((kind, ref, _case_rule(variant), variant))
        if config.fuzzy_names:
            for ref, variants in config.persons:
                for variant in variants:
                    parts = fold(" ".join(variant.split())).split(" ", 1)
                    if len(parts) == 2 and len(parts[1]) >= 5 and parts[0].isalpha() and len(parts[0]) >= 3:
                        self.surnames.setdefault(parts[0], []).append((parts[1], ref))
            for first in self.surnames:
                keys.setdefault(first, []).append((FIRST_NAME, "", ANY, first))
        for key, values in keys.items():
            self.automaton.add_word(key, (len(key), tuple(values)))
        self.empty = not keys
        if not self.empty:
            self.automaton.make_automaton()

    def find(self, text: str) -> list[tuple[int, int, list[tuple[str, str]]]]:
        """(start, end, [(kind, ref), ...]) of each mention in `text`, left to right."""
        if self.empty or not text:
            return []
        folded = fold(text)
        n = len(folded)
        found = []
        firsts = []
        for end_index, (length, values) in self.automaton.iter(folded):
            start, end = end_index - length + 1, end_index + 1
            if (start > 0 and folded[start - 1].isalnum()) or (end < n and folded[end].isalnum()):
                continue
            hits = []
            for kind, ref, rule, variant in values:
                if kind == FIRST_NAME:
                    firsts.append((start, end, variant))
                    continue
                if rule == EXACT and text[start:end] != variant:
                    continue
                if rule >= 0 and not text[start + rule].isupper():
                    continue
                if (kind, ref) not in hits:  # "Ecolo" and "ECOLO" fold to one key
                    hits.append((kind, ref))
            if hits:
                found.append((start, end, hits))
        for start, end, first in firsts:
            found.extend(self._fuzzy(text, folded, start, end, first, found))
        if len(found) > 1:
            found.sort(key=lambda m: (m[0], m[0] - m[1]))
            kept, last_end = [], -1
            for m in found:
                if m[0] >= last_end:
                    kept.append(m)
                    last_end = m[1]
            found = kept
        return found

    def _fuzzy(self, text, folded, start, end, first, found):
        if any(s == start for s, _e, _h in found) or not text[start].isupper():
            return []
        if end >= len(folded) or folded[end] != " ":
            return []
        for rest, ref in self.surnames[first]:
            cut = end + 1 + len(rest)
            for stop in (cut - 1, cut, cut + 1):
                candidate = folded[end + 1:stop]
                if stop > len(folded) or (stop < len(folded) and folded[stop].isalnum()):
                    continue
                if candidate and text[end + 1].isupper() and Levenshtein.distance(candidate, rest) <= 1:
                    return [(start, stop, [("person", ref)])]
        return []


def _fingerprint(config: PipelineConfig) -> str:
    parts = (config.own_names, config.reports, config.campaigns, config.persons, config.parties,
             config.organisations, sorted(config.dossier_terms.items()), config.fuzzy_names)
    return hashlib.sha256(pickle.dumps(parts)).hexdigest()


_CACHE: dict[str, Matcher] = {}


def matcher_for(config: PipelineConfig) -> Matcher:
    """The compiled matcher for `config`: built once per process per distinct set of names."""
    key = _fingerprint(config)
    matcher = _CACHE.get(key)
    if matcher is None:
        if len(_CACHE) >= 4:
            _CACHE.clear()
        matcher = _CACHE[key] = Matcher(config)
    return matcher


def mentions(batch: list[dict], config: PipelineConfig, report: StepReport) -> list[dict]:
    report.seen += len(batch)
    matcher = matcher_for(config)
    theme_of = config.theme_of_dossier
    for item in batch:
        text = item.get("text") or ""
        found = matcher.find(text)
        result, dossiers = [], set()
        for start, end, hits in found:
            for kind, ref in hits:
                result.append({"kind": kind, "ref": ref, "text": text[start:end], "start": start})
                if kind == "dossier":
                    dossiers.add(int(ref.rsplit(":", 1)[1]))
        item["mentions"] = result
        item["dossiers"] = sorted(dossiers)
        item["themes"] = sorted({theme_of[d] for d in dossiers if d in theme_of})
        if result:
            report.changed += 1
            for m in result:
                report.note(f"mention:{m['kind']}")
    return batch


mentions.step_name = "mentions"
