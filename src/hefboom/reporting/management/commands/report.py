"""`hefboom report`: the yearly funder report of a programme, as a workbook, a narrative report
or an IATI file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from hefboom.core.files import check_writable, write_atomically
from hefboom.reporting.formats import FORMATS, ReportError, build
from hefboom.reporting.selectors import ProgrammeChoiceError, programme_for


class Command(BaseCommand):
    help = ("Generate the yearly report of a programme: the funder's workbook (xlsx), the "
            "narrative report (docx, pdf or html) or the IATI 2.03 activity file (iati, checked "
            "against the official schema). The file is written only when it is complete.")

    def add_arguments(self, parser):
        parser.add_argument("--programme", metavar="P",
                            help="Programme code; may be left out when there is only one.")
        parser.add_argument("--year", type=int, required=True, help="The year to report on.")
        parser.add_argument("--format", dest="fmt", required=True, choices=list(FORMATS),
                            help="What to produce.")
        parser.add_argument("--output", metavar="FILE", required=True,
                            help="Where to write the file (replaced only when the new one is ready).")
        parser.add_argument("--language", default="nl", choices=["nl", "fr", "en"],
                            help="Language of the headings and labels (default nl).")

    def handle(self, *args, programme=None, year, fmt, output, language="nl", **options):
        try:
            chosen = programme_for(programme)
        except ProgrammeChoiceError as exc:
            raise CommandError(str(exc)) from exc
        years = range(chosen.start_date.year, chosen.end_date.year + 1)
        if year not in years:
            raise CommandError(f"{year} is outside the programme “{chosen}”, which runs from "
                               f"{years[0]} to {years[-1]}; choose a year in that range.")
        target = Path(output)
        check_writable(target)
        with translation.override(language):
            try:
                content = build(chosen, year, fmt, language)
            except ReportError as exc:
                raise CommandError(f"No {fmt} report was written: {exc}") from exc
        write_atomically(target, content)
        self.stdout.write(self.style.SUCCESS(
            f"Wrote the {year} {fmt} report of “{chosen}” to {target} ({len(content):,} bytes)."))
