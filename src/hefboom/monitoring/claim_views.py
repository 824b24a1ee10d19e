"""Contribution claims: the claim page with its Bayesian table, the ranked list, and the edit forms."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from hefboom.core.access import (
    get_claim_evidence_for_user,
    get_claim_for_user,
    get_outcome_for_user,
    require_record_editor,
    visible_claims,
    visible_contributions,
)
from hefboom.core.actions import delete_record
from hefboom.core.forms import attempt, run_action
from hefboom.monitoring import actions
from hefboom.monitoring.claim_forms import ClaimEvidenceForm, ClaimForm
from hefboom.monitoring.confidence import describe, rubric_bounds
from hefboom.monitoring.models import PRESETS, ClaimEvidence, ContributionClaim, Outcome
from hefboom.strategy.models import Dossier, Theme

PAGE_SIZE = 50


def claims_for_outcome(user, outcome):
    """The outcome's claims, most confident first, for the `monitoring/_outcome_claims.html` card."""
    return (visible_claims(user).filter(outcome=outcome)
            .annotate(item_count=Count("evidence_items")).order_by("-confidence", "-pk"))


def _save(form, save):
    """Run the action for a valid form; None when the form is invalid or the action refused."""
    return run_action(form, save) if form.is_valid() else None


# Reading

class ClaimFilterForm(forms.Form):
    level = forms.ChoiceField(label=gettext_lazy("Confidence"), required=False)
    min_confidence = forms.DecimalField(label=gettext_lazy("At least"), required=False, min_value=0,
                                        max_value=1, widget=forms.NumberInput(attrs={"step": "0.01"}))
    dossier = forms.ModelChoiceField(Dossier.objects.all(), label=gettext_lazy("Dossier"),
                                     required=False)
    theme = forms.ModelChoiceField(Theme.objects.all(), label=gettext_lazy("Theme"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.bounds = rubric_bounds()
        self.fields["level"].choices = [("", "—")] + [(word, word) for word, _lo, _hi in self.bounds]

    def filter(self, claims):
        if not self.is_valid():
            return claims.none()
        data = self.cleaned_data
        for word, lowest, upper in self.bounds:
            if data["level"] == word:
                claims = claims.filter(confidence__gte=float(lowest))
                if upper is not None:
                    claims = claims.filter(confidence__lt=float(upper))
        if data["min_confidence"] is not None:
            claims = claims.filter(confidence__gte=float(data["min_confidence"]))
        if data["dossier"] or data["theme"]:
            # A subquery, not a join: a claim whose outcome has two dossiers is listed once.
            outcomes = Outcome.objects.all()
            if data["dossier"]:
                outcomes = outcomes.filter(dossiers=data["dossier"])
            if data["theme"]:
                outcomes = outcomes.filter(dossiers__theme=data["theme"])
            claims = claims.filter(outcome__in=outcomes.values("pk"))
        return claims


def claim_list(request):
    """All claims, most confident first, filtered by confidence, dossier or theme."""
    filter_form = ClaimFilterForm(request.GET)
    claims = filter_form.filter(
        visible_claims(request.user).select_related("outcome")
        .annotate(item_count=Count("evidence_items")).order_by("-confidence", "-pk")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "monitoring/claim_list.html", {
        "filter_form": filter_form,
        "page": Paginator(claims, PAGE_SIZE).get_page(request.GET.get("page")),
        "query": query.urlencode(),
    })


def claim_detail(request, pk):
    claim = get_claim_for_user(request.user, pk)
    items = list(claim.evidence_items.select_related("evidence"))
    try:
        steps = actions.claim_steps(claim, items)
        error = None
    except ValidationError as exc:  # cannot happen through the actions; say so rather than crash
        steps, error = [], " ".join(exc.messages)
    rows = [{"item": item, "step": step, "word": describe(step.posterior)}
            for item, step in zip(items, steps, strict=False)]
    links = visible_contributions(request.user, claim.links.select_related(
        "contact", "output", "activity", "organisation"))
    return render(request, "monitoring/claim_detail.html", {
        "claim": claim,
        "outcome": claim.outcome,
        "rows": rows,
        "items": items,
        "error": error,
        "links": links,
        "prior_word": describe(claim.prior),
    })


# Writing

def claim_create(request, pk):
    require_record_editor(request.user)
    outcome = get_outcome_for_user(request.user, pk)
    return _claim_form(request, outcome, ContributionClaim(outcome=outcome),
                       _("New contribution claim"))


def claim_edit(request, pk):
    require_record_editor(request.user)
    claim = get_claim_for_user(request.user, pk)
    return _claim_form(request, claim.outcome, claim, _("Edit contribution claim"))


def _claim_form(request, outcome, claim, title):
    form = ClaimForm(request.POST or None, instance=claim, user=request.user, outcome=outcome)
    if request.method == "POST":
        saved = _save(form, lambda: actions.record_claim(
            request.user, form.save(commit=False), **form.action_arguments()))
        if saved:
            return redirect(saved)
    return render(request, "monitoring/claim_form.html", {
        "form": form, "title": title, "outcome": outcome, "claim": claim if claim.pk else None,
    })


def claim_delete(request, pk):
    require_record_editor(request.user)
    claim = get_claim_for_user(request.user, pk)
    if request.method == "POST":
        if not attempt(request, delete_record, claim, request.user):
            return redirect(claim)
        messages.success(request, _("“%(record)s” was moved to the bin.") % {"record": claim})
        return redirect(claim.outcome)
    return render(request, "monitoring/record_delete.html", {"record": claim, "kind": "claim"})


def claim_evidence_create(request, pk):
    require_record_editor(request.user)
    claim = get_claim_for_user(request.user, pk)
    return _evidence_form(request, claim, ClaimEvidence(claim=claim), _("Assess evidence"))


def claim_evidence_edit(request, pk, item_pk):
    require_record_editor(request.user)
    claim = get_claim_for_user(request.user, pk)
    item = get_claim_evidence_for_user(request.user, claim, item_pk)
    return _evidence_form(request, claim, item, _("Change the assessment"))


def _evidence_form(request, claim, item, title):
    form = ClaimEvidenceForm(request.POST or None, instance=item, claim=claim)
    if request.method == "POST":
        saved = _save(form, lambda: actions.assess_evidence(
            request.user, form.save(commit=False),
            expected_version=form.cleaned_data.get("expected_version")))
        if saved:
            return redirect(claim)
    no_evidence = not form.fields["evidence"].queryset.exists()
    return render(request, "monitoring/claim_evidence_form.html", {
        "form": form, "title": title, "claim": claim, "no_evidence": no_evidence,
        "presets": [(key.label, pair) for key, pair in PRESETS.items()],
    })


@require_POST
def claim_evidence_remove(request, pk, item_pk):
    require_record_editor(request.user)
    claim = get_claim_for_user(request.user, pk)
    item = get_claim_evidence_for_user(request.user, claim, item_pk)
    if not attempt(request, actions.remove_claim_evidence, request.user, item):
        return redirect(claim)
    messages.success(request, _("“%(item)s” no longer counts for this claim.") % {"item": item})
    return redirect(claim)

