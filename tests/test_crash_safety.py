"""Crash safety: `kill -9` in the middle of an Excel import, a report and a backup leaves no
partial data and no complete-looking file, and running the command again simply works.

Each test copies the (migrated, seeded) test database to a throwaway one — a file in a temporary
data directory for SQLite, a database made from the test database as template and dropped
afterwards for PostgreSQL — and runs the real `hefboom` command on it in a subprocess, which is
killed with SIGKILL: from outside while it works, and (through tests/crashing.py) at the worst
moment, just before the finished result would be put in place.
"""

import datetime as dt
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.management import CommandError, call_command
from pgcopy import copy_database

from hefboom.backup import engines

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parent.parent
CRASHING = str(ROOT / "tests" / "crashing.py")
TIMEOUT = 120


@dataclass
class Throwaway:
    """A copy of the test database for subprocesses, and how to reach it."""

    engine: str
    data_dir: Path
    env: dict
    name: str

    def count(self, tables: list[str]) -> dict[str, int]:
        queries = {t: f'SELECT count(*) FROM "{t}"' for t in tables}  # noqa: S608 - our table names
        if self.engine == engines.SQLITE:
            with sqlite3.connect(self.data_dir / "hefboom.sqlite3") as db:
                return {t: db.execute(q).fetchone()[0] for t, q in queries.items()}
        import psycopg

        with psycopg.connect(self.env["DATABASE_URL"]) as db:
            return {t: db.execute(q).fetchone()[0] for t, q in queries.items()}

    def run(self, *args, crash_at="", mode="kill", match="", wait=True):
        env = {**self.env, "CRASH_AT": crash_at, "CRASH_MODE": mode, "CRASH_MATCH": match}
        command = [sys.executable, CRASHING, *args]
        process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE,  # noqa: S603
                                   stderr=subprocess.PIPE, text=True, cwd=self.data_dir)
        if not wait:
            return process
        out, err = process.communicate(timeout=TIMEOUT)
        return process.returncode, out, err


@pytest.fixture
def throwaway(tmp_path):
    """Call it after seeding: it copies the database as it is then."""
    from django.db import connection

    made = []

    def copy() -> Throwaway:
        data_dir = tmp_path / "data"
        data_dir.mkdir(exist_ok=True)
        env = {k: v for k, v in os.environ.items()
               if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "HEFBOOM_DATA_DIR")}
        env.update(HEFBOOM_DATA_DIR=str(data_dir), PYTHONUNBUFFERED="1")
        src = str(ROOT / "src")
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [src, env.get("PYTHONPATH", "")]))
        settings_dict = connection.settings_dict
        engine = engines.engine_of(settings_dict)
        if engine == engines.SQLITE:
            engines.dump(settings_dict, data_dir / "hefboom.sqlite3")
            made.append(Throwaway(engine, data_dir, env, str(data_dir / "hefboom.sqlite3")))
        else:
            name = f"hb_crash_{uuid.uuid4().hex[:12]}"
            connection.close()
            copy_database(settings_dict, name)
            env["DATABASE_URL"] = _url(settings_dict, name)
            made.append(Throwaway(engine, data_dir, env, name))
        return made[-1]

    yield copy
    for database in made:
        if database.engine == engines.POSTGRESQL:
            _admin_sql(connection.settings_dict, f'DROP DATABASE IF EXISTS "{database.name}" WITH (FORCE)')


def _url(settings_dict, name):
    user = quote(settings_dict.get("USER") or "", safe="")
    password = quote(settings_dict.get("PASSWORD") or "", safe="")
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{auth}{settings_dict.get('HOST') or 'localhost'}{port}/{name}"


def _admin_sql(settings_dict, statement):
    import psycopg

    with psycopg.connect(_url(settings_dict, "postgres"), autocommit=True) as db:
        db.execute(statement)


def _kill(process):
    """`kill -9`, from outside."""
    assert process.poll() is None, "the command ended before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=TIMEOUT)
    assert process.returncode == -signal.SIGKILL


def _wait_for(condition, process, what, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while not condition():
        if process.poll() is not None:
            out, err = process.communicate()
            pytest.fail(f"the command ended before {what}:\n{out}\n{err}")
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"no {what} within {timeout} s")
        time.sleep(0.005)


# --- the Excel import ----------------------------------------------------------------------

IMPORT_TABLES = ["monitoring_contact", "monitoring_output", "monitoring_outcome",
                 "monitoring_progressmarkerobservation", "monitoring_followup", "actors_person",
                 "actors_organisation", "excel_import_excelimport", "excel_import_importedrow",
                 "monitoring_historicalcontact"]
RECORDS = IMPORT_TABLES[:4]
ROWS = 1500


@pytest.fixture
def workbook(tmp_path):
    """A realistic legacy workbook of ROWS rows (the benchmark's) and the database it names."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import import_excel as bench
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    rng = random.Random(3)  # noqa: S311 - repeatable test data
    _admin, persons = bench.seed_database(rng)
    path = tmp_path / "monitoring.xlsx"
    rows = bench.build_workbook(path, ROWS, persons, rng)
    return path, rows


def _writing_rows(database: Throwaway, baseline_wal: int):
    """True once the import's transaction is writing its rows (and has not committed)."""
    if database.engine == engines.SQLITE:
        path = database.data_dir / "hefboom.sqlite3"
        wal = path.with_name(path.name + "-wal")
        probe = sqlite3.connect(path, timeout=0, isolation_level=None)
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
            return False  # nobody holds the write lock
        except sqlite3.OperationalError:
            # The import holds the write lock and its pages spill into the WAL: rows written.
            return wal.exists() and wal.stat().st_size > baseline_wal + 256 * 1024
        finally:
            probe.close()
    import psycopg

    with psycopg.connect(database.env["DATABASE_URL"], autocommit=True) as db:
        return db.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL "
            "AND query LIKE 'INSERT%%' AND query NOT LIKE '%%excel\\_import\\_excelimport%%'"
        ).fetchone()[0] > 0


def test_a_killed_excel_import_leaves_nothing_and_can_be_run_again(workbook, throwaway):
    path, rows = workbook
    database = throwaway()
    before = database.count(IMPORT_TABLES)
    wal = database.data_dir / "hefboom.sqlite3-wal"
    baseline = wal.stat().st_size if wal.exists() else 0

    process = database.run("import-excel", str(path), "--accept-uncertain", wait=False)
    _wait_for(lambda: _writing_rows(database, baseline), process, "rows being written")
    _kill(process)
    assert database.count(IMPORT_TABLES) == before  # nothing of the killed import remains

    code, out, err = database.run("import-excel", str(path), "--accept-uncertain")
    assert code == 0, out + err
    after = database.count(IMPORT_TABLES)
    assert sum(after[t] - before[t] for t in RECORDS) == rows
    assert after["excel_import_excelimport"] == before["excel_import_excelimport"] + 1


# --- the report ----------------------------------------------------------------------------

OLD_REPORT = b"the report of last week, still good"


@pytest.fixture
def reportable(programme, open_contact, confidential_contact):
    return programme


def _complete_workbook(path: Path) -> bool:
    with zipfile.ZipFile(path) as archive:
        return archive.testzip() is None and "xl/workbook.xml" in archive.namelist()


def test_a_killed_report_leaves_the_previous_file_and_can_be_run_again(reportable, throwaway):
    database = throwaway()
    target = database.data_dir / "rapport-2023.xlsx"
    target.write_bytes(OLD_REPORT)
    args = ("report", "--year", "2023", "--format", "xlsx", "--output", str(target))

    # Killed from outside while it builds the report.
    process = database.run(*args, crash_at="hefboom.reporting.formats:build", mode="announce",
                           wait=False)
    assert process.stderr.readline().strip() == "CRASH-POINT"
    _kill(process)
    assert target.read_bytes() == OLD_REPORT

    # Killed at the worst moment: the new file is complete beside it, about to replace it.
    code, _out, _err = database.run(*args, crash_at="os:replace", match=target.name)
    assert code == -signal.SIGKILL
    assert target.read_bytes() == OLD_REPORT

    code, out, err = database.run(*args)
    assert code == 0, out + err
    assert _complete_workbook(target)
    # What the killed runs left are hidden temporary files, never the report's own name.
    assert {p.name for p in target.parent.iterdir() if "rapport" in p.name} - {target.name} <= {
        p.name for p in target.parent.glob(".rapport-2023.xlsx.*")}


# --- the backup ----------------------------------------------------------------------------


@pytest.fixture
def uploads(tmp_path, open_contact):
    """Uploaded files big enough that copying them takes a moment."""
    folder = tmp_path / "data" / "uploads" / "evidence" / str(dt.date.today().year)
    folder.mkdir(parents=True)
    (folder / "scan.pdf").write_bytes(os.urandom(8 * 1024 * 1024))
    return folder


def test_a_killed_backup_never_looks_complete_and_restore_refuses_it(uploads, throwaway):
    database = throwaway()
    target = database.data_dir.parent / "backup"
    partial = target.with_name("backup.partial")

    process = database.run("backup", "--output", str(target), wait=False)
    _wait_for(partial.exists, process, "the backup folder being written")
    _kill(process)
    assert partial.exists() and not target.exists()
    with pytest.raises(CommandError, match="unfinished backup.partial: that backup was interrupted"):
        call_command("restore", str(target), "--yes")  # refused before it looks at any database
    with pytest.raises(CommandError, match="unfinished backup"):
        call_command("restore", str(partial), "--yes")

    # Killed at the worst moment: everything written, about to be renamed into place.
    code, _out, _err = database.run("backup", "--output", str(target), crash_at="os:rename",
                                    match=target.name)
    assert code == -signal.SIGKILL
    assert not target.exists()

    code, out, err = database.run("backup", "--output", str(target))
    assert code == 0, out + err
    assert "interrupted backup" in out and "Backup complete" in out
    assert (target / "manifest.json").is_file() and not partial.exists()
