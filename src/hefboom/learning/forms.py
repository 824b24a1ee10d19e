"""Forms for journals and narratives; saving goes through learning.actions."""

import datetime as dt

from django import forms
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hefboom.core.access import visible_contacts
from hefboom.core.forms import VersionCheckedForm
from hefboom.core.widgets import Autocomplete
from hefboom.learning.models import Journal, Narrative
from hefboom.learning.ratings import RATING_CHOICES
from hefboom.monitoring.models import Evidence, Outcome, ProgressMarkerObservation
from hefboom.strategy.models import Dossier, Theme

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def searched(kind):
    return Autocomplete(reverse_lazy("learning:record_options", args=[kind]))


def this_year() -> tuple[dt.date, dt.date]:
    year = timezone.localdate().year
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


class JournalForm(VersionCheckedForm):
    class Meta:
        model = Journal
        fields = ["narrative"]
        widgets = {"narrative": forms.Textarea(attrs={"rows": 4})}


class MarkerRatingForm(VersionCheckedForm):
    """One progress marker's rating in a journal. Left without a rating (and empty), a marker
    not yet observed in the period is simply skipped."""

    rating = forms.ChoiceField(label=_("Rating"), required=False,
                               choices=[("", _("— not rated —"))] + RATING_CHOICES)
    evidence = forms.ModelMultipleChoiceField(
        label=_("Evidence"), required=False, queryset=Evidence.objects.none(),
        widget=searched("evidence"),
    )

    class Meta:
        model = ProgressMarkerObservation
        fields = ["rating", "narrative", "outcomes", "contacts"]
        widgets = {"narrative": forms.Textarea(attrs={"rows": 2}),
                   "outcomes": searched("outcome"), "contacts": searched("contact")}

    def __init__(self, *args, marker, user, evidence=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.marker = marker
        self.fields["contacts"].queryset = visible_contacts(user)
        self.fields["outcomes"].queryset = Outcome.objects.all()
        self.fields["evidence"].queryset = Evidence.objects.filter(outcome__deleted_at__isnull=True)
        self.initial["evidence"] = [e.pk for e in evidence]

    @property
    def skipped(self) -> bool:
        """A new, unrated and empty marker: nothing to save."""
        return self.instance._state.adding and not self.has_changed()

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("rating") and not self.skipped:
            self.add_error("rating", _("Choose a rating (“not yet” if nothing moved) to save what "
                                       "you wrote for this marker."))
        return cleaned

    def _post_clean(self):
        if not self.skipped:
            super()._post_clean()


class NarrativeForm(VersionCheckedForm):
    class Meta:
        model = Narrative
        fields = ["theme", "dossier", "period_start", "period_end", "title", "status", "text"]
        widgets = {
            "period_start": DATE, "period_end": DATE,
            "text": forms.Textarea(attrs={
                "rows": 18, "class": "narrative-text",
                "data-references": reverse_lazy("learning:reference_options"),
            }),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = Theme.objects.select_related("programme")
        self.fields["dossier"].queryset = Dossier.objects.select_related("theme")
        self.fields["theme"].help_text = _("A narrative is about a theme or about one of its "
                                           "dossiers: choose one of the two.")


class DraftScopeForm(forms.Form):
    """What a generated first draft is about (read from the narrative form's fields)."""

    theme = forms.ModelChoiceField(Theme.objects.all(), required=False)
    dossier = forms.ModelChoiceField(Dossier.objects.all(), required=False)
    period_start = forms.DateField()
    period_end = forms.DateField()

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("theme")) == bool(cleaned.get("dossier")):
            raise forms.ValidationError(
                _("To generate a first draft, choose a theme or a dossier (one of the two) and "
                  "the period first."))
        return cleaned

    @property
    def scope(self):
        return self.cleaned_data["dossier"] or self.cleaned_data["theme"]
