from django.contrib import admin

from hefboom.actors.models import (
    Government,
    Membership,
    Organisation,
    Person,
    PersonMerge,
    PersonRole,
)
from hefboom.core.admin import TrackedAdmin, TrackedInline

ROLE_FIELDS = ("title", "single_holder", "government", "start_date", "end_date",
               "date_approximate")


class PersonRoleInline(TrackedInline):
    """A person's roles; `PersonRole.clean` refuses overlaps as the person page does."""

    model = PersonRole
    fk_name = "person"
    fields = ("organisation", *ROLE_FIELDS)
    autocomplete_fields = ("organisation", "government")


class GovernmentRoleInline(TrackedInline):
    """The government's composition: the roles that name it."""

    model = PersonRole
    fk_name = "government"
    fields = ("person", "organisation", *ROLE_FIELDS[:2], *ROLE_FIELDS[3:])
    autocomplete_fields = ("person", "organisation")


@admin.register(Person)
class PersonAdmin(TrackedAdmin):
    list_display = ("last_name", "first_name", "email")
    search_fields = ("first_name", "last_name", "email")
    inlines = [PersonRoleInline]


class MembershipInline(TrackedInline):
    """The organisation's memberships; `Membership.clean` refuses overlaps as the organisation
    page does. Kept by the M&E officer and administrators, like on that page."""

    model = Membership
    fields = ("kind", "start_date", "end_date", "notes")

    def has_add_permission(self, request, obj=None):
        return request.user.can_edit_strategy

    def has_change_permission(self, request, obj=None):
        return request.user.can_edit_strategy

    def has_delete_permission(self, request, obj=None):
        return request.user.can_edit_strategy


@admin.register(Organisation)
class OrganisationAdmin(TrackedAdmin):
    list_display = ("name", "short_name", "type", "political_level", "spectrum_position")
    list_filter = ("type", "political_level", "memberships__kind")
    search_fields = ("name", "short_name")
    autocomplete_fields = ("parent",)
    inlines = [MembershipInline]


@admin.register(Government)
class GovernmentAdmin(TrackedAdmin):
    list_display = ("name", "political_level", "start_date", "end_date")
    list_filter = ("political_level",)
    search_fields = ("name",)
    filter_horizontal = ("parties",)
    inlines = [GovernmentRoleInline]


@admin.register(PersonMerge)
class PersonMergeAdmin(admin.ModelAdmin):
    """The log of merges: read only (a merge is done on the person page)."""

    list_display = ("merged_name", "into", "merged_at", "merged_by")
    readonly_fields = ("into", "merged_name", "merged_id", "merged_at", "merged_by", "moved")

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
