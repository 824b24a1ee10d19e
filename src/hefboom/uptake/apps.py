"""Uptake: where the organisation's own texts were taken up in policy documents and debates."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UptakeConfig(AppConfig):
    name = "hefboom.uptake"
    verbose_name = _("Uptake")
