"""The listening benchmark and its corpus generator keep working (a few hundred items)."""

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import corpus_generator  # noqa: E402


def _load_benchmark():
    spec = importlib.util.spec_from_file_location("listening_benchmark", BENCHMARKS / "listening.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generator_is_realistic_and_repeatable(tmp_path):
    items = list(corpus_generator.Generator(seed=3).items(3000))
    assert items[:50] == list(corpus_generator.Generator(seed=3).items(50))
    assert items[:50] != list(corpus_generator.Generator(seed=4).items(50))
    words = [len(i["text"].split()) for i in items]
    assert min(words) >= 20 and max(words) <= 60
    texts = Counter(i["text"] for i in items)
    exact = sum(n - 1 for n in texts.values())
    assert 0.01 * len(items) < exact < 0.06 * len(items)  # retweets
    assert sum("RT @" in t for t in texts) > 10  # near-duplicates
    org = sum(any(name in i["text"] for name in ("11.11.11", "11_11_11", "elf elf elf")) for i in items)
    assert 0.02 * len(items) < org < 0.08 * len(items)
    years = Counter(i["published"][:4] for i in items)
    assert set(years) == {str(y) for y in range(2016, 2026)}
    # the language each item was written in, where declared: about 45/45/10
    declared = Counter(i["lang"] for i in items if i["lang"])
    share = {lang: declared[lang] / sum(declared.values()) for lang in ("nl", "fr", "en")}
    assert 0.38 < share["nl"] < 0.52 and 0.38 < share["fr"] < 0.52 and 0.05 < share["en"] < 0.15
    # real vocabulary: dossier terms and words from the packaged word lists
    joined = " ".join(texts)
    assert "klimaatfinanciering" in joined and "asile" in joined and "climate finance" in joined
    vocab = corpus_generator.vocabulary()
    assert len(vocab["nl"]["noun"]) > 1000 and len(vocab["fr"]["pos"]) > 100 and len(vocab["en"]["neg"]) > 100

    out = corpus_generator.write(200, tmp_path / "items.jsonl", seed=3)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == items[:200]
    csv_out = corpus_generator.write(20, tmp_path / "items.csv", seed=3)
    assert csv_out.read_text(encoding="utf-8").startswith("id,published,author,channel,url,text,lang")


@pytest.mark.django_db
def test_benchmark_runs_on_a_few_hundred_items(tmp_path, settings):
    settings.DATA_DIR = tmp_path
    bench = _load_benchmark()
    lines: list[str] = []
    results = bench.run(300, tmp_path, sample=300, cold_subprocess=False, out=lines.append)
    output = "\n".join(lines)
    for part in ("(a) end-to-end ingest", "(b) trend query", "(c) peak memory", "(d) per step"):
        assert part in output
    assert results["rate"] > 0 and results["peak_mb"] > 0
    assert 250 < results["stored"] <= 300  # the exact duplicates are left out
    assert results["trend"]["warm_ms"] >= 0 and len(results["trend"]["warm_runs"]) == 5
    if results["steps"]:  # with the NLP steps: the dossier's terms are found, the trend has weeks
        assert results["trend_dossier_items"] > 0 and results["trend"]["rows"] > 0
        assert [t[0] for t in results["step_times"]] == results["steps"]
