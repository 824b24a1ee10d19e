"""Writing files that commands hand to people: never half a file, never into a missing folder."""

import os
import tempfile
from pathlib import Path

from django.core.management import CommandError


def check_writable(target: Path) -> None:
    """Stop a command before any work when `target`'s folder does not exist."""
    if not target.parent.is_dir():
        raise CommandError(f"Cannot write {target}: the folder {target.parent} does not exist.")


def write_atomically(target: Path, content: bytes) -> None:
    """Write beside `target` and rename, so a reader never sees half a file and a failure
    leaves the old file (or none) in place."""
    handle, partial = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(partial, target)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
