"""Funder reporting: indicators per year, the yearly workbook and narrative report, approval and
period locks, IATI 2.03."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "hefboom.reporting"
    verbose_name = _("Reporting")

    def ready(self):
        from django.db.models.signals import pre_delete

        from hefboom.core.actions import register_write_check
        from hefboom.reporting.locks import check_unlocked, hard_deleted_models, refuse_locked_delete

        # An approved year is locked: every write through core.actions asks first, and so does
        # every real deletion (unlinking a contribution, removing assessed evidence, cascades).
        register_write_check(check_unlocked)
        for model in hard_deleted_models():
            pre_delete.connect(refuse_locked_delete, sender=model,
                               dispatch_uid=f"period_lock_{model._meta.label_lower}")
