"""Writing a checked plan: through the monitoring actions, or in bulk for big workbooks.

Small imports go record by record through `hefboom.monitoring.actions` (the path every form
takes). A big workbook would then cost ~15 queries per row, so above `BULK_FROM` rows the same
records — already validated one by one with `full_clean` in the plan, and stamped here with the
importing user and their source — are inserted with `bulk_create`, their links as bulk rows of the
through tables, and one history version per record *with* its links (simple_history's
`bulk_history_create`, plus the many-to-many history rows `save_record` would have written).
`tests/test_commit.py` checks that both paths store the same records, links and history.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection

from hefboom.core.actions import save_record
from hefboom.imports.excel.models import ImportedRow
from hefboom.monitoring import actions
from hefboom.monitoring.models import Evidence, EvidenceSource, FollowUp

BULK_FROM = 200
BATCH = 500


def source_reference(filename: str, sheet: str = "", row: int | None = None) -> str:
    text = f"Excel-import {filename[:150]}"
    if sheet:
        text += f", blad {sheet[:80]}"
    if row:
        text += f", rij {row}"
    return text[:300]


def write(plan, user, *, excel_import=None, bulk: bool | None = None) -> dict:
    for record in plan.book.new_records():
        record.source_reference = source_reference(plan.filename)
        save_record(record, user)
    drafts = plan.to_create()
    for draft in drafts:
        draft.record.source_reference = source_reference(plan.filename, draft.sheet, draft.row)
        for name, keys in draft.actor_links.items():
            draft.links.setdefault(name, [])
            for key in keys:
                record = plan.book.record(key)
                if record is not None and record not in draft.links[name]:
                    draft.links[name].append(record)
    if bulk is None:
        bulk = connection.features.can_return_rows_from_bulk_insert and len(drafts) >= BULK_FROM
    evidence = []
    by_kind = {}
    for draft in drafts:
        by_kind.setdefault(draft.kind, []).append(draft)
    for group in by_kind.values():
        if bulk:
            _in_bulk(group, user)
        else:
            for draft in group:
                _one(draft, user)
        evidence += [_evidence(d, plan.filename) for d in group if d.evidence]
    follow_ups = [_follow_up(d, plan.filename, user) for d in drafts if d.follow_up]
    if bulk:
        _bulk_records(evidence, Evidence, user)
        _bulk_records(follow_ups, FollowUp, user)
    else:
        for item in evidence:
            actions.add_evidence(user, item)
        for item in follow_ups:
            # The plan checked the rows; the importing user may not see a confidential contact
            # logged for colleagues, so this skips add_follow_up's visibility check.
            save_record(item, user)
    _remember_rows(drafts, excel_import)
    created = {kind: len(group) for kind, group in by_kind.items()}
    created["evidence"] = len(evidence)
    created["follow_ups"] = len(follow_ups)
    created["persons"] = sum(1 for r in plan.book.new_records() if r._meta.model_name == "person")
    created["organisations"] = len(plan.book.new_records()) - created["persons"]
    return created


def _one(draft, user) -> None:
    record, links = draft.record, draft.links
    if draft.kind == "contact":
        actions.record_contact(user, record, our_participants=links["our_participants"],
                               dossiers=links["dossiers"], persons=links.get("persons", []),
                               organisations=links.get("organisations", []))
    elif draft.kind == "output":
        actions.record_output(user, record, dossiers=links["dossiers"])
    elif draft.kind == "outcome":
        actions.record_outcome(
            user, record, dossiers=links["dossiers"],
            social_actor_organisations=links.get("social_actor_organisations", []),
            social_actor_persons=links.get("social_actor_persons", []))
    else:
        save_record(record, user)


def _evidence(draft, filename) -> Evidence:
    text = draft.evidence
    is_link = text.startswith(("http://", "https://")) and " " not in text
    return Evidence(outcome=draft.record, source_type=EvidenceSource.OTHER,
                    url=text[:500] if is_link else "", reference="" if is_link else text[:400],
                    date=draft.record.date,
                    source_reference=source_reference(filename, draft.sheet, draft.row))


def _follow_up(draft, filename, user) -> FollowUp:
    """The row's follow-up, owned by its first staff participant who may edit records (the
    importing user when the row names none)."""
    owners = [p for p in draft.links.get("our_participants", []) if p.can_edit_records]
    return FollowUp(contact=draft.record, description=draft.follow_up,
                    owner=owners[0] if owners else user,
                    source_reference=source_reference(filename, draft.sheet, draft.row))


def _in_bulk(drafts, user) -> None:
    model = type(drafts[0].record)
    records = [d.record for d in drafts]
    history = _bulk_records(records, model, user)
    history_of = {h.id: h for h in history}  # a version carries its record's id
    for m2m_field in model.history.model._history_m2m_fields:
        through = getattr(model, m2m_field.name).through
        source, target = m2m_field.m2m_field_name(), m2m_field.m2m_reverse_field_name()
        rows = [through(**{f"{source}_id": d.record.pk, f"{target}_id": linked.pk})
                for d in drafts for linked in d.links.get(m2m_field.name, [])]
        through.objects.bulk_create(rows, batch_size=BATCH)
        history_model = model._tracked_history.m2m_models[m2m_field]
        attnames = [f.attname for f in through._meta.fields]
        history_model.objects.bulk_create(
            [history_model(history=history_of[getattr(row, f"{source}_id")],
                           **{name: getattr(row, name) for name in attnames}) for row in rows],
            batch_size=BATCH)


def _bulk_records(records, model, user) -> list:
    """Insert stamped records and one '+' history version each; the records get their pk."""
    if not records:
        return []
    for record in records:
        record.stamp(user)
    model.objects.bulk_create(records, batch_size=BATCH)
    return model.history.bulk_history_create(records, batch_size=BATCH, default_user=user)


def _remember_rows(drafts, excel_import) -> None:
    types = {}
    rows = []
    for draft in drafts:
        model = type(draft.record)
        if model not in types:
            types[model] = ContentType.objects.get_for_model(model)
        rows.append(ImportedRow(record_type=draft.kind, row_hash=draft.row_hash,
                                excel_import=excel_import, sheet=draft.sheet[:120], row=draft.row,
                                content_type=types[model], object_id=draft.record.pk))
    ImportedRow.objects.bulk_create(rows, batch_size=BATCH)
