"""The ingest driver: dedup, near-duplicates, re-runs, resuming, steps, the command and analyse."""

import io

import numpy as np
import pytest
from datasketch import MinHash
from django.core.management import CommandError, call_command

from hefboom.listening import dedup
from hefboom.listening import ingest as ingest_module
from hefboom.listening.ingest import analyse, default_steps, ingest
from hefboom.listening.models import IngestRun
from hefboom.listening.sources import SourceError
from hefboom.listening.tests.memory_source import post

pytestmark = pytest.mark.django_db

LONG = ("de minister van asiel en migratie antwoordt vandaag in de kamer op de vraag over de "
        "opvang van kinderen en gezinnen met kinderen in de opvangcentra van het land")


def test_exact_duplicates_by_id_and_by_normalised_text_are_left_out(store, memory):
    memory.feeds["a"] = [post(1, "Hallo  Wereld"), post(1, "Hallo Wereld"), post(2, "hallo wereld"),
                         post(3, "iets anders")]
    result = ingest("memory", ["a"], steps=[], progress=False)
    assert (result.read, result.new, result.duplicates) == (4, 2, 2)
    con = store.connect()
    assert con.execute("SELECT count(*), count(DISTINCT content_hash) FROM items").fetchone() == (2, 2)
    assert con.execute("SELECT run_id FROM items LIMIT 1").fetchone() == (result.run_id,)


def test_running_the_same_input_again_adds_nothing_and_says_so(store, memory):
    memory.feeds["a"] = [post(n, f"bericht nummer {n} over armoede") for n in range(30)]
    first = ingest("memory", ["a"], steps=[], progress=False, batch_size=7)
    second = ingest("memory", ["a"], steps=[], progress=False, batch_size=7)
    assert (first.new, second.new, second.duplicates) == (30, 0, 30)
    assert "Nothing new" in second.summary()
    assert store.count() == 30 and len(store.files()) == 5
    assert list(IngestRun.objects.order_by("pk").values_list("status", "new")) == [("done", 30), ("done", 0)]


def test_near_duplicates_are_kept_and_point_to_their_original_also_across_runs(store, memory):
    memory.feeds["a"] = [post(1, LONG), post(2, LONG + " vandaag"), post(3, "iets heel anders dan dat")]
    memory.feeds["b"] = [post(4, LONG + " opnieuw"), post(5, "nog iets anders hier")]
    first = ingest("memory", ["a"], steps=[], progress=False)
    second = ingest("memory", ["b"], steps=[], progress=False)
    assert (first.near_duplicates, second.near_duplicates) == (1, 1)
    rows = dict(store.connect().execute("SELECT external_id, dup_of FROM items").fetchall())
    original = post(1, "")["id"]
    assert rows == {"1": None, "2": original, "3": None, "4": original, "5": None}


def test_the_near_duplicate_threshold_is_configurable(store, memory):
    memory.feeds["a"] = [post(1, LONG), post(2, LONG.replace("kinderen", "jongeren"))]
    assert ingest("memory", ["a"], steps=[], progress=False, near_dup_threshold=0.95).near_duplicates == 0
    memory.feeds["b"] = [post(3, LONG.replace("kinderen", "jongeren").replace("vraag", "vragen"))]
    assert ingest("memory", ["b"], steps=[], progress=False, near_dup_threshold=0.3).near_duplicates == 1


def test_signatures_are_datasketch_minhashes_of_the_word_trigrams():
    texts = [dedup.normalise(LONG), dedup.normalise("Twee woorden"), ""]
    hashes, owners = dedup.shingle_hashes(texts)
    assert np.bincount(owners).tolist() == [len(LONG.split()) - 2, 2]
    sigs = dedup.signatures(texts)
    for index in range(3):
        minhash = MinHash(num_perm=dedup.NUM_PERM, seed=dedup.SEED, scheme=dedup.SCHEME, hashfunc=int)
        minhash.update_batch(hashes[owners == index].tolist())
        assert (minhash.hashvalues == sigs[index]).all()


def test_an_interrupted_ingest_resumes_where_it_stopped(store, memory, monkeypatch):
    memory.feeds["a"] = [post(n, f"bericht {n} over het klimaat en de begroting") for n in range(25)]
    real_write = store.write_batch
    calls = []

    def write_then_fail(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt  # stopped while the third batch was being written
        return real_write(*args, **kwargs)

    with monkeypatch.context() as patch, pytest.raises(KeyboardInterrupt):
        patch.setattr(type(store), "write_batch", lambda self, *a, **k: write_then_fail(*a, **k))
        ingest("memory", ["a"], steps=[], progress=False, batch_size=10)
    assert store.count() == 20
    assert IngestRun.objects.get().status == "interrupted"
    memory.feeds["a"] = [post(n, f"bericht {n} over het klimaat en de begroting") for n in range(25)]
    result = ingest("memory", ["a"], steps=[], progress=False, batch_size=10)
    assert (result.read, result.new, result.duplicates) == (25, 5, 20)
    assert store.count() == 25


def test_a_run_killed_without_cleanup_is_marked_interrupted_by_the_next(store, memory):
    stale = IngestRun.objects.create(source="memory")
    memory.feeds["a"] = [post(1, "tekst")]
    ingest("memory", ["a"], steps=[], progress=False)
    stale.refresh_from_db()
    assert stale.status == "interrupted" and "again" in stale.error


def step_upper(batch, config, report):
    kept = []
    for item in batch:
        report.seen += 1
        if "spam" in item["text"]:
            report.drop("spam")
            continue
        item["lemmas"] = item["text"].upper()
        report.changed += 1
        kept.append(item)
    return kept


def test_steps_run_on_each_batch_and_what_they_drop_is_counted(store, memory):
    memory.feeds["a"] = [post(1, "goed nieuws"), post(2, "spam spam"), post(3, "slecht nieuws")]
    result = ingest("memory", ["a"], steps=[step_upper], progress=False)
    assert (result.new, result.dropped) == (2, 1)
    assert result.steps == [{"name": "step_upper", "seen": 3, "changed": 2, "dropped": {"spam": 1},
                             "notes": {}}]
    assert IngestRun.objects.get().steps == result.steps
    assert sorted(store.connect().execute("SELECT lemmas FROM items").fetchall()) == [
        ("GOED NIEUWS",), ("SLECHT NIEUWS",)]


def test_analyse_runs_the_steps_again_over_the_whole_store(store, memory):
    memory.feeds["a"] = [post(n, f"tekst {n}") for n in range(12)]
    ingest("memory", ["a"], steps=[], progress=False, batch_size=5)
    result = analyse(steps=[step_upper])
    assert (result.rows, result.files) == (12, 3)
    assert store.connect().execute("SELECT count(lemmas) FROM items").fetchone() == (12,)
    with pytest.raises(SourceError, match="Unknown step nope"):
        analyse(steps=[step_upper], step_names=["nope"])


def test_default_steps_fall_back_only_when_the_steps_module_is_missing(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def broken(name, *args, **kwargs):
        if name == "hefboom.listening.steps":
            raise ImportError("No module named 'numpy_missing'", name="numpy_missing")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", broken)
    with pytest.raises(ImportError):
        default_steps()  # a broken steps module is an error, not silently no analysis


def test_a_file_over_the_size_ceiling_is_refused_before_reading(store, settings, tmp_path):
    settings.INGEST_MAX_FILE_BYTES = 1000
    big = tmp_path / "ParlaMint-XX_2020-01-01.xml"
    big.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">' + " " * 2000 + "</TEI>")
    with pytest.raises(SourceError, match=r"ParlaMint-XX_2020-01-01.xml is 0 MB, more than the 0 MB"):
        ingest("parlamint", [big], steps=[], progress=False)
    assert not IngestRun.objects.exists() and store.count() == 0


def test_the_command_prints_the_summary_and_bad_input_is_a_clear_error(store, memory):
    memory.feeds["a"] = [post(1, "een"), post(2, "twee"), post(2, "twee")]
    out = io.StringIO()
    call_command("ingest", "memory", "a", "--no-progress", stdout=out)
    assert out.getvalue().startswith("Read 3 items, 2 new (1 duplicates, 0 near-duplicates) in ")
    with pytest.raises(CommandError, match="Unknown source 'nope'"):
        call_command("ingest", "nope", "x")
    with pytest.raises(CommandError, match="does not exist"):
        call_command("ingest", "parlamint", "/no/such/folder")


def test_the_progress_bar_shows_items_rate_and_time_left():
    stream = io.StringIO()
    bar = ingest_module.Progress(stream, total=200.0)
    bar.update(5000, 50.0, force=True)
    bar.close()
    line = stream.getvalue()
    assert "25%" in line and "5,000 items" in line and "/s" in line and "left" in line


def test_ingest_runs_are_read_only_in_the_admin(client, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "x")
    run = IngestRun.objects.create(source="parlamint", inputs=["/data/parlamint"], read=3, new=3)
    client.force_login(admin)
    assert client.get("/admin/listening/ingestrun/").status_code == 200
    assert client.get(f"/admin/listening/ingestrun/{run.pk}/change/").status_code == 200
    assert client.get("/admin/listening/ingestrun/add/").status_code == 403
    assert client.post(f"/admin/listening/ingestrun/{run.pk}/delete/", {"post": "yes"}).status_code == 403
    assert IngestRun.objects.filter(pk=run.pk).exists()
