"""The pipeline steps over batches in worker processes, results in order: ingest on all cores.

    with StepPool(steps, config, workers=2) as pool:
        for batch, reports in pool.map(batches):      # same order as `batches`
            store.write_batch(to_table(batch)); ...   # the one-process part: write, write-back
        # or with something of the caller's riding along with each batch (not sent to workers):
        for batch, reports, extra in pool.map_with((batch, extra) for ...): ...

The steps are plain functions over plain data, so a batch can go to another process: each
worker gets the steps and the `PipelineConfig` once (pickled at start), then batches of item
dicts; it returns the batch as the steps left it and the StepReports of that batch, which the
caller merges (`merge_reports`). At most `workers + 1` batches are in flight, so memory stays
bounded whatever the input's size. Reading, dedup and writing stay in the calling process:
they need state shared by all batches (ids and hashes seen, the store's lock, the database).

`workers=0` runs the steps in the calling process: no pool, the same results. The steps do not
use the database (the contract: plain functions over plain data), but where the caller runs
under Django, each worker sets Django up once so that steps from modules importing models load.
Workers are started with "forkserver" where available (no copy of the caller's threads or
database connections), else "spawn".
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from .pipeline import PipelineConfig, StepReport, run_steps

_STEPS: Sequence = ()
_CONFIG: PipelineConfig | None = None


def _init(payload: bytes, setup_django: bool) -> None:
    global _STEPS, _CONFIG  # noqa: PLW0603 - the worker's own copy, set once
    if setup_django:  # a step defined in a module that imports models (a test's) can be unpickled
        import django  # noqa: PLC0415

        django.setup()
    _STEPS, _CONFIG = pickle.loads(payload)  # noqa: S301 - our own steps and config, from the parent


def _django_ready() -> bool:
    try:
        from django.apps import apps  # noqa: PLC0415
    except ImportError:
        return False
    return apps.ready and bool(os.environ.get("DJANGO_SETTINGS_MODULE"))


def _run(batch: list[dict]) -> tuple[list[dict], dict[str, StepReport]]:
    reports: dict[str, StepReport] = {}
    return run_steps(batch, _STEPS, _CONFIG, reports), reports


def default_workers() -> int:
    """One worker per core the process may use, at most 8."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 8))


AUTO_MIN_BYTES = 10 * 2**20  # below this, starting workers (each loads the word lists) costs more


def auto_workers(input_bytes: int | None) -> int:
    """Workers for an ingest of `input_bytes` (None: unknown): every core for inputs of 10 MB
    and more (about 20,000 short posts), else none (the steps run in the calling process)."""
    cores = default_workers()
    if cores < 2 or input_bytes is None or input_bytes < AUTO_MIN_BYTES:
        return 0
    return cores


def merge_reports(into: dict[str, StepReport], reports: dict[str, StepReport]) -> None:
    for name, report in reports.items():
        into.setdefault(name, StepReport(name)).merge(report)


class StepPool:
    def __init__(self, steps: Sequence, config: PipelineConfig, workers: int | None = None):
        self.steps, self.config = list(steps), config
        self.workers = default_workers() if workers is None else workers
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> StepPool:
        if self.workers > 0:
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
            # pickled here, unpickled in the worker after Django is set up (where the caller has it)
            payload = pickle.dumps((self.steps, self.config))
            self._executor = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_init,
                                                 initargs=(payload, _django_ready()))
        return self

    def __exit__(self, *exc) -> None:
        if self._executor is not None:
            # on an error, do not wait for batches nobody will write
            self._executor.shutdown(wait=exc[0] is None, cancel_futures=exc[0] is not None)
            self._executor = None

    def map(self, batches: Iterable[list[dict]]) -> Iterator[tuple[list[dict], dict[str, StepReport]]]:
        """(batch after the steps, its reports) for each batch, in order."""
        for batch, reports, _extra in self.map_with((batch, None) for batch in batches):
            yield batch, reports

    def map_with(self, pairs: Iterable[tuple[list[dict], object]]
                 ) -> Iterator[tuple[list[dict], dict, object]]:
        """(batch after the steps, its reports, extra) for each (batch, extra), in order; `extra`
        stays in this process. The input is consumed lazily, a few batches ahead."""
        if self._executor is None:
            for batch, extra in pairs:
                reports: dict[str, StepReport] = {}
                yield run_steps(batch, self.steps, self.config, reports), reports, extra
            return
        pending: deque[tuple[Future, object]] = deque()
        for batch, extra in pairs:
            pending.append((self._executor.submit(_run, batch), extra))
            while len(pending) > self.workers:
                future, extra_done = pending.popleft()
                yield (*future.result(), extra_done)
        while pending:
            future, extra_done = pending.popleft()
            yield (*future.result(), extra_done)
