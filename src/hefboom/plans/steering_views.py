"""The steering-group page of a theme and the political moments. Views parse the request,
fetch what they show through `steering` and write through `moments`."""

from datetime import date

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from hefboom.core.access import require_record_editor
from hefboom.core.forms import attempt, run_action
from hefboom.plans import steering
from hefboom.plans.models import Moment
from hefboom.plans.moment_forms import MomentForm
from hefboom.plans.moments import delete_moment, save_moment
from hefboom.strategy.models import Dossier, Theme

PAST_PAGE_SIZE = 50


def steering_index(request):
    themes = (Theme.objects.select_related("programme")
              .annotate(dossier_count=Count("dossiers")).order_by("programme__name", "order"))
    return render(request, "plans/steering_index.html", {"themes": themes})


def steering_page(request, pk):
    theme = get_object_or_404(Theme.objects.select_related("programme"), pk=pk)
    report = steering.steering_report(request.user, theme,
                                      months=steering.parse_months(request.GET.get("months")))
    return render(request, "plans/steering.html", {"report": report})


# Political moments.

def get_moment_for_user(user, pk) -> Moment:
    """Moments are not confidential: every user may read every moment."""
    return get_object_or_404(Moment, pk=pk)


def _pk(value):
    try:
        return int(value) if value else None
    except ValueError:
        return None


def moment_list(request):
    """Upcoming (and ongoing) moments first, soonest first; then past ones, latest first."""
    today = date.today()
    theme_pk, dossier_pk = _pk(request.GET.get("theme")), _pk(request.GET.get("dossier"))
    moments = Moment.objects.prefetch_related(
        Prefetch("dossiers", queryset=Dossier.objects.select_related("theme")))
    if dossier_pk:
        moments = moments.filter(dossiers=dossier_pk)
    elif theme_pk:
        moments = moments.filter(dossiers__theme=theme_pk).distinct()
    ahead = Q(date__gte=today) | Q(end_date__gte=today)
    upcoming = moments.filter(ahead).order_by("date", "pk")
    past = Paginator(moments.exclude(ahead).order_by("-date", "-pk"), PAST_PAGE_SIZE)
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "plans/moment_list.html", {
        "upcoming": upcoming,
        "past": past.get_page(request.GET.get("page")),
        "dossiers": Dossier.objects.select_related("theme").order_by("theme__order", "name"),
        "themes": Theme.objects.order_by("order", "name"),
        "theme_pk": theme_pk, "dossier_pk": dossier_pk, "query": query.urlencode(),
        "today": today,
    })


def _moment_form(request, instance, title):
    require_record_editor(request.user)
    form = MomentForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        moment = run_action(form, save_moment, request.user, form.save(commit=False),
                            **form.action_arguments())
        if moment:
            messages.success(request, _("Saved “%(moment)s”.") % {"moment": moment})
            return redirect("plans:moments")
    return render(request, "plans/moment_form.html",
                  {"form": form, "title": title, "instance": instance})


def moment_create(request):
    return _moment_form(request, None, _("Add a political moment"))


def moment_edit(request, pk):
    return _moment_form(request, get_moment_for_user(request.user, pk),
                        _("Edit political moment"))


def moment_delete(request, pk):
    require_record_editor(request.user)
    moment = get_moment_for_user(request.user, pk)
    if request.method == "POST":
        if attempt(request, delete_moment, request.user, moment):
            messages.success(request, _("“%(moment)s” was removed.") % {"moment": moment})
        return redirect("plans:moments")
    return render(request, "plans/moment_delete.html", {"moment": moment})
