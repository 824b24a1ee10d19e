"""Backup and restore on whatever database the suite runs on (SQLite, or PostgreSQL when
DATABASE_URL is set): a round trip gives back an identical system, compared by export, and every
bad backup is refused before anything changes."""

import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command

from hefboom.backup.manifest import MANIFEST
from hefboom.monitoring import actions
from hefboom.monitoring.models import Channel, Contact, Evidence, Outcome

pytestmark = pytest.mark.django_db(transaction=True)

EVIDENCE_BYTES = b"%PDF-1.4 Verslag van het overleg (verzonnen)\n" * 20


@pytest.fixture
def data_dir(settings, tmp_path):
    """Uploads and corpus in a folder of this test's own."""
    data = tmp_path / "data"
    settings.DATA_DIR = data
    settings.MEDIA_ROOT = data / "uploads"
    corpus = data / "corpus" / "2024"
    corpus.mkdir(parents=True)
    (corpus / "articles.parquet").write_bytes(b"PAR1 invented corpus rows PAR1")
    return data


@pytest.fixture
def records(alice, dossier, open_contact, confidential_contact, data_dir):
    outcome = actions.record_outcome(alice, Outcome(
        title="Quotum verhoogd", description="De regering verhoogt het quotum",
        date=dt.date(2023, 6, 1), change_type="policy_content"), dossiers=[dossier])
    evidence = actions.add_evidence(alice, Evidence(
        outcome=outcome, source_type="document",
        file=ContentFile(EVIDENCE_BYTES, name="verslag.pdf")))
    return {"outcome": outcome, "evidence": evidence}


def export() -> str:
    """Every table as `hefboom dumpdata` writes it: the export the round trip compares."""
    out = io.StringIO()
    call_command("dumpdata", "--indent", "1", stdout=out)
    return out.getvalue()


def files_under(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def backup(folder: Path) -> str:
    out = io.StringIO()
    call_command("backup", "--output", str(folder), stdout=out)
    return out.getvalue()


def restore(folder: Path, *extra) -> str:
    out = io.StringIO()
    call_command("restore", str(folder), "--yes", *extra, stdout=out)
    return out.getvalue()


def test_round_trip_restores_an_identical_system(alice, records, data_dir, tmp_path):
    before = export()
    files_before = files_under(data_dir / "uploads")
    corpus_before = files_under(data_dir / "corpus")
    assert any(content == EVIDENCE_BYTES for content in files_before.values())

    output = backup(tmp_path / "backup-1")
    assert "Backup complete" in output
    manifest = json.loads((tmp_path / "backup-1" / MANIFEST).read_text())
    assert manifest["engine"] in ("sqlite", "postgresql")
    assert manifest["migrations"]["monitoring"].startswith("00")
    assert {f["path"] for f in manifest["files"]} >= {
        manifest["database"], "corpus/2024/articles.parquet", f"uploads/{records['evidence'].file.name}"}

    # Changes after the backup: a new contact, a deletion, a changed and a new file.
    actions.record_contact(alice, Contact(date=dt.date(2024, 1, 5), channel=Channel.CALL,
                                          summary="Na de back-up"), our_participants=[alice],
                          dossiers=[records["outcome"].dossiers.get()])
    Evidence.objects.filter(pk=records["evidence"].pk).delete()
    Path(records["evidence"].file.path).write_bytes(b"overwritten")
    (data_dir / "uploads" / "extra.txt").write_text("added later")
    shutil.rmtree(data_dir / "corpus")
    assert export() != before

    output = restore(tmp_path / "backup-1")
    assert "Restore complete" in output
    assert export() == before
    assert files_under(data_dir / "uploads") == files_before
    assert files_under(data_dir / "corpus") == corpus_before
    assert not [p for p in data_dir.iterdir() if ".restoring-" in p.name or ".replaced-" in p.name]


def test_a_damaged_file_is_refused_before_anything_changes(alice, records, data_dir, tmp_path):
    backup(tmp_path / "b")
    evidence = next((tmp_path / "b" / "uploads").rglob("verslag*.pdf"))
    evidence.write_bytes(EVIDENCE_BYTES.replace(b"overleg", b"OVERLEG"))  # same size, other bytes
    actions.record_contact(alice, Contact(date=dt.date(2024, 1, 5), channel=Channel.CALL,
                                          summary="Blijft staan"), our_participants=[alice],
                          dossiers=[records["outcome"].dossiers.get()])
    before = export()
    with pytest.raises(CommandError, match=r"verslag.*does not match its checksum"):
        restore(tmp_path / "b")
    assert export() == before


def test_a_backup_from_a_newer_schema_or_another_engine_is_refused(records, tmp_path):
    backup(tmp_path / "b")
    path = tmp_path / "b" / MANIFEST
    original = json.loads(path.read_text())

    newer = {**original, "migrations": {**original["migrations"], "monitoring": "0999_future"}}
    path.write_text(json.dumps(newer))
    with pytest.raises(CommandError, match=r"newer Hefboom.*monitoring\.0999_future.*Upgrade"):
        restore(tmp_path / "b")

    other = "postgresql" if original["engine"] == "sqlite" else "sqlite"
    path.write_text(json.dumps({**original, "engine": other}))
    with pytest.raises(CommandError, match=f"backup of a {other} database"):
        restore(tmp_path / "b")

    path.write_text(json.dumps({**original, "files": [
        *original["files"], {"path": "../../etc/passwd", "size": 1, "sha256": "0"}]}))
    with pytest.raises(CommandError, match="outside the backup"):
        restore(tmp_path / "b")


def test_an_older_backup_is_restored_with_a_reminder_to_migrate(records, tmp_path):
    backup(tmp_path / "b")
    path = tmp_path / "b" / MANIFEST
    manifest = json.loads(path.read_text())
    manifest["migrations"]["monitoring"] = "0001_initial"  # as if made before the later ones
    path.write_text(json.dumps(manifest))
    assert "run `hefboom migrate` now" in restore(tmp_path / "b")


def test_a_table_made_after_the_backup_is_gone_after_restoring(records, tmp_path):
    """As after restoring a backup from before an upgrade: `migrate` can make its tables again."""
    from django.db import connection

    backup(tmp_path / "b")
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE later_upgrade (id integer PRIMARY KEY)")
    restore(tmp_path / "b")
    assert "later_upgrade" not in connection.introspection.table_names()


def test_what_is_not_a_complete_backup_is_refused(records, tmp_path):
    with pytest.raises(CommandError, match="no such folder"):
        restore(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(CommandError, match="not a Hefboom backup: it has no manifest.json"):
        restore(tmp_path / "empty")
    backup(tmp_path / "b")
    (tmp_path / "b").rename(tmp_path / "c.partial")
    with pytest.raises(CommandError, match="unfinished backup"):
        restore(tmp_path / "c.partial")
    with pytest.raises(CommandError, match="unfinished c.partial: that backup was interrupted"):
        restore(tmp_path / "c")


def test_restore_asks_for_confirmation_without_yes(records, tmp_path, monkeypatch):
    backup(tmp_path / "b")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    with pytest.raises(CommandError, match="confirm with --yes"):
        call_command("restore", str(tmp_path / "b"), stdout=io.StringIO())


def test_backup_refuses_a_used_folder_and_a_missing_parent(records, tmp_path):
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "notes.txt").write_text("mine")
    with pytest.raises(CommandError, match="already exists and is not empty"):
        backup(tmp_path / "used")
    with pytest.raises(CommandError, match="does not exist"):
        backup(tmp_path / "no" / "such" / "backup")
    assert (tmp_path / "used" / "notes.txt").read_text() == "mine"
    assert not list(tmp_path.glob("*.partial"))


@pytest.mark.django_db(transaction=False)
def test_a_missing_postgresql_client_is_named_before_any_work(monkeypatch, tmp_path):
    from hefboom.backup.engines import check_tools
    from hefboom.backup.manifest import BackupError

    monkeypatch.setenv("PATH", str(tmp_path))  # no pg_dump here
    with pytest.raises(BackupError, match="pg_dump was not found on the PATH. Install the PostgreSQL"):
        check_tools({"ENGINE": "django.db.backends.postgresql"}, "pg_dump")
    check_tools({"ENGINE": "django.db.backends.sqlite3"}, "pg_dump")  # SQLite needs none
