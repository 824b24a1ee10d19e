"""The dashboard's filter form and the spectrum form."""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hefboom.coverage.models import ReachKind
from hefboom.strategy.models import Dossier, Theme

DATE = forms.DateInput(attrs={"type": "date"})
DIMENSIONS = [(ReachKind.PARTY, _("Party")), (ReachKind.LEVEL, _("Political level")),
              (ReachKind.INSTITUTION, _("Institution type"))]
GRAINS = [("quarter", _("Quarter")), ("year", _("Year"))]
MAX_YEARS = 15
DEFAULT_MONTHS = 6


class CoverageFilterForm(forms.Form):
    dimension = forms.ChoiceField(label=_("Dimension"), choices=DIMENSIONS, required=False)
    theme = forms.ModelChoiceField(label=_("Theme"), queryset=Theme.objects.all(), required=False)
    dossier = forms.ModelChoiceField(label=_("Dossier"), required=False,
                                     queryset=Dossier.objects.select_related("theme"))
    grain = forms.ChoiceField(label=_("Per"), choices=GRAINS, required=False)
    date_from = forms.DateField(label=_("From"), required=False, widget=DATE)
    date_to = forms.DateField(label=_("To"), required=False, widget=DATE)
    months = forms.IntegerField(label=_("Gaps: no contact in the last … months"), required=False,
                                min_value=1, max_value=120,
                                widget=forms.NumberInput(attrs={"placeholder": DEFAULT_MONTHS}))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            raise ValidationError(_("“From” (%(start)s) is after “To” (%(end)s): swap them.")
                                  % {"start": start, "end": end})
        if start and (end or timezone.localdate()) - start > dt.timedelta(days=MAX_YEARS * 366):
            raise ValidationError(_("Choose at most %(years)s years.") % {"years": MAX_YEARS})
        theme, dossier = cleaned.get("theme"), cleaned.get("dossier")
        if theme and dossier and dossier.theme_id != theme.pk:
            raise ValidationError(_("Dossier %(dossier)s is not in theme %(theme)s: choose one "
                                    "of the two or a dossier of that theme.")
                                  % {"dossier": dossier, "theme": theme})
        return cleaned


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

