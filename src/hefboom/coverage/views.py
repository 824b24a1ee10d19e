"""The coverage dashboard and the spectrum form."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from hefboom.core.forms import run_action
from hefboom.coverage import selectors
from hefboom.coverage.actions import set_spectrum_positions
from hefboom.coverage.forms import DEFAULT_MONTHS, CoverageFilterForm, SpectrumForm
from hefboom.coverage.models import ReachKind


def dashboard(request):
    form = CoverageFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    day = timezone.localdate()
    grain = data.get("grain") or "quarter"
    dimension = data.get("dimension") or ReachKind.PARTY
    date_to = data.get("date_to") or day
    date_from = data.get("date_from") or selectors.default_start(date_to, grain)
    if date_from > date_to:  # only "To" was given, before the default start
        date_from = selectors.default_start(date_to, grain)
    date_from, date_to = selectors.whole_periods(date_from, date_to, grain)
    theme, dossier = data.get("theme"), data.get("dossier")
    months = data.get("months") or DEFAULT_MONTHS
    party_list = selectors.parties()
    gaps = selectors.gaps(months, day, theme=theme, dossier=dossier, party_list=party_list)
    return render(request, "coverage/dashboard.html", {
        "form": form,
        "heatmap": selectors.heatmap(dimension, date_from, date_to, grain, theme=theme,
                                     dossier=dossier, party_list=party_list),
        "dimension_label": selectors.label_for(dimension),
        "gaps": gaps,
        "gap_lists": [(_("Parties"), gaps.parties), (_("Administrations"), gaps.administrations),
                      (_("Boundary partners"), gaps.partners)],
        "date_from": date_from, "date_to": date_to, "theme": theme, "dossier": dossier,
    }, status=400 if form.errors else 200)


def spectrum(request):
    if not request.user.can_edit_strategy:
        raise PermissionDenied(_("Only the M&E officer or an administrator can place parties "
                                 "on the spectrum."))
    parties = selectors.parties()
    form = SpectrumForm(parties, request.POST or None)
    if request.method == "POST" and form.is_valid():
        changed = run_action(form, set_spectrum_positions, request.user, form.positions())
        if changed is not None:
            messages.success(request, _("Positions saved (%(count)s parties changed).")
                             % {"count": len(changed)})
            return redirect("coverage:dashboard")
    return render(request, "coverage/spectrum.html", {"form": form},
                  status=400 if form.errors else 200)
