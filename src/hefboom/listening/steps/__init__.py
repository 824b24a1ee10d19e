"""The pipeline steps, each `step(batch, config, report) -> batch` (see listening/pipeline.py).

DEFAULT_STEPS is the chain ingest runs, in this order: language, sentences, lemmas, mentions,
sentiment, frames (sentiment and frames read the lemmas; sentences reads the language).
"""

from hefboom.listening.steps.frames import frames
from hefboom.listening.steps.language import language
from hefboom.listening.steps.lemmas import lemmas
from hefboom.listening.steps.mentions import mentions
from hefboom.listening.steps.sentences import sentences
from hefboom.listening.steps.sentiment import sentiment

DEFAULT_STEPS = (language, sentences, lemmas, mentions, sentiment, frames)

__all__ = ["DEFAULT_STEPS", "frames", "language", "lemmas", "mentions", "sentences", "sentiment"]
