"""What every Hefboom record shares: who created and changed it, when, and its change history."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class TrackedModel(models.Model):
    """A record with an audit trail: creator, last editor, timestamps and a full history."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    source_reference = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("Where this information comes from, e.g. a document and its section."),
    )

    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True

    def stamp(self, user) -> None:
        """Record `user` as the editor (and creator, for a new record) before saving."""
        if user is not None and not user.is_authenticated:
            user = None
        if self._state.adding and self.created_by_id is None:
            self.created_by = user
        self.updated_by = user
        self._history_user = user
