"""Backup: `hefboom backup` and `hefboom restore` — the database, uploaded files and the corpus
store in one verified folder (docs/backup.md)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackupConfig(AppConfig):
    name = "hefboom.backup"
    verbose_name = _("Backup")
