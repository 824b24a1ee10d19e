"""The upload form and the per-row form of the review screen.

Every row of the review table is its own small form (prefixed with the proposal's id) inside
one HTML form, so that one row can be confirmed, discarded or fail validation on its own.
"""

from django import forms
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from hefboom.imports.calendar.actions import person_name
from hefboom.monitoring.models import Channel, Contact
from hefboom.strategy.models import Dossier

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
NEW_PERSON = "new"
RECENT_CONTACTS = 100  # the user's recent contacts decide which dossiers come first


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Calendar file (.ics)"),
                           widget=forms.ClearableFileInput(attrs={"accept": ".ics,text/calendar"}))
    since = forms.DateField(label=_("Meetings from"), required=False, widget=DATE,
                            help_text=_("Default: one year ago."))
    until = forms.DateField(label=_("Meetings until"), required=False, widget=DATE,
                            help_text=_("Default: today. Future meetings are never proposed."))

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["until"] < data["since"]:
            raise forms.ValidationError(_("The period ends before it starts."))
        return data


class DossierChoices:
    """The dossiers for the select: the user's most-used first (one query per page)."""

    def __init__(self, user):
        recent = Contact.objects.filter(our_participants=user).order_by("-date", "-pk").values(
            "pk")[:RECENT_CONTACTS]
        dossiers = list(Dossier.objects.select_related("theme").annotate(
            uses=Count("contacts", filter=Q(contacts__in=recent), distinct=True)))
        self.by_pk = {str(d.pk): d for d in dossiers}
        used = sorted((d for d in dossiers if d.uses), key=lambda d: (-d.uses, d.name))
        others = [d for d in dossiers if not d.uses]
        self.default = str(used[0].pk) if used else ""
        self.choices = [("", _("— choose a dossier —"))]
        if used:
            self.choices.append((_("Your recent dossiers"), [(str(d.pk), str(d)) for d in used]))
            self.choices.append((_("Other dossiers"), [(str(d.pk), str(d)) for d in others]))
        else:
            self.choices += [(str(d.pk), str(d)) for d in others]


class ProposalForm(forms.Form):
    """What the user may change before confirming: title, people, organisations, dossier, channel."""

    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 2}))
    dossier = forms.ChoiceField(label=_("Dossier"))
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)
    organisations = forms.MultipleChoiceField(label=_("Organisations"), required=False,
                                              widget=forms.CheckboxSelectMultiple)

    def __init__(self, proposal, *args, dossiers: DossierChoices, persons: dict,
                 organisations: dict, **kwargs):
        super().__init__(*args, prefix=f"p{proposal.pk}", **kwargs)
        self.proposal = proposal
        self.dossier_choices = dossiers
        self.persons = persons
        self.organisation_records = organisations
        self.fields["dossier"].choices = dossiers.choices
        self.initial.setdefault("summary", proposal.summary)
        self.initial.setdefault("dossier", dossiers.default)
        self.initial.setdefault("channel", Channel.CALL if proposal.online else Channel.MEETING)

        suggested = []
        self.attendee_fields = []
        for index, attendee in enumerate(proposal.attendees):
            name = f"attendee_{index}"
            label = person_name(attendee) or attendee.get("email", "")
            choices = [(str(pk), str(persons[pk])) for pk in attendee.get("candidate_ids", [])
                       if pk in persons]
            choices += [(NEW_PERSON, _("Create person “%(name)s”") % {"name": label}),
                        ("", _("Leave out"))]
            self.fields[name] = forms.ChoiceField(label=label, choices=choices, required=False)
            person_id = attendee.get("person_id")
            self.initial.setdefault(name, str(person_id) if person_id in persons else NEW_PERSON)
            self.attendee_fields.append((self[name], attendee))
            suggested += [pk for pk in attendee.get("organisation_ids", []) if pk not in suggested]
        self.fields["organisations"].choices = [
            (str(pk), str(organisations[pk])) for pk in suggested if pk in organisations]
        self.initial.setdefault("organisations", [str(pk) for pk in suggested])

    def clean_dossier(self):
        value = self.cleaned_data["dossier"]
        if value not in self.dossier_choices.by_pk:
            raise forms.ValidationError(_("Choose a dossier."))
        return self.dossier_choices.by_pk[value]

    def clean_organisations(self):
        return [self.organisation_records[int(pk)] for pk in self.cleaned_data["organisations"]]

    def decisions(self) -> dict:
        """Keyword arguments for `actions.confirm_proposal`."""
        persons, new_people = [], []
        for index, attendee in enumerate(self.proposal.attendees):
            choice = self.cleaned_data.get(f"attendee_{index}", "")
            if choice == NEW_PERSON:
                new_people.append(attendee)
            elif choice:
                person = self.persons[int(choice)]
                if person not in persons:
                    persons.append(person)
        return {
            "summary": self.cleaned_data["summary"],
            "channel": self.cleaned_data["channel"],
            "dossiers": [self.cleaned_data["dossier"]],
            "persons": persons,
            "new_people": new_people,
            "organisations": self.cleaned_data["organisations"],
        }

    def add_action_errors(self, exc) -> None:
        """Show the errors of `record_contact` on this row, on the field they belong to."""
        fields = {"summary": "summary", "dossiers": "dossier", "channel": "channel",
                  "organisations": "organisations"}
        if not hasattr(exc, "error_dict"):
            self.add_error(None, exc.messages)
            return
        for field, messages in exc.message_dict.items():
            self.add_error(fields.get(field), messages)
