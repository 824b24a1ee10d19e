"""A small corpus store for the tiers' tests: Parquet files with the ITEM schema under a
temporary DATA_DIR/corpus/items/."""

import datetime as dt
import hashlib

import pyarrow as pa
import pyarrow.parquet as pq

from hefboom.listening.schema import ITEM
from hefboom.listening.tests.labelled_sample import SAMPLE


def item(n: int, lang: str, text: str, lexicon_label: str | None, **extra) -> dict:
    return {
        "id": hashlib.sha1(f"test:{n}".encode()).hexdigest(), "source": "csv", "kind": "post",
        "channel": "test", "external_id": str(n), "text": text,
        "published": dt.datetime(2024, 1, 1 + n % 28, tzinfo=dt.UTC), "lang": lang,
        "sentiment": {"neg": -0.5, "neu": 0.0, "pos": 0.5}.get(lexicon_label),
        "sentiment_label": lexicon_label, "sentiment_tier": "lexicon" if lexicon_label else None,
        "meta": "{}", **extra,
    }


def write_store(data_dir, items=None) -> list[dict]:
    """Write `items` (default: the labelled sample, its lexicon label a rotation of the truth so
    that the lexicon is right a third of the time) and return them."""
    if items is None:
        rotate = {"neg": "pos", "neu": "neg", "pos": "neu"}
        items = [item(n, lang, text, rotate[label] if n % 3 else label)
                 for n, (lang, label, text) in enumerate(SAMPLE)]
    folder = data_dir / "corpus" / "items"
    folder.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(items, schema=ITEM), folder / "batch-0001.parquet")
    return items
