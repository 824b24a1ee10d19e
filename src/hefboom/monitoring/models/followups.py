"""Follow-ups: what someone promised to do after a contact, by when, and whether it is done."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from hefboom.core.models import TrackedModel
from hefboom.monitoring.models.contacts import Contact


class FollowUpQuerySet(models.QuerySet):
    def open(self):
        return self.filter(done_at__isnull=True)

    def due_by(self, day):
        """Open follow-ups due on or before `day` (overdue ones included)."""
        return self.open().filter(due_date__lte=day)

    def visible_to(self, user):
        """Follow-ups of contacts `user` may see (confidential contacts stay hidden) that are
        not in the bin."""
        # Exists per row, not `contact__in`: the latter makes the database build the whole
        # visible set of contacts (100,000 in the benchmark) for a list of a few dozen.
        return self.filter(Exists(Contact.objects.visible_to(user).filter(pk=OuterRef("contact_id"))))


class FollowUp(TrackedModel):
    contact = models.ForeignKey(
        Contact, verbose_name=_("contact"), on_delete=models.CASCADE, related_name="follow_ups"
    )
    description = models.TextField(_("follow-up"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="follow_ups",
    )
    due_date = models.DateField(_("due"), null=True, blank=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("done by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = [models.F("due_date").asc(nulls_last=True), "pk"]
        indexes = [
            models.Index(fields=["owner", "done_at", "due_date"], name="followup_owner_open_due"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(description=""), name="followup_has_description",
                violation_error_message=_("Say what the follow-up is."),
            )
        ]

    def __str__(self) -> str:
        return self.description[:80]

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    def clean(self):
        if not self.description.strip():
            raise ValidationError({"description": _("Say what the follow-up is.")})
        if self.due_date and self.contact_id and self.due_date < self.contact.date:
            raise ValidationError(
                {"due_date": _("The follow-up cannot be due before the contact took place.")}
            )
