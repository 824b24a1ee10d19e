"""The steps in worker processes give what they give in-process, in order, with the counts."""

import os

import pytest

from hefboom.listening.parallel import StepPool, merge_reports
from hefboom.listening.pipeline import run_steps
from hefboom.listening.tests.toy_steps import CONFIG, broken, pid_step, toy_dossiers, toy_tokens

TEXTS = ["De regering schuift klimaatfinanciering opnieuw voor zich uit.",
         "Sterk werk van 11.11.11 over opvang.", "What the minister said about asylum is disappointing.",
         "Le financement climatique recule encore.", "Rien à signaler aujourd'hui."]


def _batches(n_batches=7, size=3):
    return [[{"id": f"{b}-{i}", "text": TEXTS[(b + i) % len(TEXTS)]} for i in range(size)]
            for b in range(n_batches)]


@pytest.mark.parametrize("workers", [0, 2])
def test_pool_gives_the_in_process_results_in_order(workers):
    steps = [toy_tokens, toy_dossiers]
    expected_reports, expected = {}, []
    for batch in _batches():
        expected.append(run_steps([dict(i) for i in batch], steps, CONFIG, expected_reports))
    reports, got, extras = {}, [], []
    with StepPool(steps, CONFIG, workers=workers) as pool:
        for batch, batch_reports, extra in pool.map_with((b, b[0]["id"]) for b in _batches()):
            merge_reports(reports, batch_reports)
            got.append(batch)
            extras.append(extra)
    assert got == expected
    assert extras == [f"{b}-0" for b in range(7)]
    assert {n: r.as_dict() for n, r in reports.items()} == {
        n: r.as_dict() for n, r in expected_reports.items()}
    assert reports["toy_dossiers"].dropped["toy reason"] > 0


def test_workers_are_other_processes():
    with StepPool([pid_step], CONFIG, workers=2) as pool:
        pids = {item["meta"] for batch, _r in pool.map(_batches()) for item in batch}
    assert str(os.getpid()) not in pids and pids


def test_a_failing_step_in_a_worker_reaches_the_caller():
    with pytest.raises(RuntimeError, match="boom"), StepPool([broken], CONFIG, workers=1) as pool:
        list(pool.map(_batches()))


def test_auto_workers_only_for_big_inputs(monkeypatch):
    from hefboom.listening import parallel

    monkeypatch.setattr(parallel, "default_workers", lambda: 2)
    assert parallel.auto_workers(None) == 0
    assert parallel.auto_workers(1000) == 0
    assert parallel.auto_workers(50 * 2**20) == 2
    monkeypatch.setattr(parallel, "default_workers", lambda: 1)
    assert parallel.auto_workers(50 * 2**20) == 0
