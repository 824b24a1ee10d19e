"""Records the web app shows from the corpus; the corpus itself lives in Parquet (see store.py)."""

from hefboom.listening.models.ingest import IngestRun  # noqa: F401
from hefboom.listening.models.labels import ItemLabel, TrainedModel  # noqa: F401
from hefboom.listening.models.records import Alert, DossierWeek, Mention  # noqa: F401
from hefboom.listening.models.terms import TermKind, TermLanguage, WatchTerm  # noqa: F401
