"""Records the web app shows from the corpus; the corpus itself lives in Parquet (see store.py)."""
from hefboom.listening.models.records import Alert, DossierWeek, Mention  # noqa: F401
