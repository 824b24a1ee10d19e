"""`hefboom ingest SOURCE PATH...`: read texts into the listening corpus (a thin wrapper over
`hefboom.listening.ingest.ingest`)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from hefboom.listening.dedup import DEFAULT_THRESHOLD
from hefboom.listening.ingest import BATCH_SIZE, ingest
from hefboom.listening.sources import SOURCES, SourceError
from hefboom.listening.store import StoreBusy


def _threshold(value: str) -> float:
    number = float(value)
    if not 0 < number <= 1:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = ("Read texts from a source into the listening corpus (DATA_DIR/corpus): exact duplicates "
            "are left out, near-duplicates marked, the analysis steps run, and what the web app "
            "shows is written back. Running the same command again adds only what is new, so an "
            "interrupted ingest simply continues. Sources: " + ", ".join(sorted(SOURCES)) + ".")

    def add_arguments(self, parser):
        parser.add_argument("source", help="The source: " + ", ".join(sorted(SOURCES)) + ".")
        parser.add_argument("paths", nargs="+", metavar="PATH",
                            help="Files, folders or URLs, as the source reads them (e.g. a ParlaMint "
                                 "corpus folder).")
        progress = parser.add_mutually_exclusive_group()
        progress.add_argument("--progress", dest="progress", action="store_true", default=None,
                              help="Show a progress bar on stderr (default: only on a terminal).")
        progress.add_argument("--no-progress", dest="progress", action="store_false",
                              help="Never show the progress bar.")
        parser.add_argument("--near-dup-threshold", type=_threshold, default=DEFAULT_THRESHOLD,
                            metavar="J", help="Estimated Jaccard similarity of word 3-grams (0-1] at "
                                              "which an item is marked a near-duplicate of an earlier "
                                              f"one (default {DEFAULT_THRESHOLD}).")
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE,
                            help=f"Items per stored file (default {BATCH_SIZE:,}).")
        parser.add_argument("-o", "--option", action="append", default=[], metavar="KEY=VALUE",
                            help="An option of the source, repeatable: e.g. -o preset=coosto "
                                 "-o mapping=cols.toml for csv, -o missing_date=file for web and docs. "
                                 "docs/listening-sources.md lists each source's options.")
        parser.add_argument("--workers", type=int, default=None, metavar="N",
                            help="Processes that run the analysis steps (0: in this process). "
                                 "Default: one per core for inputs of 10 MB and more, else 0.")

    def handle(self, *args, **options):
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        if options["workers"] is not None and options["workers"] < 0:
            raise CommandError("--workers must be 0 or more.")
        source_options = {}
        for pair in options["option"]:
            key, sep, value = pair.partition("=")
            if not sep or not key.strip():
                raise CommandError(f"--option {pair!r}: write it as KEY=VALUE, e.g. -o preset=coosto.")
            source_options[key.strip().replace("-", "_")] = value.strip()
        try:
            result = ingest(options["source"], options["paths"], progress=options["progress"],
                            near_dup_threshold=options["near_dup_threshold"],
                            batch_size=options["batch_size"], source_options=source_options,
                            workers=options["workers"])
        except TypeError as exc:
            if "unexpected keyword argument" not in str(exc):
                raise
            raise CommandError(f"{options['source']}: unknown option ({exc}). docs/listening-sources.md "
                               "lists each source's options.") from None
        except (SourceError, StoreBusy) as exc:
            raise CommandError(str(exc)) from None
        for note in result.notes:
            self.stdout.write(note)
        for reason, count in sorted(result.skipped.items()):
            self.stdout.write(_("Left out by the source: %(n)s (%(reason)s)") % {"n": f"{count:,}",
                                                                            "reason": reason})
        for reason, count in sorted(result.fallbacks.items()):
            self.stdout.write(_("Read with a stand-in: %(n)s (%(reason)s)") % {"n": f"{count:,}",
                                                                          "reason": reason})
        self.stdout.write(result.summary())
