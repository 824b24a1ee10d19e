"""Who knows whom: briefings on a person or organisation, key contacts known by one staff
member only, and hand-over reports."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "hefboom.network"
    verbose_name = _("Network")
