from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "hefboom.monitoring"
    label = "monitoring"
    verbose_name = _("Monitoring")

    def ready(self):
        from django.core import checks

        from hefboom.monitoring.confidence import check_rubric_setting

        checks.register(check_rubric_setting)
