"""Evaluations: the matrix of questions (like Annex 2 of the mid-term evaluation) and the
records tagged to each question, so that the next evaluation does not start from scratch."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hefboom.core.models import TrackedModel
from hefboom.strategy.models import Programme


class Evaluation(TrackedModel):
    programme = models.ForeignKey(Programme, verbose_name=_("programme"), on_delete=models.PROTECT,
                                  null=True, blank=True, related_name="evaluations")
    title = models.CharField(_("title"), max_length=250, unique=True)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    evaluator = models.CharField(_("evaluator"), max_length=250, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["-period_end", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="evaluation_end_after_start",
                violation_error_message=_("The period cannot end before it starts."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("evaluation:matrix", args=[self.pk])

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period cannot end before it starts.")})


class EvaluationQuestion(TrackedModel):
    """An evaluation question (EV.1) or sub-question (EV.1.1), with how it will be answered."""

    evaluation = models.ForeignKey(Evaluation, verbose_name=_("evaluation"),
                                   on_delete=models.CASCADE, related_name="questions")
    parent = models.ForeignKey("self", verbose_name=_("main question"), on_delete=models.CASCADE,
                               null=True, blank=True, related_name="sub_questions")
    code = models.CharField(_("code"), max_length=20, help_text=_("E.g. EV.1 or EV.1.2."))
    text = models.TextField(_("question"))
    criteria = models.TextField(_("criteria or indicators"), blank=True)
    data_sources = models.TextField(_("data sources"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("evaluation question")
        verbose_name_plural = _("evaluation questions")
        ordering = ["evaluation", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "code"],
                                    name="evaluationquestion_unique_code",
                                    violation_error_message=_("This evaluation already has a "
                                                              "question with this code.")),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.text[:80]}"

    def clean(self):
        if self.parent_id and self.parent.evaluation_id != self.evaluation_id:
            raise ValidationError({"parent": _("The main question belongs to another evaluation.")})
        if self.parent_id and self.parent.parent_id:
            raise ValidationError({"parent": _("A sub-question cannot have sub-questions.")})


class EvaluationTag(TrackedModel):
    """A record (outcome, evidence, contribution claim, narrative...) tagged to a question."""

    question = models.ForeignKey(EvaluationQuestion, verbose_name=_("evaluation question"),
                                 on_delete=models.CASCADE, related_name="tags")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")

    class Meta:
        verbose_name = _("evaluation tag")
        verbose_name_plural = _("evaluation tags")
        ordering = ["question", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["question", "content_type", "object_id"],
                                    name="evaluationtag_unique_record",
                                    violation_error_message=_("This record is already tagged to "
                                                              "this question.")),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="evaluationtag_record")]

    def __str__(self) -> str:
        return f"{self.question.code}: {self.content_type.model} {self.object_id}"
