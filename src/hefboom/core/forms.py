"""Form behaviour shared by every record form, in the web UI and in the admin, and the period
form that several pages ask for."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hefboom.core.actions import EditConflict

# A date field as the browser's date picker, in the ISO form that picker needs.
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PeriodForm(forms.Form):
    """A period from `period_start` to `period_end`, the end not before the start: a journal's
    period on the ladder page, the new period of a copied plan."""

    period_start = forms.DateField(label=gettext_lazy("Period start"), widget=DATE_INPUT)
    period_end = forms.DateField(label=gettext_lazy("Period end"), widget=DATE_INPUT)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period cannot end before it starts."))
        return cleaned


def describe_conflict(conflict: EditConflict) -> str:
    changes = "; ".join(
        _("%(field)s: “%(before)s” → “%(after)s”")
        % {"field": c.field, "before": c.before or "—", "after": c.after or "—"}
        for c in conflict.changes
    )
    return _(
        "%(who)s saved this record after you opened it, so your changes were not saved. "
        "What they changed: %(changes)s. Check your changes against theirs and save again "
        "to keep yours."
    ) % {"who": ", ".join(conflict.editors) or _("Someone"), "changes": changes or "—"}


def add_refusal(form, exc: ValidationError | EditConflict) -> None:
    """Put an action's refusal on the form that caused it: an edit conflict as the form's
    conflict message, model errors on the fields the form shows, the rest at its top."""
    if isinstance(exc, EditConflict):
        try:
            form.refuse(exc)
        except ValidationError as refused:
            form.add_error(None, refused)
        return
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for name, errors in exc.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)


def run_action(form, action, *args, **kwargs):
    """Call a write action for a valid form; return its record, or None when it was refused
    (the reason is then on the form)."""
    try:
        return action(*args, **kwargs)
    except (ValidationError, EditConflict) as exc:
        add_refusal(form, exc)
        return None


def attempt(request, action, *args, **kwargs) -> bool:
    """Call a write action that has no form (delete, restore, unlink); a refusal, such as a
    record in a locked reporting year, becomes an error message. True when it was done."""
    try:
        action(*args, **kwargs)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return False
    return True


class VersionCheckedForm(forms.ModelForm):
    """Refuses a save based on an older version of the record than the one stored."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict = None
        if self.instance.pk:
            self.fields["expected_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        seen = cleaned.get("expected_version")
        if self.instance.pk and seen is not None:
            stored = (type(self.instance)._base_manager.filter(pk=self.instance.pk)
                      .values_list("version", flat=True).first())
            if stored != seen:
                self.refuse(EditConflict(self.instance, seen, stored))
        return cleaned

    def refuse(self, conflict: EditConflict):
        """Show what changed; the form now carries the stored version, so saving again is a
        deliberate choice to keep these values."""
        self.conflict = conflict
        self.data = self.data.copy()
        self.data[self.add_prefix("expected_version")] = conflict.current_version
        raise ValidationError(describe_conflict(conflict), code="edit_conflict")
