"""Meetings read from a user's calendar, waiting to become contacts (or to be discarded).

A proposal is not a monitoring record: it belongs to one user, is never shown to others and
carries no history. It remembers what the user decided, so that importing the same calendar
again proposes nothing that was already confirmed or discarded.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _


class CalendarImport(models.Model):
    """One uploaded .ics file and what came of it."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("imported by"),
                              on_delete=models.CASCADE, related_name="calendar_imports")
    file_name = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64)
    size = models.PositiveIntegerField(_("size in bytes"))
    since = models.DateTimeField(_("period from"))
    until = models.DateTimeField(_("period to"))
    events = models.PositiveIntegerField(_("events read"), default=0)
    proposed = models.PositiveIntegerField(_("new proposals"), default=0)
    already_known = models.PositiveIntegerField(_("already imported"), default=0)
    without_external = models.PositiveIntegerField(_("without external attendees"), default=0)
    cancelled = models.PositiveIntegerField(_("cancelled"), default=0)
    declined = models.PositiveIntegerField(_("declined"), default=0)
    outside_period = models.PositiveIntegerField(_("outside the period"), default=0)
    problems = models.JSONField(_("skipped events"), default=list, blank=True)
    created_at = models.DateTimeField(_("imported at"), auto_now_add=True)

    class Meta:
        verbose_name = _("calendar import")
        verbose_name_plural = _("calendar imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.created_at:%Y-%m-%d %H:%M})"

    def summary(self) -> str:
        """'outlook.ics: 3 meetings proposed, 12 events without external attendees skipped.'"""
        parts = [ngettext("%(count)s meeting proposed", "%(count)s meetings proposed",
                          self.proposed) % {"count": self.proposed}]
        counts = [
            (self.already_known,
             ngettext("%(count)s already imported", "%(count)s already imported",
                      self.already_known)),
            (self.without_external,
             ngettext("%(count)s event without external attendees skipped",
                      "%(count)s events without external attendees skipped",
                      self.without_external)),
            (self.cancelled,
             ngettext("%(count)s cancelled", "%(count)s cancelled", self.cancelled)),
            (self.declined,
             ngettext("%(count)s declined", "%(count)s declined", self.declined)),
            (self.outside_period,
             ngettext("%(count)s event outside the period", "%(count)s events outside the period",
                      self.outside_period)),
            (len(self.problems),
             ngettext("%(count)s event could not be read", "%(count)s events could not be read",
                      len(self.problems))),
        ]
        parts += [text % {"count": count} for count, text in counts if count]
        return gettext("%(file)s: %(counts)s.") % {"file": self.file_name,
                                             "counts": ", ".join(parts)}


class ProposalStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    CONFIRMED = "confirmed", _("confirmed")
    DISCARDED = "discarded", _("discarded")


class ProposedContact(models.Model):
    """One past meeting with external attendees, as the calendar describes it."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("owner"),
                              on_delete=models.CASCADE, related_name="proposed_contacts")
    calendar_import = models.ForeignKey(CalendarImport, verbose_name=_("calendar import"),
                                        on_delete=models.CASCADE, related_name="proposals")
    uid = models.CharField(_("calendar UID"), max_length=255)
    recurrence_key = models.CharField(
        _("occurrence"), max_length=32, blank=True,
        help_text=_("Empty for a single event; the original start of one date of a repeating one."),
    )
    start = models.DateTimeField(_("start"))
    all_day = models.BooleanField(_("all day"), default=False)
    summary = models.TextField(_("title"), blank=True)
    location = models.TextField(_("location"), blank=True)
    description = models.TextField(_("description"), blank=True)
    online = models.BooleanField(_("online meeting"), default=False)
    organiser = models.JSONField(_("organiser"), null=True, blank=True)
    # [{"name", "email", "person_id", "score", "certain", "organisation_ids"}], external only.
    attendees = models.JSONField(_("external attendees"), default=list)
    status = models.CharField(_("status"), max_length=20, choices=ProposalStatus.choices,
                              default=ProposalStatus.PROPOSED)
    contact = models.ForeignKey("monitoring.Contact", verbose_name=_("contact"),
                                on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("proposed contact")
        verbose_name_plural = _("proposed contacts")
        ordering = ["-start", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "uid", "recurrence_key"],
                                    name="proposedcontact_unique_occurrence"),
        ]
        indexes = [models.Index(fields=["owner", "status"], name="proposedcontact_owner_status")]

    def __str__(self) -> str:
        return f"{self.start:%Y-%m-%d} {self.summary[:60]}"

    @property
    def date(self):
        from django.utils import timezone

        return timezone.localtime(self.start).date()

    @property
    def source_reference(self) -> str:
        return f"Agenda-import {self.calendar_import.file_name}, {self.uid}"[:300]
