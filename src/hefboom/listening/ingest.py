"""The ingest driver: a source's items into the corpus store, deduplicated and analysed.

    source.inputs(paths) -> for each input, source.read(input) -> items
      -> ingest columns (content_hash over the normalised text, run_id, ingested_at)
      -> exact duplicates left out (same id, or same content hash, as stored or earlier in run)
      -> near-duplicates marked (dup_of, MinHash LSH; kept)
      -> pipeline steps -> one Parquet file per batch -> records.write_back(batch, run)

Resuming: every batch is written whole or not at all, and ids already stored are skipped, so
running the same command again after an interruption (even `kill -9`) continues where it
stopped; running it on the same input once more adds nothing and says so.

`ingest()` and `analyse()` are the Python API (demo, benchmark); the commands
`hefboom ingest` and `hefboom analyse` are thin wrappers over them.
"""

import datetime as dt
import hashlib
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hefboom.listening import records
from hefboom.listening.dedup import (
    DEFAULT_THRESHOLD,
    NearDuplicates,
    content_hash,
    normalise,
    signature_table,
    signatures,
)
from hefboom.listening.parallel import StepPool, auto_workers, merge_reports
from hefboom.listening.pipeline import PipelineConfig, Step, StepReport, run_steps
from hefboom.listening.sources import Input, SourceError, get_source
from hefboom.listening.store import Store, to_table

BATCH_SIZE = 5_000

__all__ = ["BATCH_SIZE", "IngestResult", "analyse", "content_hash", "default_config", "default_steps",
           "ingest"]


def default_steps() -> list[Step]:
    """The pipeline's default steps (listening.steps); none while that module does not exist."""
    try:
        from hefboom.listening.steps import DEFAULT_STEPS
    except ImportError as exc:
        if exc.name != "hefboom.listening.steps":
            raise
        return []
    return list(DEFAULT_STEPS)


def default_config() -> PipelineConfig:
    """The pipeline's configuration from the web database (listening.config.build_config)."""
    try:
        from hefboom.listening.config import build_config
    except ImportError as exc:
        if exc.name != "hefboom.listening.config":
            raise
        return PipelineConfig()
    return build_config()


@dataclass
class IngestResult:
    run_id: int | None
    source: str
    read: int = 0
    new: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    dropped: int = 0  # left out by a pipeline step
    seconds: float = 0.0
    steps: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # the source's decisions and first problems
    skipped: dict[str, int] = field(default_factory=dict)  # items the source left out, by reason
    fallbacks: dict[str, int] = field(default_factory=dict)  # items read with a stand-in value

    def summary(self) -> str:
        line = _("Read %(read)s items, %(new)s new (%(duplicates)s duplicates, %(near)s "
                 "near-duplicates) in %(seconds).1f s.") % {
            "read": f"{self.read:,}", "new": f"{self.new:,}", "duplicates": f"{self.duplicates:,}",
            "near": f"{self.near_duplicates:,}", "seconds": self.seconds}
        if self.dropped:
            line += " " + ngettext("%(n)s item was left out by a pipeline step.",
                                   "%(n)s items were left out by the pipeline steps.",
                                   self.dropped) % {"n": f"{self.dropped:,}"}
        if self.read and not self.new:
            line += " " + _("Nothing new: everything read is already in the corpus.")
        elif not self.read:
            line += " " + _("The input held no items.")
        return line


class Progress:
    """A one-line progress bar on a terminal: items, rate and (when it can tell) time left."""

    def __init__(self, stream=None, *, total: float | None = None, every: float = 0.25):
        self.stream = stream or sys.stderr
        self.total = total
        self.every = every
        self.start = time.monotonic()
        self.last = 0.0
        self.shown = False
        self.by_size = False  # whether `done` counts bytes of the inputs (else inputs)

    def update(self, items: int, done: float | None = None, *, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.last < self.every:
            return
        self.last = now
        elapsed = max(now - self.start, 1e-9)
        rate = items / elapsed
        parts = [_("%(n)s items") % {"n": f"{items:,}"}, _("%(rate)s/s") % {"rate": f"{rate:,.0f}"}]
        if self.total and done is not None and 0 < done <= self.total:
            fraction = done / self.total
            parts.insert(0, f"{fraction:4.0%}")
            if fraction < 1:
                parts.append(_("%(time)s left") % {"time": _duration(elapsed * (1 - fraction) / fraction)})
        self.stream.write("\r" + "  ".join(parts) + "\033[K")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"
    if seconds >= 60:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds} s"


def check_sizes(inputs: Iterable[Input]) -> None:
    """Refuse any input file over HEFBOOM_INGEST_MAX_FILE_MB, before anything is read."""
    ceiling = settings.INGEST_MAX_FILE_BYTES
    for item in inputs:
        size = item.size
        if size is None and "://" not in item.location and item.path.is_file():
            size = item.path.stat().st_size
        if size is not None and size > ceiling:
            raise SourceError(_(
                "%(file)s is %(size)s MB, more than the %(max)s MB one input file may have. Split "
                "it into smaller files, or raise HEFBOOM_INGEST_MAX_FILE_MB if the machine has the "
                "memory for it.") % {"file": item.location, "size": f"{size / 2**20:,.0f}",
                                     "max": f"{ceiling // 2**20:,}"})


def ingest(source_name: str, paths: Iterable[str | Path], *, config: PipelineConfig | None = None,
           steps: list[Step] | None = None, progress: Progress | bool | None = None,
           near_dup_threshold: float = DEFAULT_THRESHOLD, batch_size: int = BATCH_SIZE,
           store: Store | None = None, source_options: dict | None = None,
           workers: int | None = None) -> IngestResult:
    """Read `paths` with the source `source_name` into the corpus; see the module docstring.
    `source_options` go to the source's constructor (its `options` lists them).
    Raises SourceError (bad input, named) before anything is written when it can tell early.
    `workers` > 0 runs the pipeline steps in that many worker processes (listening.parallel);
    reading, dedup, writing and write-back stay in this process, batches in order. None: every
    core for inputs of 10 MB and more, else 0 (`parallel.auto_workers`)."""
    from hefboom.listening.models import IngestRun

    source = get_source(source_name, **(source_options or {}))
    inputs = list(source.inputs([str(p) for p in paths]))
    check_sizes(inputs)
    if workers is None:
        sizes = [i.size if i.size is not None else _size(i) for i in inputs]
        workers = auto_workers(None if None in sizes else sum(sizes))
    near = NearDuplicates(near_dup_threshold)
    store = store or Store()
    steps = default_steps() if steps is None else list(steps)
    with store.lock():
        store.clean_temp()
        _close_interrupted(IngestRun)
        run = IngestRun.objects.create(source=source_name, inputs=[i.location for i in inputs])
        result = IngestResult(run.pk, source_name)
        try:
            config = default_config() if config is None else config
            _Ingest(source, inputs, store, run, result, near, steps, config, batch_size,
                    _progress(progress, inputs), workers).run()
        except BaseException as exc:
            run.status = (IngestRun.Status.INTERRUPTED if isinstance(exc, KeyboardInterrupt)
                          else IngestRun.Status.FAILED)
            run.error = str(exc) or type(exc).__name__
            _save_counts(run, result)
            raise
        run.status = IngestRun.Status.DONE
        _save_counts(run, result)
    result.notes = list(getattr(source, "notes", []))
    result.skipped = dict(getattr(source, "skipped", {}))
    result.fallbacks = dict(getattr(source, "fallbacks", {}))
    return result


def _progress(progress, inputs) -> Progress | None:
    if progress is None:
        progress = sys.stderr.isatty()
    if progress is True:
        sizes = [i.size if i.size is not None else _size(i) for i in inputs]
        by_size = all(s for s in sizes)
        bar = Progress(total=float(sum(sizes)) if by_size else float(len(inputs)))
        bar.by_size = by_size
        return bar
    return progress or None


def _size(item: Input) -> int | None:
    try:
        return item.path.stat().st_size if "://" not in item.location else None
    except OSError:
        return None


def _close_interrupted(model) -> None:
    """Runs still 'running' under the store's lock were killed: say so."""
    model.objects.filter(status=model.Status.RUNNING).update(
        status=model.Status.INTERRUPTED, finished=timezone.now(),
        error=_("The process ended without finishing (killed or crashed); what it had stored is "
                "kept, and running the same command again continues."))


def _save_counts(run, result: IngestResult) -> None:
    run.read, run.new, run.duplicates = result.read, result.new, result.duplicates
    run.near_duplicates, run.steps = result.near_duplicates, result.steps
    if run.status != run.Status.RUNNING:
        run.finished = timezone.now()
    run.save()


class _Ingest:
    def __init__(self, source, inputs, store, run, result, near, steps, config, batch_size, progress,
                 workers=0):
        self.source, self.inputs, self.store, self.run_row = source, inputs, store, run
        self.result, self.near, self.steps, self.config = result, near, steps, config
        self.batch_size, self.progress, self.workers = batch_size, progress, workers
        self.reports: dict[str, StepReport] = {}
        self.by_content = getattr(source, "dedupe_by_content", True)
        self.weeks: set = set()  # dossier weeks touched since they were last counted
        self.weeks_counted = time.monotonic()

    def run(self) -> None:
        started = time.monotonic()
        try:
            with StepPool(self.steps, self.config, self.workers) as pool:
                for kept, reports, (ids, sigs, dup_of) in pool.map_with(self.batches()):
                    merge_reports(self.reports, reports)
                    self.store_batch(kept, ids, sigs, dup_of)
        finally:
            # What is stored is counted, also when the run stops on an error.
            self.count_weeks()
        if self.progress:
            self.progress.update(self.result.read, self.progress.total, force=True)
            self.progress.close()
        self.result.seconds = time.monotonic() - started

    def batches(self):
        """(batch, (ids, signatures, dup_of)) for the steps: new items only, in batches, in order."""
        ids, hashes = self.store.known_keys()
        for stored_ids, sigs in self.store.signatures():
            self.near.add_stored(stored_ids, sigs)
        result, by_content = self.result, self.by_content
        batch: list[dict] = []
        texts: list[str] = []
        done = 0.0
        for item_input in self.inputs:
            for item in self.source.read(item_input):
                result.read += 1
                if item["id"] in ids:
                    result.duplicates += 1
                    continue
                text = normalise(item["text"] or "")
                digest = _sha1(text)
                if by_content and digest in hashes:
                    result.duplicates += 1
                    continue
                ids.add(item["id"])
                hashes.add(digest)
                item["content_hash"] = digest
                batch.append(item)
                texts.append(text)
                if len(batch) >= self.batch_size:
                    yield self.prepare(batch, texts)
                    batch, texts = [], []
                if self.progress and result.read % 256 == 0:
                    self.progress.update(result.read, done)
            by_size = self.progress and self.progress.by_size
            done += (item_input.size or _size(item_input) or 0) if by_size else 1
        if batch:
            yield self.prepare(batch, texts)

    def prepare(self, batch: list[dict], texts: list[str]):
        ids = [item["id"] for item in batch]
        sigs = signatures(texts)
        dup_of = self.near.check(ids, sigs)
        now = dt.datetime.now(dt.UTC)
        run_id = self.run_row.pk
        for item, original in zip(batch, dup_of, strict=True):
            item["dup_of"] = original
            item["run_id"] = run_id
            item["ingested_at"] = now
        return batch, (ids, sigs, dup_of)

    def store_batch(self, kept: list[dict], ids, sigs, dup_of) -> None:
        if len(kept) != len(ids):
            self.result.dropped += len(ids) - len(kept)
            kept_ids = {item["id"] for item in kept}
            index = [i for i, item_id in enumerate(ids) if item_id in kept_ids]
            ids, sigs, dup_of = [ids[i] for i in index], sigs[index], [dup_of[i] for i in index]
        self.store.write_batch(to_table(kept), signature_table(ids, sigs, dup_of))
        records.write_back(kept, self.run_row, weeks=self.weeks)
        if time.monotonic() - self.weeks_counted > WEEKS_EVERY_SECONDS:
            self.count_weeks()
        self.result.new += len(kept)
        self.result.near_duplicates += sum(1 for d in dup_of if d is not None)
        self.result.steps = [r.as_dict() for r in self.reports.values()]
        _save_counts(self.run_row, self.result)


    def count_weeks(self) -> None:
        records.refresh_weeks(self.weeks)
        self.weeks = set()
        self.weeks_counted = time.monotonic()


# The dossier weeks a long ingest touched are counted over the store this often (and at the
# end): once per batch would scan the whole store per batch.
WEEKS_EVERY_SECONDS = 120


def _sha1(normalised: str) -> str:
    return hashlib.sha1(normalised.encode(), usedforsecurity=False).hexdigest()


# --- analyse: the steps again over the whole store ---------------------------------------


@dataclass
class AnalyseResult:
    run_id: int | None
    files: int = 0
    rows: int = 0
    seconds: float = 0.0
    steps: list[dict] = field(default_factory=list)

    def summary(self) -> str:
        names = ", ".join(s["name"] for s in self.steps) or _("none")
        return _("Analysed %(rows)s items in %(files)s files with the steps %(steps)s in "
                 "%(seconds).1f s.") % {"rows": f"{self.rows:,}", "files": self.files,
                                        "steps": names, "seconds": self.seconds}


def select_steps(names: Iterable[str] | None, steps: list[Step] | None = None) -> list[Step]:
    """The steps named (in the pipeline's order), or all; an unknown name is an error."""
    available = default_steps() if steps is None else list(steps)
    if not names:
        return available
    by_name = {getattr(s, "step_name", s.__name__): s for s in available}
    wanted = list(names)
    unknown = [n for n in wanted if n not in by_name]
    if unknown:
        raise SourceError(_("Unknown step %(names)s. Steps: %(known)s.") % {
            "names": ", ".join(unknown), "known": ", ".join(by_name) or _("none")})
    return [s for name, s in by_name.items() if name in wanted]


def analyse(*, steps: list[Step] | None = None, step_names: Iterable[str] | None = None,
            config: PipelineConfig | None = None, progress: Callable[[int, int], None] | None = None,
            store: Store | None = None) -> AnalyseResult:
    """Run the steps again over every stored item (after dossier terms changed, a trained
    model arrived ...): each file is replaced atomically; records are written back per file."""
    from hefboom.listening.models import IngestRun

    chosen = select_steps(step_names, steps)
    store = store or Store()
    with store.lock():
        store.clean_temp()
        _close_interrupted(IngestRun)
        names = [getattr(s, "step_name", s.__name__) for s in chosen]
        run = IngestRun.objects.create(source="analyse", inputs=names)
        result = AnalyseResult(run.pk)
        config = default_config() if config is None else config
        reports: dict[str, StepReport] = {}
        started = time.monotonic()

        def transform(table):
            return to_table(run_steps(table.to_pylist(), chosen, config, reports))

        weeks: set = set()

        def written(table):
            records.write_back(table.to_pylist(), run, weeks=weeks)

        try:
            try:
                result.rows = store.rewrite(transform, progress=progress, written=written)
            finally:
                records.refresh_weeks(weeks)
        except BaseException as exc:
            run.status = IngestRun.Status.FAILED
            run.error = str(exc) or type(exc).__name__
            run.finished = timezone.now()
            run.save()
            raise
        result.files = len(store.files())
        result.seconds = time.monotonic() - started
        result.steps = [r.as_dict() for r in reports.values()]
        run.status, run.read, run.new = IngestRun.Status.DONE, result.rows, 0
        run.steps, run.finished = result.steps, timezone.now()
        run.save()
    return result
