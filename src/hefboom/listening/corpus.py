"""The tiers' one door into the corpus store: `connect()` gives a DuckDB connection with a view
`items` (the columns of schema.ITEM). It uses store.connect() when the store module offers it,
and otherwise reads the Parquet files under DATA_DIR/corpus/items/ directly (the lead may
re-point this one function)."""

from pathlib import Path

import duckdb
from django.conf import settings


def items_dir() -> Path:
    return Path(settings.DATA_DIR) / "corpus" / "items"


def connect():
    """A DuckDB connection with a view `items`, or None when the store holds no items yet."""
    try:
        from hefboom.listening import store
    except ImportError:
        store = None
    if store is not None and hasattr(store, "connect"):
        return store.connect()
    files = sorted(str(p) for p in items_dir().glob("*.parquet")
                   if not p.name.startswith(".") and ".tmp" not in p.name)
    if not files:
        return None
    con = duckdb.connect()
    con.read_parquet(files, union_by_name=True).create_view("items")
    return con


def fetch_item(item_id: str) -> dict | None:
    """One item by id (id, lang, title, text, source, kind, published, sentiment_label,
    sentiment_tier), or None."""
    con = connect()
    if con is None:
        return None
    cursor = con.execute(
        "SELECT id, lang, title, text, source, kind, published, sentiment_label, sentiment_tier "
        "FROM items WHERE id = ? LIMIT 1", [item_id])
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cursor.description], row, strict=True))
