"""Full-text search across records and narratives, respecting confidentiality."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "hefboom.search"
    verbose_name = _("Search")

    def ready(self):
        from hefboom.search.registrations import register_core_records

        register_core_records()
