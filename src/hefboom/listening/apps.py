from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ListeningConfig(AppConfig):
    name = "hefboom.listening"
    verbose_name = _("Listening")

    def ready(self):
        from hefboom.listening import checks  # noqa: F401 (registers the system checks)
