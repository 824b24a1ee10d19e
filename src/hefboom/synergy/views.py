"""The synergy view and member involvement. Views parse the filters with a form and hand the
work to `selectors` and `members`; every figure is computed there."""

import datetime as dt
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from hefboom.actors.models import Organisation
from hefboom.monitoring.models import Confidentiality, Contact
from hefboom.privacy.audit import log_confidential_views
from hefboom.reporting.formats import ReportError
from hefboom.strategy.models import Service
from hefboom.synergy import members as member_selectors
from hefboom.synergy import selectors
from hefboom.synergy.forms import MemberFilterForm, SynergyFilterForm


class Links:
    """URLs of the drill-downs: the synergy view itself narrowed (a year, a service, outcomes
    with two services or more) or the outcome list with the same dossier, theme and dates."""

    def __init__(self, scope):
        self.scope = scope
        self.base = {}
        if scope.dossier is not None:
            self.base["dossier"] = scope.dossier.pk
        if scope.theme is not None:
            self.base["theme"] = scope.theme.pk

    def _window(self, year=None):
        start, end = self.scope.start, self.scope.end
        if year is not None:
            start, end = max(start, dt.date(year, 1, 1)), min(end, dt.date(year, 12, 31))
        return start, end

    def view(self, year=None, *, services=(), involved=None, partner=None) -> str:
        start, end = self._window(year)
        params = [*self.base.items(), ("start", start.isoformat()), ("end", end.isoformat())]
        params += [("service", pk) for pk in services]
        if involved:
            params.append(("involved", involved))
        if partner:
            params.append(("partner", partner))
        return "?" + urlencode(params) + "#synergy-matrix"

    def outcomes(self, year=None) -> str:
        start, end = self._window(year)
        params = {**self.base, "date_from": start.isoformat(), "date_to": end.isoformat()}
        return reverse("monitoring:outcomes") + "?" + urlencode(params)


def _scope(data) -> selectors.Scope:
    theme, dossier = data.get("theme"), data.get("dossier")
    if dossier is not None:
        theme = None  # the dossier says more; the form refused a dossier of another theme
    default_start, default_end = selectors.default_period(theme, dossier)
    start, end = data.get("start"), data.get("end")
    if start and not end:
        end = max(default_end, start)
    if end and not start:
        start = default_start if default_start <= end else end.replace(month=1, day=1)
    return selectors.Scope(start=start or default_start, end=end or default_end,
                           theme=theme, dossier=dossier)


def overview(request):
    form = SynergyFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    scope = _scope(data)
    links = Links(scope)
    known = list(Service.objects.all())
    result = selectors.synergy(request.user, scope, services=data.get("service") or (),
                               partner=data.get("partner"), involvement=data.get("involved"),
                               all_services=known)
    summary = [
        {"year": year, "many": many, "one": one, "none": none, "total": total,
         "links": {"many": links.view(year, involved="many"),
                   "one": links.view(year, involved="one"),
                   "none": links.view(year, involved="none"),
                   "total": links.outcomes(year)},
         "bar": _bar(many, one, none, total)}
        for year, many, one, none, total in result.summary]
    many, one, none, total = result.totals
    totals = {"many": many, "one": one, "none": none, "total": total,
              "links": {"many": links.view(involved="many"), "one": links.view(involved="one"),
                        "none": links.view(involved="none"), "total": links.outcomes()}}
    service_years = [
        {"service": service, "name": name, "total": total,
         "link": links.view(services=[service.pk]),
         "cells": [(count, links.view(year, services=[service.pk]))
                   for year, count in zip(scope.years, counts, strict=True)]}
        for service, name, counts, total in result.service_years]
    pairs = [{"first": first, "second": second, "count": count,
              "link": links.view(services=[a, b])} for a, first, b, second, count in result.pairs]
    return render(request, "synergy/overview.html", {
        "form": form, "scope": scope, "synergy": result, "summary": summary, "totals": totals,
        "service_years": service_years, "pairs": pairs,
        "campaigns": selectors.campaigns(request.user, scope, all_services=known),
        "outcome_list": links.outcomes(),
        "row_filtered": bool(data.get("service") or data.get("partner") or data.get("involved")),
        "clear_rows": links.view(),
    }, status=400 if form.errors else 200)


def _bar(many, one, none, total, width=120):
    """Widths of the stacked bar of one year: two services or more, one, none."""
    if not total:
        return []
    widths, x = [], 0.0
    for name, count in (("many", many), ("one", one), ("none", none)):
        w = width * count / total
        widths.append({"name": name, "x": round(x, 1), "width": round(w, 1)})
        x += w
    return widths


def members(request):
    form = MemberFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    rows = member_selectors.members(request.user, kind=data.get("kind") or None,
                                    year=data.get("year"))
    year = data.get("year")
    return render(request, "synergy/members.html", {
        "form": form, "rows": rows, "year": year, "year_query": f"?year={year}" if year else "",
    }, status=400 if form.errors else 200)


def member(request, pk):
    organisation = get_object_or_404(
        Organisation.objects.filter(memberships__isnull=False).distinct(), pk=pk)
    form = MemberFilterForm(request.GET or None)
    year = form.cleaned_data.get("year") if form.is_bound and form.is_valid() else None
    detail = member_selectors.member_detail(request.user, organisation, year=year)
    shown = [Contact(pk=r.pk, confidentiality=Confidentiality.CONFIDENTIAL)
             for r in detail.records["contact"] if r.confidential]
    log_confidential_views(request.user, shown, note=f"member involvement of organisation {organisation.pk}")
    return render(request, "synergy/member.html", {"detail": detail, "form": form},
                  status=400 if form.errors else 200)


def member_export(request):
    from hefboom.synergy.exports import member_workbook

    try:
        content, confidential = member_workbook(request.user)
    except ReportError as exc:
        messages.error(request, str(exc))
        return redirect("synergy:members")
    log_confidential_views(request.user, confidential, note="member involvement export")
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="hefboom-members-{stamp}.xlsx"'
    return response
