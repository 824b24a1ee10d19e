"""Forms for logging and editing monitoring records; saving goes through monitoring.actions."""

from django import forms
from django.urls import reverse_lazy
from django.utils import timezone

from hefboom.accounts.models import User
from hefboom.core.forms import VersionCheckedForm
from hefboom.core.widgets import Autocomplete
from hefboom.monitoring.models import Activity, Contact, Outcome, Output

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# Dossiers are few: tick boxes beat a multi-select.
DOSSIERS = forms.CheckboxSelectMultiple
# Persons and organisations can be thousands: searched on the server, created inline.
PERSONS = Autocomplete(reverse_lazy("actors:person_options"), reverse_lazy("actors:person_create"))
ORGANISATIONS = Autocomplete(reverse_lazy("actors:organisation_options"),
                             reverse_lazy("actors:organisation_create"))


class RecordForm(VersionCheckedForm):
    """A model form whose many-to-many fields are saved by an action, not by the form."""

    m2m_fields: tuple[str, ...] = ()

    def action_arguments(self) -> dict:
        arguments = {name: self.cleaned_data.get(name) or [] for name in self.m2m_fields}
        arguments["expected_version"] = self.cleaned_data.get("expected_version")
        return arguments



class ContactForm(RecordForm):
    m2m_fields = ("our_participants", "dossiers", "persons", "organisations")

    class Meta:
        model = Contact
        fields = [
            "date", "channel", "is_formal", "our_participants", "persons", "organisations",
            "dossiers", "summary", "arguments", "their_position", "follow_up", "follow_up_due",
            "confidentiality",
        ]
        widgets = {"date": DATE, "follow_up_due": DATE, "dossiers": DOSSIERS,
                   "persons": PERSONS, "organisations": ORGANISATIONS}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["our_participants"].queryset = User.objects.filter(is_active=True)
        self.fields["dossiers"].required = True
        self.fields["our_participants"].required = True
        if self.instance._state.adding and not self.is_bound:
            self.initial.setdefault("date", timezone.localdate())
            if user is not None:
                self.initial.setdefault("our_participants", [user.pk])


class ActivityForm(RecordForm):
    m2m_fields = ("dossiers", "organisations", "our_participants")

    class Meta:
        model = Activity
        fields = ["title", "type", "date", "end_date", "description", "dossiers", "organisations",
                  "our_participants"]
        widgets = {"date": DATE, "end_date": DATE, "dossiers": DOSSIERS,
                   "organisations": ORGANISATIONS}


class OutputForm(RecordForm):
    m2m_fields = ("dossiers",)

    class Meta:
        model = Output
        fields = ["title", "type", "date", "dossiers", "url", "file", "description", "full_text"]
        widgets = {"date": DATE, "dossiers": DOSSIERS}


class OutcomeForm(RecordForm):
    m2m_fields = ("dossiers", "social_actor_organisations", "social_actor_persons")

    class Meta:
        model = Outcome
        fields = [
            "title", "description", "date", "political_level", "change_type", "is_intended",
            "is_positive", "significance", "contribution", "substantiation", "dossiers",
            "social_actor_organisations", "social_actor_persons",
        ]
        widgets = {"date": DATE, "dossiers": DOSSIERS, "social_actor_organisations": ORGANISATIONS,
                   "social_actor_persons": PERSONS}
