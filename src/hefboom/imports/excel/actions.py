"""The Excel import's two actions: `dry_run` (report, write nothing) and `commit` (all or nothing).

Both read the workbook into a `Plan`: one unsaved record per row, every problem found, every
person and organisation matched. `commit` plans again inside one transaction and writes only when
the plan has no errors and no uncertain match is left undecided; the CLI, the wizard and the
benchmark all go through these two functions.
"""

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction

from hefboom.core.actions import check_write
from hefboom.imports.excel import mapping as mappings
from hefboom.imports.excel.errors import ImportFailed, Problem
from hefboom.imports.excel.fields import RECORD_TYPES
from hefboom.imports.excel.models import ImportedRow
from hefboom.imports.excel.reader import Sheet, read_workbook
from hefboom.imports.excel.resolve import ActorBook, Lookups, token
from hefboom.imports.excel.rows import BUILDERS, Draft, Row, row_hash

KINDS = ("contact", "output", "outcome", "observation")
# Model field -> mapping field, to name the column of a model validation error.
MODEL_FIELDS = {"is_formal": "formal", "confidentiality": "confidential", "period_start": "period",
                "period_end": "period"}
MAX_LISTED_PLACES = 10


class ImportRefused(Exception):
    """The workbook cannot be imported as it is; `report` lists why."""

    def __init__(self, problem: Problem, report: dict):
        self.problem, self.report = problem, report
        super().__init__(problem.text())


@dataclass
class Plan:
    filename: str
    mapping: dict
    signature: str
    sheets: list[Sheet]
    user: object = None
    drafts: list[Draft] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    book: ActorBook = field(default_factory=ActorBook)
    seen: dict = field(default_factory=dict)  # row hash -> (sheet, row): duplicates in the file

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    def to_create(self) -> list[Draft]:
        return [d for d in self.drafts if d.status == "create"]

    def report(self) -> dict:
        counts = {kind: {"create": 0, "already": 0, "skip": 0} for kind in KINDS}
        for draft in self.drafts:
            counts[draft.kind][draft.status] += 1
        entries = list(self.book.entries.values())
        return {
            "file": self.filename,
            "signature": self.signature,
            "sheets": [{"name": s.name, "type": self._spec(s).get("type", "ignore"),
                        "header_row": s.header_row, "rows": len(s.rows)} for s in self.sheets],
            "counts": counts,
            "actors": {status: sum(1 for e in entries if e.status == status)
                       for status in ("matched", "new", "review", "skip")},
            "new_actors": sorted({f"{e.kind}: {e.record}" for e in entries
                                  if e.status == "new" and e.record is not None})[:200],
            # Follow-up texts of contacts to create: each becomes a follow-up record.
            "follow_ups": sum(1 for d in self.to_create() if d.follow_up),
            "problems": [p.as_dict() for p in self.problems],
            "error_count": len(self.errors),
            "reviews": [self._review(e) for e in entries if e.uncertain],
        }

    def _spec(self, sheet: Sheet) -> dict:
        return self.mapping.get("sheets", {}).get(sheet.name, {})

    def _review(self, entry) -> dict:
        return {
            "id": entry.id, "kind": entry.kind, "name": entry.name, "status": entry.status,
            "candidates": [{"token": token(record, self.book), "label": _label(record),
                            "score": round(score)} for record, score in entry.candidates],
            "places": [list(p) for p in entry.places[:MAX_LISTED_PLACES]],
            "count": len(entry.places),
            "decision": {"skip": "skip", "new": "create", "review": ""}.get(
                entry.status, token(entry.record, self.book) if entry.record else ""),
        }


def _label(record) -> str:
    roles = ""
    if record.pk and hasattr(record, "roles"):
        roles = "; ".join(f"{r.title}, {r.organisation}" for r in record.roles.all()[:2])
    return f"{record}" + (f" ({roles})" if roles else "") + ("" if record.pk else " [new]")


def plan_import(path: Path, *, filename: str = "", mapping: dict | None = None, user=None,
                decisions: dict | None = None, policy: str = "") -> Plan:
    """Read, map, match and validate the workbook; write nothing."""
    filename = filename or Path(path).name
    sheets = read_workbook(Path(path), filename)
    signature = mappings.signature(sheets)
    mapping = mapping or mappings.propose(sheets)
    mappings.apply_header_rows(mapping, sheets)
    plan = Plan(filename, mapping, signature, sheets, user)
    plan.problems = mappings.check({**mapping, "file": filename}, sheets)
    if any(p.code in ("E106", "E107", "E007") for p in plan.problems):
        return plan  # the mapping does not fit this workbook: reading rows would only add noise
    context = _Context(Lookups(), plan.book, user)
    for sheet in sheets:
        spec = mapping["sheets"].get(sheet.name, {})
        if RECORD_TYPES.get(spec.get("type"), RECORD_TYPES["ignore"]).imported:
            _plan_sheet(plan, sheet, spec, context)
    plan.book.resolve(decisions or {}, policy)
    _attach_actors(plan)
    _mark_imported(plan)
    _validate(plan)
    _refuse_locked(plan)
    return plan


@dataclass
class _Context:
    lookups: Lookups
    book: ActorBook
    user: object

    def field_label(self, name):
        for record_type in RECORD_TYPES.values():
            for f in record_type.fields:
                if f.name == name:
                    return f.label
        return name


def _plan_sheet(plan: Plan, sheet: Sheet, spec: dict, context: _Context) -> None:
    kind = spec["type"]
    positions = {header: index for index, header in enumerate(sheet.headers)}
    columns = {name: (header, positions[header]) for header, name in spec.get("columns", {}).items()
               if name and header in positions}
    seen = plan.seen
    for number, values in sheet.rows:
        cells = {name: (header, values[index] if index < len(values) else None)
                 for name, (header, index) in columns.items()}
        if all(value in (None, "") for _header, value in cells.values()):
            continue  # a row with data only in unmapped columns (totals, notes) is no record
        row = Row(sheet.name, number, cells, context)
        draft = BUILDERS[kind](row)
        draft.row_hash = row_hash(kind, row)
        draft.columns = {name: header for name, (header, _index) in columns.items()}
        if draft.row_hash in seen:
            first_sheet, first_row = seen[draft.row_hash]
            row.problems.append(Problem("E208", sheet.name, number, "", "",
                                        {"first": first_row, "first_sheet": first_sheet}))
        else:
            seen[draft.row_hash] = (sheet.name, number)
        plan.problems.extend(row.problems)
        if not any(p.is_error for p in row.problems):
            plan.drafts.append(draft)


def _attach_actors(plan: Plan) -> None:
    failed = set()
    for entry in plan.book.entries.values():
        if entry.status == "surname_only":
            for sheet, row, column in entry.places:
                plan.problems.append(Problem("E210", sheet, row, column, entry.name))
                failed.add((sheet, row))
    kept = []
    for draft in plan.drafts:
        if (draft.sheet, draft.row) in failed:
            continue
        for keys in draft.actor_links.values():
            for key in keys:
                if plan.book.entries[key].status == "skip":
                    draft.status = "skip"
        kept.append(draft)
    plan.drafts = kept


def _mark_imported(plan: Plan) -> None:
    hashes = [d.row_hash for d in plan.drafts]
    done = set()
    for start in range(0, len(hashes), 500):
        done |= set(ImportedRow.objects.filter(row_hash__in=hashes[start:start + 500])
                    .values_list("record_type", "row_hash"))
    already = {}
    for draft in plan.drafts:
        if (draft.kind, draft.row_hash) in done:
            draft.status = "already"
            already.setdefault(draft.sheet, []).append(draft.row)
    for sheet, rows in already.items():
        shown = ", ".join(str(r) for r in rows[:MAX_LISTED_PLACES]) + ("…" if len(rows) > 10 else "")
        plan.problems.append(Problem("I110", sheet, params={"count": len(rows), "rows": shown}))


def _validate(plan: Plan) -> None:
    """Every record passes the model's own rules now, not only when it is written."""
    periods = {}
    valid = []
    for draft in plan.drafts:
        if draft.status != "create":
            valid.append(draft)
            continue
        problems = []
        try:
            draft.record.full_clean()
        except ValidationError as exc:
            for model_field, messages in exc.message_dict.items():
                name = MODEL_FIELDS.get(model_field, model_field)
                header = draft.columns.get(name, "")
                label = (draft.record._meta.get_field(model_field).verbose_name
                         if model_field != NON_FIELD_ERRORS else "")
                for message in messages:
                    problems.append(Problem("E209", draft.sheet, draft.row, header, "",
                                            {"field": str(label), "detail": message}))
        if draft.kind == "observation" and not problems:
            record = draft.record
            key = (record.progress_marker_id, record.period_start, record.period_end)
            if key in periods:
                problems.append(Problem("E208", draft.sheet, draft.row, "", "",
                                        {"first": periods[key][1], "first_sheet": periods[key][0]}))
            periods.setdefault(key, (draft.sheet, draft.row))
        plan.problems.extend(problems)
        if not problems:
            valid.append(draft)
    plan.drafts = valid


def _refuse_locked(plan: Plan) -> None:
    """Rows dated in an approved (locked) year are problems: the bulk writer bypasses the
    per-record check, so the plan asks it for every row (one lookup for the whole file)."""
    from hefboom.reporting.locks import cached

    valid = []
    with cached():
        for draft in plan.drafts:
            if draft.status == "create":
                try:
                    check_write(draft.record, plan.user, m2m=draft.links)
                except ValidationError as exc:
                    column = "period" if draft.kind == "observation" else "date"
                    value = getattr(draft.record, "period_start" if column == "period" else "date")
                    plan.problems.append(Problem(
                        "E215", draft.sheet, draft.row, draft.columns.get(column, ""),
                        value.isoformat() if value else "", {"detail": " ".join(exc.messages)}))
                    continue
            valid.append(draft)
    plan.drafts = valid


def dry_run(path: Path, **options) -> dict:
    """What an import would do: counts, problems and uncertain matches. Writes nothing."""
    return plan_import(path, **options).report()


def commit(path: Path, *, user, excel_import=None, bulk: bool | None = None, **options) -> dict:
    """Import in one transaction: everything, or (on any problem) nothing."""
    from hefboom.imports.excel.writer import write

    if user is None or not user.can_edit_records:
        raise ImportFailed("E012", name=str(user))
    try:
        with transaction.atomic():
            plan = plan_import(path, user=user, **options)
            report = plan.report()
            if plan.errors:
                raise ImportRefused(Problem("E014", params={"count": len(plan.errors)}), report)
            if plan.book.pending():
                raise ImportRefused(Problem("E013", params={"count": len(plan.book.pending())}),
                                    report)
            report["created"] = write(plan, user, excel_import=excel_import, bulk=bulk)
    except IntegrityError:
        raise ImportFailed("E015") from None
    report["imported_at"] = dt.datetime.now(dt.UTC).isoformat()
    return report
