"""The admin base shared by every app: audit stamping, change history and role permissions."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from hefboom.core.actions import delete_record
from hefboom.core.forms import VersionCheckedForm
from hefboom.core.models import SoftDeletable


class TrackedAdmin(SimpleHistoryAdmin):
    """Admin for a TrackedModel; `editors` names who may change it ("records" or "strategy")."""

    editors = "records"
    form = VersionCheckedForm
    readonly_fields = ("created_at", "created_by", "updated_at", "updated_by")

    def _may_edit(self, request) -> bool:
        user = request.user
        return user.is_active and (
            user.can_edit_strategy if self.editors == "strategy" else user.can_edit_records
        )

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff

    def has_add_permission(self, request, *args):
        return self._may_edit(request)

    def has_change_permission(self, request, obj=None):
        return self._may_edit(request)

    def has_delete_permission(self, request, obj=None):
        return self._may_edit(request)

    def save_model(self, request, obj, form, change):
        # The version is written in save_related, once the many-to-many links are saved too.
        obj.stamp(request.user)
        if change:
            obj.version += 1
        obj.skip_history_when_saving = True
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        obj = form.instance
        try:
            super().save_related(request, form, formsets, change)
        finally:
            del obj.skip_history_when_saving
        obj.write_version(created=not change)

    # Records that can go to the bin are never really deleted from the admin either.
    def delete_model(self, request, obj):
        if isinstance(obj, SoftDeletable):
            delete_record(obj, request.user)
        else:
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        if issubclass(self.model, SoftDeletable):
            for obj in queryset:
                delete_record(obj, request.user)
        else:
            super().delete_queryset(request, queryset)

    def save_formset(self, request, form, formset, change):
        for inline in formset.save(commit=False):
            inline.stamp(request.user)
            inline.save()
        for deleted in formset.deleted_objects:
            deleted.delete()
        formset.save_m2m()


class TrackedInline(admin.TabularInline):
    extra = 0

    def has_add_permission(self, request, obj=None):
        return request.user.can_edit_records

    def has_change_permission(self, request, obj=None):
        return request.user.can_edit_records

    def has_delete_permission(self, request, obj=None):
        return request.user.can_edit_records

    def has_view_permission(self, request, obj=None):
        return request.user.is_staff
