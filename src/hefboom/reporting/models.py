"""Indicators with baselines, targets and actuals per year, and the approval state of each year."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hefboom.core.models import TrackedModel
from hefboom.monitoring.models import Rating
from hefboom.strategy.models import Dossier, Programme, Theme


def programme_years(programme) -> range:
    return range(programme.start_date.year, programme.end_date.year + 1)


def check_year_in_programme(programme, year, field="year"):
    """Refuse a year outside the programme, naming the years that are allowed."""
    years = programme_years(programme)
    if year is not None and year not in years:
        raise ValidationError({field: ValidationError(
            _("%(year)s is outside the programme “%(programme)s”, which runs from %(first)s to "
              "%(last)s; choose a year in that range."),
            params={"year": year, "programme": programme, "first": years[0], "last": years[-1]},
            code="year_outside_programme",
        )})


class IndicatorKind(models.TextChoices):
    COMPUTED = "computed", _("Computed from records")
    MANUAL = "manual", _("Entered by hand")
    QUALITATIVE = "qualitative", _("Qualitative (rating and text)")


class ResultLevel(models.TextChoices):
    """IATI's result type: 1 output, 2 outcome."""

    OUTCOME = "outcome", _("Outcome")
    OUTPUT = "output", _("Output")


class RecordKind(models.TextChoices):
    CONTACT = "contact", _("Contacts")
    ACTIVITY = "activity", _("Activities")
    OUTPUT = "output", _("Outputs")
    OUTCOME = "outcome", _("Outcomes")


class Measure(models.TextChoices):
    """IATI's indicator measure (1 unit, 2 percentage; qualitative indicators are 5)."""

    UNIT = "unit", _("Number")
    PERCENTAGE = "percentage", _("Percentage")


class Indicator(TrackedModel):
    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.PROTECT, related_name="indicators"
    )
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="indicators", help_text=_("Leave empty for a programme-wide indicator."),
    )
    dossier = models.ForeignKey(
        Dossier, verbose_name=_("dossier"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="indicators",
    )
    code = models.CharField(_("code"), max_length=30, help_text=_("E.g. OC4.1."))
    title = models.CharField(_("title"), max_length=250)
    title_fr = models.CharField(_("title (French)"), max_length=250, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=250, blank=True)
    description = models.TextField(_("description"), blank=True)
    result_level = models.CharField(
        _("result level"), max_length=10, choices=ResultLevel.choices, default=ResultLevel.OUTCOME
    )
    kind = models.CharField(_("kind"), max_length=12, choices=IndicatorKind.choices)
    record_kind = models.CharField(
        _("records counted"), max_length=10, choices=RecordKind.choices, blank=True
    )
    filter_query = models.CharField(
        _("filter"), max_length=1000, blank=True,
        help_text=_("The filter of the record list, e.g. level=federal&organisation_type=cabinet."),
    )
    measure = models.CharField(
        _("measure"), max_length=12, choices=Measure.choices, default=Measure.UNIT
    )
    unit = models.CharField(_("unit"), max_length=60, blank=True, help_text=_("E.g. contacts."))
    ascending = models.BooleanField(
        _("more is better"), default=True,
        help_text=_("Untick when a lower value is the aim."),
    )
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    baseline_value = models.DecimalField(
        _("baseline"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    baseline_comment = models.TextField(_("baseline comment"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["programme", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "code"], name="indicator_unique_code"),
            models.CheckConstraint(
                condition=~Q(kind=IndicatorKind.COMPUTED) | ~Q(record_kind=""),
                name="indicator_computed_has_kind",
                violation_error_message=_("A computed indicator counts one kind of record."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("reporting:indicator", args=[self.pk])

    @property
    def is_computed(self) -> bool:
        return self.kind == IndicatorKind.COMPUTED

    @property
    def is_qualitative(self) -> bool:
        return self.kind == IndicatorKind.QUALITATIVE

    def title_in(self, language: str) -> str:
        """The title in `language` (nl, fr or en) where one was written."""
        return {"fr": self.title_fr, "en": self.title_en}.get(language, self.title) or ""

    def clean(self):
        errors = {}
        if self.theme_id and self.programme_id and self.theme.programme_id != self.programme_id:
            errors["theme"] = _("This theme belongs to another programme.")
        if self.dossier_id:
            if self.theme_id and self.dossier.theme_id != self.theme_id:
                errors["dossier"] = _("This dossier belongs to another theme.")
            elif self.programme_id and self.dossier.theme.programme_id != self.programme_id:
                errors["dossier"] = _("This dossier belongs to another programme.")
        if self.kind == IndicatorKind.COMPUTED and not self.record_kind:
            errors["record_kind"] = _("Choose which records a computed indicator counts.")
        if self.kind != IndicatorKind.COMPUTED and (self.record_kind or self.filter_query):
            errors["filter_query"] = _("Only computed indicators count records with a filter.")
        if errors:
            raise ValidationError(errors)
        if self.programme_id and self.baseline_year is not None:
            years = programme_years(self.programme)
            # A baseline is usually measured the year before the programme starts.
            if not years[0] - 5 <= self.baseline_year <= years[-1]:
                raise ValidationError({"baseline_year": _(
                    "The baseline year must lie in the programme or in the five years before it."
                )})
        if self.kind == IndicatorKind.COMPUTED and self.record_kind:
            from hefboom.reporting.indicators import FilterError, parse_filter

            try:
                parse_filter(self.record_kind, self.filter_query, indicator=self)
            except FilterError as exc:
                raise ValidationError({"filter_query": str(exc)}) from exc


class IndicatorPeriod(TrackedModel):
    """An indicator's target and actual (or rating and text) for one year of the programme."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="periods"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2, null=True,
                                 blank=True)
    actual = models.DecimalField(
        _("actual"), max_digits=14, decimal_places=2, null=True, blank=True,
        help_text=_("For a computed indicator: the count frozen when the year was approved."),
    )
    rating = models.CharField(_("rating"), max_length=10, choices=Rating.choices, blank=True)
    text = models.TextField(_("text"), blank=True)
    text_fr = models.TextField(_("text (French)"), blank=True)
    text_en = models.TextField(_("text (English)"), blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year"], name="indicatorperiod_unique_year",
                violation_error_message=_("This indicator already has values for this year."))
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.year}"

    def text_in(self, language: str) -> str:
        return {"fr": self.text_fr, "en": self.text_en}.get(language, self.text) or ""

    def clean(self):
        if self.indicator_id:
            check_year_in_programme(self.indicator.programme, self.year)
            if self.indicator.is_qualitative and (self.target is not None or self.actual is not None):
                raise ValidationError({"actual": _(
                    "A qualitative indicator has a rating and a text, not numbers."
                )})


class PeriodStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")


class ReportingPeriod(TrackedModel):
    """One year of a programme on its way to the funder: draft → submitted → approved (locked)."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.PROTECT,
        related_name="reporting_periods",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=10, choices=PeriodStatus.choices,
                              default=PeriodStatus.DRAFT)

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["programme", "year"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "year"], name="reportingperiod_unique_year")
        ]

    def __str__(self) -> str:
        return f"{self.programme} {self.year}"

    @property
    def is_locked(self) -> bool:
        return self.status == PeriodStatus.APPROVED

    def clean(self):
        if self.programme_id:
            check_year_in_programme(self.programme, self.year)


class PeriodAction(models.TextChoices):
    SUBMIT = "submit", _("Submitted")
    APPROVE = "approve", _("Approved and locked")
    RETURN = "return", _("Returned to draft")
    UNLOCK = "unlock", _("Unlocked")


class PeriodEvent(models.Model):
    """The log of a reporting period: every step, who took it, when and why."""

    period = models.ForeignKey(ReportingPeriod, verbose_name=_("reporting period"),
                               on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=10, choices=PeriodAction.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"),
                             on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("at"), auto_now_add=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("reporting period event")
        verbose_name_plural = _("reporting period events")
        ordering = ["period", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.period}: {self.get_action_display()} ({self.user}, {self.at:%Y-%m-%d})"
