from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from hefboom.accounts.models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "first_name", "last_name", "job_title", "role", "service",
                    "is_active")
    list_filter = ("role", "service", "is_active")
    list_select_related = ("service",)
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("Hefboom"), {"fields": ("role", "service", "job_title", "language", "wants_digest")}),
    )

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_administrator

    has_view_permission = has_change_permission = has_add_permission = has_delete_permission = (
        lambda self, request, obj=None: request.user.is_active and request.user.is_administrator
    )
