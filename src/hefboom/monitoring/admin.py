"""Admin for monitoring records; confidential contacts stay hidden here as everywhere."""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404

from hefboom.actors.selectors import partner_organisations
from hefboom.core.access import get_contact_for_user, visible_contacts
from hefboom.core.admin import TrackedAdmin, TrackedInline
from hefboom.monitoring.models import (
    Activity,
    ClaimEvidence,
    Contact,
    ContributionClaim,
    ContributionLink,
    Evidence,
    FollowUp,
    Outcome,
    Output,
    ProgressMarkerObservation,
)


class HidesConfidentialContacts:
    """Limits every contact choice (select, autocomplete, inline) to what the user may see."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "contact":
            kwargs["queryset"] = visible_contacts(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "contacts":
            kwargs["queryset"] = visible_contacts(request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class ServicesAndPartners:
    """Services as a two-pane choice; partners searched, and only organisations with a
    membership (whether it held on the record's date is the write check's refusal)."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "partners":
            kwargs["queryset"] = partner_organisations()
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(Contact)
class ContactAdmin(ServicesAndPartners, TrackedAdmin):
    list_display = ("date", "channel", "summary", "confidentiality")
    list_filter = ("channel", "confidentiality", "dossiers", "services")
    search_fields = ("summary",)
    date_hierarchy = "date"
    filter_horizontal = ("our_participants", "persons", "organisations", "dossiers", "services")
    autocomplete_fields = ("partners",)

    def get_queryset(self, request):
        return visible_contacts(request.user)

    # The history views fall back on historical rows for objects outside get_queryset; a
    # confidential contact's history must stay as hidden as the contact itself.
    def history_view(self, request, object_id, extra_context=None):
        get_contact_for_user(request.user, unquote(object_id))
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        get_contact_for_user(request.user, unquote(object_id))
        return super().history_form_view(request, object_id, version_id, extra_context)


@admin.register(Activity)
class ActivityAdmin(ServicesAndPartners, TrackedAdmin):
    list_display = ("date", "title", "type")
    list_filter = ("type", "dossiers", "services")
    search_fields = ("title",)
    filter_horizontal = ("dossiers", "organisations", "our_participants", "services")
    autocomplete_fields = ("partners",)


@admin.register(Output)
class OutputAdmin(ServicesAndPartners, TrackedAdmin):
    list_display = ("date", "title", "type")
    list_filter = ("type", "dossiers", "services")
    search_fields = ("title", "full_text")
    filter_horizontal = ("dossiers", "services")
    autocomplete_fields = ("partners",)


class EvidenceInline(TrackedInline):
    model = Evidence
    fields = ("source_type", "reference", "url", "quote", "date", "reliability")


class ContributionInline(HidesConfidentialContacts, TrackedInline):
    model = ContributionLink
    fk_name = "outcome"
    fields = ("contact", "output", "activity", "organisation", "source_outcome", "narrative")
    raw_id_fields = ("source_outcome",)

    def get_queryset(self, request):
        from hefboom.core.access import visible_contributions

        return visible_contributions(request.user, super().get_queryset(request))


@admin.register(Outcome)
class OutcomeAdmin(TrackedAdmin):
    list_display = ("date", "title", "change_type", "substantiation")
    list_filter = ("change_type", "substantiation", "political_level", "dossiers")
    search_fields = ("title", "description")
    filter_horizontal = ("dossiers", "social_actor_organisations", "social_actor_persons")
    inlines = [EvidenceInline, ContributionInline]


@admin.register(ProgressMarkerObservation)
class ObservationAdmin(HidesConfidentialContacts, TrackedAdmin):
    list_display = ("progress_marker", "period_start", "period_end", "rating")
    list_filter = ("rating",)
    filter_horizontal = ("outcomes", "contacts")


# Contribution claims (issue 4): read-only here, because their pages keep the confidence in step
# with every change; the admin shows them for inspection.

class ClaimEvidenceInline(admin.TabularInline):
    model = ClaimEvidence
    fields = ("order", "evidence", "test_type", "p_if_true", "p_if_false", "reasoning")
    readonly_fields = fields
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ContributionClaim)
class ContributionClaimAdmin(TrackedAdmin):
    list_display = ("statement", "outcome", "confidence")
    list_filter = ("outcome__dossiers",)
    search_fields = ("statement", "story")
    readonly_fields = ("outcome", "statement", "story", "alternatives", "prior", "confidence")
    exclude = ("links",)
    inlines = [ClaimEvidenceInline]

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# Follow-ups (issue 6): read-only here; their owner and confidentiality rules are checked by the
# actions behind the contact page and the personal list, which do every change.

@admin.register(FollowUp)
class FollowUpAdmin(HidesConfidentialContacts, TrackedAdmin):
    list_display = ("description", "owner", "due_date", "done_at", "contact")
    list_filter = ("owner",)
    search_fields = ("description",)
    list_select_related = ("owner", "contact")

    def get_queryset(self, request):
        return FollowUp.objects.visible_to(request.user)

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def history_view(self, request, object_id, extra_context=None):
        get_object_or_404(self.get_queryset(request), pk=unquote(object_id))
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        get_object_or_404(self.get_queryset(request), pk=unquote(object_id))
        return super().history_form_view(request, object_id, version_id, extra_context)
