"""Forms of the uptake pages: a policy document uploaded or pasted, its details, and a match
made into evidence."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hefboom.core.access import visible_claims
from hefboom.core.forms import DATE_INPUT
from hefboom.monitoring.actions import evidence_max_bytes
from hefboom.monitoring.models import ContributionClaim, Outcome
from hefboom.monitoring.models.claims import EvidenceTestType
from hefboom.uptake.extract import SUFFIXES
from hefboom.uptake.models import PolicyDocument

LANGUAGES = [("", gettext_lazy("Detect")), ("nl", gettext_lazy("Dutch")),
             ("fr", gettext_lazy("French")), ("en", gettext_lazy("English"))]


class PolicyDocumentForm(forms.ModelForm):
    language = forms.ChoiceField(label=gettext_lazy("Language"), choices=LANGUAGES, required=False)

    class Meta:
        model = PolicyDocument
        fields = ["title", "kind", "institution", "level", "date", "language", "url"]
        widgets = {"date": DATE_INPUT}


class PolicyDocumentUploadForm(PolicyDocumentForm):
    upload = forms.FileField(
        label=gettext_lazy("File"), required=False,
        help_text=gettext_lazy("A .txt, .html, .pdf or .docx file; or paste the text below."))
    pasted = forms.CharField(label=gettext_lazy("Text"), required=False, widget=forms.Textarea)

    class Meta(PolicyDocumentForm.Meta):
        fields = ["title", "kind", "institution", "level", "date", "language", "url"]

    field_order = ["upload", "pasted", "title", "kind", "institution", "level", "date",
                   "language", "url"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload:
            name = upload.name.lower()
            if not any(name.endswith(suffix) for suffix in SUFFIXES):
                raise forms.ValidationError(_(
                    "%(file)s: Hefboom reads .txt, .html, .pdf and .docx files.")
                    % {"file": upload.name})
            if upload.size > evidence_max_bytes():
                raise forms.ValidationError(_("%(file)s is %(size)s; files can be at most "
                                              "%(limit)s (HEFBOOM_EVIDENCE_MAX_MB).") % {
                    "file": upload.name, "size": filesizeformat(upload.size),
                    "limit": filesizeformat(evidence_max_bytes())})
        return upload

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("upload") and not (cleaned.get("pasted") or "").strip():
            raise forms.ValidationError(_("Choose a file or paste the document's text."))
        if not cleaned.get("title") and not cleaned.get("upload"):
            self.add_error("title", _("Give the pasted text a title."))
        return cleaned


class MatchEvidenceForm(forms.Form):
    outcome = forms.ModelChoiceField(label=gettext_lazy("Outcome"), queryset=Outcome.objects.none())
    claim = forms.ModelChoiceField(
        label=gettext_lazy("Contribution claim (optional)"), required=False,
        queryset=ContributionClaim.objects.none(),
        help_text=gettext_lazy("Also weigh it as evidence for this claim of the outcome."))
    test_type = forms.ChoiceField(
        label=gettext_lazy("Test type for the claim"), required=False,
        choices=[("", gettext_lazy("Suggested for this match"))]
        + [c for c in EvidenceTestType.choices if c[0] != EvidenceTestType.CUSTOM])

    def __init__(self, *args, user=None, match=None, **kwargs):
        super().__init__(*args, **kwargs)
        outcomes = Outcome.objects.all()
        self.fields["outcome"].queryset = outcomes
        # The outcomes our output already contributes to come first.
        linked = list(outcomes.filter(contributions__output=match.output).distinct()) if match else []
        others = [o for o in outcomes.order_by("-date", "-pk") if o not in linked]
        self.fields["outcome"].choices = [("", "---------")] + [
            (o.pk, f"{o} ({o.date:%Y-%m-%d})") for o in linked + others]
        if linked and not self.is_bound:
            self.initial["outcome"] = linked[0].pk
        claims = visible_claims(user).select_related("outcome")
        self.fields["claim"].queryset = claims
        self.fields["claim"].choices = [("", "---------")] + [
            (c.pk, f"{c.outcome}: {c}") for c in claims]
