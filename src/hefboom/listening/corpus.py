"""The tiers' one door into the corpus store: `connect()` gives a DuckDB connection with a view
`items` (the columns of schema.ITEM), through the store."""

from pathlib import Path

from hefboom.listening.store import Store


def items_dir() -> Path:
    return Store().items_dir


def connect():
    """A DuckDB connection with a view `items`, or None when the store holds no items yet."""
    store = Store()
    if not store.files():
        return None
    return store.connect()


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
