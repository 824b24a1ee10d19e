"""Outcomes in Outcome Harvesting form, the evidence behind them and how we contributed."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hefboom.actors.models import Organisation, Person, PoliticalLevel
from hefboom.core.models import SoftDeletable, TrackedModel
from hefboom.monitoring.models.base import validate_not_in_future
from hefboom.monitoring.models.contacts import Contact
from hefboom.monitoring.models.work import Activity, Output
from hefboom.strategy.models import Dossier


class ChangeType(models.TextChoices):
    DISCOURSE = "discourse", _("Discourse")
    AGENDA = "agenda", _("Agenda")
    PROCEDURE = "procedure", _("Procedure")
    POLICY_CONTENT = "policy_content", _("Policy content")
    BUDGET = "budget", _("Budget")
    BEHAVIOUR = "behaviour", _("Behaviour")


class Substantiation(models.TextChoices):
    PENDING = "pending", _("Not yet substantiated")
    SUBSTANTIATED = "substantiated", _("Substantiated")
    PARTLY = "partly", _("Partly substantiated")
    NOT_SUBSTANTIATED = "not_substantiated", _("Not substantiated")


class Outcome(SoftDeletable, TrackedModel):
    """An observed change in a social actor's behaviour, discourse, policy or budget."""
    _history_m2m_fields = ("social_actor_organisations", "social_actor_persons", "dossiers")


    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(
        _("description of the change"), help_text=_("Who changed what, when and where.")
    )
    date = models.DateField(_("date"), validators=[validate_not_in_future])
    political_level = models.CharField(
        _("political level"), max_length=20, choices=PoliticalLevel.choices, blank=True
    )
    change_type = models.CharField(_("type of change"), max_length=20, choices=ChangeType.choices)
    is_intended = models.BooleanField(_("intended"), default=True)
    is_positive = models.BooleanField(_("positive"), default=True)
    significance = models.TextField(_("significance"), blank=True)
    contribution = models.TextField(
        _("contribution"), blank=True, help_text=_("How the organisation contributed.")
    )
    substantiation = models.CharField(
        _("substantiation status"),
        max_length=20,
        choices=Substantiation.choices,
        default=Substantiation.PENDING,
    )
    social_actor_organisations = models.ManyToManyField(
        Organisation, verbose_name=_("social actors (organisations)"), blank=True,
        related_name="outcomes",
    )
    social_actor_persons = models.ManyToManyField(
        Person, verbose_name=_("social actors (persons)"), blank=True, related_name="outcomes"
    )
    dossiers = models.ManyToManyField(Dossier, verbose_name=_("dossiers"), related_name="outcomes")

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = ["-date", "-pk"]
        # Lists and timelines read newest first.
        indexes = [models.Index(fields=["-date", "-id"], name="outcome_newest_first")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("monitoring:outcome", args=[self.pk])


class EvidenceSource(models.TextChoices):
    DOCUMENT = "document", _("Document")
    PRESS = "press", _("Press")
    PARLIAMENTARY_RECORD = "parliamentary_record", _("Parliamentary record")
    INTERVIEW = "interview", _("Interview")
    EMAIL = "email", _("E-mail or letter")
    SOCIAL_MEDIA = "social_media", _("Social media")
    WEBSITE = "website", _("Website")
    EVALUATION = "evaluation", _("Evaluation")
    OTHER = "other", _("Other")


class Reliability(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class Evidence(TrackedModel):
    outcome = models.ForeignKey(
        Outcome, verbose_name=_("outcome"), on_delete=models.CASCADE, related_name="evidence"
    )
    source_type = models.CharField(_("source type"), max_length=30, choices=EvidenceSource.choices)
    reference = models.CharField(_("reference"), max_length=400, blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)
    file = models.FileField(_("file"), upload_to="evidence/%Y/", blank=True)
    quote = models.TextField(_("quote"), blank=True)
    date = models.DateField(_("date"), null=True, blank=True, validators=[validate_not_in_future])
    reliability = models.CharField(
        _("reliability"), max_length=10, choices=Reliability.choices, default=Reliability.MEDIUM
    )

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return self.reference or self.url or self.file.name

    def clean(self):
        if not (self.reference.strip() or self.url or self.file):
            raise ValidationError(
                {"reference": _("Give a reference, a link or a file so that others can check it.")}
            )


def _exactly_one_of(names) -> Q:
    """A condition true when exactly one of the foreign keys `names` is set."""
    condition = Q()
    for chosen in names:
        condition |= Q(**{f"{name}__isnull": name != chosen for name in names})
    return condition


class ContributionLink(TrackedModel):
    """One piece of our work, a partner or an earlier outcome that contributed to an outcome,
    how it did, and the evidence items (of the same outcome) that back the link."""

    _history_m2m_fields = ("evidence",)

    outcome = models.ForeignKey(
        Outcome, verbose_name=_("outcome"), on_delete=models.CASCADE, related_name="contributions"
    )
    contact = models.ForeignKey(
        Contact, verbose_name=_("contact"), on_delete=models.CASCADE, null=True, blank=True,
        related_name="contributions",
    )
    output = models.ForeignKey(
        Output, verbose_name=_("output"), on_delete=models.CASCADE, null=True, blank=True,
        related_name="contributions",
    )
    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, null=True, blank=True,
        related_name="contributions",
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("partner organisation"), on_delete=models.CASCADE,
        null=True, blank=True, related_name="contributions",
    )
    # Outcomes build on each other, e.g. a change in discourse that led to a change in policy.
    source_outcome = models.ForeignKey(
        Outcome, verbose_name=_("earlier outcome"), on_delete=models.CASCADE, null=True,
        blank=True, related_name="contributed_to",
    )
    narrative = models.TextField(_("how it contributed"))
    evidence = models.ManyToManyField(
        Evidence, verbose_name=_("evidence behind the link"), blank=True,
        related_name="contribution_links",
        help_text=_("Evidence items of this outcome that show the link."),
    )

    SOURCES = ("contact", "output", "activity", "organisation", "source_outcome")

    class Meta:
        verbose_name = _("contribution link")
        verbose_name_plural = _("contribution links")
        ordering = ["outcome", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=_exactly_one_of(("contact", "output", "activity", "organisation",
                                           "source_outcome")),
                name="contributionlink_exactly_one_source",
                violation_error_message=_(
                    "Link exactly one contact, output, activity, partner organisation or "
                    "earlier outcome."
                ),
            ),
            models.CheckConstraint(
                condition=Q(source_outcome__isnull=True) | ~Q(source_outcome=F("outcome")),
                name="contributionlink_not_to_itself",
                violation_error_message=_("An outcome cannot contribute to itself."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} → {self.outcome}"

    @property
    def source(self):
        return (self.contact or self.output or self.activity or self.organisation
                or self.source_outcome)

    @property
    def source_kind(self) -> str:
        """Which kind of record contributed: contact, output, activity, organisation, outcome."""
        for name in self.SOURCES:
            if getattr(self, f"{name}_id"):
                return "outcome" if name == "source_outcome" else name
        return ""

    def clean(self):
        chosen = [name for name in self.SOURCES if getattr(self, f"{name}_id")]
        if len(chosen) != 1:
            raise ValidationError(
                _("Link exactly one contact, output, activity, partner organisation or "
                  "earlier outcome."),
                code="one_source",
            )
        if self.source_outcome_id and self.outcome_id:
            if self.source_outcome_id == self.outcome_id:
                raise ValidationError(
                    {"source_outcome": _("An outcome cannot contribute to itself.")},
                    code="self_contribution",
                )
            if self._would_close_a_circle():
                raise ValidationError({"source_outcome": ValidationError(
                    _("“%(outcome)s” already contributes, directly or through other outcomes, "
                      "to “%(source)s”; linking them this way round would make a circle."),
                    params={"outcome": self.outcome, "source": self.source_outcome},
                    code="contribution_circle",
                )})

    def _would_close_a_circle(self) -> bool:
        """Does `outcome` already contribute (through earlier outcomes) to `source_outcome`?

        Walks back from the source outcome along outcome-to-outcome links, one query per step,
        counting links of outcomes in the bin too (restoring one must not reveal a circle).
        """
        links = ContributionLink.objects.filter(source_outcome__isnull=False)
        if self.pk:
            links = links.exclude(pk=self.pk)
        seen, frontier = set(), {self.source_outcome_id}
        while frontier:
            if self.outcome_id in frontier:
                return True
            seen |= frontier
            frontier = set(links.filter(outcome__in=frontier)
                           .values_list("source_outcome", flat=True)) - seen
        return False
