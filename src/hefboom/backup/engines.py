"""Copying the database out and back in, for each engine Hefboom runs on.

Both work on the connection Django is configured with (`connection.settings_dict`), so that a
test run backs up and restores its own test database, never the real one.

- SQLite: the online backup API, which gives a consistent copy while the server keeps writing;
  restoring copies the backup *into* the live database through the same API, in one SQLite
  transaction, so that open connections and the WAL stay valid and a crash changes nothing.
- PostgreSQL: `pg_dump --format=custom`; restoring turns the dump into SQL with `pg_restore`
  and runs it with `psql --single-transaction` after dropping every table, so it replaces
  everything or (on any error) nothing. The connection goes to the client programs through PG*
  environment variables, never through a shell.
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from hefboom.backup.manifest import BackupError

SQLITE, POSTGRESQL = "sqlite", "postgresql"


def engine_of(settings_dict: dict) -> str:
    engine = settings_dict["ENGINE"]
    if engine.endswith("sqlite3"):
        return SQLITE
    if engine.endswith("postgresql"):
        return POSTGRESQL
    raise BackupError(f"The database engine {engine} cannot be backed up by Hefboom.")


def database_file(engine: str) -> str:
    return "database.sqlite3" if engine == SQLITE else "database.pgdump"


def dump(settings_dict: dict, target: Path) -> None:
    if engine_of(settings_dict) == SQLITE:
        _sqlite_dump(Path(settings_dict["NAME"]), target)
    else:
        _run(["pg_dump", "--format=custom", "--no-password", f"--file={target}"], settings_dict,
             "back up the PostgreSQL database")


def load(settings_dict: dict, source: Path) -> None:
    """Replace the configured database's content by the backup's, all or nothing."""
    if engine_of(settings_dict) == SQLITE:
        _sqlite_load(source, Path(settings_dict["NAME"]))
    else:
        _pg_load(settings_dict, source)


def check_tools(settings_dict: dict, *names: str) -> None:
    """Stop before any work when a PostgreSQL client program is missing."""
    if engine_of(settings_dict) != POSTGRESQL:
        return
    for name in names:
        if shutil.which(name) is None:
            raise BackupError(f"{name} was not found on the PATH. Install the PostgreSQL client "
                              "programs of the server's version (Debian: apt-get install "
                              "postgresql-client) and try again.")


def _sqlite_dump(live: Path, target: Path) -> None:
    if not live.is_file():
        raise BackupError(f"The database {live} does not exist; there is nothing to back up "
                          "(run `hefboom migrate` first).")
    source = sqlite3.connect(live, timeout=60)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)  # one step: a consistent snapshot even while others write
        # The copy is one self-contained file, not a WAL database that needs its -wal beside it.
        copy.execute("PRAGMA journal_mode=DELETE")
        problems = copy.execute("PRAGMA quick_check").fetchone()[0]
        if problems != "ok":
            raise BackupError(f"The database {live} fails SQLite's check ({problems}); "
                              "the backup was not written.")
    finally:
        copy.close()
        source.close()


def _sqlite_load(source: Path, live: Path) -> None:
    backup = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        problems = backup.execute("PRAGMA quick_check").fetchone()[0]
        if problems != "ok":
            raise BackupError(f"{source} fails SQLite's check ({problems}); nothing was restored.")
        target = sqlite3.connect(live, timeout=60)
        try:
            # One step (pages=-1): the live database changes in a single write transaction.
            backup.backup(target)
        except sqlite3.Error as exc:
            raise BackupError(f"Could not restore into {live}: {exc}. Nothing was changed.") from None
        finally:
            target.close()
    finally:
        backup.close()


# Every table, view and sequence in the schema goes first, also those of migrations newer than
# the backup (which `pg_restore --clean` would leave behind, so that `migrate` could not make
# them again after restoring an older backup).
_DROP_ALL = """
DO $$
DECLARE item record;
BEGIN
  FOR item IN
    SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name,
           CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                          WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE'
                          ELSE 'TABLE' END AS kind
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                      AND d.objid = c.oid AND d.deptype IN ('e', 'i', 'a'))
  LOOP
    EXECUTE format('DROP %s IF EXISTS %s CASCADE', item.kind, item.name);
  END LOOP;
END $$;
"""


def _pg_load(settings_dict: dict, source: Path) -> None:
    """`pg_restore` writes the backup as SQL (checked complete first), and `psql` runs the
    clearing and that SQL in one transaction: everything is replaced, or on any error nothing."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="hefboom-restore-") as folder:
        script = Path(folder) / "restore.sql"
        _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges",
              f"--file={script}", str(source)], settings_dict, "read the PostgreSQL backup")
        _run(["psql", "--no-psqlrc", "--quiet", "--no-password", "--single-transaction",
              "--set=ON_ERROR_STOP=1", "--output=/dev/null", f"--command={_DROP_ALL}",
              f"--file={script}"], settings_dict, "restore the PostgreSQL database")


def _pg_environment(settings_dict: dict) -> dict:
    env = dict(os.environ)
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"),
                          ("PGPASSWORD", "PASSWORD"), ("PGDATABASE", "NAME")):
        value = settings_dict.get(key)
        if value:
            env[variable] = str(value)
        else:
            env.pop(variable, None)
    options = settings_dict.get("OPTIONS", {})
    for variable, key in (("PGSSLMODE", "sslmode"), ("PGSSLROOTCERT", "sslrootcert"),
                          ("PGSSLCERT", "sslcert"), ("PGSSLKEY", "sslkey")):
        if options.get(key):
            env[variable] = str(options[key])
    return env


def _run(command: list[str], settings_dict: dict, purpose: str) -> None:
    check_tools(settings_dict, command[0])
    try:
        # A fixed program and arguments from the settings, no shell: nothing to inject into.
        result = subprocess.run(command, env=_pg_environment(settings_dict),  # noqa: S603
                                capture_output=True, text=True, check=False)
    except OSError as exc:
        raise BackupError(f"Could not start {command[0]} to {purpose}: {exc}.") from None
    if result.returncode != 0:
        detail = result.stderr.strip() or f"exit status {result.returncode}"
        raise BackupError(f"{command[0]} could not {purpose}: {detail}")
