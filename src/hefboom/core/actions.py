"""The one write path shared by forms, the admin, imports and the demo loader.

A record is validated as a whole (field rules and model rules), stamped with its editor and
saved together with its many-to-many links in one transaction, so nothing is ever half-saved.
An edit made on an older version than the one stored is refused (`EditConflict`), and deleting
only moves a record to the bin, from which an M&E officer can restore it. Other apps refuse
writes through checks they register here (`register_write_check`): core knows none of them,
e.g. the reporting app refuses writes to records dated in an approved (locked) year.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

# Callables `check(record, user, *, m2m=None)` that raise ValidationError to refuse a write.
_write_checks: list = []


def register_write_check(check):
    """Run `check` before every save, delete and restore (apps call this in `ready()`)."""
    if check not in _write_checks:
        _write_checks.append(check)
    return check


def check_write(record, user, *, m2m: dict | None = None) -> None:
    """Raise the first refusal of a registered check for writing `record` (with `m2m`, the
    many-to-many links it is about to get). The admin and bulk writers call this too."""
    for check in _write_checks:
        check(record, user, m2m=m2m)


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str


class EditConflict(Exception):
    """Someone saved the record after the editor opened it; their changes are listed."""

    def __init__(self, record, seen_version: int, current_version: int):
        self.record = record
        self.seen_version = seen_version
        self.current_version = current_version
        newer = record.history.filter(version__gt=seen_version).order_by("history_date")
        self.editors = sorted({str(h.history_user) for h in newer if h.history_user})
        self.changes = _changes_between(record, seen_version, current_version)
        super().__init__(
            f"{record._meta.verbose_name} was changed by {', '.join(self.editors) or 'someone'} "
            f"since you opened it (version {seen_version} → {current_version})."
        )


def _changes_between(record, old_version, new_version) -> list[Change]:
    versions = {h.version: h for h in record.history.filter(version__in=[old_version, new_version])}
    if old_version not in versions or new_version not in versions:
        return []
    delta = versions[new_version].diff_against(
        versions[old_version], excluded_fields=["updated_at", "updated_by", "version"]
    )
    changes = []
    for change in delta.changes:
        field = record._meta.get_field(change.field)
        changes.append(Change(str(field.verbose_name), _show(field, change.old),
                              _show(field, change.new)))
    return changes


def _show(field, value) -> str:
    if field.many_to_many:
        ids = [row[field.m2m_reverse_field_name()] for row in value or []]
        return ", ".join(str(o) for o in field.related_model._base_manager.filter(pk__in=ids))
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return "" if value is None else str(value)


@transaction.atomic
def save_record(record, user, *, m2m: dict | None = None, required_m2m: tuple[str, ...] = (),
                expected_version: int | None = None):
    created = record._state.adding
    if not created:
        stored = (type(record)._base_manager.select_for_update().filter(pk=record.pk)
                  .values_list("version", flat=True).first())
        if expected_version is not None and stored != expected_version:
            raise EditConflict(record, expected_version, stored)
        record.version = (stored or record.version) + 1
    m2m = m2m or {}
    missing = {
        name: ValidationError(
            "%(field)s: choose at least one.",
            params={"field": record._meta.get_field(name).verbose_name},
            code="required",
        )
        for name in required_m2m
        if not m2m.get(name) and (created or name in m2m)
    }
    try:
        record.full_clean()
    except ValidationError as exc:
        exc.error_dict.update({name: [error] for name, error in missing.items()})
        raise
    if missing:
        raise ValidationError(missing)
    check_write(record, user, m2m=m2m)
    record.stamp(user)
    with record.history_deferred():
        record.save()
        for name, values in m2m.items():
            getattr(record, name).set(values)
    record.write_version(created)
    return record


@transaction.atomic
def _set_deleted(record, user, deleted: bool):
    check_write(record, user)
    record.version += 1
    record.deleted_at = timezone.now() if deleted else None
    record.deleted_by = user if deleted else None
    record.stamp(user)
    with record.history_deferred():
        record.save(update_fields=["deleted_at", "deleted_by", "version", "updated_by",
                                   "updated_at"])
    record.write_version(created=False)
    return record


def delete_record(record, user):
    """Move a record to the bin (recorded in its history); it disappears from every view."""
    if not user.can_edit_records:
        raise PermissionDenied("Your role may not delete records.")
    return _set_deleted(record, user, deleted=True)


def restore_record(record, user):
    """Bring a record back from the bin: only M&E officers and administrators may."""
    if not user.can_edit_strategy:
        raise PermissionDenied("Only the M&E officer or an administrator can restore records.")
    return _set_deleted(record, user, deleted=False)
