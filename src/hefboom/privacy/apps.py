"""Personal data under the GDPR: access (export), erasure, retention, the processing register
and the audit of confidential records."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "hefboom.privacy"
    verbose_name = _("Privacy")
