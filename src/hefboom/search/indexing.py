"""Keeping the search index in step with the records: on every save, delete and bin move.

`save_record`, `delete_record` and `restore_record` all end in a model save, so the post_save
signal sees every change (a record moved to the bin is saved with `deleted_at` set and leaves
the index; restored, it comes back). Raw saves (fixtures) are skipped: run `hefboom reindex`.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from hefboom.search import registry
from hefboom.search.engines import clean_text, get_engine
from hefboom.search.models import SearchEntry

MAX_BODY = 100_000  # characters; PostgreSQL refuses tsvectors over 1 MB


def _registration(record):
    return registry.registration_for(type(record)._meta.concrete_model)


def _entry_values(registration, record) -> dict:
    contact = registration.confidential_contact(record)
    return {
        "kind": registration.kind,
        "title": clean_text(str(registration.title(record) or ""))[:300],
        "body": clean_text(registration.body(record))[:MAX_BODY],
        "url": registration.url(record)[:300],
        "language": registration.language(record) or "",
        "date": registration.date(record),
        "confidential_contact_id": contact,
    }


def index_record(record) -> None:
    """Add, refresh or remove `record`'s row (and its dependents' rows)."""
    registration = _registration(record)
    if registration is None:
        return
    content_type = ContentType.objects.get_for_model(record, for_concrete_model=True)
    if registration.alive(record):
        entry, _created = SearchEntry.objects.update_or_create(
            content_type=content_type, object_id=record.pk,
            defaults=_entry_values(registration, record))
        get_engine().index([entry.pk])
    else:
        SearchEntry.objects.filter(content_type=content_type, object_id=record.pk).delete()
    for name in registration.dependents:
        for dependent in getattr(record, name).all():
            index_record(dependent)


def remove_record(record) -> None:
    content_type = ContentType.objects.get_for_model(record, for_concrete_model=True)
    SearchEntry.objects.filter(content_type=content_type, object_id=record.pk).delete()


def _on_save(sender, instance, raw=False, **kwargs):
    if not raw:
        index_record(instance)


def _on_delete(sender, instance, **kwargs):
    remove_record(instance)


def connect(model) -> None:
    uid = f"hefboom-search-{model._meta.label_lower}"
    post_save.connect(_on_save, sender=model, dispatch_uid=uid)
    post_delete.connect(_on_delete, sender=model, dispatch_uid=uid)


@transaction.atomic
def rebuild(progress=None) -> dict[str, int]:
    """Empty the index and index every alive record again; returns rows per kind."""
    SearchEntry.objects.all().delete()
    counts = {}
    for registration in registry.registrations():
        content_type = ContentType.objects.get_for_model(registration.model)
        batch, count = [], 0
        for record in registration.records().iterator(chunk_size=1000):
            if not registration.alive(record):
                continue
            batch.append(SearchEntry(content_type=content_type, object_id=record.pk,
                                     **_entry_values(registration, record)))
            if len(batch) >= 1000:
                SearchEntry.objects.bulk_create(batch)
                count += len(batch)
                batch = []
                if progress:
                    progress(registration.kind, count)
        SearchEntry.objects.bulk_create(batch)
        count += len(batch)
        counts[registration.kind] = count
        if progress:
            progress(registration.kind, count)
    get_engine().rebuild()
    return counts
