#!/usr/bin/env python
"""Listening benchmark (issue 7, "Performance"): ingest rate, trend query time, peak memory.

    .venv/bin/python benchmarks/listening.py                 # 1,000,000 items (about 10-20 min)
    .venv/bin/python benchmarks/listening.py --quick         # 20,000 items, a smoke run
    .venv/bin/python benchmarks/listening.py --items 200000 --workers 2 --keep

Targets on the 2-core machine: at least 2,000 items/s end to end (1M items in under 10 min),
the trend query (volume and mean sentiment per week for one dossier over 1M items) in at most
1 s, peak memory under 4 GB.

It works in a throwaway data directory (a new temporary one unless --data-dir; removed at the
end unless --keep) with its own SQLite database, migrated and loaded with the demo case (its
dossiers, the organisation's names), so it never touches a user's data: HEFBOOM_DATA_DIR is
set and DATABASE_URL removed before Django starts.

1. generates --items items with benchmarks/corpus_generator.py (JSONL; not timed as ingest);
2. ingests them as `hefboom ingest jsonl FILE` does: `listening.ingest.ingest` with every step
   of `listening.steps.DEFAULT_STEPS`, dedup, Parquet write and write-back. When the ingest
   driver is not there (a branch without it) it runs a stand-in of the same shape (read, hash,
   exact dedup, the default steps when present, Parquet per batch) and says so;
3. times the trend query: `listening.queries.trend` when present, else the equivalent DuckDB
   SQL over the store's Parquet files. Cold: each of 5 runs in a fresh process (imports and
   connection not counted, the query and its first read are); warm: 5 repeats in one process
   after one; medians in ms. Then again after `Store.compact()` (one file per 50,000 items
   instead of one per batch of 5,000) where the store has it;
4. peak memory: the largest sum of resident memory of this process and its children, sampled
   every 0.2 s from /proc, and getrusage's maxrss;
5. per step: the time of each default step on a sample (in one process, one core), and the
   counts of the ingest's StepReports when the driver returns them.

`run()` is what tests/test_listening_benchmark.py calls with a few hundred items.
"""

import argparse
import datetime as dt
import inspect
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "src"))

import corpus_generator  # noqa: E402

TARGET_RATE = 2000  # items/s
TARGET_QUERY_MS = 1000
TARGET_MEMORY_MB = 4096
BATCH_SIZE = 5000
# The generator's dossier terms, grouped by the demo dossier they belong to (by code).
TERM_GROUPS = {
    "klimaatfinanciering": ["klimaatfinanciering", "financement climat", "le financement climatique",
                            "climate finance"],
    "loss-and-damage": ["loss and damage", "pertes et préjudices"],
    "hervestiging": ["hervestiging", "la réinstallation", "resettlement", "opvang", "l'accueil",
                     "reception", "asiel", "asile", "asylum"],
    "pushbacks": ["pushbacks", "les refoulements"],
    "arbeidsmigratie": ["arbeidsmigratie", "migration de travail", "labour migration"],
}
TREND_DOSSIER = "klimaatfinanciering"


# Memory: this process and its children, sampled from /proc.

_PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
_TICK = os.sysconf("SC_CLK_TCK")


def _tree(root: int) -> dict[int, tuple[int, float]]:
    """{pid: (resident KB, CPU seconds used)} of `root` and all its descendants, from /proc
    (the workers of a forkserver pool are its grandchildren, not children)."""
    children: dict[int, list[int]] = {}
    stats: dict[int, tuple[int, float]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
            fields = stat[stat.rindex(")") + 2:].split()
            pid, ppid = int(entry), int(fields[1])
            stats[pid] = (int(fields[21]) * _PAGE_KB, (int(fields[11]) + int(fields[12])) / _TICK)
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(pid)
    out, todo = {}, [root]
    while todo:
        pid = todo.pop()
        if pid in stats:
            out[pid] = stats[pid]
        todo.extend(children.get(pid, ()))
    return out


class ProcessSampler(threading.Thread):
    """Every `interval` s: the resident memory of this process and its descendants (peak of the
    sum) and the CPU time each has used (the last value seen per process)."""

    def __init__(self, interval: float = 0.2):
        super().__init__(daemon=True)
        self.interval, self.peak_kb, self._stop_event = interval, 0, threading.Event()
        self.cpu: dict[int, float] = {}
        self._lock = threading.Lock()

    def sample(self) -> None:
        tree = _tree(os.getpid())
        with self._lock:
            self.peak_kb = max(self.peak_kb, sum(kb for kb, _cpu in tree.values()))
            for pid, (_kb, cpu) in tree.items():
                self.cpu[pid] = max(self.cpu.get(pid, 0.0), cpu)

    def run(self):
        while not self._stop_event.is_set():
            self.sample()
            self._stop_event.wait(self.interval)

    def cpu_seconds(self) -> tuple[float, float]:
        """(this process, this process and every descendant seen) CPU seconds so far."""
        self.sample()
        with self._lock:
            return self.cpu.get(os.getpid(), 0.0), sum(self.cpu.values())

    def stop(self) -> int:
        self._stop_event.set()
        self.join()
        self.sample()
        return self.peak_kb


# Setting up: a throwaway data directory and database.

def setup_django(data_dir: Path) -> None:
    os.environ["HEFBOOM_DATA_DIR"] = str(data_dir)
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "hefboom.settings"
    import django

    django.setup()


def prepare_database() -> str:
    """Migrate the throwaway database and load the demo case (dossiers, the organisation)."""
    from django.core.management import call_command

    from hefboom.demo.loader import load_demo_case

    call_command("migrate", verbosity=0, interactive=False)
    load_demo_case()
    return "migrated, demo case loaded"


def dossier_ids() -> dict[str, int]:
    """Demo dossier code -> id; dossiers missing from the database get made-up ids (999xx)."""
    try:
        from hefboom.strategy.models import Dossier

        found = dict(Dossier.objects.filter(code__in=TERM_GROUPS).values_list("code", "pk"))
    except Exception:  # noqa: BLE001 - no database: the stand-in ids below
        found = {}
    return {code: found.get(code, 99900 + i) for i, code in enumerate(TERM_GROUPS)}


def bench_config(ids: dict[str, int]):
    """The config the web database gives, plus the generator's dossier terms and the
    organisation's names where the database has none (so that the steps find something)."""
    from hefboom.listening.pipeline import PipelineConfig

    try:
        from hefboom.listening.config import build_config
    except ImportError:
        config = PipelineConfig()
    else:
        config = build_config()
    for code, terms in TERM_GROUPS.items():
        have = config.dossier_terms.setdefault(ids[code], [])
        have.extend(t for t in terms if t not in have)
    if not config.own_names:
        config.own_names = ["11.11.11", "11_11_11", "elf elf elf", "CNCD-11.11.11"]
    return config


def default_steps() -> tuple[list, str]:
    try:
        from hefboom.listening.steps import DEFAULT_STEPS
    except ImportError:
        return [], "no listening.steps on this branch: no analysis steps ran"
    return list(DEFAULT_STEPS), ""


def _name(step) -> str:
    return getattr(step, "step_name", getattr(step, "__name__", repr(step)))


# Ingest: the real driver, or a stand-in of the same shape.

def _jsonl_source() -> str | None:
    try:
        from hefboom.listening.sources import SOURCES
    except ImportError:
        return None
    return next((name for name in ("jsonl", "json") if name in SOURCES), None)


def _accepts(func, name: str) -> bool:
    params = inspect.signature(func).parameters
    return name in params or any(p.kind is p.VAR_KEYWORD for p in params.values())


def ingest_real(path: Path, config, workers: int | None) -> tuple[dict, str]:
    from hefboom.listening.ingest import ingest

    source = _jsonl_source()
    if source is None:
        raise ImportError("no json/jsonl source registered")
    kwargs = {}
    notes = [f"listening.ingest.ingest({source!r}, ...)"]
    if _accepts(ingest, "config"):
        kwargs["config"] = config
    else:
        notes.append("ingest builds its own config from the database")
    if workers and _accepts(ingest, "workers"):
        kwargs["workers"] = workers
        notes.append(f"workers={workers}")
    elif workers:
        notes.append("ingest has no workers option: one process")
    elif _accepts(ingest, "workers"):
        notes.append("workers: ingest's default")
    if _accepts(ingest, "progress"):
        kwargs["progress"] = False
    result = ingest(source, [str(path)], **kwargs)
    summary = {"result": result.summary() if hasattr(result, "summary") else _short(result),
               "reports": _reports_dict(getattr(result, "steps", None) or getattr(result, "reports", None))}
    return summary, "; ".join(notes)


def _short(result) -> str:
    text = repr(result)
    return text if len(text) < 400 else text[:400] + "..."


def _reports_dict(reports) -> dict:
    """StepReports (a dict or list of them, or of their as_dict()) by name."""
    if not reports:
        return {}
    values = reports.values() if isinstance(reports, dict) else reports
    out = {}
    for r in values:
        r = r.as_dict() if hasattr(r, "as_dict") else r
        if isinstance(r, dict) and "name" in r:
            out[r["name"]] = r
    return out


def items_dir(data_dir: Path) -> Path:
    try:
        from hefboom.listening import store
    except ImportError:
        return data_dir / "corpus" / "items"
    for attr in ("items_dir", "ITEMS_DIR"):
        value = getattr(store, attr, None)
        if callable(value):
            try:
                return Path(value())
            except TypeError:
                continue
        if value:
            return Path(value)
    return data_dir / "corpus" / "items"


def ingest_standin(path: Path, data_dir: Path, config, steps, workers: int | None) -> tuple[dict, str]:
    """Read, hash, leave out exact duplicates, run the steps (in `workers` processes when
    given, via listening.parallel), write Parquet per batch of 5,000."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from hefboom.listening.distributed import content_hash
    from hefboom.listening.parallel import StepPool, merge_reports
    from hefboom.listening.schema import ITEM
    from hefboom.listening.sources import item_id

    out = items_dir(data_dir)
    out.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    reports: dict = {}
    now = dt.datetime.now(dt.UTC)
    counts = {"read": 0, "new": 0, "duplicates": 0}

    def batches():
        batch = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                raw = json.loads(line)
                counts["read"] += 1
                text = raw["text"]
                digest = content_hash(text)
                if digest in seen:
                    counts["duplicates"] += 1
                    continue
                seen.add(digest)
                batch.append({
                    "id": item_id("json", raw["id"]), "source": "json", "kind": "post",
                    "channel": raw["channel"], "external_id": raw["id"], "url": raw["url"], "text": text,
                    "published": dt.datetime.fromisoformat(raw["published"]), "author": raw["author"],
                    "lang_declared": raw["lang"] or None, "meta": "{}", "content_hash": digest,
                    "run_id": 1, "ingested_at": now})
                if len(batch) >= BATCH_SIZE:
                    yield batch
                    batch = []
        if batch:
            yield batch

    with StepPool(steps, config, workers=workers or 0) as pool:
        for index, (batch, batch_reports) in enumerate(pool.map(batches())):
            merge_reports(reports, batch_reports)
            tmp = out / f".batch-{index:06d}.tmp"
            pq.write_table(pa.Table.from_pylist(batch, schema=ITEM), tmp)
            tmp.replace(out / f"batch-{index:06d}.parquet")
            counts["new"] += len(batch)
    return ({"result": "read {read}, new {new}, exact duplicates {duplicates}".format(**counts),
             "reports": _reports_dict(reports)},
            "stand-in ingest (no listening.ingest driver on this branch): read, hash, exact dedup, "
            f"steps{f' in {workers} worker processes' if workers else ''}, Parquet; "
            "no MinHash, no write-back")


# The trend query.

TREND_SQL = """
SELECT date_trunc('week', published) AS week, count(*) AS volume, avg(sentiment) AS sentiment
FROM read_parquet(?, union_by_name = true)
WHERE list_contains(dossiers, ?) AND dup_of IS NULL
GROUP BY week ORDER BY week
"""


def trend_callable(data_dir: Path, dossier_id: int):
    """(how, fn): fn() runs the trend query once and returns its rows."""
    try:
        from hefboom.listening import queries
    except ImportError:
        queries = None
    trend = getattr(queries, "trend", None)
    if trend is not None and hasattr(queries, "Scope"):  # trend(Scope(...), measure)
        scope = queries.Scope(dossier=dossier_id, grain="week")
        return (f"listening.queries.trend(Scope(dossier={dossier_id}, grain='week'), 'sentiment')",
                lambda: trend(scope, "sentiment").points)
    if trend is not None:
        params = inspect.signature(trend).parameters
        kwargs = {}
        for name in ("dossier", "dossier_id"):
            if name in params:
                kwargs[name] = dossier_id
        for name in ("period", "grain", "interval", "bucket", "by"):
            if name in params:
                kwargs[name] = "week"
        if kwargs:
            return "listening.queries.trend(" + ", ".join(f"{k}={v!r}" for k, v in kwargs.items()) + ")", \
                lambda: trend(**kwargs)
    import duckdb

    pattern = str(items_dir(data_dir) / "**" / "*.parquet")
    con = duckdb.connect()
    return "DuckDB SQL over the store's Parquet files (no listening.queries.trend)", \
        lambda: con.execute(TREND_SQL, [pattern, dossier_id]).fetchall()


def _rows(result) -> int:
    try:
        return len(result)
    except TypeError:
        return -1


def time_trend_once(data_dir: Path, dossier_id: int, repeat: int = 1) -> tuple[str, list[float], int]:
    how, fn = trend_callable(data_dir, dossier_id)
    times, rows = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        rows = _rows(fn())
        times.append((time.perf_counter() - started) * 1000)
    return how, times, rows


def time_trend(data_dir: Path, dossier_id: int, runs: int = 5, cold_subprocess: bool = True) -> dict:
    cold = []
    if cold_subprocess:
        for _ in range(runs):
            done = subprocess.run(  # noqa: S603 - this script, fixed arguments
                [sys.executable, str(Path(__file__).resolve()), "--_trend", str(data_dir), str(dossier_id)],
                capture_output=True, text=True, timeout=600, env=dict(os.environ))
            if done.returncode:
                raise RuntimeError(f"trend query in a fresh process failed:\n{done.stderr[-2000:]}")
            cold.append(json.loads(done.stdout.strip().splitlines()[-1])["ms"][0])
    how, times, rows = time_trend_once(data_dir, dossier_id, repeat=runs + 1)
    if not cold_subprocess:
        cold = times[:1]  # the first run in this process
    return {"how": how, "rows": rows, "cold_ms": statistics.median(cold), "cold_runs": cold,
            "warm_ms": statistics.median(times[1:]), "warm_runs": times[1:]}


def _compactor():
    """The store's compaction (merging its per-batch files), when the store has one."""
    try:
        from hefboom.listening.store import Store
    except ImportError:
        return None
    store = Store()
    return store.compact if hasattr(store, "compact") else None


# Per-step timings on a sample.

def step_times(path: Path, config, steps, sample: int) -> list[tuple[str, float, float, int]]:
    """(step, wall s, CPU s, items left) for each step over the first `sample` items."""
    from hefboom.listening.pipeline import StepReport

    items = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            raw = json.loads(line)
            items.append({"id": raw["id"], "source": "jsonl", "kind": "post", "text": raw["text"],
                          "published": dt.datetime.fromisoformat(raw["published"]),
                          "lang_declared": raw["lang"] or None})
            if len(items) >= sample:
                break
    batches = [items[i:i + BATCH_SIZE] for i in range(0, len(items), BATCH_SIZE)]
    out = []
    for step in steps:
        report = StepReport(_name(step))
        started, cpu = time.perf_counter(), time.process_time()
        batches = [step(batch, config, report) for batch in batches]
        out.append((_name(step), time.perf_counter() - started, time.process_time() - cpu,
                    sum(map(len, batches))))
    return out


# The whole run.

def run(items: int, data_dir: Path, *, seed: int = 7, workers: int | None = None, sample: int = 20000,
        cold_subprocess: bool = True, out=print) -> dict:
    """Generate, ingest, query, measure. Django must be set up on `data_dir`'s database."""
    sampler = ProcessSampler()
    sampler.start()
    results: dict = {"items": items}
    path = data_dir / "bench-items.jsonl"
    started = time.perf_counter()
    corpus_generator.write(items, path, seed)
    results["generate_s"] = time.perf_counter() - started
    out(f"generated {items:,} items in {results['generate_s']:.1f} s "
        f"({path.stat().st_size / 1e6:.0f} MB JSONL)")

    ids = dossier_ids()
    config = bench_config(ids)
    steps, steps_note = default_steps()
    results["steps"] = [_name(s) for s in steps]
    main_before, cpu_before = sampler.cpu_seconds()
    started = time.perf_counter()
    try:
        summary, how = ingest_real(path, config, workers)
    except ImportError as exc:
        out(f"  ({exc}; using the stand-in)")
        summary, how = ingest_standin(path, data_dir, config, steps, workers)
    took = time.perf_counter() - started
    main_after, cpu_after = sampler.cpu_seconds()
    main_cpu, cpu = main_after - main_before, cpu_after - cpu_before
    cores = len(os.sched_getaffinity(0))
    # What the rate would be with the cores to ourselves: the work in this process is serial,
    # the rest spreads over the cores.
    results["rate_idle_estimate"] = items / max(main_cpu, cpu / cores, 1e-9)
    results.update(ingest_s=took, rate=items / took, ingest_how=how, ingest=summary, ingest_cpu_s=cpu,
                   ingest_main_cpu_s=main_cpu)
    out("\n(a) end-to-end ingest")
    out(f"  how: {how}")
    if steps_note:
        out(f"  NOTE: {steps_note}")
    out(f"  steps: {', '.join(results['steps']) or '-'}")
    out(f"  {items:,} items in {took:.1f} s = {results['rate']:,.0f} items/s "
        f"-> 1M items in {1_000_000 / results['rate'] / 60:.1f} min "
        f"[target >= {TARGET_RATE:,}/s: {'OK' if results['rate'] >= TARGET_RATE else 'MISSED'}]")
    out(f"  CPU {cpu:.1f} s in all ({main_cpu:.1f} s in this process, the rest in workers) = "
        f"{items / cpu:,.0f} items per CPU-second; load average {os.getloadavg()[0]:.1f} on {cores} cores")
    out(f"  with the {cores} cores to itself (CPU-bound estimate: max(this process, all / cores)): "
        f"{results['rate_idle_estimate']:,.0f} items/s "
        f"-> 1M items in {1_000_000 / results['rate_idle_estimate'] / 60:.1f} min")
    out(f"  driver said: {summary['result']}")

    import duckdb

    pattern = str(items_dir(data_dir) / "**" / "*.parquet")
    with duckdb.connect() as con:
        stored, with_dossier = con.execute(
            "SELECT count(*), count(*) FILTER (WHERE list_contains(dossiers, ?)) "
            "FROM read_parquet(?, union_by_name = true)", [ids[TREND_DOSSIER], pattern]).fetchone()
    results.update(stored=stored, trend_dossier_items=with_dossier)
    out(f"  store: {stored:,} items in Parquet, {with_dossier:,} on dossier {TREND_DOSSIER!r}")

    trend = time_trend(data_dir, ids[TREND_DOSSIER], cold_subprocess=cold_subprocess)
    results["trend"] = trend
    out("\n(b) trend query: volume and mean sentiment per week, one dossier")
    out(f"  how: {trend['how']}; {trend['rows']} weeks")
    worst = max(trend["cold_ms"], trend["warm_ms"])
    out(f"  cold {trend['cold_ms']:.0f} ms (median of {len(trend['cold_runs'])}, fresh process each), "
        f"warm {trend['warm_ms']:.0f} ms (median of {len(trend['warm_runs'])}) "
        f"[target <= {TARGET_QUERY_MS} ms: {'OK' if worst <= TARGET_QUERY_MS else 'MISSED'}]")

    compact = _compactor()
    if compact is not None:
        started = time.perf_counter()
        merged = compact()
        results["compact_s"] = time.perf_counter() - started
        files = len(list(items_dir(data_dir).glob("*.parquet")))
        trend = time_trend(data_dir, ids[TREND_DOSSIER], cold_subprocess=cold_subprocess)
        results["trend_compacted"] = trend
        worst = max(trend["cold_ms"], trend["warm_ms"])
        out(f"  after Store.compact() ({merged} files merged in {results['compact_s']:.1f} s, "
            f"{files} files now):")
        out(f"  cold {trend['cold_ms']:.0f} ms, warm {trend['warm_ms']:.0f} ms "
            f"[target <= {TARGET_QUERY_MS} ms: {'OK' if worst <= TARGET_QUERY_MS else 'MISSED'}]")

    peak_kb = sampler.stop()
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    results.update(peak_mb=peak_kb / 1024, maxrss_self_mb=self_kb / 1024, maxrss_children_mb=child_kb / 1024)
    out("\n(c) peak memory")
    out(f"  {results['peak_mb']:,.0f} MB (this process and its children, sampled every 0.2 s); "
        f"maxrss: this process {results['maxrss_self_mb']:,.0f} MB, "
        f"largest child {results['maxrss_children_mb']:,.0f} MB "
        f"[target < {TARGET_MEMORY_MB:,} MB: {'OK' if results['peak_mb'] < TARGET_MEMORY_MB else 'MISSED'}]")

    n = min(sample, items)
    out(f"\n(d) per step, on {n:,} items in one process (wall and CPU seconds)")
    timings = step_times(path, config, steps, n) if steps else []
    results["step_times"] = timings
    total = sum(t[2] for t in timings) or 1
    for name, seconds, cpu_s, _kept in timings:
        rate = n / cpu_s if cpu_s else 0
        share = 100 * cpu_s / total
        out(f"  {name:<14} {seconds:7.2f} s  cpu {cpu_s:6.2f} s  {rate:>9,.0f} items/cpu-s  {share:5.1f} %")
    if summary["reports"]:
        out("  ingest's step counts:")
        for name, r in summary["reports"].items():
            out(f"  {name:<22} seen {r['seen']:,}, changed {r['changed']:,}, dropped {r['dropped'] or 0}")
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=1_000_000,
                        help="items to generate and ingest (default 1M)")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 20,000 items")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=None,
                        help="worker processes for the steps (ingest's workers option, when it has one)")
    parser.add_argument("--sample", type=int, default=20000, help="items for the per-step timings")
    parser.add_argument("--data-dir", type=Path,
                        help="a new or empty data directory (default: a new temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the data directory afterwards")
    parser.add_argument("--from-db", type=Path,
                        help="start from a copy of this SQLite file (hefboom.sqlite3 of a kept run) "
                             "instead of an empty database: migrating takes minutes")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    parser.add_argument("--_trend", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args._trend:  # one cold trend query in this fresh process (time_trend's child)
        data_dir, dossier = Path(args._trend[0]), int(args._trend[1])
        setup_django(data_dir)
        how, times, rows = time_trend_once(data_dir, dossier)
        print(json.dumps({"how": how, "ms": times, "rows": rows}))
        return 0

    items = 20000 if args.quick and args.items == 1_000_000 else args.items
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="hefboom-listening-bench-"))
    if args.data_dir and data_dir.exists() and any(data_dir.iterdir()):
        print(f"{data_dir} is not empty: name a new or empty directory (the benchmark fills it).")
        return 2
    data_dir.mkdir(parents=True, exist_ok=True)
    print(f"Listening benchmark: {items:,} items, data directory {data_dir}, {os.cpu_count()} CPUs")
    try:
        if args.from_db:
            shutil.copyfile(args.from_db, data_dir / "hefboom.sqlite3")
        setup_django(data_dir)
        started = time.perf_counter()
        print(f"database: {prepare_database()} in {time.perf_counter() - started:.0f} s")
        results = run(items, data_dir, seed=args.seed, workers=args.workers, sample=args.sample)
        if args.json:
            args.json.write_text(json.dumps(results, indent=2, default=str))
    finally:
        if not args.keep:
            shutil.rmtree(data_dir, ignore_errors=True)
        else:
            print(f"kept {data_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
