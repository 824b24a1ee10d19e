"""The reuse-detection benchmark keeps working: its quick mode finds what it planted."""

import importlib.util
from pathlib import Path

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "uptake.py"


def test_the_quick_benchmark_finds_the_planted_reuse_and_beats_the_exhaustive_baseline(capsys):
    spec = importlib.util.spec_from_file_location("benchmark_uptake", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--quick", "--strict"]) == 0
    table = capsys.readouterr().out
    assert "planted reuse found                    50/50" in table
    assert "speed-up" in table
