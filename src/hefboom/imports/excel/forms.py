"""Forms of the import wizard: the upload, the editable mapping and the review of uncertain names."""

from django import forms
from django.utils.translation import gettext_lazy as _

from hefboom.imports.excel.fields import RECORD_TYPES
from hefboom.imports.excel.models import ExcelMapping
from hefboom.imports.excel.reader import MB, max_file_bytes

NOT_IMPORTED = ("", _("— not imported —"))


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Workbook (.xlsx)"),
                           widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}))
    saved_mapping = forms.ModelChoiceField(
        ExcelMapping.objects.all(), required=False, label=_("Saved mapping"),
        empty_label=_("Propose one from the headers"),
        help_text=_("A mapping saved at an earlier import is used automatically when the "
                    "layout is the same."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > max_file_bytes():
            raise forms.ValidationError(
                _("%(file)s is %(size).1f MB; the limit is %(limit)d MB. Remove sheets that are "
                  "not imported, or split the workbook."),
                params={"file": upload.name, "size": upload.size / MB, "limit": max_file_bytes() // MB},
                code="E005")
        return upload


class MappingForm(forms.Form):
    """Per sheet: what it holds, which row has the headers and which column is which field."""

    save_as = forms.CharField(label=_("Save this mapping as"), required=False, max_length=120,
                              help_text=_("Optional: a name, so that the next import with this "
                                          "layout starts from it."))

    def __init__(self, sheets, mapping, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sheets, self.mapping = sheets, mapping
        type_choices = [(t.name, t.label) for t in RECORD_TYPES.values()]
        for i, sheet in enumerate(sheets):
            spec = mapping["sheets"].get(sheet.name, {"type": "ignore", "columns": {}})
            self.fields[f"s{i}-type"] = forms.ChoiceField(
                label=_("This sheet holds"), choices=type_choices, initial=spec.get("type", "ignore"))
            self.fields[f"s{i}-header_row"] = forms.IntegerField(
                label=_("Column names are in row"), min_value=1, required=False,
                initial=spec.get("header_row") or sheet.header_row)
            record_type = RECORD_TYPES.get(spec.get("type"), RECORD_TYPES["ignore"])
            choices = [NOT_IMPORTED] + [(f.name, f"{f.label}{' *' if f.required else ''}")
                                        for f in record_type.fields]
            for j, header in enumerate(sheet.headers):
                self.fields[f"s{i}-c{j}"] = forms.ChoiceField(
                    label=header, choices=choices, required=False,
                    initial=spec.get("columns", {}).get(header, ""))

    def changed_layout(self) -> list[int]:
        """Sheets whose type or header row the user changed: their columns are proposed again."""
        changed = []
        for i, sheet in enumerate(self.sheets):
            spec = self.mapping["sheets"].get(sheet.name, {})
            posted_type = self.data.get(f"s{i}-type", spec.get("type"))
            posted_row = str(self.data.get(f"s{i}-header_row") or "")
            if posted_type != spec.get("type") or (posted_row and posted_row != str(spec.get(
                    "header_row") or sheet.header_row or "")):
                changed.append(i)
        return changed

    def sheet_rows(self):
        for i, sheet in enumerate(self.sheets):
            yield {
                "sheet": sheet,
                "type": self[f"s{i}-type"],
                "header_row": self[f"s{i}-header_row"],
                "columns": [(self[f"s{i}-c{j}"], ", ".join(sheet.samples(j)))
                            for j in range(len(sheet.headers))],
            }

    def clean(self):
        cleaned = super().clean()
        for i, sheet in enumerate(self.sheets):
            used = {}
            for j, header in enumerate(sheet.headers):
                name = cleaned.get(f"s{i}-c{j}")
                if name and name in used:
                    self.add_error(f"s{i}-c{j}", _("'%(other)s' is already set to this field.")
                                   % {"other": used[name]})
                used[name] = header
        return cleaned

    def to_mapping(self) -> dict:
        sheets = {}
        for i, sheet in enumerate(self.sheets):
            columns = {header: self.cleaned_data[f"s{i}-c{j}"]
                       for j, header in enumerate(sheet.headers) if self.cleaned_data.get(f"s{i}-c{j}")}
            sheets[sheet.name] = {"type": self.cleaned_data[f"s{i}-type"],
                                  "header_row": self.cleaned_data[f"s{i}-header_row"] or sheet.header_row,
                                  "columns": columns}
        return {"sheets": sheets}


class ReviewForm(forms.Form):
    """One choice per uncertain name: use a candidate, create a new record, or skip its rows."""

    def __init__(self, reviews, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.reviews = reviews
        for review in reviews:
            choices = [(c["token"], _("Use %(label)s (%(score)s%% alike)") % c)
                       for c in review["candidates"]]
            choices += [("create", _("Create a new %(kind)s") % {"kind": _kind(review["kind"])}),
                        ("skip", _("Skip the rows that name it"))]
            self.fields[f"review-{review['id']}"] = forms.ChoiceField(
                label=review["name"], choices=choices, required=False, widget=forms.RadioSelect,
                initial=review["decision"] or None)

    def rows(self):
        for review in self.reviews:
            yield review, self[f"review-{review['id']}"]

    def decisions(self) -> dict:
        return {review["id"]: self.cleaned_data[f"review-{review['id']}"]
                for review in self.reviews if self.cleaned_data.get(f"review-{review['id']}")}


def _kind(kind: str) -> str:
    return str(_("person") if kind == "person" else _("organisation"))
