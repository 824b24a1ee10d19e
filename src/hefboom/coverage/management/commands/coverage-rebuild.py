"""`hefboom coverage-rebuild`: recompute what the coverage dashboard counts."""

from django.core.management.base import BaseCommand

from hefboom.coverage.reach import rebuild


class Command(BaseCommand):
    help = ("Recompute the coverage dashboard's figures (which parties, levels, institution "
            "types and organisations each contact counts for, and the counts per theme, dossier "
            "and quarter) from all contacts and dated roles. Needed only after writes that "
            "bypass Hefboom's write path: a restore, a raw import, a bulk update in the shell.")

    def handle(self, *args, **options):
        def progress(kind, done, total):
            if done % 100_000 < 5000 or done == total:
                self.stdout.write(f"  {kind}: {done}/{total}…")

        counts = rebuild(progress=progress)
        self.stdout.write(self.style.SUCCESS(f"Wrote {counts} coverage counts."))
