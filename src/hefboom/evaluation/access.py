"""Permission-checked fetching for the evaluation views (never a bare pk from user input)."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from hefboom.evaluation.models import Evaluation, EvaluationTag
from hefboom.evaluation.taggable import taggable, taggable_for_model


def get_evaluation_for_user(user, pk) -> Evaluation:
    return get_object_or_404(Evaluation.objects.select_related("programme"), pk=pk)


def get_taggable_record_for_user(user, kind, pk):
    """A taggable record `user` may see, or 404 (unknown kind, in the bin, confidential...)."""
    registered = taggable(kind)
    if registered is None:
        raise Http404
    return get_object_or_404(registered.visible(user), pk=pk)


def get_tag_for_user(user, pk) -> EvaluationTag:
    """A tag whose record `user` may see, or 404."""
    tag = get_object_or_404(EvaluationTag.objects.select_related("content_type", "question"), pk=pk)
    registered = taggable_for_model(tag.content_type.model_class())
    if registered is None or not registered.visible(user).filter(pk=tag.object_id).exists():
        raise Http404
    return tag
