"""Full-text search across records and narratives, respecting confidentiality."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "hefboom.search"
    verbose_name = _("Search")
