from django.contrib import admin

from hefboom.actors.models import Organisation, Person, PersonRole
from hefboom.core.admin import TrackedAdmin, TrackedInline


class PersonRoleInline(TrackedInline):
    model = PersonRole
    fields = ("organisation", "title", "start_date", "end_date")
    autocomplete_fields = ("organisation",)


@admin.register(Person)
class PersonAdmin(TrackedAdmin):
    list_display = ("last_name", "first_name", "email")
    search_fields = ("first_name", "last_name", "email")
    inlines = [PersonRoleInline]


@admin.register(Organisation)
class OrganisationAdmin(TrackedAdmin):
    list_display = ("name", "short_name", "type", "political_level")
    list_filter = ("type", "political_level")
    search_fields = ("name", "short_name")
    autocomplete_fields = ("parent",)
