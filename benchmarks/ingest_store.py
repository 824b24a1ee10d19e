"""The store's share of ingest: reading + hashing + dedup + MinHash + Parquet write, no steps.

    PYTHONPATH=src HEFBOOM_DATA_DIR=/tmp/bench-store python benchmarks/ingest_store.py [N]

Prints wall and CPU time (this process; the CPU figure is what counts on a shared machine).
Generates N short items (default 100,000; 1 in 20 an exact copy, 1 in 20 a near copy) in an
in-memory source, ingests them into an empty store with no pipeline steps, and prints the cost
per item; then ingests them again (everything is a duplicate) and times that too.
"""

import datetime as dt
import os
import random
import shutil
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hefboom.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

from hefboom.listening import sources  # noqa: E402
from hefboom.listening.ingest import ingest  # noqa: E402
from hefboom.listening.sources import Input, item_id  # noqa: E402
from hefboom.listening.store import Store  # noqa: E402

WORDS = str.split("de het een en van in is dat op te zijn met voor niet aan er maar om ook als dan bij nog "
         "uit wel door over naar migratie asiel klimaat armoede rechten vrouwen kinderen regering "
         "minister parlement wet begroting les la le et des pour dans une sur pas avec droits "
         "pauvreté enfants gouvernement the of and to for on with rights climate poverty")


def generate(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)  # noqa: S311 - benchmark data
    start = dt.datetime(2015, 1, 1, tzinfo=dt.UTC)
    items = []
    for i in range(n):
        if i % 20 == 19 and items:
            text = items[rng.randrange(len(items))]["text"]  # exact copy
        elif i % 20 == 9 and items:
            words = items[rng.randrange(len(items))]["text"].split()
            words[-1] = rng.choice(WORDS)
            text = " ".join(words)  # near copy
        else:
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 40)))
        items.append({"id": item_id("memory", str(i)), "source": "memory", "kind": "post",
                      "channel": "bench", "external_id": str(i), "text": text,
                      "published": start + dt.timedelta(minutes=i), "author": f"@user{i % 997}",
                      "meta": "{}"})
    return items


class MemorySource:
    name = "memory"
    items: list[dict] = []

    def inputs(self, paths):
        return [Input("memory:" + p) for p in paths]

    def read(self, item_input):
        for item in self.items:
            yield dict(item)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    call_command("migrate", verbosity=0)
    root = Path(settings.DATA_DIR) / "corpus"
    shutil.rmtree(root, ignore_errors=True)
    MemorySource.items = generate(n)
    sources.SOURCES["memory"] = f"{__name__}:MemorySource"
    for label in ("first run", "second run (all known)"):
        started, cpu = time.perf_counter(), time.process_time()
        result = ingest("memory", ["bench"], steps=[], progress=False)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(f"{label}: {result.summary()}")
        print(f"  {seconds:.2f} s wall ({n / seconds:,.0f} items/s), {cpu:.2f} s CPU: "
              f"{cpu / n * 1000:.4f} ms CPU per item")
    print(f"store: {len(Store().files())} files, {Store().count():,} rows")


if __name__ == "__main__":
    main()
