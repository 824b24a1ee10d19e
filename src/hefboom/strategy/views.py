"""Programme overview, dossier pages and progress markers."""

from collections import Counter

from django.db.models import Count, Prefetch, Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render

from hefboom.core.access import visible_contacts
from hefboom.monitoring.models import ProgressMarkerObservation
from hefboom.strategy.models import Dossier, ProgressMarker, Theme
from hefboom.strategy.timeline import dossier_events


def dossier_list(request):
    themes = Theme.objects.select_related("programme").prefetch_related(
        Prefetch(
            "dossiers",
            queryset=Dossier.objects.annotate(
                # Annotations bypass the default manager: leave out what is in the bin.
                output_count=Count("outputs", filter=Q(outputs__deleted_at__isnull=True),
                                   distinct=True),
                outcome_count=Count("outcomes", filter=Q(outcomes__deleted_at__isnull=True),
                                    distinct=True),
            ),
        ),
        "change_outcomes",
    )
    return render(request, "strategy/dossier_list.html", {"themes": themes})


def dossier_detail(request, pk):
    dossier = get_object_or_404(Dossier.objects.select_related("theme__programme"), pk=pk)
    markers = (
        ProgressMarker.objects.filter(dossier=dossier)
        .select_related("boundary_partner")
        .prefetch_related(
            Prefetch(
                "observations",
                queryset=ProgressMarkerObservation.objects.order_by("-period_end"),
            )
        )
        .order_by("boundary_partner__name", "level", "order")
    )
    events = dossier_events(dossier, visible_contacts(request.user))
    counts = Counter(event.kind for event in events)
    return render(
        request,
        "strategy/dossier_detail.html",
        {"dossier": dossier, "markers": markers, "events": events, "counts": counts},
    )


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
    for word in query.split():
        dossiers = dossiers.filter(Q(name__icontains=word) | Q(theme__name__icontains=word))
    dossiers = dossiers.order_by("-mine", "theme__order", "name")[:20]
    return JsonResponse({"results": [
        {"value": d.pk, "text": d.name, "hint": d.theme.name} for d in dossiers
    ]})
