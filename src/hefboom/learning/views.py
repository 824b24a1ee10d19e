"""Journals (per boundary partner and period), the progress-marker ladder, and narratives."""

import difflib

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from hefboom.core.access import require_record_editor
from hefboom.core.actions import EditConflict
from hefboom.core.forms import PeriodForm, add_refusal
from hefboom.learning import actions, selectors
from hefboom.learning.drafts import first_draft
from hefboom.learning.forms import (
    DraftScopeForm,
    JournalForm,
    MarkerRatingForm,
    NarrativeForm,
    this_year,
)
from hefboom.learning.models import Journal, Narrative
from hefboom.learning.options import record_options
from hefboom.learning.references import parse
from hefboom.learning.resolver import resolve
from hefboom.monitoring.models import ProgressMarkerObservation
from hefboom.strategy.models import BoundaryPartner, Dossier, Theme

# Journals and the ladder

def partner_list(request):
    themes = Theme.objects.select_related("programme").prefetch_related("boundary_partners")
    return render(request, "learning/partner_list.html", {"themes": themes})


def _partner(pk):
    return get_object_or_404(BoundaryPartner.objects.select_related("theme"), pk=pk)


def ladder(request, pk):
    partner = _partner(pk)
    start, end = this_year()
    return render(request, "learning/ladder.html", {
        "ladder": selectors.ladder(partner),
        "period_form": PeriodForm(initial={"period_start": start, "period_end": end}),
    })


def journal_open(request, pk):
    """The ladder's "write a journal for a period" form lands here."""
    partner = _partner(pk)
    form = PeriodForm(request.GET)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("learning:ladder", partner.pk)
    return redirect("learning:journal_edit", partner.pk, form.cleaned_data["period_start"].isoformat(),
                    form.cleaned_data["period_end"].isoformat())


def _check_period(start, end):
    if end < start:
        raise Http404("The period ends before it starts.")


def journal_detail(request, pk, start, end):
    partner = _partner(pk)
    _check_period(start, end)
    page = selectors.journal_for(partner, start, end, user=request.user)
    return render(request, "learning/journal_detail.html", {"page": page})


def journal_edit(request, pk, start, end):
    """One page per boundary partner and period: every marker's rating, saved all or nothing."""
    require_record_editor(request.user)
    partner = _partner(pk)
    _check_period(start, end)
    page = selectors.journal_for(partner, start, end, user=request.user)
    journal = page.journal or Journal(boundary_partner=partner, period_start=start, period_end=end)
    data = request.POST if request.method == "POST" else None
    journal_form = JournalForm(data, instance=journal, prefix="journal")
    rows = []
    for row in page.rows:
        observation = row.observation or ProgressMarkerObservation(
            progress_marker=row.marker, period_start=start, period_end=end)
        rows.append((row, MarkerRatingForm(data, instance=observation, marker=row.marker,
                                           user=request.user, evidence=row.evidence,
                                           prefix=f"m{row.marker.pk}")))
    forms = [form for _row, form in rows]
    if data is not None:
        valid = journal_form.is_valid() & all([form.is_valid() for form in forms])
        if valid:
            ratings = [
                actions.MarkerRating(
                    form.save(commit=False),
                    outcomes=form.cleaned_data["outcomes"], contacts=form.cleaned_data["contacts"],
                    evidence=form.cleaned_data["evidence"],
                    expected_version=form.cleaned_data.get("expected_version"))
                for form in forms if not form.skipped and form.has_changed()
            ]
            try:
                actions.record_journal(request.user, journal_form.save(commit=False), ratings,
                                       expected_version=journal_form.cleaned_data.get("expected_version"))
            except actions.JournalRefused as refused:
                by_marker = {form.marker.pk: form for form in forms}
                for key, exc in refused.errors.items():
                    add_refusal(journal_form if key is None else by_marker[key], exc)
            else:
                messages.success(request, _("The journal was saved."))
                return redirect("learning:journal", partner.pk, start.isoformat(), end.isoformat())
    has_errors = bool(journal_form.errors) or any(form.errors for form in forms)
    levels = [(label, [(row, form) for row, form in rows if row in level_rows])
              for label, level_rows in page.levels]
    return render(request, "learning/journal_form.html", {
        "page": page, "journal_form": journal_form, "levels": levels, "has_errors": has_errors,
    })


# Narratives

def reference_options(request, kind=None):
    """Records for the @ suggestions and the journal's search fields, as `request.user` may
    see them: confidential contacts only for their participants, nothing from the bin."""
    return JsonResponse({"results": record_options(request.user, request.GET.get("q", ""), kind)})


NARRATIVES_PER_PAGE = 50


def narrative_list(request):
    narratives = Narrative.objects.select_related("theme", "dossier__theme", "updated_by")
    theme = request.GET.get("theme")
    dossier = request.GET.get("dossier")
    year = request.GET.get("year", "")
    if theme and theme.isdigit():
        narratives = narratives.filter(Q(theme=theme) | Q(dossier__theme=theme))
    if dossier and dossier.isdigit():
        narratives = narratives.filter(dossier=dossier)
    if year.isdigit():
        narratives = narratives.filter(period_start__year__lte=int(year), period_end__year__gte=int(year))
    # In pages: a narrative per dossier and year adds up to hundreds over a programme's life.
    page = Paginator(narratives, NARRATIVES_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "learning/narrative_list.html", {
        "narratives": page, "page": page, "query": query.urlencode(),
        "themes": Theme.objects.all(),
        "dossiers": Dossier.objects.select_related("theme"),
        "chosen": {"theme": theme, "dossier": dossier, "year": year},
    })


def narrative_detail(request, pk):
    narrative = get_object_or_404(Narrative.objects.select_related("theme", "dossier__theme"), pk=pk)
    return render(request, "learning/narrative_detail.html", {
        "narrative": narrative, "html": selectors.narrative_html(narrative, request.user),
    })


def _referenced(text, user):
    """The references in the editor's text as `user` may see them (shown under the editor)."""
    found, _malformed = parse(text or "")
    resolved = resolve(found, user)
    return [(reference, resolved.get(reference)) for reference in found]


def _narrative_form(request, narrative):
    require_record_editor(request.user)
    if request.method == "POST" and "generate" in request.POST:
        scope = DraftScopeForm(request.POST)
        form = NarrativeForm(instance=narrative, initial=request.POST.dict())
        if scope.is_valid():
            draft = first_draft(scope.scope, scope.cleaned_data["period_start"],
                                scope.cleaned_data["period_end"], request.user)
            text = request.POST.get("text", "").rstrip()
            form.initial["text"] = f"{text}\n\n{draft}" if text else draft
            if not draft:
                messages.info(request, _("Nothing was recorded for this scope and period."))
        else:
            messages.error(request, " ".join(scope.non_field_errors()) or
                           _("Choose the scope and period first."))
    elif request.method == "POST":
        form = NarrativeForm(request.POST, instance=narrative)
        if form.is_valid():
            try:
                saved = actions.save_narrative(
                    request.user, form.save(commit=False),
                    expected_version=form.cleaned_data.get("expected_version"))
            except (ValidationError, EditConflict) as exc:
                add_refusal(form, exc)
            else:
                messages.success(request, _("The narrative was saved."))
                return redirect(saved)
    else:
        initial = {}
        start, end = this_year()
        for name in ("theme", "dossier"):
            if request.GET.get(name, "").isdigit():
                initial[name] = request.GET[name]
        initial.update(period_start=start, period_end=end)
        form = NarrativeForm(instance=narrative, initial=initial if narrative is None else None)
    text = form["text"].value()
    return render(request, "learning/narrative_form.html", {
        "form": form, "narrative": narrative, "referenced": _referenced(text, request.user),
    })


def narrative_create(request):
    return _narrative_form(request, None)


def narrative_edit(request, pk):
    return _narrative_form(request, get_object_or_404(Narrative, pk=pk))


def narrative_history(request, pk):
    """Every version, newest first, each with what changed in the text since the one before."""
    narrative = get_object_or_404(Narrative.objects.select_related("theme", "dossier"), pk=pk)
    versions = list(narrative.history.select_related("history_user").order_by("version"))
    entries = []
    previous = None
    for version in versions:
        diff = []
        if previous is not None and previous.text != version.text:
            for line in difflib.ndiff(previous.text.splitlines(), version.text.splitlines()):
                if line[:1] in "+-":
                    diff.append((line[:1], line[2:]))
        changed = previous is not None and (previous.title, previous.status) != (version.title,
                                                                                version.status)
        entries.append({"version": version, "diff": diff, "changed_meta": changed})
        previous = version
    shown = None
    wanted = request.GET.get("version", "")
    if wanted.isdigit():
        shown = next((v for v in versions if v.version == int(wanted)), None)
    return render(request, "learning/narrative_history.html", {
        "narrative": narrative, "entries": entries[::-1], "shown": shown,
    })
