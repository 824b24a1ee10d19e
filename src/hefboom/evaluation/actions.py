"""Writes of the evaluation app: tagging records to questions, and the Annex 2 matrix."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied

from hefboom.core.access import require_record_editor
from hefboom.core.actions import save_record
from hefboom.evaluation.models import EvaluationTag


def tag_record(user, question, record) -> EvaluationTag:
    """Tag `record` to `question`; tagging it twice is refused with a message on the question."""
    require_record_editor(user)
    tag = EvaluationTag(question=question, object_id=record.pk,
                        content_type=ContentType.objects.get_for_model(record))
    return save_record(tag, user)


def untag_record(user, tag: EvaluationTag) -> None:
    """Remove a tag (a link, not a record: it is deleted, its history stays)."""
    if not user.can_edit_records:
        raise PermissionDenied("Your role may read but not change records.")
    tag._history_user = user
    tag.delete()
