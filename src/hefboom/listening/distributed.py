"""The listening steps on Dask: the same plain functions over the same batches, on many cores.

    from hefboom.listening import distributed
    reports = distributed.run(["corpus/raw/"], "corpus/analysed/", scheduler="processes")

The input is a set of partitions, each processed on its own by one worker:

- Parquet files (or folders of them) with the columns of `schema.ITEM` (at least the RAW ones):
  one partition per file, e.g. a store's `items/*.parquet` to re-analyse with a new config;
- or files read by a source plug-in (`source="jsonl"`, `"csv"`, ...): one partition per input.

Each partition is read as batches of `batch_size` items, `pipeline.run_steps` runs over each
batch with a `PipelineConfig` built once here (plain data, pickled to the workers), and the
result is written as one Parquet file per partition with exactly the `ITEM` schema (to a
temporary name, then renamed, so a crashed worker leaves no half-written file). Step counts
come back to the caller as `StepReport`s, merged.

What stays on one machine (see docs/listening-scale.md): exact and near-duplicate detection
(it needs every hash seen so far; here `content_hash` is filled but `dup_of` is left for the
one-machine pass), `run_id`, and writing records back to the web database.

This module uses `dask.bag` with the local schedulers ("threads", "processes",
"synchronous"); on a cluster, pass `scheduler=` a `distributed.Client`'s `get` or run under
a client context (see the scale doc). Dask is imported only when this module is used.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .dedup import content_hash
from .pipeline import PipelineConfig, StepReport, run_steps
from .schema import ITEM

BATCH_SIZE = 5000


def default_steps() -> list:
    from .steps import DEFAULT_STEPS  # noqa: PLC0415 - the NLP steps load their word lists lazily

    return list(DEFAULT_STEPS)


def parquet_partitions(paths: Iterable[str | os.PathLike]) -> list[str]:
    """Parquet files named, or found (sorted) in folders named."""
    out: list[str] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(str(f) for f in sorted(p.glob("*.parquet")))
        elif p.is_file():
            out.append(str(p))
        else:
            raise FileNotFoundError(f"{p}: no such file or folder. Name Parquet files or folders of them.")
    return out


def _batches(items: Iterable[dict], size: int) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _read_partition(partition: tuple[int, str, str], batch_size: int) -> Iterator[list[dict]]:
    _index, kind, location = partition
    if kind == "parquet":
        pf = pq.ParquetFile(location)
        columns = [c for c in pf.schema_arrow.names if c in ITEM.names]
        for record_batch in pf.iter_batches(batch_size=batch_size, columns=columns):
            yield record_batch.to_pylist()
        return
    _ensure_django()  # source readers word their messages with Django's gettext
    from .sources import Input, get_source  # noqa: PLC0415

    source = get_source(kind)
    yield from _batches(source.read(Input(location)), batch_size)


def _ensure_django() -> None:
    """Set Django up in a fresh worker process (settings from DJANGO_SETTINGS_MODULE)."""
    from django.apps import apps  # noqa: PLC0415

    if not apps.ready and os.environ.get("DJANGO_SETTINGS_MODULE"):
        import django  # noqa: PLC0415

        django.setup()


def _prepare(batch: list[dict]) -> list[dict]:
    for item in batch:
        if not item.get("content_hash"):
            item["content_hash"] = content_hash(item.get("text") or "")
    return batch


def process_partition(
    partition: tuple[int, str, str], out_dir: str, steps: Sequence, config: PipelineConfig, batch_size: int
) -> dict:
    """Run the steps over one partition and write it as one Parquet file; return what happened.

    Runs on a worker: everything it gets is plain data or importable functions."""
    reports: dict[str, StepReport] = {}
    out = Path(out_dir)
    index, _kind, location = partition
    stem = re.sub(r"[^\w-]+", "_", Path(location).stem)[:80]
    target = out / f"part-{index:05d}-{stem}.parquet"
    tmp = out / f".{stem}.{uuid.uuid4().hex}.tmp"
    written = 0
    try:
        with pq.ParquetWriter(tmp, ITEM) as writer:
            for batch in _read_partition(partition, batch_size):
                batch = run_steps(_prepare(batch), steps, config, reports)
                if batch:
                    writer.write_table(pa.Table.from_pylist(batch, schema=ITEM))
                    written += len(batch)
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)
    return {"partition": location, "file": str(target), "items": written, "reports": list(reports.values())}


def run(
    paths: Iterable[str | os.PathLike],
    out_dir: str | os.PathLike,
    *,
    steps: Sequence | None = None,
    config: PipelineConfig | None = None,
    source: str | None = None,
    batch_size: int = BATCH_SIZE,
    scheduler="processes",
    num_workers: int | None = None,
) -> dict:
    """Analyse the partitions in `paths` on Dask and write them to `out_dir` (one Parquet file each).

    `steps` defaults to `steps.DEFAULT_STEPS`, `config` to `config.build_config()` (from the web
    database, built once here). `source` names the source plug-in that reads non-Parquet inputs.
    Returns {"items": n, "files": [...], "reports": {name: StepReport}}."""
    import dask.bag as db  # noqa: PLC0415 - optional engine

    steps = default_steps() if steps is None else list(steps)
    if config is None:
        from .config import build_config  # noqa: PLC0415

        config = build_config()
    if source:
        from .sources import get_source  # noqa: PLC0415

        inputs = get_source(source).inputs([str(p) for p in paths])
        partitions = [(n, source, i.location) for n, i in enumerate(inputs)]
    else:
        partitions = [(n, "parquet", p) for n, p in enumerate(parquet_partitions(paths))]
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    if not partitions:
        return {"items": 0, "files": [], "reports": {}}
    bag = db.from_sequence(partitions, npartitions=len(partitions))
    done = bag.map(process_partition, str(out_dir), steps, config, batch_size)
    compute = {"scheduler": scheduler}
    if num_workers and isinstance(scheduler, str):
        compute["num_workers"] = num_workers
    results = done.compute(**compute)
    reports: dict[str, StepReport] = {}
    for result in results:
        for report in result["reports"]:
            reports.setdefault(report.name, StepReport(report.name)).merge(report)
    files = [r["file"] for r in results]
    return {"items": sum(r["items"] for r in results), "files": files, "reports": reports}
