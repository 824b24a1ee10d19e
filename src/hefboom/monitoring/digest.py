"""The daily follow-up digest: one e-mail per user with what is overdue and due that day.

Meant for a daily timer (`hefboom send-digest`), which queues one background task per user
(hefboom.monitoring.tasks), so that one address the SMTP server refuses does not stop the others
and a failed task can be run again. Each user who switched the digest on and has an e-mail
address gets at most one digest a day: the day is claimed on the user's row before the e-mail
goes out (a second run or task, even a concurrent one, finds it taken), and given back when
sending fails, so that the next run tries again. A user gets only follow-ups of contacts they
may see.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from hefboom.accounts.models import User
from hefboom.monitoring.models import FollowUp


@dataclass
class Digest:
    user: User
    day: dt.date
    overdue: list
    due_today: list

    @property
    def empty(self) -> bool:
        return not (self.overdue or self.due_today)

    def message(self) -> EmailMultiAlternatives:
        """The e-mail in the user's language (plain text and HTML)."""
        with translation.override(self.user.mail_language):
            context = {"digest": self, "user": self.user, "site_url": settings.HEFBOOM_SITE_URL,
                       "list_url": settings.HEFBOOM_SITE_URL + reverse("monitoring:follow_ups")}
            subject = _("Hefboom: %(overdue)s overdue, %(today)s due today") % {
                "overdue": len(self.overdue), "today": len(self.due_today)}
            text = render_to_string("monitoring/digest.txt", context)
            html = render_to_string("monitoring/digest.html", context)
        message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL,
                                         [self.user.email])
        message.attach_alternative(html, "text/html")
        return message


def recipients(day: dt.date):
    """Users who want a digest, can receive one, and have not had the one of `day` yet."""
    return (User.objects.filter(is_active=True, wants_digest=True).exclude(email="")
            .filter(Q(digest_sent_on__isnull=True) | Q(digest_sent_on__lt=day))
            .order_by("pk"))


def digest_for(user, day: dt.date) -> Digest:
    items = (FollowUp.objects.visible_to(user).filter(owner=user).due_by(day)
             .select_related("contact").order_by("due_date", "pk"))
    overdue, due_today = [], []
    for item in items:
        (due_today if item.due_date == day else overdue).append(item)
    return Digest(user, day, overdue, due_today)


@dataclass
class DigestRun:
    sent: list = field(default_factory=list)  # digests
    queued: list = field(default_factory=list)  # digests, for the worker to send
    nothing_due: list = field(default_factory=list)  # users
    failed: list = field(default_factory=list)  # (user, error text)


SENT, NOTHING_DUE, SKIPPED = "sent", "nothing due", "skipped"  # skipped: sent already, or no longer wanted


def _claim(user, day) -> bool:
    """Take `day`'s digest for `user`; False when another run already took it."""
    return bool(User.objects.filter(pk=user.pk)
                .filter(Q(digest_sent_on__isnull=True) | Q(digest_sent_on__lt=day))
                .update(digest_sent_on=day))


def send_digest(user, day: dt.date) -> str:
    """Send `day`'s digest to `user` now; SENT, NOTHING_DUE or SKIPPED. When the e-mail
    cannot go out, the day is given back (a later run sends it) and the error is raised."""
    digest = digest_for(user, day)
    if digest.empty:
        return NOTHING_DUE
    message = digest.message()
    if not _claim(user, day):
        return SKIPPED
    try:
        message.send(fail_silently=False)
    except Exception:  # SMTP, DNS, socket...: given back, and tried again next run
        User.objects.filter(pk=user.pk, digest_sent_on=day).update(
            digest_sent_on=user.digest_sent_on)
        raise
    return SENT


def _error_text(result) -> str:
    """'SMTPConnectError: (421, ...)' from a failed task's traceback."""
    lines = result.errors[-1].traceback.strip().splitlines() if result.errors else []
    if not lines:
        return "unknown error"
    kind, _, text = lines[-1].partition(": ")
    kind = kind.rpartition(".")[2]
    return f"{kind}: {text}" if text else kind


def send_digests(day: dt.date, *, dry_run: bool = False, on_user=None) -> DigestRun:
    """Queue `day`'s digests, one task per user with something due; with `dry_run`, build them
    but queue, send and record nothing. With the immediate task backend each task has run when
    this returns (sent or failed); with the database backend the worker sends the queued ones.
    `on_user(digest, outcome)` is told about each user as it is done (for progress)."""
    from hefboom.monitoring.tasks import send_user_digest

    run = DigestRun()
    for user in recipients(day):
        digest = digest_for(user, day)
        if digest.empty:
            run.nothing_due.append(user)
            continue
        if dry_run:
            run.sent.append(digest)
            outcome = "would send"
        else:
            result = send_user_digest.enqueue(user.pk, day.isoformat())
            if result.status == "FAILED":
                run.failed.append((user, _error_text(result)))
                outcome = "failed"
            elif result.status == "SUCCESSFUL":
                if result.return_value != SENT:
                    continue  # another run took it meanwhile
                run.sent.append(digest)
                outcome = "sent"
            else:
                run.queued.append(digest)
                outcome = "queued"
        if on_user:
            on_user(digest, outcome)
    return run
