"""Forms for roles and merges on the person page and memberships on the organisation page;
saving goes through actors.actions."""

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from hefboom.actors.models import Government, Membership, Organisation, Person, PersonRole
from hefboom.core.forms import VersionCheckedForm
from hefboom.core.widgets import AutocompleteOne

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RoleForm(forms.ModelForm):
    """A new role of the person whose page it is on (the person is set by the view)."""

    class Meta:
        model = PersonRole
        fields = ["organisation", "title", "single_holder", "government", "start_date",
                  "end_date", "date_approximate"]
        widgets = {
            "organisation": AutocompleteOne(reverse_lazy("actors:organisation_options")),
            "start_date": DATE,
            "end_date": DATE,
        }

    def __init__(self, *args, person: Person, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.person = person
        self.fields["organisation"].queryset = Organisation.objects.all()
        self.fields["government"].queryset = Government.objects.all()


class EndForm(forms.Form):
    """The day a role or a membership ended."""

    end_date = forms.DateField(label=_("Ended on"), widget=DATE)


class MergeForm(forms.Form):
    """Which duplicate to merge into the person whose page it is on."""

    duplicate = forms.ModelChoiceField(
        # Erased persons too, so that choosing one gets the action's clear refusal.
        label=_("Duplicate"), queryset=Person.objects.all(),
        widget=AutocompleteOne(reverse_lazy("actors:person_options")),
        help_text=_("Its roles, contacts and outcomes move to this person; then it is removed."),
    )
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)


class MembershipForm(VersionCheckedForm):
    """A membership of the organisation whose page it is on (set by the view)."""

    class Meta:
        model = Membership
        fields = ["kind", "start_date", "end_date", "notes"]
        widgets = {"start_date": DATE, "end_date": DATE,
                   "notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation
