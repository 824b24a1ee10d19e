"""`hefboom person export ID` and `hefboom person erase ID`: a person's GDPR rights of access
and erasure from the command line. The command acts as the system; the audit names the
operating-system account that ran it."""

import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from hefboom.core.files import check_writable, write_atomically
from hefboom.privacy import actions


class Command(BaseCommand):
    help = ("A person's GDPR rights: 'export' writes everything Hefboom holds about the person "
            "(JSON or a readable HTML page); 'erase' pseudonymises the person, keeping their "
            "roles, contacts and outcomes so that counts stay intact. Both are logged in the "
            "audit with the operating-system account that ran the command.")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="{export,erase}")
        export = sub.add_parser("export", help="Export everything held about a person.",
                                description="Export everything held about a person.")
        export.add_argument("id", type=int, metavar="ID", help="The person's number.")
        export.add_argument("--format", dest="fmt", choices=["json", "html"], default="json",
                            help="json (default; keys in docs/privacy.md) or html.")
        export.add_argument("--output", metavar="FILE",
                            help="Write to FILE instead of standard output.")
        erase = sub.add_parser("erase", help="Erase (pseudonymise) a person.",
                               description="Erase (pseudonymise) a person: name, e-mail, phone "
                                           "and notes go, also from the history and from texts "
                                           "that name them; links stay.")
        erase.add_argument("id", type=int, metavar="ID", help="The person's number.")
        erase.add_argument("--yes", action="store_true",
                           help="Do not ask for confirmation.")
        erase.add_argument("--reason", default="",
                           help="Why (e.g. the request's date and reference); kept in the audit. "
                                "Do not write the person's name.")

    def handle(self, *args, action, id, **options):
        from hefboom.actors.models import Person

        person = Person.objects.select_related("user").filter(pk=id).first()
        if person is None:
            raise CommandError(f"There is no person with number {id}; see the number in the "
                               f"address of the person's page (/actors/persons/ID/).")
        if action == "export":
            self._export(person, options["fmt"], options.get("output"))
        else:
            self._erase(person, options["yes"], options["reason"])

    def _export(self, person, fmt, output):
        if output:
            check_writable(Path(output))
        content = actions.export_person(person, None, fmt)
        if output:
            write_atomically(Path(output), content.encode("utf-8"))
            self.stderr.write(f"Wrote the {fmt} export of person {person.pk} to {output}.")
        else:
            self.stdout.write(content, ending="")

    def _erase(self, person, yes, reason):
        try:
            actions.check_erasable(person)
        except ValidationError as exc:
            raise CommandError(f"Person {person.pk} was not erased: {' '.join(exc.messages)}") \
                from exc
        if not yes:
            if not sys.stdin.isatty():
                raise CommandError("Nothing was erased: add --yes to erase without a question.")
            answer = input(f"Erase {person} (number {person.pk}) for good? Type the number to "
                           f"confirm: ")
            if answer.strip() != str(person.pk):
                raise CommandError("Nothing was erased.")
        try:
            erased = actions.erase_person(person, None, reason)
        except ValidationError as exc:
            raise CommandError(f"Person {person.pk} was not erased: {' '.join(exc.messages)}") \
                from exc
        self.stdout.write(self.style.SUCCESS(
            f"Person {person.pk} was erased; the record is now “{erased.last_name}”."))
