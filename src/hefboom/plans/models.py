"""Dossier plans (the "start document" of recommendation 7): per dossier and period, the
problem analysis, the lobby goals, each service's objectives and expected results, and the
influencing steps with the service responsible and the services that support; plus the
political moments (debates, votes, summits) a steering group looks ahead to."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from hefboom.actors.models import PoliticalLevel
from hefboom.core.models import TrackedModel
from hefboom.monitoring.models import Activity, Contact, Output
from hefboom.strategy.models import ChangeOutcome, Dossier, ProgressMarker, Service


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    AGREED = "agreed", _("Agreed")
    CLOSED = "closed", _("Closed")


class DossierPlan(TrackedModel):
    """The shared plan of all services for one dossier over one period (usually a year)."""

    _history_m2m_fields = ("change_outcomes", "progress_markers")

    dossier = models.ForeignKey(
        Dossier, verbose_name=_("dossier"), on_delete=models.PROTECT, related_name="plans"
    )
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    status = models.CharField(
        _("status"), max_length=10, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    problem_analysis = models.TextField(_("problem analysis"), blank=True)
    lobby_goals = models.TextField(_("lobby goals"), blank=True)
    change_outcomes = models.ManyToManyField(
        ChangeOutcome, verbose_name=_("theory-of-change outcomes"), blank=True,
        related_name="plans",
    )
    progress_markers = models.ManyToManyField(
        ProgressMarker, verbose_name=_("progress markers"), blank=True, related_name="plans"
    )
    copied_from = models.ForeignKey(
        "self", verbose_name=_("copied from"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="copies", editable=False,
    )

    class Meta:
        verbose_name = _("dossier plan")
        verbose_name_plural = _("dossier plans")
        ordering = ["dossier", "-period_start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="dossierplan_end_after_start",
                violation_error_message=_("The period cannot end before it starts."),
            )
        ]

    def __str__(self) -> str:
        return _("Plan %(dossier)s, %(period)s") % {"dossier": self.dossier,
                                                     "period": self.period}

    def get_absolute_url(self) -> str:
        return reverse("plans:plan", args=[self.pk])

    @property
    def period(self) -> str:
        return f"{date_format(self.period_start, 'j M Y')} – {date_format(self.period_end, 'j M Y')}"

    def covers(self, day: date) -> bool:
        return self.period_start <= day <= self.period_end

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period cannot end before it starts.")})
        if self.dossier_id and self.period_start and self.period_end:
            other = (DossierPlan.objects.filter(
                dossier_id=self.dossier_id, period_start__lte=self.period_end,
                period_end__gte=self.period_start).exclude(pk=self.pk).first())
            if other:
                raise ValidationError(_(
                    "The dossier already has a plan for %(period)s; a dossier has one plan per "
                    "period. Change that plan's dates or choose another period."
                ) % {"period": other.period})


class PlanObjective(TrackedModel):
    """What one service aims at within a dossier plan, and the results it expects."""

    plan = models.ForeignKey(
        DossierPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="objectives"
    )
    service = models.ForeignKey(
        Service, verbose_name=_("service"), on_delete=models.PROTECT,
        related_name="plan_objectives",
    )
    objectives = models.TextField(_("objectives"))
    expected_results = models.TextField(_("expected results"), blank=True)

    class Meta:
        verbose_name = _("service objective")
        verbose_name_plural = _("service objectives")
        ordering = ["plan", "service__order", "service__name"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "service"], name="planobjective_one_per_service",
                                    violation_error_message=_(
                                        "This service already has objectives in this plan; "
                                        "edit those."))
        ]

    def __str__(self) -> str:
        return f"{self.service}: {self.objectives[:60]}"


class StepStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    UNDER_WAY = "under_way", _("Under way")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class PlanStep(TrackedModel):
    """One step of the influencing work: who is responsible (a service, and optionally a
    colleague), which services support, and the records of the work done for it."""

    _history_m2m_fields = ("supporting_services", "change_outcomes", "progress_markers",
                           "contacts", "activities", "outputs")

    plan = models.ForeignKey(
        DossierPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="steps"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("step"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    responsible_service = models.ForeignKey(
        Service, verbose_name=_("responsible service"), on_delete=models.PROTECT,
        related_name="responsible_steps",
    )
    supporting_services = models.ManyToManyField(
        Service, verbose_name=_("supporting services"), blank=True,
        related_name="supported_steps",
    )
    responsible_person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("responsible colleague"),
        on_delete=models.SET_NULL, null=True, blank=True, related_name="plan_steps",
    )
    due_date = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=StepStatus.choices, default=StepStatus.PLANNED
    )
    change_outcomes = models.ManyToManyField(
        ChangeOutcome, verbose_name=_("theory-of-change outcomes"), blank=True,
        related_name="plan_steps",
    )
    progress_markers = models.ManyToManyField(
        ProgressMarker, verbose_name=_("progress markers"), blank=True,
        related_name="plan_steps",
    )
    contacts = models.ManyToManyField(
        Contact, verbose_name=_("contacts"), blank=True, related_name="plan_steps"
    )
    activities = models.ManyToManyField(
        Activity, verbose_name=_("activities"), blank=True, related_name="plan_steps"
    )
    outputs = models.ManyToManyField(
        Output, verbose_name=_("outputs"), blank=True, related_name="plan_steps"
    )

    class Meta:
        verbose_name = _("plan step")
        verbose_name_plural = _("plan steps")
        ordering = ["plan", "order", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("plans:step", args=[self.pk])


class MomentKind(models.TextChoices):
    PLENARY = "plenary", _("Plenary debate or vote")
    COMMITTEE = "committee", _("Committee meeting or hearing")
    QUESTION = "question", _("Parliamentary question time")
    BUDGET = "budget", _("Budget or policy note")
    SUMMIT = "summit", _("Summit or conference (e.g. a COP)")
    ELECTION = "election", _("Elections or government formation")
    CAMPAIGN = "campaign", _("Campaign moment")
    OTHER = "other", _("Other")


class Moment(TrackedModel):
    """A parliamentary or political moment ahead (or past) that the work of a dossier aims at."""

    _history_m2m_fields = ("dossiers",)

    date = models.DateField(_("date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=250)
    kind = models.CharField(_("kind"), max_length=20, choices=MomentKind.choices)
    political_level = models.CharField(
        _("political level"), max_length=20, choices=PoliticalLevel.choices, blank=True
    )
    dossiers = models.ManyToManyField(Dossier, verbose_name=_("dossiers"), related_name="moments")
    url = models.URLField(_("link"), max_length=500, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("political moment")
        verbose_name_plural = _("political moments")
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("date")),
                name="moment_end_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({date_format(self.date, 'j M Y')})"
