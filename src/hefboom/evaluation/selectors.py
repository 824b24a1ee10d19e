"""Reading the evaluation matrix: questions as rows, the records tagged to them per kind."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType

from hefboom.evaluation.models import EvaluationQuestion, EvaluationTag
from hefboom.evaluation.taggable import taggables


@dataclass
class MatrixRow:
    question: EvaluationQuestion
    records: dict[str, list] = field(default_factory=dict)
    columns: list = field(default_factory=list)

    @property
    def is_sub_question(self) -> bool:
        return self.question.parent_id is not None

    @property
    def cells(self):
        """(column, records) for every kind, in column order."""
        return [(column, self.records.get(column.kind, [])) for column in self.columns]


@dataclass
class Matrix:
    evaluation: object
    columns: list
    rows: list[MatrixRow]

    def records(self, kind: str) -> list:
        """Every record of `kind` tagged to any question, once each."""
        seen = {}
        for row in self.rows:
            for record in row.records.get(kind, []):
                seen[record.pk] = record
        return list(seen.values())


def evaluation_matrix(evaluation, user) -> Matrix:
    """The matrix as `user` may see it: tags on records they may not see are left out.

    Queries: questions, tags, and one per kind of record that has tags.
    """
    columns = taggables()
    questions = list(evaluation.questions.order_by("order", "code"))
    tags = list(EvaluationTag.objects.filter(question__evaluation=evaluation)
                .values_list("question_id", "content_type_id", "object_id"))
    ids_by_type = defaultdict(set)
    for _question, content_type_id, object_id in tags:
        ids_by_type[content_type_id].add(object_id)
    records = {}  # (content_type_id, pk) -> (kind, record)
    for column in columns:
        content_type = ContentType.objects.get_for_model(column.model)
        ids = ids_by_type.get(content_type.pk)
        if ids:
            for record in column.visible(user).filter(pk__in=ids):
                record.pack_url = column.url(record)
                records[(content_type.pk, record.pk)] = (column.kind, record)
    by_question = defaultdict(lambda: defaultdict(list))
    for question_id, content_type_id, object_id in tags:
        found = records.get((content_type_id, object_id))
        if found:
            by_question[question_id][found[0]].append(found[1])
    rows = [MatrixRow(question, dict(by_question.get(question.pk, {})), columns)
            for question in questions]
    return Matrix(evaluation, columns, rows)


def tags_context(user, record) -> dict:
    """What `evaluation/_tags.html` needs to show and edit the tags of `record`."""
    from hefboom.evaluation.taggable import taggable_for_model

    registered = taggable_for_model(type(record))
    content_type = ContentType.objects.get_for_model(record)
    tags = list(EvaluationTag.objects.filter(content_type=content_type, object_id=record.pk)
                .select_related("question__evaluation").order_by("question__evaluation", "question__order"))
    can_tag = bool(registered and user.is_authenticated and user.can_edit_records)
    questions = []
    if can_tag:
        tagged = {tag.question_id for tag in tags}
        questions = [q for q in EvaluationQuestion.objects.select_related("evaluation")
                     .order_by("evaluation", "order", "code") if q.pk not in tagged]
    return {"record": record, "kind": registered.kind if registered else "", "tags": tags,
            "questions": questions, "can_tag": can_tag}
