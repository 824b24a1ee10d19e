"""The dashboard's filter form and the spectrum form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from hefboom.coverage.models import ReachKind
from hefboom.strategy.forms import ScopeForm

DATE = forms.DateInput(attrs={"type": "date"})
DIMENSIONS = [(ReachKind.PARTY, _("Party")), (ReachKind.LEVEL, _("Political level")),
              (ReachKind.INSTITUTION, _("Institution type"))]
GRAINS = [("quarter", _("Quarter")), ("year", _("Year"))]
DEFAULT_MONTHS = 6


class CoverageFilterForm(ScopeForm):
    """The dashboard's filters; the theme, dossier and dates are checked as `ScopeForm`'s."""

    start_field, end_field = "date_from", "date_to"
    field_order = ["dimension", "theme", "dossier", "grain", "date_from", "date_to", "months"]

    dimension = forms.ChoiceField(label=_("Dimension"), choices=DIMENSIONS, required=False)
    grain = forms.ChoiceField(label=_("Per"), choices=GRAINS, required=False)
    date_from = forms.DateField(label=_("From"), required=False, widget=DATE)
    date_to = forms.DateField(label=_("To"), required=False, widget=DATE)
    months = forms.IntegerField(label=_("Gaps: no contact in the last … months"), required=False,
                                min_value=1, max_value=120,
                                widget=forms.NumberInput(attrs={"placeholder": DEFAULT_MONTHS}))


class SpectrumForm(forms.Form):
    """One position field per party."""

    def __init__(self, parties, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.parties = list(parties)
        for party in self.parties:
            self.fields[f"party-{party.pk}"] = forms.IntegerField(
                label=str(party), required=False, min_value=0, max_value=10,
                initial=party.spectrum_position,
                widget=forms.NumberInput(attrs={"min": 0, "max": 10}))

    def rows(self):
        return [(party, self[f"party-{party.pk}"]) for party in self.parties]

    def positions(self) -> dict:
        return {party: self.cleaned_data.get(f"party-{party.pk}") for party in self.parties}

