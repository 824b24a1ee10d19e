"""`hefboom uptake import FILE...`, `hefboom uptake scan` and `hefboom uptake list`: the policy
corpus and the search for our words in it, from the command line (thin over uptake.actions and
uptake.scan)."""

import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hefboom.actors.models import PoliticalLevel
from hefboom.uptake import actions, scan
from hefboom.uptake.models import DocumentStatus, PolicyDocument, PolicyKind


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"--date {value!r}: give the date as YYYY-MM-DD.") from exc


class Command(BaseCommand):
    help = ("Where our words appear in policy: 'import' adds policy documents (coalition "
            "agreements, policy notes, decisions, questions, resolutions) to the corpus, 'scan' "
            "looks for the passages of our outputs in them, 'list' shows the documents and why "
            "any was not analysed.")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="{import,scan,list}")
        imp = sub.add_parser(
            "import", help="Import policy documents (.txt, .html, .pdf, .docx).",
            description="Import policy documents (.txt, .html, .pdf, .docx). Each gets a status: "
                        "waiting for the next scan, or not analysed with the reason (no text, "
                        "no date, another language, too long). One bad file never stops the "
                        "others.")
        imp.add_argument("files", nargs="+", metavar="FILE", help="The documents to import.")
        imp.add_argument("--kind", choices=PolicyKind.values, default=PolicyKind.OTHER,
                         help="What kind of document (default: other).")
        imp.add_argument("--institution", default="", help="Who issued it.")
        imp.add_argument("--level", choices=PoliticalLevel.values, default="",
                         help="Its political level.")
        imp.add_argument("--date", type=_date, default=None,
                         help="Its date, YYYY-MM-DD (without it the document is not analysed).")
        imp.add_argument("--title", default="",
                         help="Its title (default: the file name; one file only).")
        imp.add_argument("--url", default="", help="A link to the original.")
        scan_parser = sub.add_parser(
            "scan", help="Look for our outputs' passages in the policy corpus.",
            description="Look for our outputs' passages in the documents not scanned yet (and "
                        "in all documents for outputs whose text changed since their last "
                        "scan). Progress goes to standard error, a summary to standard output.")
        scan_parser.add_argument("--all", action="store_true", dest="full",
                                 help="Rescan every document and output.")
        scan_parser.add_argument("--crosslingual", action="store_true",
                                 help="Also look for translated reuse (Dutch/French/English); "
                                      "slower and weaker evidence.")
        sub.add_parser("list", help="List the policy documents with their status.",
                       description="List the policy documents with their status and, for those "
                                   "not analysed, why.")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _import(self, files, kind, institution, level, date, title, url, **_options):
        if title and len(files) > 1:
            raise CommandError("--title names one document; import the files one by one.")
        bad = 0
        for name in files:
            path = Path(name)
            try:
                data = path.read_bytes()
            except OSError as exc:
                self.stderr.write(f"{name}: cannot be read ({exc.strerror}); skipped.")
                bad += 1
                continue
            document = actions.import_document(
                None, name=path.name, data=data, title=title or path.stem, kind=kind,
                institution=institution, level=level, date=date, url=url)
            if document.status == DocumentStatus.NOT_ANALYSED:
                bad += 1
                self.stdout.write(f"{name}: imported as document {document.pk}, not analysed "
                                  f"because {document.status_reason}")
            else:
                self.stdout.write(f"{name}: imported as document {document.pk} "
                                  f"({document.language}, {len(document.text):,} characters); "
                                  f"waits for `hefboom uptake scan`.")
        if bad == len(files):
            raise CommandError("No document can be analysed; see the reasons above.")

    def _scan(self, full, crosslingual, **_options):
        run = scan.run_scan(full=full, crosslingual=crosslingual, stream=self.stderr)
        self.stdout.write(scan.summary(run))

    def _list(self, **_options):
        for document in PolicyDocument.objects.order_by("pk"):
            date = document.date.isoformat() if document.date else "no date"
            line = (f"{document.pk:>5}  {date:<10}  {document.get_status_display():<28}  "
                    f"{document.title}")
            if document.status_reason:
                line += f"  — {document.status_reason}"
            self.stdout.write(line)
