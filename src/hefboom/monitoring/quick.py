"""Quick capture: log a contact, output, activity or outcome from any page in a few keystrokes.

The form opens in a dialog (HTMX, no page reload); what it saves goes through the same actions
as the full forms. Defaults: today, the user as participant, a meeting, the user's dossiers
first, the user's own service, and the organisation a chosen person currently works for.
"""

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hefboom.core.access import require_record_editor
from hefboom.core.forms import add_refusal
from hefboom.core.widgets import Autocomplete
from hefboom.monitoring import actions
from hefboom.monitoring.forms import (
    DATE,
    ORGANISATIONS,
    PARTNERS,
    PERSONS,
    SERVICES,
    RecordForm,
)
from hefboom.monitoring.models import Activity, Channel, Contact, FollowUp, Outcome, Output

DOSSIERS = Autocomplete(reverse_lazy("strategy:dossier_options"), preload=True)
SHORT_TEXT = forms.Textarea(attrs={"rows": 2})


class QuickContactForm(RecordForm):
    m2m_fields = ("dossiers", "persons", "organisations", "services", "partners")
    confidential = forms.BooleanField(label=gettext_lazy("Confidential"), required=False)
    # One optional follow-up, owned by the user logging the contact.
    follow_up = forms.CharField(label=gettext_lazy("Follow-up"), required=False,
                                widget=SHORT_TEXT)
    follow_up_due = forms.DateField(label=gettext_lazy("Follow-up due"), required=False,
                                    widget=DATE)

    class Meta:
        model = Contact
        fields = ["persons", "dossiers", "summary", "date", "channel", "organisations",
                  "services", "partners"]
        widgets = {"persons": PERSONS, "organisations": ORGANISATIONS, "dossiers": DOSSIERS,
                   "date": DATE, "summary": SHORT_TEXT, "services": SERVICES,
                   "partners": PARTNERS}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.user = user
        self.fields["dossiers"].required = True
        self.fields["persons"].help_text = ""
        self.initial.setdefault("date", timezone.localdate())
        self.initial.setdefault("channel", Channel.MEETING)

    def clean(self):
        cleaned = super().clean()
        due, day = cleaned.get("follow_up_due"), cleaned.get("date")
        if due and not (cleaned.get("follow_up") or "").strip():
            self.add_error("follow_up", _("Say what the follow-up is when you give it a due date."))
        if due and day and due < day:
            self.add_error("follow_up_due",
                           _("The follow-up cannot be due before the contact took place."))
        return cleaned

    def save_with(self, user):
        contact = self.save(commit=False)
        if self.cleaned_data.get("confidential"):
            contact.confidentiality = "confidential"
        arguments = self.action_arguments()
        arguments.pop("expected_version")
        text = (self.cleaned_data.get("follow_up") or "").strip()
        follow_ups = [FollowUp(description=text, due_date=self.cleaned_data.get("follow_up_due"),
                               owner=user)] if text else []
        return actions.record_contact(user, contact, our_participants=[user],
                                      follow_ups=follow_ups, **arguments)


class QuickOutputForm(RecordForm):
    m2m_fields = ("dossiers", "services", "partners")

    class Meta:
        model = Output
        fields = ["title", "type", "dossiers", "date", "url", "services", "partners"]
        widgets = {"dossiers": DOSSIERS, "date": DATE, "services": SERVICES,
                   "partners": PARTNERS}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.initial.setdefault("date", timezone.localdate())

    def save_with(self, user):
        arguments = self.action_arguments()
        arguments.pop("expected_version")
        return actions.record_output(user, self.save(commit=False), **arguments)


class QuickActivityForm(RecordForm):
    m2m_fields = ("dossiers", "organisations", "services", "partners")

    class Meta:
        model = Activity
        fields = ["title", "type", "dossiers", "date", "organisations", "services", "partners"]
        widgets = {"dossiers": DOSSIERS, "organisations": ORGANISATIONS, "date": DATE,
                   "services": SERVICES, "partners": PARTNERS}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.initial.setdefault("date", timezone.localdate())

    def save_with(self, user):
        arguments = self.action_arguments()
        arguments.pop("expected_version")
        return actions.record_activity(user, self.save(commit=False), our_participants=[user],
                                       **arguments)


class QuickOutcomeForm(RecordForm):
    m2m_fields = ("dossiers", "social_actor_organisations", "social_actor_persons")

    class Meta:
        model = Outcome
        fields = ["title", "description", "change_type", "dossiers", "date",
                  "social_actor_organisations", "social_actor_persons"]
        widgets = {"dossiers": DOSSIERS, "social_actor_organisations": ORGANISATIONS,
                   "social_actor_persons": PERSONS, "date": DATE, "description": SHORT_TEXT}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("date", timezone.localdate())

    def save_with(self, user):
        arguments = self.action_arguments()
        arguments.pop("expected_version")
        return actions.record_outcome(user, self.save(commit=False), **arguments)


QUICK_FORMS = {
    "contact": (QuickContactForm, gettext_lazy("Contact")),
    "output": (QuickOutputForm, gettext_lazy("Output")),
    "activity": (QuickActivityForm, gettext_lazy("Activity")),
    "outcome": (QuickOutcomeForm, gettext_lazy("Outcome")),
}


def quick_capture(request, kind):
    require_record_editor(request.user)
    if kind not in QUICK_FORMS:
        raise Http404
    form_class = QUICK_FORMS[kind][0]
    form = form_class(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            record = form.save_with(request.user)
        except ValidationError as exc:  # e.g. a partner that was no member on the date
            add_refusal(form, exc)
        else:
            message = _("Saved: %(record)s") % {"record": record}
            if request.htmx:
                response = HttpResponse(status=204)
                response["HX-Trigger"] = json.dumps({"hefboom:saved": {
                    "message": message, "url": record.get_absolute_url()}})
                return response
            messages.success(request, message)
            return redirect(record)
    template = "monitoring/quick.html#quick-form" if request.htmx else "monitoring/quick.html"
    return render(request, template, {"form": form, "kind": kind, "kinds": QUICK_FORMS})
