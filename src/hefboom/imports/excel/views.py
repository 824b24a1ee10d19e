"""The import wizard: upload → mapping → dry-run report and review → import → result.

Views parse input, check permission, call one action and render; the uploaded workbook is kept
under MEDIA_ROOT/imports/ and referenced by an `ExcelImport` row between steps.
"""

import contextlib
from pathlib import Path

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from hefboom.core.access import require_record_editor
from hefboom.imports.excel import actions
from hefboom.imports.excel import mapping as mappings
from hefboom.imports.excel.errors import ImportFailed, Problem
from hefboom.imports.excel.fields import RECORD_TYPES
from hefboom.imports.excel.forms import MappingForm, ReviewForm, UploadForm
from hefboom.imports.excel.models import ExcelImport, ExcelMapping, ImportStatus
from hefboom.imports.excel.reader import read_workbook

MAX_SHOWN_PROBLEMS = 500


def get_import_for_user(user, pk) -> ExcelImport:
    """An import of `user` (administrators see all); 404 for anyone else's."""
    require_record_editor(user)
    imports = ExcelImport.objects.all()
    if not user.is_administrator:
        imports = imports.filter(created_by=user)
    return get_object_or_404(imports, pk=pk)


def upload(request):
    require_record_editor(request.user)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        record = ExcelImport(filename=form.cleaned_data["file"].name[:255], created_by=request.user,
                             file=form.cleaned_data["file"])
        record.save()
        try:
            sheets = read_workbook(Path(record.file.path), record.filename)
        except ImportFailed as failed:
            record.file.delete(save=False)
            record.delete()
            form.add_error("file", f"{failed.problem.message} {failed.problem.fix}")
        else:
            saved = form.cleaned_data["saved_mapping"]
            record.mapping = saved.mapping if saved else mappings.propose(sheets)
            record.signature = mappings.signature(sheets)
            record.save()
            return redirect("excel_import:mapping", record.pk)
    recent = ExcelImport.objects.filter(created_by=request.user)[:10]
    return render(request, "excel_import/upload.html", {"form": form, "recent": recent})


def mapping(request, pk):
    record = get_import_for_user(request.user, pk)
    if record.status == ImportStatus.IMPORTED:
        return redirect("excel_import:result", record.pk)
    sheets = _sheets(record)
    mappings.apply_header_rows(record.mapping, sheets)
    form = MappingForm(sheets, record.mapping, request.POST or None)
    if request.method == "POST":
        if changed := form.changed_layout():
            _propose_again(record, sheets, form, changed)
            messages.info(request, _("The columns were proposed again for the sheets you changed; "
                                     "check them and continue."))
            return redirect("excel_import:mapping", record.pk)
        if form.is_valid():
            record.mapping = form.to_mapping()
            record.decisions, record.status = {}, ImportStatus.UPLOADED
            record.save()
            if name := form.cleaned_data["save_as"]:
                ExcelMapping.objects.update_or_create(name=name, defaults={
                    "signature": mappings.signature(sheets), "mapping": record.mapping,
                    "created_by": request.user})
            return redirect("excel_import:check", record.pk)
    problems = mappings.check(record.mapping, sheets)
    return render(request, "excel_import/mapping.html", {
        "record": record, "form": form, "problems": problems,
        "saved_as": record.mapping.get("saved_as"),
    })


def _propose_again(record, sheets, form, changed):
    from hefboom.imports.excel.reader import set_header_row

    for i in changed:
        sheet = sheets[i]
        kind = form.data.get(f"s{i}-type") or "ignore"
        if kind not in RECORD_TYPES:
            kind = "ignore"
        row = form.data.get(f"s{i}-header_row")
        if row and str(row).isdigit():
            with contextlib.suppress(ValueError):  # a row that does not exist: keep the old one
                set_header_row(sheet, int(row))
        columns = mappings.propose_columns(sheet.headers, kind) if RECORD_TYPES[kind].fields else {}
        record.mapping["sheets"][sheet.name] = {"type": kind, "header_row": sheet.header_row,
                                                "columns": columns}
    record.save()


def check(request, pk):
    record = get_import_for_user(request.user, pk)
    if record.status == ImportStatus.IMPORTED:
        return redirect("excel_import:result", record.pk)
    path = Path(record.file.path)
    options = {"filename": record.filename, "mapping": record.mapping, "user": request.user}
    refused = None
    if request.method == "POST":
        review = ReviewForm(record.report.get("reviews", []), request.POST)
        if review.is_valid():
            record.decisions = review.decisions()
            record.save()
            if "commit" in request.POST:
                try:
                    report = actions.commit(path, excel_import=record,
                                            decisions=record.decisions, **options)
                except actions.ImportRefused as exc:
                    refused, record.report = exc.problem, exc.report
                except ImportFailed as failed:
                    refused = failed.problem
                else:
                    record.report, record.status = report, ImportStatus.IMPORTED
                    record.imported_at = timezone.now()
                    record.save()
                    return redirect("excel_import:result", record.pk)
            else:
                return redirect("excel_import:check", record.pk)
    if refused is None:
        try:
            record.report = actions.dry_run(path, decisions=record.decisions, **options)
        except ImportFailed as failed:
            refused, record.report = failed.problem, {}
        record.status = ImportStatus.CHECKED
    record.save()
    report = record.report
    problems = [Problem.from_dict(p) for p in report.get("problems", [])]
    return render(request, "excel_import/check.html", {
        "record": record, "report": report, "refused": refused,
        "problems": problems[:MAX_SHOWN_PROBLEMS], "hidden": max(0, len(problems) - MAX_SHOWN_PROBLEMS),
        "review": ReviewForm(report.get("reviews", [])),
        "counts": _counts(report), "pending": [r for r in report.get("reviews", []) if not r["decision"]],
    })


def result(request, pk):
    record = get_import_for_user(request.user, pk)
    if record.status != ImportStatus.IMPORTED:
        return redirect("excel_import:check", record.pk)
    return render(request, "excel_import/result.html", {
        "record": record, "report": record.report, "counts": _counts(record.report),
        "created": record.report.get("created", {}),
    })


def _sheets(record):
    try:
        return read_workbook(Path(record.file.path), record.filename)
    except (ImportFailed, FileNotFoundError, ValueError):
        return []


def _counts(report) -> list[dict]:
    labels = {name: RECORD_TYPES[name].label for name in actions.KINDS}
    return [{"kind": labels[kind], **counts} for kind, counts in report.get("counts", {}).items()]
