"""Progress-marker observations: how far a boundary partner moved in a period, and why we think so."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from hefboom.core.models import TrackedModel
from hefboom.monitoring.models.contacts import Contact
from hefboom.monitoring.models.outcomes import Outcome
from hefboom.strategy.models import ProgressMarker


class Rating(models.TextChoices):
    NONE = "none", _("None")
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class ProgressMarkerObservation(TrackedModel):
    _history_m2m_fields = ("outcomes", "contacts")

    progress_marker = models.ForeignKey(
        ProgressMarker,
        verbose_name=_("progress marker"),
        on_delete=models.CASCADE,
        related_name="observations",
    )
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    rating = models.CharField(_("rating"), max_length=10, choices=Rating.choices)
    narrative = models.TextField(_("narrative"), blank=True)
    outcomes = models.ManyToManyField(
        Outcome, verbose_name=_("outcomes"), blank=True, related_name="observations"
    )
    contacts = models.ManyToManyField(
        Contact, verbose_name=_("contacts"), blank=True, related_name="observations"
    )

    class Meta:
        verbose_name = _("progress-marker observation")
        verbose_name_plural = _("progress-marker observations")
        ordering = ["progress_marker", "-period_end"]
        constraints = [
            models.UniqueConstraint(
                fields=["progress_marker", "period_start", "period_end"],
                name="observation_unique_period",
                violation_error_message=_("This marker already has an observation for this period."),
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="observation_end_after_start",
                violation_error_message=_("The period cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.progress_marker} ({self.period_start:%Y}–{self.period_end:%Y})"

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period cannot end before it starts.")})
