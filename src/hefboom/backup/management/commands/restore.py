"""`hefboom restore DIR`: replace the database, uploaded files and corpus store by a backup's."""

import shutil
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hefboom.backup.actions import RestoreIncomplete, check_backup, restore_backup
from hefboom.backup.manifest import BackupError


class Command(BaseCommand):
    help = ("Restore a folder made by `hefboom backup`. Every file's checksum, the database "
            "engine and the schema are checked before anything changes; the database is "
            "replaced in one transaction (all or nothing) and the file folders are swapped in "
            "afterwards. Stop the server and the task worker first.")

    def add_arguments(self, parser):
        parser.add_argument("folder", metavar="DIR", help="The backup folder.")
        parser.add_argument("--yes", "--noinput", action="store_true", dest="yes",
                            help="Do not ask for confirmation.")

    def handle(self, *args, folder, yes=False, **options):
        try:
            plan = check_backup(Path(folder), progress=self.stdout.write)
        except (BackupError, OSError, shutil.Error) as exc:  # a full disk, a permission
            raise CommandError(f"Nothing was restored: {exc}") from None
        self.stdout.write(plan.text())
        if not yes:
            if not sys.stdin.isatty():
                raise CommandError("Nothing was restored: confirm with --yes (there is no "
                                   "terminal to ask on).")
            answer = input("Type 'yes' to restore: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing was restored (not confirmed).")
        try:
            text = restore_backup(plan, progress=self.stdout.write)
        except RestoreIncomplete as exc:
            raise CommandError(str(exc)) from None
        except (BackupError, OSError, shutil.Error) as exc:  # a full disk, a permission
            raise CommandError(f"Nothing was restored: {exc}") from None
        self.stdout.write(self.style.SUCCESS(text))
