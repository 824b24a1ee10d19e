"""The programme dashboard per year and the downloads of the yearly report.

Every figure comes from `selectors.report_data`, the same data the report formats read, so the
dashboard and the files cannot disagree.
"""

from itertools import groupby
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from hefboom.reporting import formats, selectors
from hefboom.reporting.charts import indicator_chart
from hefboom.reporting.indicator_views import default_year, get_programme
from hefboom.reporting.models import PeriodStatus, check_year_in_programme, programme_years
from hefboom.strategy.models import Programme


def dashboard_home(request):
    """The only programme (or the one that started last) in the current year."""
    programme = Programme.objects.order_by("-start_date", "-pk").first()
    if programme is None:
        return render(request, "reporting/no_programme.html")
    return redirect("reporting:dashboard", programme.pk, default_year(programme))


# The dashboard lists the year's latest outcomes; the outcome list has them all.
OUTCOMES_SHOWN = 25


def _marker_ladders(markers):
    """Progress-marker statuses grouped per boundary partner, in the selector's order."""
    return [(partner, list(statuses)) for partner, statuses
            in groupby(markers, key=lambda status: status.marker.boundary_partner)]


def _render_dashboard(request, programme, year, *, error="", status=200):
    data = selectors.report_data(programme, year, strict=False)
    rows = data.indicators
    return render(request, "reporting/dashboard.html", {
        "programme": programme, "year": year, "data": data,
        "years": programme_years(programme),
        "programmes": Programme.objects.order_by("-start_date", "pk"),
        "charts": [indicator_chart(row) for row in rows if not row.indicator.is_qualitative],
        "qualitative": [row for row in rows if row.indicator.is_qualitative],
        "ladders": _marker_ladders(data.markers),
        "outcomes_per_dossier": selectors.outcomes_per_dossier(programme, year),
        "latest_outcomes": data.outcomes[::-1][:OUTCOMES_SHOWN],
        "all_outcomes_url": reverse("monitoring:outcomes") + "?" + urlencode({
            "date_from": f"{year}-01-01", "date_to": f"{year}-12-31"}),
        "status_label": PeriodStatus(data.status).label,
        "period_url": reverse("reporting:period", args=[programme.pk, year]),
        "formats": list(formats.FORMATS),
        "error": error,
    }, status=status)


def _checked_year(programme, year):
    try:
        check_year_in_programme(programme, year)
    except ValidationError as exc:
        raise Http404(" ".join(exc.messages)) from exc


def dashboard(request, programme_id, year):
    programme = get_programme(programme_id)
    try:
        check_year_in_programme(programme, year)
    except ValidationError as exc:
        return render(request, "reporting/year_refused.html", {
            "programme": programme, "message": " ".join(exc.messages),
            "years": programme_years(programme),
        }, status=404)
    return _render_dashboard(request, programme, year)


def download(request, programme_id, year, fmt):
    """The yearly report as a file; when it cannot be made, the dashboard with the reason (no
    partial or invalid file is ever sent)."""
    programme = get_programme(programme_id)
    _checked_year(programme, year)
    if fmt not in formats.FORMATS:
        raise Http404(_("Unknown format “%(fmt)s”.") % {"fmt": fmt})
    chosen = formats.FORMATS[fmt]
    language = (translation.get_language() or "nl")[:2]
    try:
        content = formats.build(programme, year, fmt, language)
    except formats.ReportError as exc:
        return _render_dashboard(request, programme, year, status=409, error=_(
            "The %(format)s file could not be made: %(reason)s") % {
            "format": fmt.upper(), "reason": exc})
    response = HttpResponse(content, content_type=chosen.content_type)
    response["Content-Disposition"] = \
        f'attachment; filename="{chosen.filename(programme, year)}"'
    return response
