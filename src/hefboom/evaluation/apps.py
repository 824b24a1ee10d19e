"""Support for evaluations: completeness signals, the evaluation matrix and evidence packs."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "hefboom.evaluation"
    verbose_name = _("Evaluation")

    def ready(self):
        from hefboom.evaluation.taggable import register_core_taggables

        register_core_taggables()
