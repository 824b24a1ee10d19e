"""Contribution claims: how we think we contributed to an outcome, and how confident the evidence makes us.

Each claim starts from a prior; each assessed evidence item updates it with Bayes' rule
(monitoring/confidence.py). The result is stored on the claim so lists can rank and filter by it
in SQL; `monitoring.actions` keeps it up to date.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hefboom.core.models import SoftDeletable, TrackedModel
from hefboom.monitoring.confidence import describe
from hefboom.monitoring.models.outcomes import ContributionLink, Evidence, Outcome


def validate_prior(value):
    if value is not None and not Decimal(0) < value < Decimal(1):
        raise ValidationError(
            _("The prior must lie strictly between 0 and 1; at 0 or 1 no evidence could change it."),
            code="prior_out_of_range",
        )


PROBABILITY = [MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(1))]


class ContributionClaim(SoftDeletable, TrackedModel):
    """“The outcome happened partly because of our work”, with the story, alternatives and confidence."""

    _history_m2m_fields = ("links",)

    outcome = models.ForeignKey(
        Outcome, verbose_name=_("outcome"), on_delete=models.CASCADE, related_name="claims"
    )
    statement = models.CharField(
        _("claim"), max_length=500,
        help_text=_("What we claim, e.g. “the structure was decided partly because of our lobbying "
                    "of the cabinet”."),
    )
    story = models.TextField(
        _("contribution story"), blank=True,
        help_text=_("The chain of events through which our work would have made a difference."),
    )
    alternatives = models.TextField(
        _("alternative explanations considered"), blank=True,
        help_text=_("What else could explain the outcome, and why it does or does not."),
    )
    prior = models.DecimalField(
        _("prior confidence"), max_digits=4, decimal_places=3, default=Decimal("0.5"),
        validators=[validate_prior],
        help_text=_("How likely the claim is before looking at the evidence, between 0 and 1 "
                    "(0.5: no idea either way)."),
    )
    links = models.ManyToManyField(
        ContributionLink, verbose_name=_("contribution links it rests on"), blank=True,
        related_name="claims",
    )
    confidence = models.FloatField(
        _("confidence"), default=0.5, editable=False, db_index=True,
        help_text=_("The prior updated with every assessed evidence item."),
    )

    class Meta:
        verbose_name = _("contribution claim")
        verbose_name_plural = _("contribution claims")
        ordering = ["-confidence", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(prior__gt=0, prior__lt=1), name="claim_prior_strictly_between_0_and_1",
                violation_error_message=_("The prior must lie strictly between 0 and 1."),
            ),
        ]

    def __str__(self) -> str:
        return self.statement

    def get_absolute_url(self) -> str:
        return reverse("monitoring:claim", args=[self.pk])

    @property
    def confidence_word(self) -> str:
        return describe(self.confidence)


class EvidenceTestType(models.TextChoices):
    STRAW_IN_THE_WIND = "straw", _("Straw-in-the-wind")
    HOOP = "hoop", _("Hoop")
    SMOKING_GUN = "smoking_gun", _("Smoking gun")
    DOUBLY_DECISIVE = "doubly_decisive", _("Doubly decisive")
    CUSTOM = "custom", _("Own numbers")


# P(E|H), P(E|¬H) per preset; docs/contribution.md explains each.
PRESETS = {
    EvidenceTestType.STRAW_IN_THE_WIND: (Decimal("0.6"), Decimal("0.4")),
    EvidenceTestType.HOOP: (Decimal("0.95"), Decimal("0.6")),
    EvidenceTestType.SMOKING_GUN: (Decimal("0.3"), Decimal("0.05")),
    EvidenceTestType.DOUBLY_DECISIVE: (Decimal("0.95"), Decimal("0.05")),
}


class ClaimEvidence(TrackedModel):
    """One evidence item assessed for a claim: how likely it is to exist if the claim is true, and if not."""

    claim = models.ForeignKey(
        ContributionClaim, verbose_name=_("claim"), on_delete=models.CASCADE,
        related_name="evidence_items",
    )
    evidence = models.ForeignKey(
        Evidence, verbose_name=_("evidence"), on_delete=models.CASCADE,
        related_name="claim_assessments",
    )
    test_type = models.CharField(
        _("test type"), max_length=20, choices=EvidenceTestType.choices, default=EvidenceTestType.CUSTOM
    )
    p_if_true = models.DecimalField(
        _("P(E|H): if the claim is true"), max_digits=4, decimal_places=3, validators=PROBABILITY,
        help_text=_("How likely we would be to find this evidence if the claim is true (sensitivity)."),
    )
    p_if_false = models.DecimalField(
        _("P(E|¬H): if the claim is false"), max_digits=4, decimal_places=3, validators=PROBABILITY,
        help_text=_("How likely we would be to find it anyway if the claim is false (type I error)."),
    )
    reasoning = models.TextField(
        _("reasoning"), blank=True, help_text=_("Why these two numbers.")
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("assessed evidence")
        verbose_name_plural = _("assessed evidence")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "evidence"], name="claimevidence_once_per_claim",
                violation_error_message=_("This evidence is already assessed for this claim."),
            ),
            models.CheckConstraint(
                condition=Q(p_if_true__gte=0, p_if_true__lte=1, p_if_false__gte=0, p_if_false__lte=1)
                & ~Q(p_if_true=0, p_if_false=0),
                name="claimevidence_likelihoods_are_probabilities",
                violation_error_message=_(
                    "P(E|H) and P(E|¬H) must lie between 0 and 1 and cannot both be 0."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.evidence)

    def apply_preset(self) -> None:
        """A preset test type fixes both numbers; "own numbers" keeps what was entered."""
        if self.test_type in PRESETS:
            self.p_if_true, self.p_if_false = PRESETS[self.test_type]

    def clean(self):
        errors = {}
        if self.evidence_id and self.claim_id and self.evidence.outcome_id != self.claim.outcome_id:
            errors["evidence"] = _("Choose evidence of this claim's outcome “%(outcome)s”.") % {
                "outcome": self.claim.outcome}
        if self.p_if_true == 0 and self.p_if_false == 0:
            errors["p_if_false"] = _(
                "“%(item)s”: P(E|H) and P(E|¬H) cannot both be 0. That would mean the evidence could "
                "not exist whether the claim is true or not, yet it was found."
            ) % {"item": self.evidence if self.evidence_id else _("this evidence")}
        if errors:
            raise ValidationError(errors)


@receiver(post_delete, sender=ClaimEvidence)
def _claim_confidence_follows_deleted_evidence(sender, instance, **kwargs):
    # Evidence deleted elsewhere (the admin) takes its assessments with it; keep the claim right.
    from hefboom.monitoring.actions import refresh_confidence

    refresh_confidence(instance.claim_id)
