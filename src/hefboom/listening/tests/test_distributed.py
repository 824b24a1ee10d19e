"""The steps on Dask (local mode) give the same analysis columns as the same steps in-process."""

import datetime as dt
import importlib.util

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from hefboom.listening import distributed
from hefboom.listening.pipeline import run_steps
from hefboom.listening.schema import ANALYSIS_COLUMNS, ITEM, RAW
from hefboom.listening.sources import item_id
from hefboom.listening.tests.toy_steps import CONFIG, broken, toy_dossiers, toy_tokens

TEXTS = [
    ("nl", "De regering schuift klimaatfinanciering opnieuw voor zich uit. Schande."),
    ("fr", "Le gouvernement repousse encore le financement climatique : honteux."),
    ("en", "Good news: climate finance finally gets a place in the coalition agreement."),
    ("nl", "Sterk werk van 11.11.11: het rapport over opvang legt de vinger op de wonde."),
    ("fr", "Selon l'étude de 11.11.11, la crise de l'accueil est grave. Mme la ministre se tait."),
    ("nl", "In de Kamer ging het vandaag over asiel en opvang. Dhr. Janssens had geen antwoord."),
    ("en", "What the minister said about asylum today is really disappointing."),
    ("nl", "De regering schuift klimaatfinanciering opnieuw voor zich uit. Schande."),  # a retweet
]


def _write_raw(tmp_path, parts=3):
    raw_schema = pa.schema(RAW)
    rows = [{"id": item_id("test", str(i)), "source": "test", "kind": "post", "external_id": str(i),
             "text": text, "lang_declared": lang,
             "published": dt.datetime(2020, 1, 1 + i, tzinfo=dt.UTC)} for i, (lang, text) in enumerate(TEXTS)]
    folder = tmp_path / "raw"
    folder.mkdir()
    for p in range(parts):
        pq.write_table(pa.Table.from_pylist(rows[p::parts], schema=raw_schema), folder / f"in-{p}.parquet")
    return folder, rows


def _in_process(rows, steps, config):
    reports = {}
    batch = [dict(r, content_hash=distributed.content_hash(r["text"])) for r in rows]
    return run_steps(batch, steps, config, reports), reports


def _by_id(table):
    return {row["id"]: row for row in table.to_pylist()}


@pytest.mark.parametrize("scheduler", ["synchronous", "processes"])
def test_dask_run_gives_the_same_analysis_as_in_process(tmp_path, scheduler):
    folder, rows = _write_raw(tmp_path)
    steps = [toy_tokens, toy_dossiers]
    out = tmp_path / "out"
    result = distributed.run([folder], out, steps=steps, config=CONFIG, scheduler=scheduler, num_workers=2,
                             batch_size=2)
    expected, expected_reports = _in_process(rows, steps, CONFIG)

    table = pq.read_table(out)
    assert table.schema.equals(ITEM)
    assert result["items"] == len(expected) == len(TEXTS) - 1
    assert len(result["files"]) == 3
    got = _by_id(table)
    assert set(got) == {e["id"] for e in expected}
    for e in expected:
        for column in (*ANALYSIS_COLUMNS, "content_hash", "text"):
            assert got[e["id"]][column] == e.get(column), column
    assert got[rows[3]["id"]]["mentions"][0]["ref"] == "11.11.11"
    assert {n: r.as_dict() for n, r in result["reports"].items()} == {
        n: r.as_dict() for n, r in expected_reports.items()}
    assert result["reports"]["toy_dossiers"].dropped == {"toy reason": 1}
    # the duplicate's hash is the original's: the one-machine dedup pass can find it
    assert got[rows[0]["id"]]["content_hash"] == got[rows[7]["id"]]["content_hash"]
    assert not list(out.glob(".*.tmp"))


@pytest.mark.skipif(importlib.util.find_spec("hefboom.listening.steps") is None,
                    reason="the NLP steps (listening.steps) are not on this branch yet")
def test_dask_run_of_the_default_steps_matches_in_process(tmp_path):
    folder, rows = _write_raw(tmp_path, parts=2)
    steps = distributed.default_steps()
    distributed.run([folder], tmp_path / "out", steps=steps, config=CONFIG, scheduler="processes",
                    num_workers=2)
    expected, _ = _in_process(rows, steps, CONFIG)
    got = _by_id(pq.read_table(tmp_path / "out"))
    assert set(got) == {e["id"] for e in expected}
    for e in expected:
        for column in ANALYSIS_COLUMNS:
            value = got[e["id"]][column]
            want = e.get(column)
            if isinstance(want, float):
                assert value == pytest.approx(want, abs=1e-6), column
            else:
                assert value == want, column


def test_a_failing_step_leaves_no_half_written_file(tmp_path):
    folder, _ = _write_raw(tmp_path, parts=1)

    with pytest.raises(RuntimeError, match="boom"):
        distributed.run([folder], tmp_path / "out", steps=[toy_tokens, broken], config=CONFIG,
                        scheduler="synchronous")
    assert list((tmp_path / "out").iterdir()) == []


def test_missing_input_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="nowhere"):
        distributed.run([tmp_path / "nowhere"], tmp_path / "out", steps=[], config=CONFIG)



def test_inputs_read_by_a_source_plug_in(tmp_path, monkeypatch):
    import json

    from hefboom.listening import sources

    monkeypatch.setitem(sources.SOURCES, "toy", "hefboom.listening.tests.toy_steps:ToySource")
    for p in range(2):
        lines = [json.dumps({"n": i, "text": text}) for i, (_l, text) in enumerate(TEXTS) if i % 2 == p]
        (tmp_path / f"in-{p}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = distributed.run([tmp_path / "in-0.jsonl", tmp_path / "in-1.jsonl"], tmp_path / "out",
                             steps=[toy_tokens, toy_dossiers], config=CONFIG, source="toy",
                             scheduler="synchronous")
    table = pq.read_table(tmp_path / "out")
    assert result["items"] == table.num_rows == len(TEXTS) - 1 and len(result["files"]) == 2
    assert all(row["n_tokens"] and row["content_hash"] for row in table.to_pylist())
