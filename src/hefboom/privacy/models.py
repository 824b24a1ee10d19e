"""What the privacy app records itself: who viewed, exported, changed or erased personal data,
and which persons were reviewed under the retention rule."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AccessAction(models.TextChoices):
    VIEW = "view", _("Viewed")
    CHANGE = "change", _("Changed")
    EXPORT = "export", _("Exported")
    ERASE = "erase", _("Erased")
    ERASE_NOTES = "erase_notes", _("Notes erased")
    REVIEW = "review", _("Retention reviewed")


class AccessEvent(models.Model):
    """One act on a confidential record or on a person's data. Never holds a person's name:
    an erasure must not leave the erased name behind in its own log."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )
    # Who acted when there is no user: the command line names the operating-system account.
    actor = models.CharField(_("acted through"), max_length=150, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    action = models.CharField(_("action"), max_length=20, choices=AccessAction.choices)
    object_type = models.CharField(_("record type"), max_length=30)
    object_id = models.PositiveBigIntegerField(_("record number"))
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("access event")
        verbose_name_plural = _("access events")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="accessevent_record")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_action_display()} {self.object_type} {self.object_id}"


class RetentionReview(models.Model):
    """A person under the retention rule was looked at and kept (or their notes erased); they
    drop off the review list until the retention period has passed again."""

    person = models.ForeignKey(
        "actors.Person", verbose_name=_("person"), on_delete=models.CASCADE,
        related_name="retention_reviews",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), default=timezone.now)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewed by"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )
    decision = models.CharField(
        _("decision"), max_length=20,
        choices=[("keep", _("Kept")), ("erase_notes", _("Notes erased"))],
    )

    class Meta:
        verbose_name = _("retention review")
        verbose_name_plural = _("retention reviews")
        ordering = ["-reviewed_at", "-pk"]
        indexes = [models.Index(fields=["person", "reviewed_at"], name="retention_person_at")]

    def __str__(self) -> str:
        return f"{self.person_id} {self.decision} {self.reviewed_at:%Y-%m-%d}"
