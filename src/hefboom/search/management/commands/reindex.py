"""`hefboom reindex`: rebuild the full-text search index from the records."""

from django.core.management.base import BaseCommand

from hefboom.search.indexing import rebuild


class Command(BaseCommand):
    help = ("Rebuild the full-text search index from all records (after a restore, a fixture load "
            "or a database migration that touched the index).")

    def handle(self, *args, **options):
        def progress(kind, count):
            if count and count % 10_000 == 0:
                self.stdout.write(f"  {kind}: {count}…")

        counts = rebuild(progress=progress)
        for kind, count in counts.items():
            self.stdout.write(f"{kind}: {count}")
        self.stdout.write(self.style.SUCCESS(f"Indexed {sum(counts.values())} records."))
