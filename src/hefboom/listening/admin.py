from django.contrib import admin

from hefboom.listening.models import IngestRun


@admin.register(IngestRun)
class IngestRunAdmin(admin.ModelAdmin):
    """Read-only: runs are written by `hefboom ingest` and `hefboom analyse` only."""

    list_display = ("pk", "source", "status", "started", "finished", "read", "new", "duplicates",
                    "near_duplicates")
    list_filter = ("status", "source")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
