"""Evaluation pages: the matrix, tagging records to questions, the evidence pack and the
completeness signals."""

import tempfile

from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from hefboom.core.access import require_record_editor
from hefboom.evaluation import actions, completeness
from hefboom.evaluation.access import (
    get_evaluation_for_user,
    get_tag_for_user,
    get_taggable_record_for_user,
)
from hefboom.evaluation.forms import TagForm
from hefboom.evaluation.models import Evaluation
from hefboom.evaluation.pack import build_evidence_pack
from hefboom.evaluation.selectors import evaluation_matrix, tags_context
from hefboom.evaluation.taggable import taggable_for_model

LIST_LIMIT = 100


def evaluation_list(request):
    evaluations = Evaluation.objects.select_related("programme")
    return render(request, "evaluation/evaluation_list.html", {"evaluations": evaluations})


def matrix(request, pk):
    evaluation = get_evaluation_for_user(request.user, pk)
    return render(request, "evaluation/matrix.html", {
        "evaluation": evaluation, "matrix": evaluation_matrix(evaluation, request.user)})


def evidence_pack(request, pk):
    """The ZIP for an external evaluator, with only what the requesting user may see."""
    evaluation = get_evaluation_for_user(request.user, pk)
    spool = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it when sent)
    build_evidence_pack(evaluation, request.user, spool)
    spool.seek(0)
    name = f"evidence-pack-{slugify(evaluation.title)[:60] or evaluation.pk}.zip"
    return FileResponse(spool, as_attachment=True, filename=name, content_type="application/zip")


def _tags_response(request, record, error=None):
    if request.htmx:
        context = tags_context(request.user, record) | {"error": error}
        return render(request, "evaluation/_tags.html", context)
    return redirect(taggable_for_model(type(record)).url(record))


@require_POST
def tag(request, kind, pk):
    require_record_editor(request.user)
    record = get_taggable_record_for_user(request.user, kind, pk)
    form = TagForm(request.POST)
    error = None
    if form.is_valid():
        try:
            actions.tag_record(request.user, form.cleaned_data["question"], record)
        except ValidationError as exc:
            error = " ".join(exc.messages)
    else:
        error = " ".join(form.errors.get("question", []))
    return _tags_response(request, record, error)


@require_POST
def untag(request, pk):
    require_record_editor(request.user)
    tag = get_tag_for_user(request.user, pk)
    record = tag.record
    actions.untag_record(request.user, tag)
    return _tags_response(request, record)


def completeness_view(request):
    lists = {
        "outcomes_without_evidence": completeness.outcomes_without_evidence(),
        "outcomes_without_contribution": completeness.outcomes_without_contribution(),
        "unsubstantiated_outcomes": completeness.unsubstantiated_outcomes(),
        "markers_never_observed": completeness.markers_never_observed(),
        "dossiers_without_narrative": completeness.dossiers_without_narrative(),
    }
    return render(request, "evaluation/completeness.html", {
        "counts": completeness.completeness_counts(),
        "period": completeness.last_period(),
        "limit": LIST_LIMIT,
        **{name: None if qs is None else qs[:LIST_LIMIT] for name, qs in lists.items()},
    })
