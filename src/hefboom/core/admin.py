"""The admin base shared by every app: audit stamping, change history and role permissions."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from hefboom.core.access import HIDDEN_CONTACT, hidden_contact_names, hide_contacts
from hefboom.core.actions import check_write, delete_record
from hefboom.core.forms import VersionCheckedForm
from hefboom.core.models import SoftDeletable


class HidesContactsInChanges(HistoricalRecordContextHelper):
    """A version's changes (e.g. the contacts linked to a plan step) name only the contacts the
    reader may see; the others read "a confidential contact"."""

    def __init__(self, model, historical_record, *, user):
        super().__init__(model, historical_record)
        self.user = user

    def prepare_delta_change_value(self, change, value):
        return hide_contacts(self.user, super().prepare_delta_change_value(change, value))


def _without_names(items, names):
    """The nested list of a delete confirmation with each hidden name replaced."""
    if isinstance(items, list | tuple):
        return [_without_names(item, names) for item in items]
    if not isinstance(items, str):
        return items
    safe = isinstance(items, SafeString)
    placeholder = escape(str(HIDDEN_CONTACT)) if safe else str(HIDDEN_CONTACT)
    text = items
    for name in names:
        text = text.replace(name, placeholder)
    # Only escaped text was replaced by escaped text: what was safe stays safe.
    return mark_safe(text) if safe else text  # noqa: S308


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

    def get_form(self, request, obj=None, **kwargs):
        # The admin saves without save_record, so it asks the write checks (e.g. a locked
        # reporting year) while validating, where the refusal shows on the form.
        form_class = super().get_form(request, obj, **kwargs)
        user = request.user

        class WriteCheckedForm(form_class):
            def _post_clean(self):
                super()._post_clean()
                if self.errors:
                    return
                m2m = {f.name: self.cleaned_data[f.name]
                       for f in self.instance._meta.many_to_many if f.name in self.cleaned_data}
                try:
                    check_write(self.instance, user, m2m=m2m)
                except ValidationError as exc:
                    self.add_error(None, exc)

        WriteCheckedForm.__name__ = form_class.__name__
        return WriteCheckedForm

    def get_historical_record_context_helper(self, request, historical_record):
        return HidesContactsInChanges(self.model, historical_record, user=request.user)

    def get_deleted_objects(self, objs, request):
        """What a deletion takes along, without naming confidential contacts (e.g. in the
        contribution links of an outcome) to who may not see them."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        names = hidden_contact_names(request.user)
        if names:
            deleted, protected = _without_names(deleted, names), _without_names(protected, names)
        return deleted, counts, perms_needed, protected

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except ValidationError as exc:
            self.message_user(request, " ".join(exc.messages), messages.ERROR)
            return HttpResponseRedirect(request.path)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as exc:  # an inline's write refused (the form's own is shown)
            self.message_user(request, " ".join(exc.messages), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def changelist_view(self, request, extra_context=None):
        try:
            return super().changelist_view(request, extra_context)
        except ValidationError as exc:  # the "delete selected" action refused
            self.message_user(request, " ".join(exc.messages), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

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
            check_write(obj, request.user)
            super().delete_model(request, obj)

    @transaction.atomic
    def delete_queryset(self, request, queryset):
        if issubclass(self.model, SoftDeletable):
            for obj in queryset:
                delete_record(obj, request.user)
        else:
            for obj in queryset:
                check_write(obj, request.user)
            super().delete_queryset(request, queryset)

    def save_formset(self, request, form, formset, change):
        for inline in formset.save(commit=False):
            check_write(inline, request.user)
            inline.stamp(request.user)
            inline.save()
        for deleted in formset.deleted_objects:
            check_write(deleted, request.user)
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
