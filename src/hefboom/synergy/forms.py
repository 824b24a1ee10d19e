"""The filters of the synergy view and of the member list."""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from hefboom.actors.models import MembershipKind, Organisation
from hefboom.strategy.models import Dossier, Service, Theme

DATE = forms.DateInput(attrs={"type": "date"})
MAX_YEARS = 15
INVOLVEMENT = [("", _("any")), ("many", _("two services or more")), ("one", _("one service")),
               ("none", _("no service recorded"))]


class SynergyFilterForm(forms.Form):
    theme = forms.ModelChoiceField(label=_("Theme"), queryset=Theme.objects.all(), required=False)
    dossier = forms.ModelChoiceField(label=_("Dossier"), required=False,
                                     queryset=Dossier.objects.select_related("theme"))
    start = forms.DateField(label=_("From"), required=False, widget=DATE)
    end = forms.DateField(label=_("To"), required=False, widget=DATE)
    # Row filters: they narrow the matrix only (the drill-down of a number above it).
    service = forms.ModelMultipleChoiceField(
        label=_("Services involved (all of)"), queryset=Service.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple)
    partner = forms.ModelChoiceField(
        label=_("Member or coalition involved"), required=False,
        queryset=Organisation.objects.filter(memberships__isnull=False).distinct()
        .order_by("name"))
    involved = forms.ChoiceField(label=_("Outcomes with"), choices=INVOLVEMENT, required=False)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            raise ValidationError(_("“From” (%(start)s) is after “To” (%(end)s): swap them.")
                                  % {"start": start, "end": end})
        if start and end and end - start > dt.timedelta(days=MAX_YEARS * 366):
            raise ValidationError(_("Choose at most %(years)s years.") % {"years": MAX_YEARS})
        theme, dossier = cleaned.get("theme"), cleaned.get("dossier")
        if theme and dossier and dossier.theme_id != theme.pk:
            raise ValidationError(_("Dossier %(dossier)s is not in theme %(theme)s: choose one "
                                    "of the two or a dossier of that theme.")
                                  % {"dossier": dossier, "theme": theme})
        return cleaned


class MemberFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False,
                             choices=[("", _("all")), *MembershipKind.choices])
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2200)
