from django import forms
from django.utils.translation import gettext_lazy as _

from hefboom.evaluation.models import EvaluationQuestion


class TagForm(forms.Form):
    question = forms.ModelChoiceField(
        label=_("Evaluation question"),
        queryset=EvaluationQuestion.objects.select_related("evaluation"),
        error_messages={"invalid_choice": _("Choose one of the evaluation questions.")},
    )
