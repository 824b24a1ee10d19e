"""`hefboom send-digest`: e-mail each user their overdue and due follow-ups (once a day)."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from hefboom.monitoring.digest import send_digests


class Command(BaseCommand):
    help = ("E-mail every active user who switched the daily digest on (on their follow-ups page) "
            "and has an e-mail address the follow-ups they own that are overdue or due today, in "
            "their language. A user gets at most one digest a day, so running it again the same "
            "day sends nothing new; a user with nothing due gets no e-mail. Meant for cron, e.g. "
            "'30 7 * * 1-5 hefboom send-digest' or deploy/hefboom-digest.timer. Each digest is a "
            "background task: with HEFBOOM_TASKS=database (the default in production) the worker "
            "('hefboom db_worker') sends them, with HEFBOOM_TASKS=immediate this command does. "
            "E-mail settings: HEFBOOM_EMAIL_* (the console by default). Exits with status 1 when "
            "an e-mail could not be sent.")

    def add_arguments(self, parser):
        parser.add_argument("--date", metavar="YYYY-MM-DD",
                            help="the day to send the digest of (default: today)")
        parser.add_argument("--dry-run", action="store_true",
                            help="show who would get which digest; send and record nothing")

    def handle(self, *args, date=None, dry_run=False, **options):
        day = timezone.localdate()
        if date:
            try:
                day = dt.date.fromisoformat(date)
            except ValueError:
                raise CommandError(f"--date {date!r} is not a date; write it as YYYY-MM-DD, "
                                   "e.g. 2026-03-02.") from None

        def report(digest, outcome):
            self.stdout.write(f"{digest.user.username} <{digest.user.email}>: "
                              f"{len(digest.overdue)} overdue, {len(digest.due_today)} due today"
                              f" — {outcome}")

        run = send_digests(day, dry_run=dry_run, on_user=report)
        nothing_due = f"{len(run.nothing_due)} user(s) had nothing due."
        if run.queued:  # the database backend: the worker sends them
            self.stdout.write(f"Queued {len(run.queued)} digest(s) for the worker for "
                              f"{day.isoformat()} ('hefboom db_worker' sends them; a failed one "
                              f"is queued again by the next run); {nothing_due}")
        if run.sent or not run.queued:
            verb = "Would send" if dry_run else "Sent"
            self.stdout.write(f"{verb} {len(run.sent)} digest(s) for {day.isoformat()}; "
                              f"{nothing_due}")
        if run.failed:
            failures = "; ".join(f"{user.username} <{user.email}>: {error}"
                                 for user, error in run.failed)
            raise CommandError(
                f"Could not send {len(run.failed)} digest(s): {failures}. Check the "
                "HEFBOOM_EMAIL_* settings (docs/configuration.md); running the command again "
                "sends only the digests that did not go out.", returncode=1)
