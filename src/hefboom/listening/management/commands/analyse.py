"""`hefboom analyse`: run the analysis steps again over the whole corpus (a thin wrapper over
`hefboom.listening.ingest.analyse`)."""

import sys

from django.core.management.base import BaseCommand, CommandError

from hefboom.listening.ingest import analyse, default_steps
from hefboom.listening.sources import SourceError
from hefboom.listening.store import StoreBusy


class Command(BaseCommand):
    help = ("Run the analysis steps again over every item in the listening corpus, e.g. after "
            "dossier terms, names or frame word lists changed or a trained sentiment model "
            "arrived. Each stored file is replaced whole; an interrupted run leaves every file "
            "either as it was or analysed anew, and can simply be run again.")

    def add_arguments(self, parser):
        names = ", ".join(getattr(s, "step_name", s.__name__) for s in default_steps()) or "none yet"
        parser.add_argument("--steps", default="", metavar="NAME,...",
                            help=f"Only these steps, comma-separated (default: all: {names}).")
        parser.add_argument("--progress", dest="progress", action="store_true", default=None,
                            help="Show files done on stderr (default: only on a terminal).")
        parser.add_argument("--no-progress", dest="progress", action="store_false")

    def handle(self, *args, **options):
        names = [n.strip() for n in options["steps"].split(",") if n.strip()]
        show = sys.stderr.isatty() if options["progress"] is None else options["progress"]

        def progress(done, total):
            if show:
                sys.stderr.write(f"\r{done}/{total} files\033[K" + ("\n" if done == total else ""))
                sys.stderr.flush()

        try:
            result = analyse(step_names=names, progress=progress)
        except (SourceError, StoreBusy) as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(result.summary())
