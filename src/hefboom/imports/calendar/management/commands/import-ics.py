"""`hefboom import-ics FILE`: propose contacts from a calendar export (a thin wrapper over
`actions.import_calendar`); the proposals are then reviewed at /import/calendar/."""

import datetime as dt
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from hefboom.accounts.models import Role, User
from hefboom.imports.calendar.actions import import_calendar
from hefboom.imports.calendar.errors import CalendarImportError
from hefboom.imports.calendar.reader import check_size


def day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"'{value}' is not a date; write it as YYYY-MM-DD.") from exc


class Command(BaseCommand):
    help = (
        "Propose contacts from a calendar export (.ics from Outlook, Google Calendar, Nextcloud): "
        "every past meeting with external attendees. Review them in the web screen "
        "(/import/calendar/). Importing the same file again proposes only what is new."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the .ics file")
        parser.add_argument("--user", metavar="USERNAME",
                            help="whose calendar it is; may be left out when only one user can "
                                 "log contacts")
        parser.add_argument("--since", type=day, metavar="DATE",
                            help="meetings from this date (YYYY-MM-DD); default: one year ago")
        parser.add_argument("--until", type=day, metavar="DATE",
                            help="meetings until this date (YYYY-MM-DD); default and at most: today")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file.")
        user = self._user(options["user"])
        zone = timezone.get_current_timezone()
        since = dt.datetime.combine(options["since"], dt.time.min, zone) if options["since"] else None
        until = dt.datetime.combine(options["until"], dt.time.max, zone) if options["until"] else None
        try:
            check_size(path.stat().st_size, path.name)
            calendar_import = import_calendar(user, path.read_bytes(), path.name, since=since,
                                              until=until)
        except CalendarImportError as exc:
            raise CommandError(str(exc)) from exc
        except PermissionDenied as exc:
            raise CommandError(f"{user.username} may not log contacts ({exc}).") from exc
        self.stdout.write(calendar_import.summary())
        for problem in calendar_import.problems:
            self.stderr.write(f"skipped: {problem}")
        if calendar_import.proposed:
            self.stdout.write(f"Review them at /import/calendar/ (logged in as {user.username}).")

    def _user(self, username):
        if username:
            try:
                return User.objects.get(username=username)
            except User.DoesNotExist as exc:
                raise CommandError(f"No user '{username}'.") from exc
        editors = User.objects.filter(is_active=True).exclude(role=Role.VIEWER)
        if editors.count() != 1:
            raise CommandError("Name the user whose calendar this is: --user USERNAME.")
        return editors.get()
