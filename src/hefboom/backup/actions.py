"""Making a backup and restoring one: the two actions behind `hefboom backup` and `hefboom restore`.

A backup is a folder: the database (`database.sqlite3` or `database.pgdump`), the uploaded files
(`uploads/`), the corpus store (`corpus/`, when there is one) and `manifest.json`. It is written
as `DIR.partial` and renamed to `DIR` only when complete, so an interrupted backup never looks
like a finished one. A restore checks every checksum, the engine and the schema before it
changes anything, copies the files beside their live folders, replaces the database in one
transaction and only then swaps the folders in.
"""

import datetime as dt
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.db import connection

from hefboom.backup import engines
from hefboom.backup.manifest import (
    MANIFEST,
    PARTIAL_SUFFIX,
    BackupError,
    Manifest,
    list_files,
    read,
    sha256,
    verify,
)
from hefboom.backup.manifest import write as write_manifest

Progress = Callable[[str], None]


def _quiet(_message: str) -> None:
    pass


def data_trees() -> dict[str, Path]:
    """The folders of files a backup holds besides the database, by their name in the backup."""
    corpus = getattr(settings, "CORPUS_ROOT", None) or Path(settings.DATA_DIR) / "corpus"
    return {"uploads": Path(settings.MEDIA_ROOT), "corpus": Path(corpus)}


def size_text(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:,} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return ""


# --- the schema ----------------------------------------------------------------------------


def _loader():
    from django.db.migrations.loader import MigrationLoader

    return MigrationLoader(connection, ignore_no_migrations=True)


def migration_state() -> dict[str, str]:
    """The latest applied migration of each app, in the configured database."""
    loader = _loader()
    latest: dict[str, tuple[int, str]] = {}
    for app, name in loader.applied_migrations:
        key = (app, name)
        depth = len(loader.graph.forwards_plan(key)) if key in loader.graph.nodes else 0
        if depth >= latest.get(app, (-1, ""))[0]:
            latest[app] = (depth, name)
    return {app: name for app, (_depth, name) in sorted(latest.items())}


def schema_difference(backup: dict[str, str]) -> tuple[list[str], list[str]]:
    """(newer, older): the backup's migrations this code does not know, and the apps whose
    latest migration in the backup is behind this code's."""
    loader = _loader()
    newer = [f"{app}.{name}" for app, name in sorted(backup.items())
             if (app, name) not in loader.disk_migrations]
    leaves = {app: name for app, name in loader.graph.leaf_nodes()}
    older = [app for app, name in sorted(backup.items())
             if f"{app}.{name}" not in newer and leaves.get(app) not in (None, name)]
    older += [app for app in sorted(leaves) if app not in backup]
    return newer, older


# --- backup --------------------------------------------------------------------------------


@dataclass
class BackupSummary:
    folder: Path
    manifest: Manifest
    seconds: float

    def text(self) -> str:
        database = next(f["size"] for f in self.manifest.files
                        if f["path"] == self.manifest.database)
        parts = [f"database ({self.manifest.engine}) {size_text(database)}"]
        for tree, present in self.manifest.trees.items():
            files = [f for f in self.manifest.files if f["path"].startswith(f"{tree}/")]
            parts.append(f"{tree} {_count(len(files), 'file')} "
                         f"({size_text(sum(f['size'] for f in files))})"
                         if present else f"{tree}: none")
        return f"Backup complete: {self.folder} — {', '.join(parts)}; {self.seconds:.1f} s."


def create_backup(output: Path, *, progress: Progress = _quiet) -> BackupSummary:
    started = time.monotonic()
    output = Path(output).absolute()
    settings_dict = connection.settings_dict
    engine = engines.engine_of(settings_dict)
    _check_output(output)
    engines.check_tools(settings_dict, "pg_dump")
    partial = output.with_name(output.name + PARTIAL_SUFFIX)
    if partial.exists():
        progress(f"Removing {partial}, left by an interrupted backup.")
        shutil.rmtree(partial)
    partial.mkdir()
    try:
        database = engines.database_file(engine)
        progress(f"Database ({engine}): copying…")
        engines.dump(settings_dict, partial / database)
        progress(f"Database: {size_text((partial / database).stat().st_size)}.")
        trees = {}
        for name, live in data_trees().items():
            trees[name] = live.is_dir()
            if trees[name]:
                progress(f"Files in {live}: copying…")
                shutil.copytree(live, partial / name, symlinks=False)
            else:
                progress(f"No {name} folder at {live}; nothing to copy.")
        progress("Checksums…")
        files = [_file_entry(partial, database)]
        for name, present in trees.items():
            if present:
                files.extend(list_files(partial / name, name))
        manifest = Manifest(engine=engine, migrations=migration_state(), database=database,
                            trees=trees, files=files)
        _sync_tree(partial)
        write_manifest(manifest, partial)
        os.rename(partial, output)  # the backup exists, complete, or not at all
        _sync_dir(output.parent)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return BackupSummary(output, manifest, time.monotonic() - started)


def _file_entry(folder: Path, name: str) -> dict:
    path = folder / name
    return {"path": name, "size": path.stat().st_size, "sha256": sha256(path)}


def _check_output(output: Path) -> None:
    if not output.parent.is_dir():
        raise BackupError(f"Cannot write {output}: the folder {output.parent} does not exist.")
    if output.name.endswith(PARTIAL_SUFFIX):
        raise BackupError(f"Choose a backup folder whose name does not end in {PARTIAL_SUFFIX}; "
                          "that ending marks unfinished backups.")
    if output.exists() and (not output.is_dir() or any(output.iterdir())):
        raise BackupError(f"{output} already exists and is not empty; choose a new folder "
                          "(for example one named after today's date).")
    for name, live in data_trees().items():
        if output == live or live in output.parents:
            raise BackupError(f"{output} lies inside the {name} folder {live}, which the backup "
                              "copies; choose a folder outside the data directory's files.")


def _sync_tree(folder: Path) -> None:
    """Flush the copied files to disk before the manifest says they are complete."""
    for root, _dirs, names in os.walk(folder):
        for name in names:
            with open(Path(root, name), "rb") as stream:
                os.fsync(stream.fileno())
        _sync_dir(Path(root))


def _sync_dir(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class RestoreIncomplete(BackupError):
    """The database is restored, a file folder is not: the message says what to do."""


# --- restore -------------------------------------------------------------------------------


@dataclass
class RestorePlan:
    """What a restore will do, checked and ready; shown to the user before confirming."""

    folder: Path
    manifest: Manifest
    older_apps: list[str]

    def text(self) -> str:
        live = data_trees()
        trees = ", ".join(f"{live[name]} ({'from the backup' if present else 'emptied: none in the backup'})"
                          for name, present in self.manifest.trees.items()
                          if present or live[name].exists())
        return (f"Backup {self.folder}: Hefboom {self.manifest.version}, {self.manifest.engine}, "
                f"made {self.manifest.created_at}, {len(self.manifest.files)} files "
                f"({size_text(self.manifest.total_bytes)}), all checksums correct.\n"
                f"Restoring replaces the database {connection.settings_dict['NAME']}"
                + (f" and the folders {trees}" if trees else "")
                + " with the backup's; what is there now is lost.")


def check_backup(folder: Path, *, progress: Progress = _quiet) -> RestorePlan:
    """Everything a restore checks before it touches anything; raises BackupError."""
    folder = Path(folder).absolute()
    manifest = read(folder)
    engine = engines.engine_of(connection.settings_dict)
    if manifest.engine != engine:
        raise BackupError(f"{folder} is a backup of a {manifest.engine} database, and this "
                          f"Hefboom uses {engine}. Restore it into a Hefboom configured for "
                          f"{manifest.engine} (DATABASE_URL), then move the data with "
                          "`hefboom dumpdata` / `hefboom loaddata` if you need to switch.")
    newer, older = schema_difference(manifest.migrations)
    if newer:
        raise BackupError(f"{folder} was made by a newer Hefboom ({manifest.version}) with "
                          f"migrations this one ({settings_version()}) does not have: "
                          f"{', '.join(newer[:5])}{'…' if len(newer) > 5 else ''}. Upgrade "
                          "Hefboom first, then restore.")
    engines.check_tools(connection.settings_dict, "pg_restore", "psql")
    progress(f"Checking {len(manifest.files)} files ({size_text(manifest.total_bytes)})…")
    last = [time.monotonic()]

    def report(done, total):
        if time.monotonic() - last[0] > 2 or done == total:
            last[0] = time.monotonic()
            progress(f"  checked {done}/{total}")

    verify(manifest, folder, report)
    return RestorePlan(folder, manifest, older)


def settings_version() -> str:
    import hefboom

    return hefboom.__version__


def restore_backup(plan: RestorePlan, *, progress: Progress = _quiet) -> str:
    """Replace the database and the file folders by the backup's; all or nothing for the
    database, and the folders are swapped in only once the database is restored."""
    started = time.monotonic()
    staged = {}
    try:
        for name, live in data_trees().items():
            present = plan.manifest.trees.get(name, False)
            if not present and not live.exists():
                continue
            live.parent.mkdir(parents=True, exist_ok=True)
            for leftover in live.parent.glob(f".{name}.restoring-*"):  # from a killed restore
                shutil.rmtree(leftover, ignore_errors=True)
            staged[name] = Path(tempfile.mkdtemp(dir=live.parent, prefix=f".{name}.restoring-"))
            if present:
                progress(f"Copying {name} beside {live}…")
                _copy_listed(plan, name, staged[name])
        progress(f"Restoring the database ({plan.manifest.engine})…")
        engines.load(connection.settings_dict, plan.folder / plan.manifest.database)
    except BaseException:
        for path in staged.values():
            shutil.rmtree(path, ignore_errors=True)
        raise
    stamp = dt.datetime.now().strftime("%Y%m%d%H%M%S")
    for name, path in staged.items():
        live = data_trees()[name]
        old = live.with_name(f".{name}.replaced-{stamp}")
        try:
            if live.exists():
                os.rename(live, old)
            os.rename(path, live)
        except OSError as exc:
            raise RestoreIncomplete(
                f"The database was restored, but the {name} folder could not be put in place "
                f"({exc}). The backup's copy is {path}, the previous folder {old} if it exists: "
                f"move the backup's copy to {live} by hand, or run the restore again.") from None
        shutil.rmtree(old, ignore_errors=True)
    _forget_cached_rows()
    files = len(plan.manifest.files) - 1
    text = (f"Restore complete: the database and {_count(files, 'file')} from {plan.folder} "
            f"in {time.monotonic() - started:.1f} s.")
    if plan.older_apps:
        text += (" The backup's schema is older than this Hefboom's "
                 f"({', '.join(plan.older_apps[:5])}): run `hefboom migrate` now.")
    return text


def _copy_listed(plan: RestorePlan, tree: str, target: Path) -> None:
    """Copy the files of `tree` the manifest lists (and whose checksums were checked), only those."""
    for entry in plan.manifest.files:
        relative = PurePosixPath(entry["path"])
        if relative.parts[0] == tree:
            destination = target.joinpath(*relative.parts[1:])
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(plan.folder / entry["path"], destination)


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _forget_cached_rows() -> None:
    """Caches of rows that the restore may have changed under them."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()


__all__ = ["MANIFEST", "BackupError", "check_backup", "create_backup", "restore_backup"]
