"""`hefboom import-excel FILE`: the legacy monitoring workbook import from the command line.

A thin wrapper over `imports.excel.actions`: it only chooses the mapping and the user, and prints.
"""

import json
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from hefboom.accounts.models import Role, User
from hefboom.imports.excel import actions
from hefboom.imports.excel import mapping as mappings
from hefboom.imports.excel.errors import ImportFailed, Problem
from hefboom.imports.excel.fields import RECORD_TYPES
from hefboom.imports.excel.models import ExcelImport, ExcelMapping, ImportStatus
from hefboom.imports.excel.reader import read_workbook


class Command(BaseCommand):
    help = (
        "Import a legacy monitoring workbook (.xlsx): political contacts, outputs, outcomes and "
        "progress-marker observations. Run with --dry-run first: it lists every problem by sheet, "
        "row and column, and the names that need a decision. Importing the same rows twice adds "
        "nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The workbook (.xlsx).")
        parser.add_argument("--mapping", metavar="M",
                            help="A saved mapping's name or a JSON mapping file (default: the "
                                 "saved mapping for this layout, else the proposal).")
        parser.add_argument("--dry-run", action="store_true",
                            help="Check and report only; write nothing.")
        parser.add_argument("--user", metavar="USERNAME",
                            help="Record the import under this user (default: the first "
                                 "administrator).")
        uncertain = parser.add_mutually_exclusive_group()
        uncertain.add_argument("--accept-uncertain", action="store_true",
                               help="Use the best candidate for every uncertain name match.")
        uncertain.add_argument("--create-uncertain", action="store_true",
                               help="Create a new person or organisation for every uncertain "
                                    "name match.")
        parser.add_argument("--save-mapping", metavar="NAME",
                            help="Save the mapping used under this name, for the next import.")
        parser.add_argument("--show-mapping", action="store_true",
                            help="Print the mapping used as JSON (to edit and pass to --mapping).")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file.")
        started = time.monotonic()
        self.stdout.write(f"Reading {path.name}…")
        try:
            user = self._user(options["user"], required=not options["dry_run"])
            mapping = mappings.load(options["mapping"]) if options["mapping"] else None
            if mapping is None:
                sheets = read_workbook(path)
                mapping = mappings.propose(sheets)
            policy = ("accept" if options["accept_uncertain"] else
                      "create" if options["create_uncertain"] else "")
            self._print_mapping(mapping, options["show_mapping"])
            if options["save_mapping"]:
                self._save_mapping(options["save_mapping"], path, mapping, user)
            if options["dry_run"]:
                report = actions.dry_run(path, mapping=mapping, user=user, policy=policy)
                self._print_report(report, dry_run=True)
                if report["error_count"]:
                    raise CommandError(Problem("E014", params={"count": report["error_count"]}).text())
                return
            try:
                # The import's log row is written in the same transaction as its records, so
                # that a process killed half-way leaves neither (docs/backup.md, crash safety).
                with transaction.atomic():
                    record = ExcelImport.objects.create(filename=path.name, mapping=mapping,
                                                        created_by=user)
                    report = actions.commit(path, user=user, mapping=mapping, policy=policy,
                                            excel_import=record)
                    record.status, record.report = ImportStatus.IMPORTED, report
                    record.imported_at, record.signature = timezone.now(), report["signature"]
                    record.save()
            except actions.ImportRefused as refused:
                self._print_report(refused.report, dry_run=True)
                ExcelImport.objects.create(filename=path.name, mapping=mapping, created_by=user,
                                           status=ImportStatus.FAILED, report=refused.report)
                raise CommandError(refused.problem.text()) from None
        except ImportFailed as failed:
            raise CommandError(failed.problem.text()) from None
        self._print_report(report, dry_run=False)
        seconds = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Imported in {seconds:.1f} s."))

    def _user(self, username, *, required):
        if username:
            user = User.objects.filter(username=username).first()
            if user is None:
                raise ImportFailed("E011", name=username)
        else:
            user = (User.objects.filter(Q(is_superuser=True) | Q(role=Role.ADMINISTRATOR),
                                        is_active=True).order_by("pk").first())
            if user is None and required:
                raise ImportFailed("E010")
        if user is not None and not user.can_edit_records:
            raise ImportFailed("E012", name=user.username)
        return user

    def _save_mapping(self, name, path, mapping, user):
        signature = mappings.signature(read_workbook(path))
        clean = {"sheets": mapping["sheets"]}
        ExcelMapping.objects.update_or_create(
            name=name, defaults={"signature": signature, "mapping": clean, "created_by": user})
        self.stdout.write(f"Mapping saved as '{name}'.")

    def _print_mapping(self, mapping, as_json):
        if as_json:
            self.stdout.write(json.dumps({"sheets": mapping["sheets"]}, indent=2, ensure_ascii=False))
        origin = f" (saved mapping '{mapping['saved_as']}')" if mapping.get("saved_as") else ""
        self.stdout.write(f"Mapping{origin}:")
        for sheet, spec in mapping["sheets"].items():
            record_type = RECORD_TYPES.get(spec.get("type"), RECORD_TYPES["ignore"])
            columns = ", ".join(f"{h} → {f}" for h, f in spec.get("columns", {}).items() if f)
            header = f", header row {spec['header_row']}" if spec.get("header_row") else ""
            self.stdout.write(f"  {sheet}: {record_type.label}{header}"
                              + (f"; {columns}" if columns and record_type.imported else ""))

    def _print_report(self, report, *, dry_run):
        problems = [Problem.from_dict(p) for p in report["problems"]]
        if problems:
            self.stdout.write(f"\nProblems ({report['error_count']} errors, "
                              f"{len(problems) - report['error_count']} warnings and notices):")
            for problem in problems:
                self.stdout.write(f"  {problem.text()}")
        pending = [r for r in report["reviews"] if not r["decision"]]
        if report["reviews"]:
            self.stdout.write(f"\nUncertain name matches ({len(pending)} undecided):")
            for review in report["reviews"]:
                places = ", ".join(f"{s} row {r}" for s, r, _c in review["places"])
                candidates = "; ".join(f"{c['label']} ({c['score']}%)" for c in review["candidates"])
                decided = f" → {review['decision']}" if review["decision"] else ""
                self.stdout.write(f"  {review['kind']} '{review['name']}' ({places}): "
                                  f"{candidates}{decided}")
        verb = "Would create" if dry_run else "Created"
        counts = report.get("created") if not dry_run else {
            kind: c["create"] for kind, c in report["counts"].items()} | {
            "follow_ups": report.get("follow_ups", 0)}
        self.stdout.write(f"\n{verb}: " + ", ".join(f"{n} {_plural(kind)}"
                                                   for kind, n in counts.items()))
        already = {k: c["already"] for k, c in report["counts"].items() if c["already"]}
        if already:
            self.stdout.write("Already imported: " + ", ".join(f"{n} {k}s" for k, n in already.items()))
        skipped = sum(c["skip"] for c in report["counts"].values())
        if skipped:
            self.stdout.write(f"Skipped (a name marked 'skip'): {skipped} rows")
        actors = report["actors"]
        self.stdout.write(f"Persons and organisations: {actors['matched']} matched, "
                          f"{actors['new']} new, {actors['review']} to review.")


def _plural(kind: str) -> str:
    """contact -> contacts, follow_ups -> follow-ups, persons stays persons."""
    kind = kind.replace("_", "-")
    if kind == "evidence":
        return "evidence items"
    return kind if kind.endswith("s") else f"{kind}s"
