"""The corpus store: items in Parquet files under DATA_DIR/corpus/, queried with DuckDB.

    corpus/items/<name>.parquet        one file per written batch, every file with schema.ITEM
    corpus/signatures/<name>.parquet   the MinHash signatures of that batch (id, sig) for
                                       near-duplicate detection across runs
    corpus/.lock                       held (flock) by the one ingest or analyse that writes

A file is written to a temporary name in the same folder (`.tmp-…`, which readers never match),
flushed and fsync'd, then renamed with os.replace and the folder fsync'd: a reader sees a batch
whole or not at all, even after `kill -9` or a power cut. Temporary files a crash leaves behind
are ignored by readers and removed by the next writer (`clean_temp`). The signatures file of a
batch is put in place before its items file, so every visible batch has its signatures; a
signatures file without items (a crash between the two renames) is ignored and cleaned up.
"""

import fcntl
import os
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from django.conf import settings
from django.utils.translation import gettext as _

from hefboom.listening.schema import ITEM

TEMP_PREFIX = ".tmp-"
SIGNATURE = pa.schema([pa.field("id", pa.string(), nullable=False), pa.field("sig", pa.binary())])
COMPRESSION = "zstd"


class StoreBusy(Exception):
    """Another ingest or analyse is writing to the corpus."""


def corpus_root() -> Path:
    """DATA_DIR/corpus (the backup copies this folder)."""
    return Path(getattr(settings, "CORPUS_ROOT", None) or Path(settings.DATA_DIR) / "corpus")


class Store:
    def __init__(self, root: Path | None = None):
        self.root = Path(root) if root else corpus_root()
        self.items_dir = self.root / "items"
        self.signatures_dir = self.root / "signatures"

    # --- reading -------------------------------------------------------------------------

    def files(self) -> list[Path]:
        """The items files, oldest first (names start with a time stamp)."""
        if not self.items_dir.is_dir():
            return []
        return sorted(p for p in self.items_dir.glob("*.parquet") if not p.name.startswith("."))

    def count(self) -> int:
        return sum(pq.ParquetFile(p).metadata.num_rows for p in self.files())

    def connect(self, database: str = ":memory:"):
        """A DuckDB connection with a view `items` over every items file of the store (an
        empty view with the ITEM schema when the store is empty)."""
        import duckdb

        con = duckdb.connect(database)
        if self.files():
            # Temporary files end in ".<pid>", never ".parquet": the glob never sees them.
            pattern = str(self.items_dir / "*.parquet").replace("'", "''")
            con.execute(f"CREATE VIEW items AS SELECT * FROM read_parquet('{pattern}')")  # noqa: S608 - our path
        else:
            empty = ITEM.empty_table()  # noqa: F841 - DuckDB reads the local variable
            con.execute("CREATE TABLE _empty_items AS SELECT * FROM empty")
            con.execute("CREATE VIEW items AS SELECT * FROM _empty_items")
        return con

    def read_column(self, column: str) -> Iterator[pa.ChunkedArray]:
        for path in self.files():
            yield pq.read_table(path, columns=[column]).column(column)

    def known_keys(self) -> tuple[set[str], set[str]]:
        """The ids and content hashes already stored (for exact-duplicate detection)."""
        ids: set[str] = set()
        hashes: set[str] = set()
        for path in self.files():
            table = pq.read_table(path, columns=["id", "content_hash"])
            ids.update(table.column("id").to_pylist())
            hashes.update(h for h in table.column("content_hash").to_pylist() if h)
        return ids, hashes

    def signatures(self) -> Iterator[tuple[list[str], list[bytes]]]:
        """(ids, signatures) of every stored batch that has them."""
        for path in self.files():
            sig_path = self.signatures_dir / path.name
            if sig_path.exists():
                table = pq.read_table(sig_path)
                yield table.column("id").to_pylist(), table.column("sig").to_pylist()

    # --- writing -------------------------------------------------------------------------

    @contextmanager
    def lock(self):
        """Hold the store's write lock (one ingest or analyse at a time); StoreBusy if taken."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / ".lock", "a+") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise StoreBusy(_("Another ingest or analyse is writing to the corpus in %(dir)s; "
                                  "wait until it has finished.") % {"dir": self.root}) from None
            try:
                yield self
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def clean_temp(self) -> int:
        """Remove what a crashed writer left: temporary files and signatures without items."""
        removed = 0
        for folder in (self.items_dir, self.signatures_dir):
            if folder.is_dir():
                for path in folder.glob(TEMP_PREFIX + "*"):
                    path.unlink(missing_ok=True)
                    removed += 1
        if self.signatures_dir.is_dir():
            for path in self.signatures_dir.glob("*.parquet"):
                if not (self.items_dir / path.name).exists():
                    path.unlink(missing_ok=True)
                    removed += 1
        return removed

    @staticmethod
    def new_name() -> str:
        return f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}.parquet"

    def write_batch(self, items: list[dict] | pa.Table, signatures: pa.Table | None = None,
                    *, name: str | None = None) -> Path:
        """Write one batch as a new items file (and its signatures), atomically."""
        table = items if isinstance(items, pa.Table) else to_table(items)
        name = name or self.new_name()
        writes = [(table, self.items_dir / name)]
        if signatures is not None:
            writes.insert(0, (signatures.cast(SIGNATURE), self.signatures_dir / name))
        temps = [_write_temp(t, path) for t, path in writes]  # both complete before either shows
        try:
            for temp, (_table, path) in zip(temps, writes, strict=True):
                _put_in_place(temp, path)
                _fsync_dir(path.parent)
        finally:
            for temp in temps:
                temp.unlink(missing_ok=True)
        return self.items_dir / name

    def rewrite(self, transform: Callable[[pa.Table], pa.Table], *,
                progress: Callable[[int, int], None] | None = None,
                written: Callable[[pa.Table], None] | None = None) -> int:
        """Replace every items file by `transform(table)`, one file at a time, each atomically
        (a crash leaves every file either as it was or transformed; run it again to finish);
        `written(table)` is called once a file is in place. Returns the number of rows written."""
        files = self.files()
        rows = 0
        for done, path in enumerate(files, 1):
            table = transform(pq.read_table(path, schema=ITEM))
            _write_atomic(table.cast(ITEM), path)
            if written:
                written(table)
            rows += table.num_rows
            if progress:
                progress(done, len(files))
        return rows

    def compact(self, *, target_rows: int = 50_000) -> int:
        """Merge small items files (and their signatures) into files of about `target_rows`
        rows. The merged file is in place before the small ones are removed, and it holds
        exactly their rows under a new name: a crash in between leaves the rows twice, which
        the next compact (or any reader that groups by id) sees; returns files removed."""
        small = [p for p in self.files() if pq.ParquetFile(p).metadata.num_rows < target_rows // 2]
        removed = 0
        group: list[Path] = []
        count = 0
        for path in small + [None]:
            if path is not None:
                group.append(path)
                count += pq.ParquetFile(path).metadata.num_rows
            if group and (path is None or count >= target_rows):
                if len(group) > 1:
                    removed += self._merge(group)
                group, count = [], 0
        return removed

    def _merge(self, group: list[Path]) -> int:
        table = pa.concat_tables(pq.read_table(p, schema=ITEM) for p in group)
        table = _first_per_id(table)
        sigs = [self.signatures_dir / p.name for p in group]
        signatures = (pa.concat_tables(pq.read_table(s) for s in sigs if s.exists())
                      if any(s.exists() for s in sigs) else None)
        self.write_batch(table, signatures)
        for path, sig in zip(group, sigs, strict=True):
            path.unlink()
            sig.unlink(missing_ok=True)
        _fsync_dir(self.items_dir)
        return len(group)


def _first_per_id(table: pa.Table) -> pa.Table:
    seen: set[str] = set()
    keep = []
    for index, item_id in enumerate(table.column("id").to_pylist()):
        if item_id not in seen:
            seen.add(item_id)
            keep.append(index)
    return table if len(keep) == table.num_rows else table.take(keep)


def to_table(items: list[dict]) -> pa.Table:
    """Items (dicts) as a table with exactly the ITEM schema; absent columns are null."""
    columns = {}
    for field in ITEM:
        name = field.name
        values = [item.get(name) for item in items]
        if any(v is not None for v in values):
            columns[name] = pa.array(values, type=field.type)
        else:
            columns[name] = pa.nulls(len(items), type=field.type)
    return pa.Table.from_pydict(columns, schema=ITEM)


def to_items(table: pa.Table) -> list[dict]:
    return table.to_pylist()


def _write_temp(table: pa.Table, path: Path) -> Path:
    """`table` written and fsync'd under a temporary name next to `path` (never matched by
    readers: it starts with a dot and ends with the process id)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f"{TEMP_PREFIX}{path.name}.{os.getpid()}")
    try:
        with open(temp, "wb") as handle:
            pq.write_table(table, handle, compression=COMPRESSION)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def _write_atomic(table: pa.Table, path: Path) -> Path:
    temp = _write_temp(table, path)
    try:
        _put_in_place(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)
    return path


def _put_in_place(temp: Path, path: Path) -> None:
    """The one moment a batch becomes visible (the crash test kills the process here)."""
    os.replace(temp, path)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
