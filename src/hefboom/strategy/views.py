"""Programme overview, dossier, theme and boundary-partner pages, progress markers, timelines."""

from datetime import date

from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from hefboom.core.access import visible_contacts
from hefboom.core.widgets import words_match
from hefboom.learning.selectors import narratives_for
from hefboom.monitoring.models import Outcome, Output, ProgressMarkerObservation
from hefboom.strategy.chart import MARKS_LIMIT, ZOOM_LABELS, ZOOMS, Window, build_chart, whole_window
from hefboom.strategy.forms import TimelineForm
from hefboom.strategy.models import BoundaryPartner, Dossier, ProgressMarker, Theme
from hefboom.strategy.timeline import BoundaryPartnerScope, DossierScope, ThemeScope, Timeline

PAGE_SIZE = 100
LATEST = 10


def _linked_count(model, name):
    """How many records of `model` (not in the bin) a dossier has, as a correlated subquery: two
    Count joins in one query would multiply each other's rows."""
    links = model.dossiers.through.objects.filter(
        dossier=OuterRef("pk"), **{f"{name}__deleted_at__isnull": True}
    ).values("dossier").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(links), 0)


def dossier_list(request):
    themes = Theme.objects.select_related("programme").prefetch_related(
        Prefetch(
            "dossiers",
            queryset=Dossier.objects.annotate(
                output_count=_linked_count(Output, "output"),
                outcome_count=_linked_count(Outcome, "outcome"),
            ),
        ),
        "change_outcomes",
    )
    return render(request, "strategy/dossier_list.html", {"themes": themes})


def _markers_with_observations(markers):
    return markers.select_related("boundary_partner").prefetch_related(
        Prefetch("observations", queryset=ProgressMarkerObservation.objects.order_by("-period_end"))
    )


def dossier_detail(request, pk):
    """The dossier at a glance: how much happened when, the latest events, its markers."""
    dossier = get_object_or_404(Dossier.objects.select_related("theme__programme"), pk=pk)
    markers = _markers_with_observations(ProgressMarker.objects.filter(dossier=dossier)).order_by(
        "boundary_partner__name", "level", "order")
    timeline = Timeline(DossierScope(dossier), request.user)
    index = timeline.index()
    url = reverse("strategy:dossier_timeline", args=[dossier.pk])
    chart = build_chart(whole_window(index), index, timeline.kinds,
                        lambda start, end: f"{url}?start={start:%Y-%m-%d}&end={end:%Y-%m-%d}",
                        summary=True)
    return render(request, "strategy/dossier_detail.html", {
        "dossier": dossier, "markers": markers, "counts": timeline.kind_counts(index),
        "chart": chart,
        "latest": timeline.events_for(index[::-1][:LATEST]), "timeline_url": url,
        "narratives": narratives_for(dossier, date.min, date.max).order_by("-period_start")[:LATEST],
    })


def theme_detail(request, pk):
    theme = get_object_or_404(Theme.objects.select_related("programme"), pk=pk)
    return render(request, "strategy/theme_detail.html", {
        "theme": theme,
        "dossiers": theme.dossiers.all(),
        "change_outcomes": theme.change_outcomes.all(),
        "boundary_partners": theme.boundary_partners.annotate(marker_count=Count("progress_markers")),
    })


def boundary_partner_detail(request, pk):
    partner = get_object_or_404(BoundaryPartner.objects.select_related("theme"), pk=pk)
    markers = _markers_with_observations(partner.progress_markers.select_related("dossier"))
    return render(request, "strategy/boundary_partner_detail.html", {
        "partner": partner,
        "organisations": partner.organisations.select_related("parent"),
        "markers": markers,
    })


# Timelines

class _EventSlices:
    """What the paginator pages through when there are many events: the index of all of
    them is at hand, and only the page shown is fetched in full."""

    def __init__(self, index, fetch):
        self.index, self.fetch = index, fetch

    def count(self):
        return len(self.index)

    def __getitem__(self, part: slice):
        return self.fetch(self.index[part])


class _Links:
    """Links that keep the reader's filters and change the window, zoom or page."""

    def __init__(self, request):
        self.path = request.path
        self.filters = request.GET.copy()
        for name in ("page", "start", "end", "zoom"):
            self.filters.pop(name, None)

    def __call__(self, start=None, end=None, zoom=None, page=None):
        query = self.filters.copy()
        for name, value in (("start", start), ("end", end), ("zoom", zoom), ("page", page)):
            if value:
                query[name] = value.isoformat() if hasattr(value, "isoformat") else value
        return f"{self.path}?{query.urlencode()}" if query else self.path


def _timeline_page(request, scope, context):
    form = TimelineForm(request.GET or None)
    timeline = Timeline(scope, request.user, form.criteria())
    start, end, zoom = form.window()
    index = timeline.index(start, end)
    if start and end:
        window = Window(start, end, "", chosen=True)
        window.zoom = whole_window([], zoom, start=start, end=end).zoom
    else:
        window = whole_window(index, zoom, start=start, end=end)
    link = _Links(request)
    if len(index) <= MARKS_LIMIT:
        events = pages = timeline.events_for(index)
    else:
        events = None
        pages = _EventSlices(index, timeline.events_for)
    page = Paginator(pages, PAGE_SIZE).get_page(request.GET.get("page"))
    chart = build_chart(window, index, timeline.kinds, lambda s, e: link(s, e), events)

    here = (window.start, window.end) if window.chosen else (None, None)
    outer = window.zoomed_out() if window.chosen else None
    context.update({
        "form": form, "chart": chart, "window": window, "page": page,
        "zooms": [{"key": z, "label": ZOOM_LABELS[z], "url": link(*here, zoom=z),
                   "current": z == window.zoom} for z in ZOOMS],
        "earlier": link(*window.shifted(-1), zoom=zoom),
        "later": link(*window.shifted(+1), zoom=zoom),
        "zoom_out": (link(*outer) if outer else link()) if window.chosen else None,
        "left_out": timeline.criteria.filters_actors,
    })
    context["pages"] = [{"number": n, "url": link(*here, zoom=zoom, page=n)}
                        for n in (page.previous_page_number() if page.has_previous() else None,
                                  page.next_page_number() if page.has_next() else None)]
    fragment = request.htmx and not request.htmx.history_restore_request
    template = "strategy/timeline.html#timeline" if fragment else "strategy/timeline.html"
    return render(request, template, context)


def dossier_timeline(request, pk):
    dossier = get_object_or_404(Dossier.objects.select_related("theme"), pk=pk)
    return _timeline_page(request, DossierScope(dossier), {
        "subject": dossier, "subject_kind": _("Dossier"), "subject_url": dossier.get_absolute_url(),
        "crumbs": [(reverse("strategy:theme", args=[dossier.theme_id]), dossier.theme.name)],
    })


def theme_timeline(request, pk):
    theme = get_object_or_404(Theme.objects.all(), pk=pk)
    return _timeline_page(request, ThemeScope(theme), {
        "subject": theme, "subject_kind": _("Theme"),
        "subject_url": reverse("strategy:theme", args=[theme.pk]), "crumbs": [],
    })


def boundary_partner_timeline(request, pk):
    partner = get_object_or_404(BoundaryPartner.objects.select_related("theme"), pk=pk)
    return _timeline_page(request, BoundaryPartnerScope(partner), {
        "subject": partner, "subject_kind": _("Boundary partner"),
        "subject_url": reverse("strategy:boundary_partner", args=[partner.pk]),
        "crumbs": [(reverse("strategy:theme", args=[partner.theme_id]), partner.theme.name)],
    })


def progress_marker_detail(request, pk):
    marker = get_object_or_404(
        ProgressMarker.objects.select_related("boundary_partner__theme", "dossier"), pk=pk
    )
    contacts = visible_contacts(request.user)
    observations = marker.observations.prefetch_related(
        "outcomes", Prefetch("contacts", queryset=contacts)
    )
    return render(
        request,
        "strategy/progress_marker_detail.html",
        {"marker": marker, "observations": observations},
    )


def dossier_options(request):
    """Dossiers for autocomplete: the ones the user works on most come first."""
    query = request.GET.get("q", "").strip()
    dossiers = Dossier.objects.select_related("theme").annotate(
        mine=Count("contacts", distinct=True, filter=Q(contacts__our_participants=request.user,
                                                       contacts__deleted_at__isnull=True))
    )
    dossiers = dossiers.filter(words_match(query, "name", "theme__name"))
    dossiers = dossiers.order_by("-mine", "theme__order", "name")[:20]
    return JsonResponse({"results": [
        {"value": d.pk, "text": d.name, "hint": d.theme.name} for d in dossiers
    ]})
