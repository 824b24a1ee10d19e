"""Copy the PostgreSQL test database for a test's subprocesses, with pg_dump and pg_restore.

`CREATE DATABASE ... TEMPLATE` would need every other session on the test database closed, and a
finished thread of an earlier test may still hold one; ending it breaks whoever reuses it.
"""

import os
import subprocess


def _env(settings_dict):
    return {**os.environ, "PGHOST": settings_dict.get("HOST") or "localhost",
            "PGPORT": str(settings_dict.get("PORT") or 5432),
            "PGUSER": settings_dict.get("USER") or "",
            "PGPASSWORD": settings_dict.get("PASSWORD") or ""}


def copy_database(settings_dict, name):
    """A new database `name` with the committed schema and rows of the test database."""
    env = _env(settings_dict)
    subprocess.run(["psql", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-q", "-c",
                    f'CREATE DATABASE "{name}"'], env=env, check=True)
    dump = subprocess.run(["pg_dump", "--format=custom", "--no-owner", settings_dict["NAME"]],
                          env=env, check=True, capture_output=True).stdout
    subprocess.run(["pg_restore", "--no-owner", "--exit-on-error", "-d", name], input=dump,
                   env=env, check=True, capture_output=True)
