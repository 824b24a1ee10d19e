"""The integrated approach made visible: which services and which member organisations
contributed to which outcomes, and how each member organisation takes part."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SynergyConfig(AppConfig):
    name = "hefboom.synergy"
    verbose_name = _("Synergy")
