from django.contrib import admin

from hefboom.core.admin import TrackedAdmin, TrackedInline
from hefboom.strategy.models import (
    Assumption,
    BoundaryPartner,
    ChangeOutcome,
    Dossier,
    Programme,
    ProgressMarker,
    Service,
    Theme,
)


class StrategyAdmin(TrackedAdmin):
    editors = "strategy"


class StrategyInline(TrackedInline):
    def has_add_permission(self, request, obj=None):
        return request.user.can_edit_strategy

    has_change_permission = has_delete_permission = has_add_permission


@admin.register(Programme)
class ProgrammeAdmin(StrategyAdmin):
    list_display = ("name", "funder", "start_date", "end_date")
    search_fields = ("name",)


class DossierInline(StrategyInline):
    model = Dossier
    fields = ("code", "name")


class ChangeOutcomeInline(StrategyInline):
    model = ChangeOutcome
    fields = ("number", "statement")


@admin.register(Theme)
class ThemeAdmin(StrategyAdmin):
    list_display = ("name", "programme", "order")
    inlines = [DossierInline, ChangeOutcomeInline]


@admin.register(Dossier)
class DossierAdmin(StrategyAdmin):
    list_display = ("name", "theme")
    list_filter = ("theme",)
    search_fields = ("name",)


@admin.register(ChangeOutcome)
class ChangeOutcomeAdmin(StrategyAdmin):
    list_display = ("theme", "number", "statement")


@admin.register(Assumption)
class AssumptionAdmin(StrategyAdmin):
    list_display = ("theme", "statement")


class ProgressMarkerInline(StrategyInline):
    model = ProgressMarker
    fields = ("level", "order", "statement", "dossier")


@admin.register(BoundaryPartner)
class BoundaryPartnerAdmin(StrategyAdmin):
    list_display = ("name", "theme")
    list_filter = ("theme",)
    search_fields = ("name",)
    inlines = [ProgressMarkerInline]
    filter_horizontal = ("organisations",)


@admin.register(ProgressMarker)
class ProgressMarkerAdmin(StrategyAdmin):
    list_display = ("boundary_partner", "level", "order", "statement", "dossier")
    list_filter = ("level", "boundary_partner__theme", "dossier")
    search_fields = ("statement",)


@admin.register(Service)
class ServiceAdmin(StrategyAdmin):
    """The organisation's services: add, rename, reorder; an inactive one keeps its history but
    is no longer offered in forms."""

    list_display = ("name", "code", "order", "is_active")
    list_editable = ("order", "is_active")
    list_filter = ("is_active",)
    search_fields = ("name", "code")
    prepopulated_fields = {"code": ("name",)}
