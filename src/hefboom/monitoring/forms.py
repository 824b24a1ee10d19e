"""Forms for logging and editing monitoring records; saving goes through monitoring.actions."""

from django import forms
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hefboom.accounts.models import User
from hefboom.actors.selectors import partner_organisations
from hefboom.core.access import visible_contacts
from hefboom.core.forms import VersionCheckedForm
from hefboom.core.widgets import Autocomplete, AutocompleteOne
from hefboom.monitoring.followups import owner_choices
from hefboom.monitoring.models import (
    Activity,
    Contact,
    ContributionLink,
    Evidence,
    FollowUp,
    Outcome,
    Output,
)
from hefboom.strategy.models import Service

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# Dossiers are few: tick boxes beat a multi-select.
DOSSIERS = forms.CheckboxSelectMultiple
# Persons and organisations can be thousands: searched on the server, created inline.
PERSONS = Autocomplete(reverse_lazy("actors:person_options"), reverse_lazy("actors:person_create"))
ORGANISATIONS = Autocomplete(reverse_lazy("actors:organisation_options"),
                             reverse_lazy("actors:organisation_create"))
# Services are a handful: tick boxes. Partners are the organisations with a membership,
# searched on the server like other organisations (no inline creation: a partner needs a
# membership first, recorded on the organisation's page).
SERVICES = forms.CheckboxSelectMultiple
PARTNERS = Autocomplete(reverse_lazy("actors:partner_options"), preload=True)


class RecordForm(VersionCheckedForm):
    """A model form whose many-to-many fields are saved by an action, not by the form."""

    m2m_fields: tuple[str, ...] = ()

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if "services" in self.fields:
            self.setup_services(user)
        if "partners" in self.fields:
            self.fields["partners"].queryset = partner_organisations()

    def setup_services(self, user) -> None:
        """Offer the active services (and any inactive one the record already names, so an
        edit keeps it); a new record starts with the user's own service ticked."""
        field = self.fields["services"]
        named = self.instance.services.all() if self.instance.pk else Service.objects.none()
        field.queryset = Service.objects.filter(Q(is_active=True) | Q(pk__in=named))
        if (self.instance._state.adding and not self.is_bound and user is not None
                and getattr(user, "service_id", None)):
            self.initial.setdefault("services", [user.service_id])

    def action_arguments(self) -> dict:
        arguments = {name: self.cleaned_data.get(name) or [] for name in self.m2m_fields}
        arguments["expected_version"] = self.cleaned_data.get("expected_version")
        return arguments


class FollowUpFields(forms.Form):
    """One optional follow-up, logged with the contact: what, by when, and who does it."""

    follow_up = forms.CharField(label=_("Follow-up"), required=False,
                                widget=forms.Textarea(attrs={"rows": 2}),
                                help_text=_("What we promised to do next, if anything."))
    follow_up_due = forms.DateField(label=_("Follow-up due"), required=False, widget=DATE)
    follow_up_owner = forms.ModelChoiceField(
        label=_("Follow-up owner"), queryset=User.objects.none(), required=False,
        help_text=_("Who does it; you, unless you choose a colleague."))

    def setup_follow_up(self, user):
        self.fields["follow_up_owner"].queryset = owner_choices()
        if user is not None and not self.is_bound:
            self.initial.setdefault("follow_up_owner", user.pk)
        self.follow_up_user = user

    def clean_follow_up_fields(self, cleaned, day) -> None:
        text = (cleaned.get("follow_up") or "").strip()
        due = cleaned.get("follow_up_due")
        if due and not text:
            self.add_error("follow_up",
                           _("Say what the follow-up is when you give it a due date."))
        if due and day and due < day:
            self.add_error("follow_up_due",
                           _("The follow-up cannot be due before the contact took place."))

    def follow_ups(self) -> list[FollowUp]:
        text = (self.cleaned_data.get("follow_up") or "").strip()
        if not text:
            return []
        owner = self.cleaned_data.get("follow_up_owner") or self.follow_up_user
        return [FollowUp(description=text, due_date=self.cleaned_data.get("follow_up_due"),
                         owner=owner)]


class ContactForm(FollowUpFields, RecordForm):
    m2m_fields = ("our_participants", "dossiers", "persons", "organisations", "services",
                  "partners")

    class Meta:
        model = Contact
        fields = [
            "date", "channel", "is_formal", "our_participants", "services", "persons",
            "organisations", "partners", "dossiers", "summary", "arguments", "their_position",
            "confidentiality",
        ]
        widgets = {"date": DATE, "dossiers": DOSSIERS, "services": SERVICES,
                   "persons": PERSONS, "organisations": ORGANISATIONS, "partners": PARTNERS}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["our_participants"].queryset = User.objects.filter(is_active=True)
        self.fields["dossiers"].required = True
        self.fields["our_participants"].required = True
        self.setup_follow_up(user)
        if self.instance._state.adding and not self.is_bound:
            self.initial.setdefault("date", timezone.localdate())
            if user is not None:
                self.initial.setdefault("our_participants", [user.pk])
        if not self.instance._state.adding:
            # Existing follow-ups are managed on the contact's page; here one can add another.
            self.fields["follow_up"].label = _("Add a follow-up")
        self.order_fields([*self.Meta.fields, "follow_up", "follow_up_due", "follow_up_owner"])

    def clean(self):
        cleaned = super().clean()
        self.clean_follow_up_fields(cleaned, cleaned.get("date"))
        return cleaned

    def action_arguments(self) -> dict:
        return super().action_arguments() | {"follow_ups": self.follow_ups()}


class ActivityForm(RecordForm):
    m2m_fields = ("dossiers", "organisations", "our_participants", "services", "partners")

    class Meta:
        model = Activity
        fields = ["title", "type", "date", "end_date", "description", "dossiers", "services",
                  "organisations", "partners", "our_participants"]
        widgets = {"date": DATE, "end_date": DATE, "dossiers": DOSSIERS, "services": SERVICES,
                   "organisations": ORGANISATIONS, "partners": PARTNERS}


class OutputForm(RecordForm):
    m2m_fields = ("dossiers", "services", "partners")

    class Meta:
        model = Output
        fields = ["title", "type", "date", "dossiers", "services", "partners", "url", "file",
                  "description", "full_text"]
        widgets = {"date": DATE, "dossiers": DOSSIERS, "services": SERVICES,
                   "partners": PARTNERS}


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


class EvidenceForm(RecordForm):
    """An evidence item of an outcome: where it comes from and how far it can be trusted."""

    class Meta:
        model = Evidence
        fields = ["source_type", "reference", "url", "file", "quote", "date", "reliability"]
        widgets = {"date": DATE, "quote": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, max_bytes: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("At most %(limit)s.") % {"limit": filesizeformat(max_bytes)}


# Server-searched choices for what contributed to an outcome (none of them rendered in full).
CONTACT = AutocompleteOne(reverse_lazy("monitoring:contact_options"))
OUTPUT = AutocompleteOne(reverse_lazy("monitoring:output_options"))
ACTIVITY = AutocompleteOne(reverse_lazy("monitoring:activity_options"))
ORGANISATION = AutocompleteOne(reverse_lazy("actors:organisation_options"))
OUTCOME = AutocompleteOne(reverse_lazy("monitoring:outcome_options"))
EVIDENCE = forms.CheckboxSelectMultiple
NARRATIVE = forms.Textarea(attrs={"rows": 4})


class ContributionForm(RecordForm):
    """Link what contributed to an outcome (from the outcome's page), with the evidence for it."""

    m2m_fields = ("evidence",)

    class Meta:
        model = ContributionLink
        fields = ["contact", "output", "activity", "organisation", "source_outcome", "narrative",
                  "evidence"]
        widgets = {"contact": CONTACT, "output": OUTPUT, "activity": ACTIVITY,
                   "organisation": ORGANISATION, "source_outcome": OUTCOME, "evidence": EVIDENCE,
                   "narrative": NARRATIVE}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        outcome = self.instance.outcome
        self.fields["contact"].queryset = visible_contacts(user)
        self.fields["source_outcome"].queryset = Outcome.objects.exclude(pk=outcome.pk)
        self.fields["evidence"].queryset = outcome.evidence.all()
        self.fields["source_outcome"].help_text = _(
            "An earlier change this outcome builds on, e.g. a shift in discourse before a "
            "policy decision.")


class ContributionEditForm(RecordForm):
    """Change how a link contributed and the evidence behind it (not what it links)."""

    m2m_fields = ("evidence",)

    class Meta:
        model = ContributionLink
        fields = ["narrative", "evidence"]
        widgets = {"evidence": EVIDENCE, "narrative": NARRATIVE}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence"].queryset = self.instance.outcome.evidence.all()


class LinkToOutcomeForm(RecordForm):
    """The inverse: from a contact, output or activity, say which outcome it contributed to."""

    class Meta:
        model = ContributionLink
        fields = ["outcome", "narrative"]
        widgets = {"outcome": OUTCOME, "narrative": NARRATIVE}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].queryset = Outcome.objects.all()
