"""The people and organisations Hefboom's users work with, and who held which role when."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from hefboom.core.models import TrackedModel


def held_on(day):
    """The condition "the role was held on `day`" (open ends count as unbounded); the same rule
    as `PersonRole.is_held_on` for roles already read."""
    return ((Q(start_date__isnull=True) | Q(start_date__lte=day))
            & (Q(end_date__isnull=True) | Q(end_date__gte=day)))


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
    spectrum_position = models.PositiveSmallIntegerField(
        _("position on the political spectrum"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(10)],
        help_text=_("For parties: 0 is far left, 10 far right. Orders the coverage dashboard."),
    )

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
    is_public_figure = models.BooleanField(
        _("public figure"),
        default=False,
        help_text=_("Holds or held a public office (minister, MP, party chair...). Notes on other "
                    "persons are flagged for review after the retention period."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Hefboom user"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        help_text=_("When this person is also a user of Hefboom (a staff member)."),
    )
    erased_at = models.DateTimeField(
        _("erased at"), null=True, blank=True, editable=False,
        help_text=_("Set when the person's data were erased on request; the record is a "
                    "pseudonym that keeps counts and outcomes intact."),
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
        return self.roles.filter(held_on(day))


class DatedSpan:
    """A record held from `start_date` to `end_date`, either of which may be open: a role, a
    government, a membership."""

    @property
    def period(self) -> str:
        """The dates as people read them: "1 Oct 2020 – 27 Jun 2022", "? – now"."""
        return f"{_day(self.start_date, _('?'))} – {_day(self.end_date, _('now'))}"

    def is_held_on(self, day) -> bool:
        """The same rule as `held_on(day)`, for records already read."""
        return ((self.start_date is None or self.start_date <= day)
                and (self.end_date is None or self.end_date >= day))


class PersonRole(DatedSpan, TrackedModel):
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
    single_holder = models.BooleanField(
        _("one holder at a time"),
        default=False,
        help_text=_("Only one person holds this function in this organisation at a time "
                    "(a minister, a party chair); overlapping holders are refused."),
    )
    government = models.ForeignKey(
        "Government",
        verbose_name=_("government"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="roles",
        help_text=_("For ministers, state secretaries and their cabinets' staff."),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    date_approximate = models.BooleanField(
        _("dates approximate"), default=False,
        help_text=_("Only the month or year is known."),
    )

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
        if self.government_id:
            self._clean_government()
        if self.person_id and self.organisation_id and self.title.strip():
            self._clean_overlaps()

    def overlaps(self, other) -> bool:
        """Whether both roles are held on a common day. A hand-over (one ends the day the other
        starts, as when a minister is sworn in the day the predecessor leaves) is no overlap."""
        low, high = date.min, date.max
        s1, e1 = self.start_date or low, self.end_date or high
        s2, e2 = other.start_date or low, other.end_date or high
        if s1 > e2 or s2 > e1:
            return False
        handover = (e1 == s2 and s1 < s2) or (e2 == s1 and s2 < s1)
        return not handover

    def _clean_government(self):
        government = self.government
        starts_within = self.start_date is not None and self.start_date >= government.start_date
        ends_within = government.end_date is None or (
            self.end_date is not None and self.end_date <= government.end_date)
        if not (starts_within and ends_within):
            raise ValidationError({"government": _(
                "A role in the %(government)s must lie within its dates (%(period)s); "
                "this role runs %(role)s. Correct the dates or choose another government."
            ) % {"government": government, "period": government.period, "role": self.period}})

    def _clean_overlaps(self):
        """Refuse a role that cannot be true at the same time as one already recorded: the same
        person in the same function twice, or two holders of a one-holder function."""
        same_function = (
            PersonRole.objects.filter(organisation_id=self.organisation_id,
                                      title__iexact=self.title.strip())
            .exclude(pk=self.pk)
            .select_related("person", "organisation")
        )
        if self.end_date:
            same_function = same_function.filter(
                Q(start_date__isnull=True) | Q(start_date__lte=self.end_date))
        if self.start_date:
            same_function = same_function.filter(
                Q(end_date__isnull=True) | Q(end_date__gte=self.start_date))
        others = [other for other in same_function if self.overlaps(other)]
        for other in others:
            if other.person_id == self.person_id:
                raise ValidationError(_(
                    "%(person)s already holds “%(title)s” in %(organisation)s over these dates "
                    "(%(period)s). Change the dates of that role instead of adding another."
                ) % {"person": other.person, "title": other.title,
                     "organisation": other.organisation, "period": other.period})
        holders = [other for other in others if self.single_holder or other.single_holder]
        if holders:
            raise ValidationError(_(
                "Only one person at a time can be “%(title)s” in %(organisation)s, and over "
                "these dates it is held by %(holders)s. End that role first, or correct the dates."
            ) % {"title": holders[0].title, "organisation": holders[0].organisation,
                 "holders": "; ".join(f"{h.person} ({h.period})"
                                      for h in sorted(holders, key=_start))})


def _start(role):
    return role.start_date or date.min


def _day(day, missing) -> str:
    return date_format(day, "j M Y") if day else str(missing)


class Government(DatedSpan, TrackedModel):
    """A government (federal, Flemish, ...) from its swearing-in to its end, with its parties.

    Its composition over time is the roles that name it: when a minister is replaced, the old
    role ends and a new one starts, so contacts stay with the person who held the role then.
    """

    name = models.CharField(_("name"), max_length=150, unique=True)
    political_level = models.CharField(
        _("political level"), max_length=20, choices=PoliticalLevel.choices
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    parties = models.ManyToManyField(
        Organisation,
        verbose_name=_("coalition parties"),
        blank=True,
        related_name="governments",
        limit_choices_to={"type": OrganisationType.PARTY},
    )

    class Meta:
        verbose_name = _("government")
        verbose_name_plural = _("governments")
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="government_end_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("actors:government", args=[self.pk])

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
        if self.pk and self.start_date:
            # Changing the government's dates must not leave its roles outside them.
            outside = self.roles.filter(
                Q(start_date__isnull=True) | Q(start_date__lt=self.start_date)
                | (Q(end_date__isnull=True) | Q(end_date__gt=self.end_date) if self.end_date
                   else Q(pk__in=[]))
            ).select_related("person").first()
            if outside:
                raise ValidationError(_(
                    "The role of %(person)s (%(title)s, %(period)s) would fall outside the "
                    "government's dates. Change that role first."
                ) % {"person": outside.person, "title": outside.title, "period": outside.period})


class PersonMerge(models.Model):
    """A record that a duplicate person was merged into another: the duplicate's name is kept
    here (and in its change history) so that the merge can be explained later."""

    into = models.ForeignKey(
        Person, verbose_name=_("merged into"), on_delete=models.CASCADE, related_name="merges"
    )
    merged_name = models.CharField(_("merged person"), max_length=210)
    merged_id = models.PositiveIntegerField(_("merged person's number"))
    merged_at = models.DateTimeField(_("merged at"), auto_now_add=True)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("merged by"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )
    moved = models.JSONField(_("what moved"), default=dict, blank=True)

    class Meta:
        verbose_name = _("person merge")
        verbose_name_plural = _("person merges")
        ordering = ["-merged_at"]

    def __str__(self) -> str:
        return f"{self.merged_name} → {self.into}"


class MembershipKind(models.TextChoices):
    MEMBER = "member", _("Member organisation")
    COALITION = "coalition", _("Coalition we take part in")


class Membership(DatedSpan, TrackedModel):
    """A member organisation of the umbrella, or a coalition the umbrella takes part in, from
    a date to a date. Activities, outputs and contacts name only partners that were members
    (or coalitions we were in) on their date."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT,
        related_name="memberships",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MembershipKind.choices)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation__name", "-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="membership_end_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.get_kind_display()} ({self.period})"

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
        if not self.organisation_id:
            return
        others = Membership.objects.filter(organisation_id=self.organisation_id).exclude(
            pk=self.pk)
        low, high = self.start_date or date.min, self.end_date or date.max
        for other in others:
            if (other.start_date or date.min) <= high and low <= (other.end_date or date.max):
                raise ValidationError(_(
                    "%(organisation)s already has a membership from %(period)s; end that one "
                    "first or change its dates."
                ) % {"organisation": self.organisation, "period": other.period})


def partners_on(day):
    """Organisations that were a member organisation, or a coalition we took part in, on
    `day` (the condition on `Organisation`)."""
    return Q(memberships__in=Membership.objects.filter(held_on(day)))


def not_partners_on(organisations, day) -> list:
    """Those of `organisations` that were neither a member nor a coalition of ours on `day`."""
    ids = {getattr(o, "pk", o) for o in organisations}
    if not ids or day is None:
        return []
    ok = set(Membership.objects.filter(held_on(day), organisation_id__in=ids)
             .values_list("organisation_id", flat=True))
    return list(Organisation.objects.filter(pk__in=ids - ok))
