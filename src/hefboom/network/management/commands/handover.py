"""`hefboom handover USERNAME`: a staff member's hand-over report as an HTML or PDF file."""

from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.template.loader import render_to_string
from django.utils import translation

from hefboom.accounts.models import User
from hefboom.core.files import check_writable, write_atomically
from hefboom.network.handover import handover
from hefboom.network.knowledge import DEFAULT_MONTHS, MAX_MONTHS


def _user(username, what):
    try:
        return User.objects.get(username=username)
    except User.DoesNotExist:
        raise CommandError(f"There is no user “{username}” ({what}); check the username.") from None


class Command(BaseCommand):
    help = ("Write the hand-over report of a staff member who leaves or changes job: the persons "
            "they met, their open follow-ups, their dossiers and the persons only they know. "
            "The report shows what the reader may see (--as; by default the staff member "
            "themself, whose report includes their confidential contacts).")

    def add_arguments(self, parser):
        parser.add_argument("username", help="The staff member's username.")
        parser.add_argument("--output", metavar="FILE", required=True,
                            help="Where to write the report (replaced only when it is ready).")
        parser.add_argument("--format", dest="fmt", choices=["html", "pdf"], default="html",
                            help="html (default) or pdf.")
        parser.add_argument("--as", dest="reader", metavar="USERNAME",
                            help="Read as this user (an M&E officer or administrator); needed "
                                 "when the staff member's account is deactivated.")
        parser.add_argument("--months", type=int, default=DEFAULT_MONTHS,
                            help=f"Window for 'persons only they know' (default {DEFAULT_MONTHS}).")
        parser.add_argument("--language", default="nl", choices=["nl", "fr", "en"],
                            help="Language of the headings (default nl).")

    def handle(self, *args, username, output, fmt="html", reader=None, months=DEFAULT_MONTHS,
               language="nl", **options):
        staff_member = _user(username, "the staff member")
        reading_as = _user(reader, "--as") if reader else staff_member
        if not reading_as.is_active:
            raise CommandError(f"{reading_as.username} is deactivated and may read nothing; name "
                               "an M&E officer or administrator with --as.")
        if not 1 <= months <= MAX_MONTHS:
            raise CommandError(f"--months must be between 1 and {MAX_MONTHS}.")
        target = Path(output)
        check_writable(target)
        with translation.override(language):
            try:
                report = handover(reading_as, staff_member, months)
            except PermissionDenied as exc:
                raise CommandError(f"{reading_as.username} may not read this report: {exc}") from exc
            if fmt == "pdf":
                from hefboom.network.pdf import render_pdf

                content = render_pdf(report)
            else:
                content = render_to_string("network/handover_file.html", {
                    "report": report, "LANGUAGE_CODE": language}).encode()
        write_atomically(target, content)
        self.stdout.write(self.style.SUCCESS(
            f"Wrote the hand-over report of {staff_member.username} ({len(report.persons)} "
            f"persons, {len(report.to_introduce)} to introduce) to {target}."))
