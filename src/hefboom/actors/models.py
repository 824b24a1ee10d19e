"""The people and organisations Hefboom's users work with, and who held which role when."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hefboom.core.models import TrackedModel


class PoliticalLevel(models.TextChoices):
    FEDERAL = "federal", _("Federal")
    FLEMISH = "flemish", _("Flemish")
    WALLOON = "walloon", _("Walloon")
    BRUSSELS = "brussels", _("Brussels")
    EU = "eu", _("European Union")
    INTERNATIONAL = "international", _("International")
    LOCAL = "local", _("Local")


class OrganisationType(models.TextChoices):
    PARTY = "party", _("Political party")
    CABINET = "cabinet", _("Cabinet")
    ADMINISTRATION = "administration", _("Administration")
    PARLIAMENT = "parliament", _("Parliament")
    PARLIAMENTARY_GROUP = "parliamentary_group", _("Parliamentary group")
    RESEARCH_SERVICE = "research_service", _("Party research service")
    MEMBER_ORGANISATION = "member_organisation", _("Member organisation")
    COALITION = "coalition", _("Coalition")
    MEDIA = "media", _("Media")
    INTERNATIONAL_BODY = "international_body", _("International body")
    OTHER = "other", _("Other")


class Organisation(TrackedModel):
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    type = models.CharField(_("type"), max_length=30, choices=OrganisationType.choices)
    political_level = models.CharField(
        _("political level"), max_length=20, choices=PoliticalLevel.choices, blank=True
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("E.g. the party of a parliamentary group or research service."),
    )
    website = models.URLField(_("website"), blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "type"], name="organisation_unique_name_type")
        ]

    def __str__(self) -> str:
        return self.short_name or self.name

    def get_absolute_url(self) -> str:
        return reverse("actors:organisation", args=[self.pk])

    def clean(self):
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": _("An organisation cannot be part of itself.")})


class Person(TrackedModel):
    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    organisations = models.ManyToManyField(
        Organisation, through="PersonRole", related_name="people", verbose_name=_("organisations")
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def get_absolute_url(self) -> str:
        return reverse("actors:person", args=[self.pk])

    def roles_on(self, day):
        """The roles this person held on `day`."""
        return self.roles.filter(Q(start_date__lte=day) | Q(start_date__isnull=True)).filter(
            Q(end_date__gte=day) | Q(end_date__isnull=True)
        )


class PersonRole(TrackedModel):
    """A function a person holds in an organisation from a date to a date."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="roles"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="roles"
    )
    title = models.CharField(
        _("function"), max_length=150, help_text=_("E.g. state secretary, MP, chief of staff.")
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="personrole_end_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.title}, {self.organisation}"

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
