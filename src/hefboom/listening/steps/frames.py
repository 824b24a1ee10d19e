"""Frames: economic, human_rights, security, health, solidarity, legal, by word lists over lemmas.

Defaults per language in data/frames.json (a word ending in * is a prefix, for compounds);
`config.frames` (frame -> language -> words) replaces the default list of that frame and
language. One Aho-Corasick automaton per language over " lemma lemma ... " finds every frame
word in one pass. An item has a frame when at least one of its words is on the frame's list.
"""

import hashlib
import json
import pickle
from functools import lru_cache
from pathlib import Path

import ahocorasick

from hefboom.listening.pipeline import PipelineConfig, StepReport
from hefboom.listening.steps.text import tokens

FRAMES = ("economic", "human_rights", "security", "health", "solidarity", "legal")
DATA = Path(__file__).resolve().parent.parent / "data" / "frames.json"


@lru_cache(maxsize=1)
def default_frames() -> dict[str, dict[str, list[str]]]:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return {frame: data[frame] for frame in FRAMES}


def word_lists(config: PipelineConfig) -> dict[str, dict[str, list[str]]]:
    """frame -> language -> words: the defaults with config.frames laid over them."""
    lists = {frame: dict(langs) for frame, langs in default_frames().items()}
    for frame, langs in (config.frames or {}).items():
        lists.setdefault(frame, {}).update(langs)
    return lists


def _automaton(lists: dict[str, dict[str, list[str]]], lang: str):
    automaton = ahocorasick.Automaton()
    keys: dict[str, set] = {}
    for frame, langs in lists.items():
        for word in langs.get(lang, []):
            word = word.strip().lower()
            if not word:
                continue
            key = " " + word[:-1] if word.endswith("*") else " " + word + " "
            keys.setdefault(key, set()).add(frame)
    for key, frames in keys.items():
        automaton.add_word(key, tuple(sorted(frames)))
    if not keys:
        return None
    automaton.make_automaton()
    return automaton


_CACHE: dict[tuple, object] = {}


def automaton_for(config: PipelineConfig, lang: str):
    key = (hashlib.sha256(pickle.dumps(sorted((config.frames or {}).items()))).hexdigest(), lang)
    if key not in _CACHE:
        if len(_CACHE) > 16:
            _CACHE.clear()
        _CACHE[key] = _automaton(word_lists(config), lang)
    return _CACHE[key]


def frames_of(lemma_text: str, automaton) -> list[str]:
    if automaton is None or not lemma_text:
        return []
    found = set()
    for _end, frames in automaton.iter(" " + lemma_text + " "):
        found.update(frames)
    return sorted(found)


def frames(batch: list[dict], config: PipelineConfig, report: StepReport) -> list[dict]:
    report.seen += len(batch)
    automata = {}
    for item in batch:
        lang = item.get("lang") or "und"
        if lang not in automata:
            automata[lang] = automaton_for(config, lang)
        lemma_text = item.get("lemmas")
        if lemma_text is None:
            lemma_text = " ".join(tokens(item.get("text") or ""))
        item["frames"] = frames_of(lemma_text, automata[lang])
        if item["frames"]:
            report.changed += 1
            for frame in item["frames"]:
                report.note(f"frame:{frame}")
    return batch


frames.step_name = "frames"
