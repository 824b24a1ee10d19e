"""How fast the csv and json sources read short posts (issue 7: < 0.1 ms per item for the reader).

    PYTHONPATH=src DJANGO_SETTINGS_MODULE=hefboom.settings python benchmarks/listening_sources.py 200000

Writes a Coosto-like CSV (';', day-first dates, Dutch headers, title lines above the header) and
the same posts as JSON Lines into a temporary folder, reads both with the sources, and prints
items, wall and CPU time per item, and the peak memory of the process (the files are streamed,
so it should not grow with the number of rows).
"""

import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

WORDS = {
    lang: words.split() for lang, words in {  # noqa: SIM905 (readable as sentences)
        "nl": "de het een rapport opvang regering minister mensen straat plaatsen beleid kritiek",
        "fr": "le la un rapport accueil gouvernement ministre personnes rue places politique",
        "en": "the a report reception government minister people street places policy",
    }.items()
}


def write_posts(folder: Path, n: int, seed: int = 7) -> tuple[Path, Path]:
    rng = random.Random(seed)  # noqa: S311 (test data)
    csv_path, jsonl_path = folder / "coosto.csv", folder / "posts.jsonl"
    with csv_path.open("w", encoding="utf-8") as csv_file, jsonl_path.open("w", encoding="utf-8") as jsonl:
        csv_file.write("Coosto export;;;;;\nZoekopdracht: benchmark;;;;;\n")
        csv_file.write("datum;titel;bericht tekst;url;bron;auteur\n")
        for i in range(n):
            lang = rng.choice(("nl", "fr", "en"))
            text = " ".join(rng.choices(WORDS[lang], k=rng.randint(8, 40)))
            day = f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-{rng.randint(2015, 2025)}"
            when = f"{day} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
            url = f"https://x.example/status/{i}"
            csv_file.write(";".join([when, "", text, url, "twitter.com", f"@user{i % 5000}"]) + "\n")
            jsonl.write(json.dumps({"id_str": str(i), "created_at": when, "full_text": text,
                                    "user": {"screen_name": f"user{i % 5000}"}, "lang": lang}) + "\n")
    return csv_path, jsonl_path


def measure(source, path: Path) -> dict:
    from hefboom.listening.sources import Input

    wall, cpu = time.perf_counter(), time.process_time()
    count = sum(1 for _ in source.read(Input(str(path))))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"items": count, "wall_us": wall / max(count, 1) * 1e6, "cpu_us": cpu / max(count, 1) * 1e6}


def run(n: int, out=print) -> dict:
    from hefboom.listening.sources.tabular import CsvSource, JsonSource

    results = {}
    with tempfile.TemporaryDirectory() as folder:
        csv_path, jsonl_path = write_posts(Path(folder), n)
        results["csv"] = measure(CsvSource(preset="coosto"), csv_path)
        results["jsonl"] = measure(JsonSource(preset="x"), jsonl_path)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for name, r in results.items():
        out(f"{name:6} {r['items']:>9,} items  {r['wall_us']:6.1f} µs/item wall  "
            f"{r['cpu_us']:6.1f} µs/item CPU")
    out(f"peak memory of the process: {peak_mb:.0f} MB")
    return results


if __name__ == "__main__":
    import django

    django.setup()
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
