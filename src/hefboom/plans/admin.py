"""Plans in the admin (M&E officers and administrators; policy officers may change them too).
The records linked to a step are linked on the step's page, where confidential contacts are
offered only to who may see them, so the admin leaves those links out."""

from django.contrib import admin

from hefboom.core.admin import TrackedAdmin, TrackedInline
from hefboom.plans.models import DossierPlan, Moment, PlanObjective, PlanStep

WORK_LINKS = ("contacts", "activities", "outputs")


class ObjectiveInline(TrackedInline):
    model = PlanObjective
    fields = ("service", "objectives", "expected_results")
    extra = 0


@admin.register(DossierPlan)
class DossierPlanAdmin(TrackedAdmin):
    list_display = ("dossier", "period_start", "period_end", "status")
    list_filter = ("status", "dossier__theme")
    search_fields = ("dossier__name", "lobby_goals")
    filter_horizontal = ("change_outcomes", "progress_markers")
    inlines = [ObjectiveInline]


@admin.register(PlanStep)
class PlanStepAdmin(TrackedAdmin):
    list_display = ("title", "plan", "responsible_service", "status", "due_date")
    list_filter = ("status", "responsible_service")
    search_fields = ("title",)
    exclude = WORK_LINKS
    filter_horizontal = ("supporting_services", "change_outcomes", "progress_markers")


@admin.register(Moment)
class MomentAdmin(TrackedAdmin):
    list_display = ("date", "title", "kind", "political_level")
    list_filter = ("kind", "political_level")
    search_fields = ("title",)
    filter_horizontal = ("dossiers",)
