"""The form for a political moment (date, kind, dossiers, link)."""

from django import forms

from hefboom.core.forms import VersionCheckedForm
from hefboom.plans.models import Moment

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MomentForm(VersionCheckedForm):
    class Meta:
        model = Moment
        fields = ["date", "end_date", "title", "kind", "political_level", "dossiers", "url",
                  "notes"]
        widgets = {"date": DATE, "end_date": DATE, "dossiers": forms.CheckboxSelectMultiple,
                   "notes": forms.Textarea(attrs={"rows": 3})}

    def action_arguments(self) -> dict:
        return {"dossiers": self.cleaned_data.get("dossiers") or [],
                "expected_version": self.cleaned_data.get("expected_version")}
