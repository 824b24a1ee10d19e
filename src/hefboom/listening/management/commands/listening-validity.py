"""`hefboom listening-validity`: how accurate language identification and lexicon sentiment are."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hefboom.listening import validity


class Command(BaseCommand):
    help = ("Report the accuracy of language identification and of the sentiment tiers (word "
            "lists; a classifier trained by cross-validation on the labelled set) per language "
            "(Dutch, French, English) on labelled text, next to the majority-class "
            "baseline: Hefboom's own labelled set (shipped with the package) and, with "
            "--parlamint DIR, the sentence-level sentiment labels (ParlaSent) of ParlaMint "
            "samples (the folder holding their -ana-meta.tsv and TEI files). Prints a Markdown "
            "table, or JSON with --json. Reads no database and writes nothing.")

    def add_arguments(self, parser):
        parser.add_argument("--parlamint", metavar="DIR",
                            help="folder of ParlaMint samples (e.g. ../shared/data/parlamint-be)")
        parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
        parser.add_argument("--no-trained", action="store_true",
                            help="leave out the trained tier (its cross-validation takes a few seconds)")

    def handle(self, *args, parlamint=None, json=False, no_trained=False, **options):
        folder = None
        if parlamint:
            folder = Path(parlamint)
            if not folder.is_dir():
                raise CommandError(f"{parlamint} is not a folder: give the folder that holds the "
                                   "ParlaMint samples (their -ana-meta.tsv and .xml files).")
            if not any(folder.rglob("*-ana-meta.tsv")):
                raise CommandError(f"{parlamint} holds no -ana-meta.tsv file: these carry the "
                                   "sentence labels; give the folder of the ParlaMint samples.")
        try:
            report = validity.run(folder, trained=not no_trained)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(validity.main_json(report) if json else validity.table(report))
