"""Outcome journals: per boundary partner and period, an overall narrative and one rating per
progress marker (the ratings themselves are `monitoring.ProgressMarkerObservation` rows)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hefboom.core.models import TrackedModel
from hefboom.monitoring.models import Evidence, ProgressMarkerObservation
from hefboom.strategy.models import BoundaryPartner


class Journal(TrackedModel):
    """One boundary partner in one period: what moved, in words. Its observations are the
    partner's progress-marker observations for exactly this period."""

    boundary_partner = models.ForeignKey(
        BoundaryPartner, verbose_name=_("boundary partner"), on_delete=models.PROTECT,
        related_name="journals",
    )
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    narrative = models.TextField(
        _("overall narrative"), blank=True,
        help_text=_("How the boundary partner changed in this period, and what we think caused it."),
    )

    class Meta:
        verbose_name = _("outcome journal")
        verbose_name_plural = _("outcome journals")
        ordering = ["boundary_partner_id", "-period_end"]
        constraints = [
            models.UniqueConstraint(
                fields=["boundary_partner", "period_start", "period_end"],
                name="journal_unique_period",
                violation_error_message=_("This boundary partner already has a journal for this period."),
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="journal_end_after_start",
                violation_error_message=_("The period cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.boundary_partner} ({self.period_start:%d-%m-%Y} – {self.period_end:%d-%m-%Y})"

    def get_absolute_url(self) -> str:
        return journal_url(self.boundary_partner_id, self.period_start, self.period_end)

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period cannot end before it starts.")})

    def observations(self):
        return ProgressMarkerObservation.objects.filter(
            progress_marker__boundary_partner=self.boundary_partner_id,
            period_start=self.period_start, period_end=self.period_end,
        )


def journal_url(partner_id, start, end) -> str:
    return reverse("learning:journal", args=[partner_id, start.isoformat(), end.isoformat()])


def observation_url(observation) -> str:
    """An observation is shown inside its journal page (needs `progress_marker` loaded)."""
    return (journal_url(observation.progress_marker.boundary_partner_id, observation.period_start,
                        observation.period_end) + f"#observation-{observation.pk}")


class JournalEntry(TrackedModel):
    """Ties one observation to its journal and holds the evidence that justifies its rating."""

    _history_m2m_fields = ("evidence",)

    journal = models.ForeignKey(
        Journal, verbose_name=_("journal"), on_delete=models.CASCADE, related_name="entries"
    )
    observation = models.OneToOneField(
        ProgressMarkerObservation, verbose_name=_("progress-marker observation"),
        on_delete=models.CASCADE, related_name="journal_entry",
    )
    evidence = models.ManyToManyField(
        Evidence, verbose_name=_("evidence"), blank=True, related_name="journal_entries"
    )

    class Meta:
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal entries")
        ordering = ["journal_id", "pk"]

    def __str__(self) -> str:
        return str(self.observation)

    def clean(self):
        if self.journal_id and self.observation_id:
            obs, journal = self.observation, self.journal
            if (obs.progress_marker.boundary_partner_id != journal.boundary_partner_id
                    or (obs.period_start, obs.period_end) != (journal.period_start, journal.period_end)):
                raise ValidationError(
                    _("The observation belongs to another boundary partner or period than the journal.")
                )
