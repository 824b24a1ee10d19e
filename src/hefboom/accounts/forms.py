"""Forms of the account page: a code from the authenticator app or a backup code."""

from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"), max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text",
                                      "autofocus": True, "autocapitalize": "off",
                                      "spellcheck": "false"}),
        help_text=_("The six digits your authenticator app shows now, or one of your backup "
                    "codes."),
    )
