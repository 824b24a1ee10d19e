"""Forms for contribution claims and their assessed evidence; saving goes through monitoring.actions."""

import json

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hefboom.core.access import visible_contributions
from hefboom.core.forms import VersionCheckedForm
from hefboom.monitoring.models import PRESETS, ClaimEvidence, ContributionClaim, EvidenceTestType

PROBABILITY = forms.NumberInput(attrs={"step": "0.001", "min": "0", "max": "1"})


class LinkChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, link):
        return f"{link.source} — {link.narrative}"


class ClaimForm(VersionCheckedForm):
    links = LinkChoice(queryset=None, required=False, widget=forms.CheckboxSelectMultiple,
                       label=gettext_lazy("Contribution links it rests on"))

    class Meta:
        model = ContributionClaim
        fields = ["statement", "story", "alternatives", "prior", "links"]
        widgets = {"statement": forms.Textarea(attrs={"rows": 2}),
                   "prior": forms.NumberInput(attrs={"step": "0.001", "min": "0.001", "max": "0.999"})}

    def __init__(self, *args, user, outcome, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.outcome = outcome
        # Only the links this user may see are offered; the others are kept as they are.
        visible = visible_contributions(user, outcome.contributions.select_related(
            "contact", "output", "activity", "organisation"))
        self.fields["links"].queryset = visible
        self._hidden_links = []
        if self.instance.pk:
            kept = self.instance.links.all()
            self._hidden_links = list(kept.exclude(pk__in=visible.values("pk")))
            self.initial["links"] = [link.pk for link in kept if link not in self._hidden_links]

    def action_arguments(self) -> dict:
        return {"links": list(self.cleaned_data.get("links") or []) + self._hidden_links,
                "expected_version": self.cleaned_data.get("expected_version")}


class ClaimEvidenceForm(VersionCheckedForm):
    """Choose one of the outcome's evidence items and say how telling it is.

    A preset test type fixes both numbers (with JavaScript they appear as you pick; without, the
    server fills them in); choose "own numbers" to enter your own.
    """

    class Meta:
        model = ClaimEvidence
        fields = ["evidence", "test_type", "p_if_true", "p_if_false", "reasoning", "order"]
        widgets = {"p_if_true": PROBABILITY, "p_if_false": PROBABILITY,
                   "reasoning": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, claim, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.claim = claim
        assessed = claim.evidence_items.exclude(pk=self.instance.pk).values("evidence")
        self.fields["evidence"].queryset = claim.outcome.evidence.exclude(pk__in=assessed)
        self.fields["evidence"].empty_label = None
        presets = {key: [str(p) for p in pair] for key, pair in PRESETS.items()}
        self.fields["test_type"].widget.attrs["data-presets"] = json.dumps(presets)
        self.fields["p_if_true"].required = self.fields["p_if_false"].required = False
        self.fields["order"].required = False
        if not self.instance.pk and not self.is_bound:
            self.initial.update(test_type=EvidenceTestType.STRAW_IN_THE_WIND,
                                p_if_true=PRESETS[EvidenceTestType.STRAW_IN_THE_WIND][0],
                                p_if_false=PRESETS[EvidenceTestType.STRAW_IN_THE_WIND][1])

    def clean(self):
        cleaned = super().clean()
        test_type = cleaned.get("test_type")
        if test_type in PRESETS:
            # The preset's numbers, not what the fields show, are validated and saved.
            cleaned["p_if_true"], cleaned["p_if_false"] = PRESETS[test_type]
            for name in ("p_if_true", "p_if_false"):
                self._errors.pop(name, None)
        elif test_type == EvidenceTestType.CUSTOM:
            for name in ("p_if_true", "p_if_false"):
                if cleaned.get(name) is None and name not in self.errors:
                    self.add_error(name, _("Enter a number between 0 and 1 for your own assessment."))
        if cleaned.get("order") is None:
            cleaned["order"] = self.instance.order or 0
        return cleaned
