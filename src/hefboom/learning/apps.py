"""Progress-marker journals and narratives: how change came about, in words."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "hefboom.learning"
    verbose_name = _("Learning")
