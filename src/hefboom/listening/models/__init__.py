"""Records the web app shows from the corpus; the corpus itself lives in Parquet (see store.py)."""

from hefboom.listening.models.ingest import IngestRun  # noqa: F401
