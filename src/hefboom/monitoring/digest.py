"""The daily follow-up digest: one e-mail per user with what is overdue and due that day.

Meant for cron (`hefboom send-digest`). Each user who switched the digest on and has an e-mail
address gets at most one digest a day: the day is claimed on the user's row before the e-mail
goes out (a second run, even a concurrent one, finds it taken), and given back when sending
fails, so that the next run tries again. A user gets only follow-ups of contacts they may see.
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
    nothing_due: list = field(default_factory=list)  # users
    failed: list = field(default_factory=list)  # (user, error text)


def _claim(user, day) -> bool:
    """Take `day`'s digest for `user`; False when another run already took it."""
    return bool(User.objects.filter(pk=user.pk)
                .filter(Q(digest_sent_on__isnull=True) | Q(digest_sent_on__lt=day))
                .update(digest_sent_on=day))


def send_digests(day: dt.date, *, dry_run: bool = False, on_user=None) -> DigestRun:
    """Send `day`'s digests; with `dry_run`, build them but send and record nothing.
    `on_user(digest, outcome)` is told about each user as it is done (for progress)."""
    run = DigestRun()
    for user in recipients(day):
        digest = digest_for(user, day)
        if digest.empty:
            run.nothing_due.append(user)
            continue
        message = digest.message()
        if dry_run:
            run.sent.append(digest)
            if on_user:
                on_user(digest, "would send")
            continue
        if not _claim(user, day):
            continue
        try:
            message.send(fail_silently=False)
        except Exception as exc:  # SMTP, DNS, socket...: reported, and tried again next run
            User.objects.filter(pk=user.pk, digest_sent_on=day).update(
                digest_sent_on=user.digest_sent_on)
            run.failed.append((user, f"{type(exc).__name__}: {exc}"))
            if on_user:
                on_user(digest, "failed")
            continue
        run.sent.append(digest)
        if on_user:
            on_user(digest, "sent")
    return run
