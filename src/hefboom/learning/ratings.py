"""The words a journal uses for a progress-marker rating (Outcome Mapping's "not yet" for none)."""

from django.utils.translation import gettext_lazy as _

from hefboom.monitoring.models import Rating

RATING_CHOICES = [
    (Rating.NONE, _("not yet")),
    (Rating.LOW, _("low")),
    (Rating.MEDIUM, _("medium")),
    (Rating.HIGH, _("high")),
]
RATING_LABELS = dict(RATING_CHOICES)


def rating_label(value) -> str:
    return str(RATING_LABELS.get(value, value or ""))
