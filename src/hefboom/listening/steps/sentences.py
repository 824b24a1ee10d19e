"""Sentence splitting that knows Dutch, French and English abbreviations (steps/text.py).

Fills `n_sentences`. Offsets are not stored: other code gets them from
`hefboom.listening.steps.text.sentence_spans(text, lang)`.
"""

from hefboom.listening.pipeline import PipelineConfig, StepReport
from hefboom.listening.steps.text import sentence_spans


def sentences(batch: list[dict], config: PipelineConfig, report: StepReport) -> list[dict]:
    report.seen += len(batch)
    for item in batch:
        text = item.get("text") or ""
        # most short items hold no inner sentence end at all: skip the splitter for those
        if not any(mark in text for mark in ".!?…"):
            item["n_sentences"] = 1 if text.strip() else 0
        else:
            item["n_sentences"] = len(sentence_spans(text, item.get("lang")))
        report.changed += 1
    return batch


sentences.step_name = "sentences"
