"""Copy the PostgreSQL test database for a test's subprocesses, through the backup's own dump
and load (hefboom.backup.engines).

`CREATE DATABASE ... TEMPLATE` would need every other session on the test database closed, and a
finished thread of an earlier test may still hold one; ending it breaks whoever reuses it.
"""

import tempfile
from pathlib import Path

from django.db import connection

from hefboom.backup import engines


def copy_database(settings_dict, name):
    """A new database `name` with the committed schema and rows of the test database."""
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    with tempfile.TemporaryDirectory(prefix="hefboom-copy-") as folder:
        dump = Path(folder) / "database.pgdump"
        engines.dump(settings_dict, dump)
        engines.load({**settings_dict, "NAME": name}, dump)
