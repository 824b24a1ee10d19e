"""Forms of the reporting pages: an indicator, and its values for one year."""

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict

from hefboom.core.forms import VersionCheckedForm, describe_conflict
from hefboom.reporting.indicators import RESERVED
from hefboom.reporting.models import Indicator, IndicatorKind, IndicatorPeriod

# The record lists name their kind in the plural (monitoring.views._record_list).
LIST_KINDS = {"contacts": "contact", "activities": "activity", "outputs": "output",
              "outcomes": "outcome"}


class IndicatorForm(VersionCheckedForm):
    class Meta:
        model = Indicator
        fields = ["programme", "code", "title", "title_fr", "title_en", "description", "theme",
                  "dossier", "result_level", "kind", "record_kind", "filter_query", "measure",
                  "unit", "ascending", "baseline_year", "baseline_value", "baseline_comment",
                  "order"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "baseline_comment": forms.Textarea(attrs={"rows": 2}),
            "filter_query": forms.TextInput(attrs={"size": 70}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # Its targets and actuals are years of this programme.
            self.fields["programme"].disabled = True


def initial_from_list(params: QueryDict) -> dict:
    """The new-indicator form's initial values from a record list's "Save as indicator" link:
    `records` (the list's kind) and `filter` (its query string). Dates, paging and sorting are
    dropped; the list's theme or dossier becomes the indicator's."""
    kind = params.get("records", "")
    kind = LIST_KINDS.get(kind, kind)
    if kind not in LIST_KINDS.values():
        return {}
    listed = QueryDict(params.get("filter", "").lstrip("?"))
    kept = QueryDict(mutable=True)
    for name, values in listed.lists():
        values = [value for value in values if value]
        if values and name not in RESERVED:
            kept.setlist(name, values)
    initial = {"kind": IndicatorKind.COMPUTED, "record_kind": kind,
               "filter_query": kept.urlencode()}
    for name in ("theme", "dossier"):
        if listed.get(name, "").isdigit():
            initial[name] = int(listed[name])
    if "dossier" in initial:
        initial.pop("theme", None)  # the dossier's theme follows from it
    return initial


class IndicatorValuesForm(forms.Form):
    """Target, actual, rating and texts of one indicator in one year; the fields follow the
    indicator's kind (a computed indicator's actual is counted, a qualitative one has no
    numbers)."""

    FIELDS = {
        IndicatorKind.COMPUTED: ("target", "comment"),
        IndicatorKind.MANUAL: ("target", "actual", "comment"),
        IndicatorKind.QUALITATIVE: ("rating", "text", "text_fr", "text_en", "comment"),
    }

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, indicator, period=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict = None
        self.names = self.FIELDS[indicator.kind]
        for name in self.names:
            model_field = IndicatorPeriod._meta.get_field(name)
            self.fields[name] = model_field.formfield(required=False)
            if name == "actual":
                self.fields[name].help_text = ""
            if period is not None:
                self.fields[name].initial = getattr(period, name)
        if period is not None and period.pk:
            self.fields["expected_version"].initial = period.version
        # The hidden version goes last, after the visible fields.
        self.order_fields([*self.names, "expected_version"])

    def values(self) -> dict:
        """The cleaned values as `actions.set_indicator_period` takes them."""
        values = {}
        for name in self.names:
            value = self.cleaned_data.get(name)
            values[name] = "" if value is None and name not in ("target", "actual") else value
        return values

    def refuse(self, conflict):
        """Like `VersionCheckedForm.refuse`: show what changed; saving again keeps these values."""
        self.conflict = conflict
        self.data = self.data.copy()
        self.data[self.add_prefix("expected_version")] = conflict.current_version
        raise ValidationError(describe_conflict(conflict), code="edit_conflict")
