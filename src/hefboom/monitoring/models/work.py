"""The organisation's own work: activities and the outputs it produces."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hefboom.actors.models import Organisation
from hefboom.core.models import SoftDeletable, TrackedModel
from hefboom.monitoring.models.base import validate_not_in_future
from hefboom.strategy.models import Dossier, Service


class ActivityType(models.TextChoices):
    LOBBY = "lobby", _("Lobby trajectory")
    EVENT = "event", _("Event")
    CAMPAIGN = "campaign", _("Campaign action")
    WORKSHOP = "workshop", _("Workshop or training")
    COALITION_WORK = "coalition_work", _("Coalition work")
    RESEARCH = "research", _("Research")
    OTHER = "other", _("Other")


class Activity(SoftDeletable, TrackedModel):
    _history_m2m_fields = ("dossiers", "organisations", "our_participants", "services", "partners")

    title = models.CharField(_("title"), max_length=250)
    type = models.CharField(_("type"), max_length=20, choices=ActivityType.choices)
    date = models.DateField(_("date"), validators=[validate_not_in_future])
    end_date = models.DateField(_("end date"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    dossiers = models.ManyToManyField(
        Dossier, verbose_name=_("dossiers"), related_name="activities"
    )
    organisations = models.ManyToManyField(
        Organisation, verbose_name=_("organisations"), blank=True, related_name="activities"
    )
    our_participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("our participants"),
        blank=True,
        related_name="activities",
    )
    services = models.ManyToManyField(
        Service, verbose_name=_("services"), blank=True, related_name="activities",
        help_text=_("The services of the organisation that took part."),
    )
    partners = models.ManyToManyField(
        Organisation, verbose_name=_("member organisations and coalitions"), blank=True,
        related_name="joint_activities",
        help_text=_("Members or coalitions that took part or organised it with us."),
    )

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-date", "-pk"]
        # Lists and timelines read newest first.
        indexes = [models.Index(fields=["-date", "-id"], name="activity_newest_first")]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("date")),
                name="activity_end_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("monitoring:activity", args=[self.pk])

    def clean(self):
        if self.end_date and self.date and self.end_date < self.date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})


class OutputType(models.TextChoices):
    STUDY = "study", _("Study")
    REPORT = "report", _("Report")
    INPUT_PAPER = "input_paper", _("Input paper")
    POSITION_PAPER = "position_paper", _("Position paper")
    PRESS_RELEASE = "press_release", _("Press release")
    OP_ED = "op_ed", _("Op-ed")
    SOCIAL_POST = "social_post", _("Social media post")
    PARLIAMENTARY_QUESTION = "parliamentary_question", _("Drafted parliamentary question")
    RESOLUTION = "resolution", _("Drafted resolution")
    PETITION = "petition", _("Petition")
    CAMPAIGN = "campaign", _("Campaign")
    EVENT = "event", _("Event")


class Output(SoftDeletable, TrackedModel):
    _history_m2m_fields = ("dossiers", "services", "partners")

    title = models.CharField(_("title"), max_length=250)
    type = models.CharField(_("type"), max_length=30, choices=OutputType.choices)
    date = models.DateField(_("date"), validators=[validate_not_in_future])
    dossiers = models.ManyToManyField(Dossier, verbose_name=_("dossiers"), related_name="outputs")
    services = models.ManyToManyField(
        Service, verbose_name=_("services"), blank=True, related_name="outputs",
        help_text=_("The services of the organisation that made it."),
    )
    partners = models.ManyToManyField(
        Organisation, verbose_name=_("member organisations and coalitions"), blank=True,
        related_name="joint_outputs",
        help_text=_("Members or coalitions that co-signed, co-authored or commissioned it."),
    )
    url = models.URLField(_("link"), max_length=500, blank=True)
    file = models.FileField(_("file"), upload_to="outputs/%Y/", blank=True)
    description = models.TextField(_("description"), blank=True)
    full_text = models.TextField(
        _("full text"),
        blank=True,
        help_text=_("The text itself, so that Hefboom can find it back in policy documents."),
    )

    class Meta:
        verbose_name = _("output")
        verbose_name_plural = _("outputs")
        ordering = ["-date", "-pk"]
        # Lists and timelines read newest first.
        indexes = [models.Index(fields=["-date", "-id"], name="output_newest_first")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("monitoring:output", args=[self.pk])
