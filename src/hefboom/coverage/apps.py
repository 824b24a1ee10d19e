"""Coverage: whom the organisation reaches, by party, political level and institution type,
over time; and the gaps."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoverageConfig(AppConfig):
    name = "hefboom.coverage"
    verbose_name = _("Coverage")

    def ready(self):
        from hefboom.coverage import reach

        reach.connect()
