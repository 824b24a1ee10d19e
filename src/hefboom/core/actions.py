"""The one write path shared by forms, the admin, imports and the demo loader.

A record is validated as a whole (field rules and model rules), stamped with its editor and
saved together with its many-to-many links in one transaction, so nothing is ever half-saved.
"""

from django.core.exceptions import ValidationError
from django.db import transaction


@transaction.atomic
def save_record(record, user, *, m2m: dict | None = None, required_m2m: tuple[str, ...] = ()):
    m2m = m2m or {}
    missing = {
        name: ValidationError(
            "%(field)s: choose at least one.",
            params={"field": record._meta.get_field(name).verbose_name},
            code="required",
        )
        for name in required_m2m
        if not m2m.get(name) and (record._state.adding or name in m2m)
    }
    try:
        record.full_clean()
    except ValidationError as exc:
        exc.error_dict.update({name: [error] for name, error in missing.items()})
        raise
    if missing:
        raise ValidationError(missing)
    created = record._state.adding
    record.stamp(user)
    with record.history_deferred():
        record.save()
        for name, values in m2m.items():
            getattr(record, name).set(values)
    record.write_version(created)
    return record
