from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "hefboom.monitoring"
    label = "monitoring"
    verbose_name = _("Monitoring")

    def ready(self):
        from django.core import checks

        from hefboom.core.actions import register_write_check
        from hefboom.monitoring.confidence import check_rubric_setting
        from hefboom.monitoring.partners import check_partners

        checks.register(check_rubric_setting)
        register_write_check(check_partners)
