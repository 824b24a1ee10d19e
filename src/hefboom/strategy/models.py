"""What the programme wants to change: themes, dossiers, theory of change and Outcome Mapping."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy

from hefboom.actors.models import Organisation
from hefboom.core.models import TrackedModel


class Programme(TrackedModel):
    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    funder = models.CharField(_("funder"), max_length=200, blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="programme_end_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})


class Theme(TrackedModel):
    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.PROTECT, related_name="themes"
    )
    code = models.SlugField(_("code"), max_length=60)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["programme", "order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "code"], name="theme_unique_code")
        ]

    def __str__(self) -> str:
        return self.name


class Dossier(TrackedModel):
    """A sub-theme on which the organisation works, e.g. labour migration or climate finance."""

    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), on_delete=models.PROTECT, related_name="dossiers"
    )
    code = models.SlugField(_("code"), max_length=60)
    name = models.CharField(_("name"), max_length=160)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        ordering = ["theme__order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["theme", "code"], name="dossier_unique_code")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("strategy:dossier", args=[self.pk])


# The four services of the integrated approach, created on install (migration 0004) with their
# English names; `Service.__str__` reads them in the user's language.
DEFAULT_SERVICES = (
    ("policy", "Policy"),
    ("communication", "Communication"),
    ("movement", "Movement"),
    ("international", "International"),
)
# For the catalogues only (makemessages reads these calls).
_SERVICE_NAMES = (pgettext_lazy("service", "Policy"), pgettext_lazy("service", "Communication"),
                  pgettext_lazy("service", "Movement"), pgettext_lazy("service", "International"))


class Service(TrackedModel):
    """A part of the organisation that works on dossiers: the four services of the integrated
    approach (policy, communication, movement, international) and any the organisation adds."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(
        _("active"), default=True,
        help_text=_("Inactive services keep their history but are no longer offered in forms."),
    )

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        # The default services' names are in the catalogues; a name the organisation typed
        # has no translation and shows as typed.
        return pgettext("service", self.name)


class ChangeOutcome(TrackedModel):
    """An outcome in a theme's theory of change (the change the programme aims for)."""

    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), on_delete=models.CASCADE, related_name="change_outcomes"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    statement = models.TextField(_("statement"))

    class Meta:
        verbose_name = _("theory-of-change outcome")
        verbose_name_plural = _("theory-of-change outcomes")
        ordering = ["theme", "number"]
        constraints = [
            models.UniqueConstraint(fields=["theme", "number"], name="changeoutcome_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.theme} {self.number}: {self.statement[:80]}"


class Assumption(TrackedModel):
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), on_delete=models.CASCADE, related_name="assumptions"
    )
    change_outcome = models.ForeignKey(
        ChangeOutcome,
        verbose_name=_("theory-of-change outcome"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assumptions",
    )
    statement = models.TextField(_("statement"))

    class Meta:
        verbose_name = _("assumption")
        verbose_name_plural = _("assumptions")
        ordering = ["theme", "pk"]

    def __str__(self) -> str:
        return self.statement[:100]

    def clean(self):
        if self.change_outcome_id and self.theme_id and self.change_outcome.theme_id != self.theme_id:
            raise ValidationError(
                {"change_outcome": _("This outcome belongs to another theme.")}
            )


class BoundaryPartner(TrackedModel):
    """An actor whose behaviour the programme wants to change (Outcome Mapping)."""
    _history_m2m_fields = ("organisations",)


    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), on_delete=models.PROTECT, related_name="boundary_partners"
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("organisations"),
        blank=True,
        related_name="boundary_partners",
    )

    class Meta:
        verbose_name = _("boundary partner")
        verbose_name_plural = _("boundary partners")
        ordering = ["theme", "name"]

    def __str__(self) -> str:
        return self.name


class MarkerLevel(models.TextChoices):
    EXPECT = "expect", _("Expect to see")
    LIKE = "like", _("Like to see")
    LOVE = "love", _("Love to see")


class ProgressMarker(TrackedModel):
    boundary_partner = models.ForeignKey(
        BoundaryPartner,
        verbose_name=_("boundary partner"),
        on_delete=models.PROTECT,
        related_name="progress_markers",
    )
    dossier = models.ForeignKey(
        Dossier,
        verbose_name=_("dossier"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="progress_markers",
    )
    level = models.CharField(_("level"), max_length=10, choices=MarkerLevel.choices)
    order = models.PositiveSmallIntegerField(_("order"))
    statement = models.TextField(_("statement"))

    class Meta:
        verbose_name = _("progress marker")
        verbose_name_plural = _("progress markers")
        # expect < like < love happens to be alphabetical too, so "level" sorts the ladder.
        ordering = ["boundary_partner", "level", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["boundary_partner", "level", "order"], name="progressmarker_unique_order"
            ),
            models.CheckConstraint(
                condition=Q(level__in=MarkerLevel.values),
                name="progressmarker_level_valid",
                violation_error_message=_("The level must be expect, like or love to see."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_level_display()} {self.order}: {self.statement[:80]}"

    def get_absolute_url(self) -> str:
        return reverse("strategy:progress_marker", args=[self.pk])

    def clean(self):
        if (
            self.dossier_id
            and self.boundary_partner_id
            and self.dossier.theme_id != self.boundary_partner.theme_id
        ):
            raise ValidationError(
                {"dossier": _("The dossier belongs to another theme than the boundary partner.")}
            )


def ensure_default_services() -> dict[str, "Service"]:
    """The services by code, after creating any of the four defaults that are missing (the
    migration creates them; a flushed database, e.g. after a transactional test or
    `generate_dataset.py --force`, has none). Existing services are left as they are."""
    for order, (code, name) in enumerate(DEFAULT_SERVICES, start=1):
        if not Service.objects.filter(code=code).exists():
            Service.objects.create(code=code, name=name, order=order)
    return {service.code: service for service in Service.objects.all()}
