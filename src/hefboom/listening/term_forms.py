"""The form of the listening-terms pages."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hefboom.listening.models import TermKind, WatchTerm
from hefboom.monitoring.models import Output, OutputType

OUTPUT_TYPES = {TermKind.REPORT: (OutputType.REPORT, OutputType.STUDY),
                TermKind.CAMPAIGN: (OutputType.CAMPAIGN,)}


class WatchTermForm(forms.ModelForm):
    class Meta:
        model = WatchTerm
        fields = ["kind", "term", "language", "output"]

    def __init__(self, *args, dossier=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.dossier = dossier
        self.instance.dossier = dossier  # the model's clean() checks it during validation
        if dossier is not None:
            self.fields["kind"].choices = [(TermKind.DOSSIER, TermKind.DOSSIER.label)]
            self.fields["kind"].initial = TermKind.DOSSIER
            del self.fields["output"]
        else:
            self.fields["kind"].choices = [(k.value, k.label) for k in TermKind
                                           if k != TermKind.DOSSIER]
            types = OUTPUT_TYPES[TermKind.REPORT] + OUTPUT_TYPES[TermKind.CAMPAIGN]
            self.fields["output"].queryset = Output.objects.filter(type__in=types).order_by("title")
            self.fields["output"].required = False
            self.fields["output"].help_text = _("Optional: the report, study or campaign this "
                                                "term names.")

    def clean(self):
        data = super().clean()
        output, kind = data.get("output"), data.get("kind")
        if output and kind in OUTPUT_TYPES and output.type not in OUTPUT_TYPES[kind]:
            self.add_error("output", _("This output is not a %(kind)s.") % {
                "kind": TermKind(kind).label.lower()})
        term = " ".join((data.get("term") or "").split())
        if term and WatchTerm.objects.filter(
                Q(dossier=self.dossier) if self.dossier else Q(dossier__isnull=True),
                kind=kind, term__iexact=term, language=data.get("language") or "",
                output=output).exists():
            self.add_error("term", _("This term is already on the list."))
        return data

    def save(self, commit=True, user=None):
        term = super().save(commit=False)
        if user is not None and user.is_authenticated:
            term.created_by = user
        if commit:
            term.save()
        return term
