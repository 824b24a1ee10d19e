"""Narratives per theme or dossier and period, with `[@kind:id]` references to records."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hefboom.core.models import TrackedModel
from hefboom.learning.references import Kind
from hefboom.strategy.models import Dossier, Theme


class NarrativeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    FINAL = "final", _("Final")


class Narrative(TrackedModel):
    """The story of a theme or a dossier in a period; every save is a version."""

    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="narratives",
    )
    dossier = models.ForeignKey(
        Dossier, verbose_name=_("dossier"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="narratives",
    )
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    title = models.CharField(_("title"), max_length=250)
    text = models.TextField(
        _("text"), blank=True,
        help_text=_("Plain text: a blank line starts a paragraph, “- ” a bullet, “## ” a heading. "
                    "Type @ to refer to a record."),
    )
    status = models.CharField(_("status"), max_length=10, choices=NarrativeStatus.choices,
                              default=NarrativeStatus.DRAFT)

    class Meta:
        verbose_name = _("narrative")
        verbose_name_plural = _("narratives")
        # No ordering across the nullable scopes: save_record locks the row (FOR UPDATE), which
        # PostgreSQL refuses on the nullable side of an outer join.
        ordering = ["-period_end", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(theme__isnull=False, dossier__isnull=True)
                           | Q(theme__isnull=True, dossier__isnull=False)),
                name="narrative_exactly_one_scope",
                violation_error_message=_("Choose either a theme or a dossier, not both."),
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="narrative_end_after_start",
                violation_error_message=_("The period cannot end before it starts."),
            ),
            models.UniqueConstraint(
                fields=["theme", "period_start", "period_end"], condition=Q(theme__isnull=False),
                name="narrative_unique_theme_period",
                violation_error_message=_("This theme already has a narrative for this period."),
            ),
            models.UniqueConstraint(
                fields=["dossier", "period_start", "period_end"], condition=Q(dossier__isnull=False),
                name="narrative_unique_dossier_period",
                violation_error_message=_("This dossier already has a narrative for this period."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("learning:narrative", args=[self.pk])

    @property
    def scope(self):
        return self.dossier or self.theme

    def clean(self):
        if bool(self.theme_id) == bool(self.dossier_id):
            raise ValidationError(_("Choose either a theme or a dossier, not both."), code="scope")
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period cannot end before it starts.")})


class NarrativeReference(models.Model):
    """A record that a narrative's text refers to. Derived from the text and rebuilt on every
    save (so not tracked itself): it answers "which narratives mention this outcome?"."""

    narrative = models.ForeignKey(Narrative, on_delete=models.CASCADE, related_name="references")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    object_id = models.PositiveIntegerField(_("record number"))

    class Meta:
        verbose_name = _("narrative reference")
        verbose_name_plural = _("narrative references")
        ordering = ["narrative", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["narrative", "kind", "object_id"],
                                    name="narrativereference_unique"),
        ]
        indexes = [models.Index(fields=["kind", "object_id"], name="narrativeref_record")]

    def __str__(self) -> str:
        return f"[@{self.kind}:{self.object_id}]"
