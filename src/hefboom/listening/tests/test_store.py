"""The corpus store: whole files or nothing, a DuckDB view over them, rewrite and compact."""

import os

import pyarrow.parquet as pq
import pytest

from hefboom.listening import store as store_module
from hefboom.listening.schema import ITEM
from hefboom.listening.store import StoreBusy, to_table
from hefboom.listening.tests.memory_source import post


def test_an_empty_store_has_an_empty_items_view_with_the_item_schema(store):
    con = store.connect()
    assert con.execute("SELECT count(*) FROM items").fetchone() == (0,)
    columns = [row[0] for row in con.execute("DESCRIBE items").fetchall()]
    assert columns == ITEM.names


def test_batches_are_files_with_exactly_the_item_schema_and_the_view_reads_them_all(store):
    store.write_batch([post(1, "een"), post(2, "twee")])
    store.write_batch([post(3, "drie")])
    assert len(store.files()) == 2
    assert all(pq.read_schema(p).equals(ITEM) for p in store.files())
    con = store.connect()
    assert con.execute("SELECT count(*), count(lang) FROM items").fetchone() == (3, 0)
    assert store.count() == 3


def test_a_batch_killed_before_its_rename_is_invisible_and_cleaned_up(store, monkeypatch):
    store.write_batch([post(1, "een")])

    def crash(temp, path):
        raise KeyboardInterrupt  # as a kill at the last moment; a real kill -9 is in test_crash

    monkeypatch.setattr(store_module, "_put_in_place", crash)
    with pytest.raises(KeyboardInterrupt):
        store.write_batch([post(2, "twee")])
    # a kill -9 leaves the temp file (the except clause would not run): make one as it would
    leftover = store.items_dir / f"{store_module.TEMP_PREFIX}x.parquet.{os.getpid()}"
    pq.write_table(to_table([post(3, "drie")]), leftover)
    assert store.count() == 1
    assert store.connect().execute("SELECT count(*) FROM items").fetchone() == (1,)
    assert store.clean_temp() == 1
    assert not leftover.exists()


def test_rewrite_replaces_every_file_through_the_transform(store):
    store.write_batch([post(1, "een"), post(2, "twee")])
    store.write_batch([post(3, "drie")])

    def tag(table):
        items = table.to_pylist()
        for item in items:
            item["lang"] = "nl"
        return to_table(items)

    assert store.rewrite(tag) == 3
    assert store.connect().execute("SELECT count(*) FROM items WHERE lang = 'nl'").fetchone() == (3,)


def test_compact_merges_small_files_keeping_every_row_once(store):
    for n in range(6):
        store.write_batch([post(n, f"tekst {n}")])
    assert store.compact(target_rows=4) == 6
    assert len(store.files()) == 2
    ids = store.connect().execute("SELECT id FROM items").fetchall()
    assert len(ids) == len(set(ids)) == 6


def test_only_one_writer_at_a_time(store):
    with store.lock(), pytest.raises(StoreBusy), store.lock():
        pass
