from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExcelImportConfig(AppConfig):
    name = "hefboom.imports.excel"
    label = "excel_import"
    verbose_name = _("Excel import")
