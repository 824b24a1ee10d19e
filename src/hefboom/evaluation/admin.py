from django.contrib import admin

from hefboom.core.admin import TrackedAdmin
from hefboom.evaluation.models import Evaluation, EvaluationQuestion


class EvaluationAdminBase(TrackedAdmin):
    editors = "strategy"


@admin.register(Evaluation)
class EvaluationAdmin(EvaluationAdminBase):
    list_display = ("title", "period_start", "period_end", "evaluator")
    search_fields = ("title",)


@admin.register(EvaluationQuestion)
class EvaluationQuestionAdmin(EvaluationAdminBase):
    list_display = ("code", "text", "evaluation", "order")
    list_filter = ("evaluation",)
    search_fields = ("code", "text")
    ordering = ("evaluation", "order", "code")
