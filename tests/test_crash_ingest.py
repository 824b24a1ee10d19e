"""Crash safety of `hefboom ingest`: `kill -9` from outside while it writes batches, and at the
worst moment (both files of a batch complete under temporary names, just before the first is
renamed), leaves a readable corpus with only whole batches and no visible partial file; running
the same command again completes with exact counts.

The database is copied as tests/test_crash_safety.py does (a file for SQLite, a database copy
for PostgreSQL) and the real command runs in a subprocess through tests/crashing.py.
"""

import os
import re
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import pyarrow.parquet as pq
import pytest
from django.db import connection
from pgcopy import copy_database

from hefboom.backup import engines
from hefboom.listening.store import Store

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parent.parent
CRASHING = str(ROOT / "tests" / "crashing.py")
TIMEOUT = 180
TEI = "http://www.tei-c.org/ns/1.0"
SESSIONS, PER_SESSION, BATCH = 20, 250, 250
WORDS = str.split("begroting migratie asiel klimaat armoede rechten kinderen regering minister wet "
         "budget pauvreté enfants gouvernement droits climat")


def write_corpus(folder: Path) -> int:
    """SESSIONS session files of PER_SESSION utterances each, and the lists they refer to."""
    folder.mkdir()
    (folder / "ParlaMint-XX-listOrg.xml").write_text(
        f'<listOrg xmlns="{TEI}"><org xml:id="party.A" role="politicalParty">'
        '<orgName full="abb">PA</orgName></org></listOrg>')
    persons = "".join(
        f'<person xml:id="P{n}"><persName><forename>Spreker</forename><surname>{n}</surname></persName>'
        f'<affiliation ref="#party.A" role="member" from="2000-01-01"/></person>' for n in range(20))
    (folder / "ParlaMint-XX-listPerson.xml").write_text(f'<listPerson xmlns="{TEI}">{persons}</listPerson>')
    for s in range(SESSIONS):
        us = "".join(
            f'<u xml:id="s{s}.u{u}" who="#P{u % 20}" ana="#regular"><seg xml:lang="nl">Spreekbeurt {s}-{u}: '
            + " ".join(WORDS[(s * 7 + u * 3 + k) % len(WORDS)] for k in range(12)) + "</seg></u>"
            for u in range(PER_SESSION))
        (folder / f"ParlaMint-XX_2020-01-{s + 1:02d}.xml").write_text(
            f'<TEI xmlns="{TEI}" xml:id="S{s}" xml:lang="nl"><teiHeader><fileDesc><titleStmt>'
            f'<meeting n="{s}">Vergadering {s}</meeting></titleStmt><sourceDesc><bibl>'
            f'<date when="2020-01-{s + 1:02d}"/></bibl></sourceDesc></fileDesc></teiHeader>'
            f"<text><body><div>{us}</div></body></text></TEI>")
    return SESSIONS * PER_SESSION


@pytest.fixture
def world(tmp_path):
    """A copy of the test database and a data folder for the subprocess, and the corpus."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    env = {k: v for k, v in os.environ.items()
           if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "HEFBOOM_DATA_DIR")}
    env.update(HEFBOOM_DATA_DIR=str(data_dir), PYTHONUNBUFFERED="1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH", "")]))
    settings_dict = connection.settings_dict
    engine = engines.engine_of(settings_dict)
    name = None
    if engine == engines.SQLITE:
        engines.dump(settings_dict, data_dir / "hefboom.sqlite3")
    else:
        name = f"hb_crash_{uuid.uuid4().hex[:12]}"
        connection.close()
        copy_database(settings_dict, name)
        env["DATABASE_URL"] = _url(settings_dict, name)
    total = write_corpus(tmp_path / "corpus-in")
    yield env, Store(data_dir / "corpus"), tmp_path / "corpus-in", total
    if name:
        import psycopg

        with psycopg.connect(_url(settings_dict, "postgres"), autocommit=True) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _url(settings_dict, name):
    user = quote(settings_dict.get("USER") or "", safe="")
    password = quote(settings_dict.get("PASSWORD") or "", safe="")
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{auth}{settings_dict.get('HOST') or 'localhost'}{port}/{name}"


def run(env, corpus, crash_at="", wait=True):
    command = [sys.executable, CRASHING, "ingest", "parlamint", str(corpus), "--no-progress",
               "--batch-size", str(BATCH)]
    process = subprocess.Popen(command, env={**env, "CRASH_AT": crash_at, "CRASH_MODE": "kill"},  # noqa: S603
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if not wait:
        return process
    out, err = process.communicate(timeout=TIMEOUT)
    return process.returncode, out, err


def assert_whole(store: Store) -> int:
    """Every visible file is a whole batch that DuckDB reads; returns the rows stored."""
    visible = list(store.items_dir.glob("*.parquet")) if store.items_dir.exists() else []
    assert all(pq.ParquetFile(p).metadata.num_rows == BATCH for p in visible)
    rows = store.connect().execute("SELECT count(*), count(DISTINCT id) FROM items").fetchone()
    assert rows[0] == rows[1] == len(visible) * BATCH
    return rows[0]


def test_killed_at_the_rename_leaves_no_visible_batch_and_a_rerun_completes(world):
    env, store, corpus, total = world
    code, out, err = run(env, corpus, crash_at="hefboom.listening.store:_put_in_place")
    assert code == -signal.SIGKILL, out + err
    leftovers = [p.name for p in store.root.rglob(".tmp-*")]
    assert len(leftovers) == 2  # the batch's items and signatures, complete but never shown
    assert assert_whole(store) == 0
    code, out, err = run(env, corpus)
    assert code == 0, out + err
    assert _summary_counts(out) == (total, total, 0)
    assert not list(store.root.rglob(".tmp-*"))  # cleaned up by the next ingest
    assert assert_whole(store) == total


def test_killed_from_outside_mid_run_resumes_with_exact_counts(world):
    env, store, corpus, total = world
    process = run(env, corpus, wait=False)
    deadline = time.monotonic() + TIMEOUT
    while not (store.items_dir.exists() and len(list(store.items_dir.glob("*.parquet"))) >= 3):
        if process.poll() is not None:
            pytest.fail("the ingest ended before it could be killed: " + "".join(process.communicate()))
        assert time.monotonic() < deadline, "no batches written"
        time.sleep(0.005)
    os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=TIMEOUT)
    assert process.returncode == -signal.SIGKILL
    stored = assert_whole(store)
    assert 0 < stored < total
    code, out, err = run(env, corpus)
    assert code == 0, out + err
    assert _summary_counts(out) == (total, total - stored, stored)
    assert assert_whole(store) == total
    code, out, err = run(env, corpus)
    assert _summary_counts(out) == (total, 0, total)


def _summary_counts(out: str) -> tuple[int, int, int]:
    """(read, new, duplicates) from ingest's last line, in whatever language it speaks
    ("Read 5,000 items, 4,250 new (750 duplicates, ..." / "5,000 items gelezen, 4,250 nieuw (750 ...")."""
    numbers = re.findall(r"\d[\d,.]*", out.strip().splitlines()[-1])
    read, new, duplicates = (int(re.sub(r"[,.]", "", n)) for n in numbers[:3])
    return read, new, duplicates
