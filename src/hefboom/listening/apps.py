"""Listening: an own corpus of media, social media and parliamentary texts, analysed over years."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ListeningConfig(AppConfig):
    name = "hefboom.listening"
    verbose_name = _("Listening")
