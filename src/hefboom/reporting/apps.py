"""Funder reporting: indicators per year, the yearly workbook and narrative report, approval and
period locks, IATI 2.03."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "hefboom.reporting"
    verbose_name = _("Reporting")

    def ready(self):
        from hefboom.core.actions import register_write_check
        from hefboom.reporting.locks import check_unlocked

        # An approved year is locked: every write through core.actions asks first.
        register_write_check(check_unlocked)
