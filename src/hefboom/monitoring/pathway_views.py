"""The outcome page with its pathway, and the forms that add evidence and contribution links.

Contribution links are made from both ends: "link what contributed" on an outcome, "link to an
outcome" on a contact, output or activity. Every list and choice of contacts goes through
`visible_contacts`, so a confidential contact never shows, nor does a count that betrays it.
"""

import os

from django.contrib import messages
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hefboom.core.access import (
    get_contributing_record_for_user,
    get_contribution_for_user,
    get_evidence_for_user,
    get_outcome_for_user,
    require_record_editor,
    visible_contacts,
    visible_contributions,
)
from hefboom.core.forms import attempt, run_action
from hefboom.core.widgets import words_match
from hefboom.monitoring import actions
from hefboom.monitoring.claim_views import claims_for_outcome
from hefboom.monitoring.forms import (
    ContributionEditForm,
    ContributionForm,
    EvidenceForm,
    LinkToOutcomeForm,
)
from hefboom.monitoring.models import Activity, ContributionLink, Evidence, Outcome, Output
from hefboom.monitoring.pathway import Source, lay_out

LANE_LABELS = {
    "contact": gettext_lazy("Contacts"),
    "activity": gettext_lazy("Activities"),
    "output": gettext_lazy("Outputs"),
    "organisation": gettext_lazy("Partners"),
    "outcome": gettext_lazy("Earlier outcomes"),
}


def _pathway_source(link: ContributionLink) -> Source:
    record = link.source
    kind = link.source_kind
    title = record.summary if kind == "contact" else str(record)
    return Source(kind=kind, key=link.pk, date=getattr(record, "date", None), title=title,
                  url=record.get_absolute_url(), evidence=len(link.evidence.all()))


def outcome_detail(request, pk):
    outcome = get_outcome_for_user(request.user, pk)
    links = list(visible_contributions(
        request.user,
        outcome.contributions.select_related("contact", "output", "activity", "organisation",
                                             "source_outcome")
        .prefetch_related("evidence"),
    ).order_by("pk"))
    pathway = lay_out(outcome.date, outcome.title, [_pathway_source(link) for link in links],
                      lane_labels={kind: str(label) for kind, label in LANE_LABELS.items()})
    return render(request, "monitoring/outcome_detail.html", {
        "outcome": outcome,
        "social_organisations": outcome.social_actor_organisations.all(),
        "social_persons": outcome.social_actor_persons.all(),
        "evidence": outcome.evidence.select_related("reuse_match"),  # uptake's side by side
        "links": sorted(links, key=lambda link: (getattr(link.source, "date", None) is None,
                                                 getattr(link.source, "date", None), link.pk)),
        "pathway": pathway,
        "claims": claims_for_outcome(request.user, outcome),
        "led_to": visible_contributions(
            request.user, outcome.contributed_to.select_related("outcome")),
        "observations": outcome.observations.select_related("progress_marker__boundary_partner"),
    })


def _form_page(request, form, title, back, intro=""):
    return render(request, "monitoring/record_form.html", {
        "form": form, "title": title, "instance": back, "intro": intro})


# Evidence

def evidence_add(request, pk):
    require_record_editor(request.user)
    outcome = get_outcome_for_user(request.user, pk)
    return _evidence_form(request, Evidence(outcome=outcome), _("Add evidence"))


def evidence_edit(request, pk):
    require_record_editor(request.user)
    evidence = get_evidence_for_user(request.user, pk)
    return _evidence_form(request, evidence, _("Edit evidence"))


def _evidence_form(request, evidence, title):
    form = EvidenceForm(request.POST or None, request.FILES or None, instance=evidence,
                        max_bytes=actions.evidence_max_bytes())
    if request.method == "POST" and form.is_valid():
        saved = run_action(form, actions.record_evidence, request.user, form.save(commit=False),
                      expected_version=form.cleaned_data.get("expected_version"))
        if saved:
            messages.success(request, _("Evidence saved: %(evidence)s") % {"evidence": saved})
            return redirect(saved.outcome)
    return _form_page(request, form, title, evidence.outcome,
                      _("Evidence for “%(outcome)s”.") % {"outcome": evidence.outcome})


def evidence_file(request, pk):
    """The uploaded file of an evidence item, as a download (never rendered in the page)."""
    evidence = get_evidence_for_user(request.user, pk)
    if not evidence.file:
        raise Http404
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    return FileResponse(handle, as_attachment=True, filename=os.path.basename(evidence.file.name))


# Contribution links

def contribution_add(request, pk):
    """From an outcome: link the contact, output, activity, partner or outcome that contributed."""
    require_record_editor(request.user)
    outcome = get_outcome_for_user(request.user, pk)
    form = ContributionForm(request.POST or None, instance=ContributionLink(outcome=outcome),
                            user=request.user)
    if request.method == "POST" and form.is_valid():
        arguments = form.action_arguments()
        if run_action(form, actions.link_contribution, request.user, form.save(commit=False),
                 evidence=arguments["evidence"]):
            messages.success(request, _("Contribution linked."))
            return redirect(outcome)
    return _form_page(request, form, _("Link what contributed"), outcome, _(
        "What contributed to “%(outcome)s”: choose one contact, output, activity, partner "
        "organisation or earlier outcome, and say how it contributed.") % {"outcome": outcome})


def contribution_to_outcome(request, kind, pk):
    """From a contact, output or activity: link it to the outcome it contributed to."""
    require_record_editor(request.user)
    record = get_contributing_record_for_user(request.user, kind, pk)
    form = LinkToOutcomeForm(request.POST or None, instance=ContributionLink(**{kind: record}))
    if request.method == "POST" and form.is_valid():
        link = run_action(form, actions.link_contribution, request.user, form.save(commit=False))
        if link:
            messages.success(request, _("Linked to “%(outcome)s”.") % {"outcome": link.outcome})
            return redirect(record)
    return _form_page(request, form, _("Link to an outcome"), record, _(
        "Which outcome did “%(record)s” contribute to, and how?") % {"record": record})


def contribution_edit(request, pk):
    require_record_editor(request.user)
    link = get_contribution_for_user(request.user, pk)
    form = ContributionEditForm(request.POST or None, instance=link)
    if request.method == "POST" and form.is_valid() and run_action(
            form, actions.link_contribution, request.user, form.save(commit=False),
            **form.action_arguments()):
        messages.success(request, _("Contribution link saved."))
        return redirect(link.outcome)
    return _form_page(request, form, _("Edit contribution link"), link.outcome,
                      _("How “%(source)s” contributed to “%(outcome)s”.")
                      % {"source": link.source, "outcome": link.outcome})


def contribution_remove(request, pk):
    require_record_editor(request.user)
    link = get_contribution_for_user(request.user, pk)
    if request.method == "POST":
        if not attempt(request, actions.unlink_contribution, request.user, link):
            return redirect(link.outcome)
        messages.success(request, _("The link was removed."))
        return redirect(link.outcome)
    return render(request, "monitoring/contribution_remove.html", {"link": link})


# Options for the server-searched fields (at most 20, newest first).

def _options(records, hint):
    return JsonResponse({"results": [
        {"value": r.pk, "text": str(r), "hint": hint(r)} for r in records[:20]]})


def _matching(queryset, request, *fields):
    return queryset.filter(words_match(request.GET.get("q", ""), *fields))


def contact_options(request):
    """Only contacts the user may see: a confidential one is never offered to others."""
    contacts = _matching(visible_contacts(request.user), request, "summary")
    return _options(contacts.order_by("-date", "-pk"), lambda c: "")


def output_options(request):
    outputs = _matching(Output.objects.all(), request, "title")
    return _options(outputs.order_by("-date", "-pk"),
                    lambda o: f"{o.get_type_display()}, {o.date:%Y-%m-%d}")


def activity_options(request):
    activities = _matching(Activity.objects.all(), request, "title")
    return _options(activities.order_by("-date", "-pk"),
                    lambda a: f"{a.get_type_display()}, {a.date:%Y-%m-%d}")


def outcome_options(request):
    outcomes = _matching(Outcome.objects.all(), request, "title", "description")
    return _options(outcomes.order_by("-date", "-pk"), lambda o: f"{o.date:%Y-%m-%d}")
