"""A backup's manifest: what the folder holds, from which Hefboom and schema, with a SHA-256 of
every file, so that a restore can check the whole backup before it touches anything.

The manifest is written last; a folder without one (or still named `*.partial`) was never
finished and is refused.
"""

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import hefboom

MANIFEST = "manifest.json"
FORMAT = 1
PARTIAL_SUFFIX = ".partial"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore cannot go on; the message says why and what to do."""


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class Manifest:
    engine: str  # "sqlite" or "postgresql"
    migrations: dict[str, str]  # app label -> latest applied migration
    database: str  # the database file inside the backup
    trees: dict[str, bool] = field(default_factory=dict)  # "uploads"/"corpus" -> was present
    files: list[dict] = field(default_factory=list)  # {"path", "size", "sha256"}
    version: str = hefboom.__version__
    created_at: str = ""
    format: int = FORMAT

    def to_json(self) -> str:
        return json.dumps({
            "format": self.format, "hefboom_version": self.version, "engine": self.engine,
            "created_at": self.created_at, "migrations": self.migrations,
            "database": self.database, "trees": self.trees, "files": self.files,
        }, indent=2, ensure_ascii=False, sort_keys=True)

    @property
    def total_bytes(self) -> int:
        return sum(f["size"] for f in self.files)


def list_files(root: Path, prefix: str) -> list[dict]:
    """Every regular file under `root` with its size and checksum, as paths below `prefix`."""
    found = []
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        for name in sorted(names):
            path = Path(folder, name)
            if path.is_file() and not path.is_symlink():
                relative = PurePosixPath(prefix, path.relative_to(root).as_posix())
                found.append({"path": str(relative), "size": path.stat().st_size,
                              "sha256": sha256(path)})
    return found


def write(manifest: Manifest, folder: Path) -> None:
    manifest.created_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    target = folder / MANIFEST
    partial = folder / f".{MANIFEST}.tmp"
    with partial.open("w", encoding="utf-8") as stream:
        stream.write(manifest.to_json())
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(partial, target)


def read(folder: Path) -> Manifest:
    """The manifest of the backup in `folder`; a clear BackupError when it is not one."""
    if folder.name.endswith(PARTIAL_SUFFIX):
        raise BackupError(f"{folder} is an unfinished backup (its name ends in {PARTIAL_SUFFIX}: "
                          "the backup was interrupted before it was complete). Restore a complete "
                          "backup instead, and delete this folder.")
    if not folder.exists():
        hint = ""
        if folder.with_name(folder.name + PARTIAL_SUFFIX).exists():
            hint = (f" There is an unfinished {folder.name}{PARTIAL_SUFFIX}: that backup was "
                    "interrupted and cannot be restored.")
        raise BackupError(f"{folder}: no such folder.{hint}")
    if not folder.is_dir():
        raise BackupError(f"{folder} is not a folder; give the folder `hefboom backup` wrote.")
    path = folder / MANIFEST
    if not path.is_file():
        raise BackupError(f"{folder} is not a Hefboom backup: it has no {MANIFEST}. Give the "
                          "folder `hefboom backup --output` wrote.")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        manifest = Manifest(
            engine=data["engine"], migrations=dict(data["migrations"]), database=data["database"],
            trees=dict(data.get("trees", {})), files=list(data["files"]),
            version=data["hefboom_version"], created_at=data["created_at"], format=data["format"])
    except (ValueError, KeyError, TypeError) as exc:
        raise BackupError(f"{path} is damaged or not a Hefboom manifest ({exc}).") from None
    if manifest.format != FORMAT:
        raise BackupError(f"{path} has backup format {manifest.format}; this Hefboom "
                          f"({hefboom.__version__}) reads format {FORMAT}. Restore it with the "
                          "Hefboom version that made it.")
    for entry in manifest.files:
        _safe_path(entry.get("path", ""), path)
    _safe_path(manifest.database, path)
    return manifest


def _safe_path(name: str, manifest_path: Path) -> None:
    pure = PurePosixPath(name)
    if not name or pure.is_absolute() or ".." in pure.parts:
        raise BackupError(f"{manifest_path} names the file {name!r}, which lies outside the "
                          "backup; this manifest cannot be trusted.")


def verify(manifest: Manifest, folder: Path, progress=None) -> None:
    """Check every file's size and SHA-256 against the manifest; raise on the first difference."""
    listed = {entry["path"] for entry in manifest.files}
    if manifest.database not in listed:
        raise BackupError(f"{folder / MANIFEST} does not list the database file "
                          f"{manifest.database}; the backup is incomplete.")
    for done, entry in enumerate(manifest.files, start=1):
        path = folder / entry["path"]
        if not path.is_file():
            raise BackupError(f"{path} is missing from the backup; it cannot be restored. "
                              "Use another backup.")
        size = path.stat().st_size
        if size != entry["size"] or sha256(path) != entry["sha256"]:
            raise BackupError(f"{path} does not match its checksum in {MANIFEST} (changed or "
                              "damaged since the backup was made); nothing was restored. Use "
                              "another backup.")
        if progress:
            progress(done, len(manifest.files))
