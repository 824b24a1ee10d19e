from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CalendarImportConfig(AppConfig):
    name = "hefboom.imports.calendar"
    label = "calendar_import"
    verbose_name = _("Calendar import")
