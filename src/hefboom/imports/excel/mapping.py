"""Which sheet holds what and which column is which field: proposed from the headers, editable.

A mapping is plain JSON, so that it can be saved (`ExcelMapping`), edited in the wizard and
passed to the CLI as a file::

    {"sheets": {"Contacten": {"type": "contact", "header_row": 3,
                              "columns": {"Datum": "date", "Wie van ons": "our_participants"}}}}
"""

import contextlib
import hashlib
import json
from pathlib import Path

from rapidfuzz import fuzz

from hefboom.actors.matching import normalise
from hefboom.imports.excel.errors import ImportFailed, Problem
from hefboom.imports.excel.fields import RECORD_TYPES
from hefboom.imports.excel.reader import Sheet

MATCH = 85.0  # a header this close to a synonym is proposed for that field
SHEET_NAME_BONUS = 3


def header_score(header: str, synonyms) -> float:
    text = normalise(header)
    if not text:
        return 0.0
    best = 0.0
    for synonym in synonyms:
        syn = normalise(synonym)
        if text == syn:
            return 100.0
        best = max(best, fuzz.ratio(text, syn), fuzz.token_sort_ratio(text, syn))
        # "Datum contact", "Naam contactpersoon": a known word plus a qualifier.
        if len(syn) > 3 and (text.startswith(syn + " ") or text.endswith(" " + syn)):
            best = max(best, 88.0)
    return best


def propose_columns(headers: list[str], record_type: str) -> dict[str, str]:
    """Each field to the column whose header is most like one of its synonyms (at most one)."""
    fields = RECORD_TYPES[record_type].fields
    scored = sorted(
        ((header_score(header, f.synonyms), index, header, f.name)
         for index, header in enumerate(headers) for f in fields),
        key=lambda s: (-s[0], s[1]),
    )
    columns, taken = {}, set()
    for score, _index, header, name in scored:
        if score < MATCH:
            break
        if header not in columns and name not in taken:
            columns[header] = name
            taken.add(name)
    return columns


def propose_sheet(sheet: Sheet) -> dict:
    best_type, best_score, best_columns = "ignore", 0, {}
    name = normalise(sheet.name)
    for record_type in RECORD_TYPES.values():
        if not record_type.fields:
            continue
        columns = propose_columns(sheet.headers, record_type.name)
        score = len(columns)
        if any(name == normalise(w) or normalise(w) in name.split() or
               (len(w) > 4 and normalise(w) in name) for w in record_type.sheet_words):
            score += SHEET_NAME_BONUS
        if score > best_score:
            best_type, best_score, best_columns = record_type.name, score, columns
    if best_score < 2:  # one lucky header is not enough to say what a sheet holds
        return {"type": "ignore", "header_row": sheet.header_row, "columns": {},
                "unrecognised": not sheet.is_empty}
    return {"type": best_type, "header_row": sheet.header_row, "columns": best_columns}


def signature(sheets: list[Sheet]) -> str:
    """The same layout (sheet names and headers) gives the same signature, whatever the data."""
    layout = sorted((normalise(s.name), [normalise(h) for h in s.headers]) for s in sheets)
    return hashlib.sha256(json.dumps(layout).encode()).hexdigest()[:32]


def propose(sheets: list[Sheet]) -> dict:
    """A saved mapping for this layout if there is one, else a fresh proposal."""
    from hefboom.imports.excel.models import ExcelMapping

    saved = ExcelMapping.objects.filter(signature=signature(sheets)).order_by("-updated_at").first()
    if saved is not None and not [p for p in check(saved.mapping, sheets) if p.code in
                                  ("E106", "E107")]:
        return {**saved.mapping, "saved_as": saved.name}
    return {"sheets": {sheet.name: propose_sheet(sheet) for sheet in sheets}}


def load(reference: str) -> dict:
    """A saved mapping by name, or a JSON file."""
    from hefboom.imports.excel.models import ExcelMapping

    saved = ExcelMapping.objects.filter(name=reference).first()
    if saved is not None:
        return saved.mapping
    path = Path(reference)
    if not path.is_file():
        known = ", ".join(ExcelMapping.objects.values_list("name", flat=True)) or "-"
        raise ImportFailed("E008", name=reference, known=known)
    try:
        mapping = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, OSError) as exc:
        raise ImportFailed("E009", name=reference, detail=str(exc)) from None
    if not isinstance(mapping, dict) or not isinstance(mapping.get("sheets"), dict):
        raise ImportFailed("E009", name=reference, detail='it has no "sheets" object')
    for sheet, spec in mapping["sheets"].items():
        record_type = RECORD_TYPES.get(spec.get("type")) if isinstance(spec, dict) else None
        if record_type is None:
            raise ImportFailed("E009", name=reference, detail=f"sheet '{sheet}' needs a \"type\": "
                               + ", ".join(RECORD_TYPES))
        fields = {f.name for f in record_type.fields} | {""}
        columns = spec.setdefault("columns", {})
        wrong = [f for f in columns.values() if f not in fields] if isinstance(columns, dict) else [columns]
        if wrong and record_type.imported:
            raise ImportFailed("E009", name=reference, detail=f"sheet '{sheet}': {wrong[0]!r} is no "
                               f"field of {record_type.name} ({', '.join(sorted(fields - {''}))})")
    return mapping


def apply_header_rows(mapping: dict, sheets: list[Sheet]) -> None:
    """Use the header rows the mapping names (the user may have corrected the detection)."""
    from hefboom.imports.excel.reader import set_header_row

    for sheet in sheets:
        wanted = mapping["sheets"].get(sheet.name, {}).get("header_row")
        if wanted and wanted != sheet.header_row:
            with contextlib.suppress(ValueError, TypeError):  # check() reports missing columns
                set_header_row(sheet, int(wanted))


def check(mapping: dict, sheets: list[Sheet]) -> list[Problem]:
    """Problems of the mapping itself, per sheet, before any row is read."""
    problems = []
    by_name = {s.name: s for s in sheets}
    for name in mapping.get("sheets", {}):
        if name not in by_name:
            problems.append(Problem("E107", sheet=name, params={"sheet": name}))
    for sheet in sheets:
        spec = mapping.get("sheets", {}).get(sheet.name) or {"type": "ignore", "unrecognised": True}
        record_type = RECORD_TYPES.get(spec.get("type"), RECORD_TYPES["ignore"])
        columns = spec.get("columns", {})
        if sheet.is_empty:
            problems.append(Problem("W101", sheet=sheet.name))
            continue
        if record_type.name == "indicator":
            problems.append(Problem("I105", sheet=sheet.name))
            continue
        if not record_type.imported:
            if record_type.name == "ignore" and spec.get("unrecognised"):
                problems.append(Problem("W108", sheet=sheet.name))
            continue
        if not sheet.header_row:
            problems.append(Problem("E102", sheet=sheet.name, params={"rows": 20}))
            continue
        for header in columns:
            if header not in sheet.headers:
                problems.append(Problem("E106", sheet=sheet.name, params={"header": header}))
        mapped = set(columns.values())
        for f in record_type.fields:
            if f.name in mapped:
                continue
            if f.required:
                problems.append(Problem("E104", sheet=sheet.name, params={
                    "field": str(f.label), "kind": str(record_type.label)}))
            elif f.default:
                problems.append(Problem("W109", sheet=sheet.name, params={
                    "field": str(f.label), "default": f.default}))
        unused = [h for h in sheet.headers if h not in columns and not h.startswith("(")]
        if unused:
            problems.append(Problem("W103", sheet=sheet.name, params={"headers": ", ".join(unused)}))
    if not any(RECORD_TYPES.get(s.get("type"), RECORD_TYPES["ignore"]).imported
               for s in mapping.get("sheets", {}).values()):
        problems.append(Problem("E007", params={"file": mapping.get("file", "")}))
    return problems
