"""`hefboom backup --output DIR`: the database, uploaded files and corpus store in one folder."""

import shutil
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hefboom.backup.actions import create_backup
from hefboom.backup.manifest import BackupError


class Command(BaseCommand):
    help = ("Back up everything Hefboom stores: the database (SQLite's online backup, or "
            "pg_dump for PostgreSQL; safe while the server runs), the uploaded files and the "
            "corpus store, with a manifest of checksums. The folder is written as DIR.partial "
            "and renamed to DIR only when complete.")

    def add_arguments(self, parser):
        parser.add_argument("--output", metavar="DIR", required=True,
                            help="The backup folder to create (it must not exist, or be empty).")

    def handle(self, *args, output, **options):
        try:
            summary = create_backup(Path(output), progress=self.stdout.write)
        except (BackupError, OSError, shutil.Error) as exc:  # a full disk, a permission
            raise CommandError(f"No backup was made: {exc}") from None
        self.stdout.write(self.style.SUCCESS(summary.text()))
