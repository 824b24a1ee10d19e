"""Saved mappings can be renamed or removed by the M&E officer; imports are read-only history."""

from django.contrib import admin

from hefboom.imports.excel.models import ExcelImport, ExcelMapping


@admin.register(ExcelMapping)
class ExcelMappingAdmin(admin.ModelAdmin):
    list_display = ["name", "created_by", "updated_at"]
    readonly_fields = ["signature", "created_by"]


@admin.register(ExcelImport)
class ExcelImportAdmin(admin.ModelAdmin):
    list_display = ["filename", "status", "created_by", "created_at", "imported_at"]
    list_filter = ["status"]
    readonly_fields = [f.name for f in ExcelImport._meta.fields]

    def has_add_permission(self, request):
        return False
