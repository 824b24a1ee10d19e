"""The filters of the synergy view and of the member list."""

from django import forms
from django.utils.translation import gettext_lazy as _

from hefboom.actors.models import MembershipKind, Organisation
from hefboom.strategy.forms import ScopeForm
from hefboom.strategy.models import Service

DATE = forms.DateInput(attrs={"type": "date"})
INVOLVEMENT = [("", _("any")), ("many", _("two services or more")), ("one", _("one service")),
               ("none", _("no service recorded"))]


class SynergyFilterForm(ScopeForm):
    """The synergy view's filters; the theme, dossier and dates are checked as `ScopeForm`'s."""

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


class MemberFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False,
                             choices=[("", _("all")), *MembershipKind.choices])
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2200)
