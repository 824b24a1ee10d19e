"""Forms of the privacy pages."""

from django import forms
from django.utils.translation import gettext_lazy as _


class EraseForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=500, required=False,
        help_text=_("E.g. the date and reference of the person's request. Do not write the "
                    "person's name: the audit keeps this text."),
    )
    confirm = forms.BooleanField(
        label=_("I understand that the name, e-mail, phone and notes are removed for good."),
        error_messages={"required": _("Tick the box to confirm the erasure.")},
    )


class AuditFilterForm(forms.Form):
    user = forms.TypedChoiceField(label=_("User"), required=False, coerce=int, empty_value=None)
    record = forms.RegexField(
        label=_("Record"), required=False, regex=r"^\s*(contact|person)\s*[: ]\s*\d+\s*$",
        help_text=_("E.g. contact:12 or person:7."),
        error_messages={"invalid": _("Write the record as contact:NUMBER or person:NUMBER, "
                                     "e.g. contact:12.")},
    )

    def __init__(self, *args, users=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].choices = [("", _("Everyone"))] + [(u.pk, str(u)) for u in users]

    def record_key(self):
        raw = (self.cleaned_data.get("record") or "").strip()
        if not raw:
            return None
        kind, _sep, number = raw.replace(" ", ":").partition(":")
        return kind, int(number.strip(": "))
