"""Records the web app shows from the corpus; the corpus itself lives in Parquet (see store.py)."""

from hefboom.listening.models.labels import ItemLabel, TrainedModel  # noqa: E402,F401
