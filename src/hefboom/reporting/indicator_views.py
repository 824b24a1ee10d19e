"""Indicator pages: the list per programme, an indicator with its years and disaggregation,
and the M&E officer's forms for the indicator and its values per year."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from hefboom.core.forms import run_action
from hefboom.reporting import actions, indicators, selectors
from hefboom.reporting.forms import IndicatorForm, IndicatorValuesForm, initial_from_list
from hefboom.reporting.indicators import DISAGGREGATIONS, FilterError
from hefboom.reporting.models import (
    Indicator,
    IndicatorPeriod,
    PeriodStatus,
    ReportingPeriod,
    check_year_in_programme,
    programme_years,
)
from hefboom.strategy.models import Programme


def require_indicator_editor(user) -> None:
    if not user.can_edit_strategy:
        raise PermissionDenied(_("Only the M&E officer or an administrator can change indicators."))


def get_programme(pk) -> Programme:
    return get_object_or_404(Programme, pk=pk)


def get_indicator(pk) -> Indicator:
    return get_object_or_404(
        Indicator.objects.select_related("programme", "theme", "dossier"), pk=pk)


def default_year(programme) -> int:
    """This year, or the programme year nearest to it."""
    years = programme_years(programme)
    return min(max(timezone.localdate().year, years[0]), years[-1])


def chosen_year(request, programme) -> int:
    year = request.GET.get("year", "")
    if year.isdigit() and int(year) in programme_years(programme):
        return int(year)
    return default_year(programme)


def indicator_list(request, programme_id):
    programme = get_programme(programme_id)
    year = chosen_year(request, programme)
    return render(request, "reporting/indicator_list.html", {
        "programme": programme, "year": year, "years": programme_years(programme),
        "rows": selectors.indicator_rows(programme, year, strict=False),
    })


def indicator_years(indicator) -> list[selectors.IndicatorRow]:
    """The indicator in every programme year, figures read the way `selectors.indicator_rows`
    reads them (`indicators.actual`: live counts, frozen ones in approved years)."""
    programme = indicator.programme
    approved = set(ReportingPeriod.objects.filter(
        programme=programme, status=PeriodStatus.APPROVED).values_list("year", flat=True))
    periods = {p.year: p for p in IndicatorPeriod.objects.filter(indicator=indicator)}
    rows = []
    for year in programme_years(programme):
        period = periods.get(year)
        actual = None if indicator.is_qualitative else \
            indicators.actual(indicator, year, period, frozen=year in approved)
        rows.append(selectors.IndicatorRow(
            indicator=indicator, year=year, period=period, actual=actual,
            list_url=indicators.list_url(indicator, year) if indicator.is_computed else "",
        ))
    return rows


def indicator_detail(request, pk):
    indicator = get_indicator(pk)
    year = chosen_year(request, indicator.programme)
    problem = description = ""
    rows, tables = [], []
    try:
        description = indicators.filter_description(indicator)
        rows = indicator_years(indicator)
        if indicator.is_computed:
            tables = [(label, indicators.disaggregate(indicator, year, by))
                      for by, label in DISAGGREGATIONS.items()]
    except FilterError as exc:  # a filter the lists no longer accept: say so, count nothing
        problem = str(exc)
    return render(request, "reporting/indicator_detail.html", {
        "indicator": indicator, "programme": indicator.programme, "year": year,
        "years": programme_years(indicator.programme), "rows": rows, "tables": tables,
        "filter_description": description, "problem": problem,
    })


def _indicator_form(request, indicator, initial=None):
    form = IndicatorForm(request.POST or None, instance=indicator, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = run_action(form, actions.save_indicator, request.user, form.save(commit=False),
                           expected_version=form.cleaned_data.get("expected_version"))
        if saved:
            messages.success(request, _("The indicator “%(indicator)s” was saved.")
                             % {"indicator": saved})
            return redirect(saved)
    return render(request, "reporting/indicator_form.html", {
        "form": form, "indicator": indicator if indicator.pk else None,
        "title": _("Edit indicator") if indicator.pk else _("New indicator"),
    })


def indicator_create(request):
    """A new indicator; from a record list's "Save as indicator" link, prefilled with the
    list's kind and filter."""
    require_indicator_editor(request.user)
    initial = initial_from_list(request.GET)
    programme = None
    if request.GET.get("programme", "").isdigit():
        programme = Programme.objects.filter(pk=request.GET["programme"]).first()
    if programme is None:
        programme = Programme.objects.order_by("-start_date", "-pk").first()
    if programme is not None:
        initial.setdefault("programme", programme.pk)
    return _indicator_form(request, Indicator(), initial)


def indicator_edit(request, pk):
    require_indicator_editor(request.user)
    return _indicator_form(request, get_indicator(pk))


def indicator_values(request, pk, year):
    """Target and actual, or rating and texts, of one indicator in one year."""
    require_indicator_editor(request.user)
    indicator = get_indicator(pk)
    try:
        check_year_in_programme(indicator.programme, year)
    except ValidationError as exc:
        return render(request, "reporting/indicator_values.html", {
            "indicator": indicator, "year": year, "refusal": " ".join(exc.messages),
        }, status=400)
    period = IndicatorPeriod.objects.filter(indicator=indicator, year=year).first()
    form = IndicatorValuesForm(request.POST or None, indicator=indicator, period=period)
    if request.method == "POST" and form.is_valid():
        saved = run_action(form, actions.set_indicator_period, request.user, indicator, year,
                           expected_version=form.cleaned_data.get("expected_version"),
                           **form.values())
        if saved:
            messages.success(request, _("The values of %(code)s for %(year)s were saved.")
                             % {"code": indicator.code, "year": year})
            return redirect(f"{indicator.get_absolute_url()}?year={year}")
    return render(request, "reporting/indicator_values.html", {
        "indicator": indicator, "year": year, "form": form, "period": period,
    })
