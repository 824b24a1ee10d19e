"""The timeline's filters and window, read from the query string; the scope (theme, dossier,
dates) that the synergy view and the coverage dashboard filter by."""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from hefboom.actors.models import Organisation, OrganisationType, Person, PoliticalLevel
from hefboom.core.widgets import AutocompleteOne
from hefboom.strategy.chart import ZOOM_LABELS, ZOOMS
from hefboom.strategy.models import Dossier, Theme
from hefboom.strategy.timeline import KINDS, Criteria

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PlainSelect(forms.Select):
    """A select built in Python instead of one template per option, so that a long list of
    parties costs microseconds, not milliseconds."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in self.format_value(value)}
        options = format_html_join("", '<option value="{}"{}>{}</option>', (
            (key, mark_safe(" selected") if str(key) in chosen else "", label)
            for key, label in self.choices
        ))
        return format_html('<select name="{}"{}>{}</select>', name,
                           flatatt(self.build_attrs(self.attrs, attrs)), options)


class TimelineForm(forms.Form):
    kind = forms.MultipleChoiceField(
        label=_("Show"), required=False, widget=forms.CheckboxSelectMultiple,
        choices=[(kind.key, kind.plural) for kind in KINDS])
    person = forms.ModelChoiceField(
        Person.objects.all(), label=_("Person"), required=False,
        widget=AutocompleteOne(reverse_lazy("actors:person_options")))
    organisation = forms.ModelChoiceField(
        Organisation.objects.all(), label=_("Organisation"), required=False,
        widget=AutocompleteOne(reverse_lazy("actors:organisation_options")))
    party = forms.TypedChoiceField(
        label=_("Party"), required=False, coerce=int, empty_value=None, widget=PlainSelect,
        help_text=_("The party, organisations under it, and people who were in it at the time."))
    level = forms.ChoiceField(label=_("Political level"), required=False, widget=PlainSelect,
                              choices=[("", "---------"), *PoliticalLevel.choices])
    date_from = forms.DateField(label=_("From"), required=False, widget=DATE)
    date_to = forms.DateField(label=_("To"), required=False, widget=DATE)
    # The window and zoom travel along with the filters, so filtering keeps what is in view.
    zoom = forms.ChoiceField(required=False, widget=forms.HiddenInput,
                             choices=[("", ""), *ZOOM_LABELS.items()])
    start = forms.DateField(required=False, widget=forms.HiddenInput)
    end = forms.DateField(required=False, widget=forms.HiddenInput)

    def __init__(self, data=None, **kwargs):
        # No type ticked means every type: show them all ticked.
        everything = [kind.key for kind in KINDS]
        if data is not None and not data.getlist("kind"):
            data = data.copy()
            data.setlist("kind", everything)
        super().__init__(data, initial={"kind": everything}, **kwargs)
        # Plain (pk, name) pairs: one light query, whether the list is checked or drawn.
        parties = Organisation.objects.filter(type=OrganisationType.PARTY).order_by("name")
        self.fields["party"].choices = [("", "---------"),
                                        *parties.values_list("pk", "name")]

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_to < date_from:
            self.add_error("date_to", _("The period cannot end before it starts."))
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            cleaned["start"] = cleaned["end"] = None  # a broken link: show the whole period
        return cleaned

    def _value(self, name):
        """A valid value, or nothing: an invalid field is reported and otherwise ignored."""
        if not self.is_bound:
            return None
        self.is_valid()
        return self.cleaned_data.get(name) if name not in self.errors else None

    def criteria(self) -> Criteria:
        kinds = self._value("kind")
        return Criteria(
            kinds=frozenset(kinds or [kind.key for kind in KINDS]),
            person=getattr(self._value("person"), "pk", None),
            organisation=getattr(self._value("organisation"), "pk", None),
            party=self._value("party"),
            level=self._value("level") or "",
            date_from=self._value("date_from"),
            date_to=self._value("date_to"),
        )

    def window(self):
        zoom = self._value("zoom")
        return self._value("start"), self._value("end"), zoom if zoom in ZOOMS else None


class ScopeForm(forms.Form):
    """A theme, a dossier and a period, as the synergy view and the coverage dashboard are
    filtered. Refused, as a whole: "From" after "To"; a period of more than MAX_YEARS years
    (without "To", up to today: the pages then show up to today); a dossier outside the chosen
    theme. A subclass declares its two date fields and names them in `start_field` and
    `end_field` (they are its query parameters)."""

    MAX_YEARS = 15
    start_field = "start"
    end_field = "end"

    theme = forms.ModelChoiceField(label=_("Theme"), queryset=Theme.objects.all(), required=False)
    dossier = forms.ModelChoiceField(label=_("Dossier"), required=False,
                                     queryset=Dossier.objects.select_related("theme"))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get(self.start_field), cleaned.get(self.end_field)
        if start and end and start > end:
            raise ValidationError(_("“From” (%(start)s) is after “To” (%(end)s): swap them.")
                                  % {"start": start, "end": end})
        if start and (end or timezone.localdate()) - start > dt.timedelta(
                days=self.MAX_YEARS * 366):
            raise ValidationError(_("Choose at most %(years)s years.") % {"years": self.MAX_YEARS})
        theme, dossier = cleaned.get("theme"), cleaned.get("dossier")
        if theme and dossier and dossier.theme_id != theme.pk:
            raise ValidationError(_("Dossier %(dossier)s is not in theme %(theme)s: choose one "
                                    "of the two or a dossier of that theme.")
                                  % {"dossier": dossier, "theme": theme})
        return cleaned
