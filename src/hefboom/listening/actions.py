"""Changes people make to listening's records."""

from django.db import transaction
from django.utils import timezone

from hefboom.core.access import require_record_editor
from hefboom.listening.models import Alert


def do_set_alert_status(user, alert: Alert, status: str) -> Alert:
    """Mark an alert new, seen or dismissed, remembering who did it and when."""
    require_record_editor(user)
    with transaction.atomic():
        alert.status, alert.status_by, alert.status_at = status, user, timezone.now()
        alert.save(update_fields=["status", "status_by", "status_at"])
    return alert
