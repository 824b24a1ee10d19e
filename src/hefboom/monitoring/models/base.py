"""Rules shared by dated monitoring records."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def validate_not_in_future(value):
    if value and value > timezone.localdate():
        raise ValidationError(
            _("%(date)s is in the future; record things once they have happened."),
            params={"date": value.isoformat()},
            code="future_date",
        )
