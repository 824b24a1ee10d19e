"""The query parameters of listening's pages, checked: only known grains, slices and measures
reach the queries."""

from django import forms
from django.utils.translation import gettext_lazy as _

from hefboom.listening.models.records import AlertKind, AlertStatus, TargetKind, Tone
from hefboom.listening.queries import Scope, period_start
from hefboom.strategy.models import Dossier


class TrendForm(forms.Form):
    grain = forms.ChoiceField(label=_("Per"), required=False, initial="week", choices=[
        ("week", _("week")), ("month", _("month")), ("year", _("year"))])
    measure = forms.ChoiceField(label=_("Show"), required=False, initial="volume", choices=[
        ("volume", _("volume")), ("sentiment", _("sentiment")), ("frames", _("frames"))])
    by = forms.ChoiceField(label=_("By"), required=False, choices=[
        ("", _("all texts")), ("source", _("source")), ("party", _("party")),
        ("speaker", _("speaker")), ("lang", _("language"))])
    date_from = forms.DateField(label=_("From"), required=False,
                                widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("To"), required=False,
                              widget=forms.DateInput(attrs={"type": "date"}))
    # A chart point (drill-down): hidden on the trend page.
    period = forms.DateField(required=False, widget=forms.HiddenInput)
    group = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)
    frame = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)
    tone = forms.ChoiceField(required=False, choices=[("", "")] + Tone.choices,
                             widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise forms.ValidationError(_("“From” is after “To”."))
        return data

    def value(self, name):
        data = self.cleaned_data if self.is_valid() else {}
        return data.get(name) or self.fields[name].initial or None

    def scope(self, dossier=None, theme=None) -> Scope:
        """The scope the page shows; invalid parameters fall back to the whole range."""
        grain = self.value("grain") or "week"
        period = self.value("period")
        group = self.cleaned_data.get("group") if self.is_valid() and "group" in self.data else None
        return Scope(
            dossier=dossier.pk if dossier else None, theme=theme.pk if theme else None,
            date_from=self.value("date_from"), date_to=self.value("date_to"), grain=grain,
            period=period_start(period, grain) if period else None, by=self.value("by"),
            group=group if self.value("by") else None, frame=self.value("frame"),
            tone=self.value("tone"))


class AlertFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False, initial="open", choices=[
        ("open", _("new and seen")), *AlertStatus.choices, ("all", _("all"))])
    kind = forms.ChoiceField(label=_("Kind"), required=False,
                             choices=[("", _("all kinds")), *AlertKind.choices])
    dossier = forms.ModelChoiceField(label=_("Dossier"), queryset=Dossier.objects.all(),
                                     required=False, empty_label=_("all dossiers"))


class AlertStatusForm(forms.Form):
    alert = forms.IntegerField()
    status = forms.ChoiceField(choices=AlertStatus.choices)


class MentionFilterForm(forms.Form):
    target = forms.ChoiceField(label=_("Mentions of"), required=False, choices=[
        ("", _("the organisation, its reports and campaigns")),
        *[(k, label) for k, label in TargetKind.choices
          if k in ("organisation", "report", "campaign")]])
    tone = forms.ChoiceField(label=_("Tone"), required=False, choices=[("", _("any tone")), *Tone.choices])
    dossier = forms.ModelChoiceField(label=_("Dossier"), queryset=Dossier.objects.all(),
                                     required=False, empty_label=_("all dossiers"))
    q = forms.CharField(label=_("Author, party or source"), required=False, max_length=100)
