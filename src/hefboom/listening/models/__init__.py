"""Records the web app shows from the corpus; the corpus itself lives in Parquet (see store.py)."""
