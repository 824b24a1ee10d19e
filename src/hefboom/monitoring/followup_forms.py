"""Forms of the follow-ups: add one to a contact, change its owner or due date, the digest."""

from django import forms
from django.utils.translation import gettext_lazy as _

from hefboom.accounts.models import User
from hefboom.core.forms import VersionCheckedForm
from hefboom.monitoring.followups import owner_choices
from hefboom.monitoring.forms import DATE
from hefboom.monitoring.models import FollowUp
from hefboom.strategy.models import Service


class FollowUpForm(VersionCheckedForm):
    """A new follow-up on a contact's page; the owner defaults to the user adding it."""

    class Meta:
        model = FollowUp
        fields = ["description", "due_date", "owner"]
        widgets = {"due_date": DATE, "description": forms.Textarea(attrs={"rows": 2})}
        labels = {"description": _("Follow-up"), "due_date": _("Due")}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owner_choices()
        if not self.is_bound:
            self.initial.setdefault("owner", user.pk)


class ReassignForm(VersionCheckedForm):
    """Another owner or due date for an existing follow-up."""

    class Meta:
        model = FollowUp
        fields = ["owner", "due_date"]
        widgets = {"due_date": DATE}
        labels = {"due_date": _("Due")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owner_choices()


class DigestForm(forms.ModelForm):
    """The user's own choice: a daily e-mail with what is overdue and due today."""

    class Meta:
        model = User
        fields = ["wants_digest", "language"]
        labels = {"wants_digest": _("Send me a daily e-mail with my overdue and due follow-ups"),
                  "language": _("Language of the e-mail")}
        help_texts = {"wants_digest": ""}  # the card above the form says it


class ServiceSettingForm(forms.ModelForm):
    """The user's own service: new contacts, activities and outputs they log name it."""

    class Meta:
        model = User
        fields = ["service"]
        labels = {"service": _("My service")}
        help_texts = {"service": _("Ticked for you on new contacts, activities and outputs; "
                                   "you can untick it or add others on each record.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = Service.objects.filter(is_active=True)
