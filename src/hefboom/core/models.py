"""What every Hefboom record shares: who created and changed it, when, and its change history."""

from contextlib import contextmanager

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class TrackedHistory(HistoricalRecords):
    """Change history that `save_record` writes once per save, after the links are set.

    simple_history would otherwise write one row on save (before the many-to-many links exist)
    and one more per changed link; a user's single edit should be a single version.
    """

    def finalize(self, sender, **kwargs):
        super().finalize(sender, **kwargs)
        if issubclass(sender, self.cls) and not sender._meta.abstract:
            sender._tracked_history = self


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
    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        editable=False,
        help_text=_("Goes up by one with every save; an edit based on an older version is refused."),
    )
    source_reference = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("Where this information comes from, e.g. a document and its section."),
    )

    history = TrackedHistory(inherit=True)
    # Subclasses name the many-to-many links whose state each version keeps.
    _history_m2m_fields: tuple[str, ...] = ()

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

    @contextmanager
    def history_deferred(self):
        """Save and link inside this block; then call `write_version` once."""
        self.skip_history_when_saving = True
        try:
            yield
        finally:
            del self.skip_history_when_saving

    def write_version(self, created: bool) -> None:
        type(self)._tracked_history.create_historical_record(self, "+" if created else "~")


class SoftDeleteQuerySet(models.QuerySet):
    def alive(self):
        return self.filter(deleted_at__isnull=True)

    def deleted(self):
        return self.filter(deleted_at__isnull=False)


class AliveManager(models.Manager.from_queryset(SoftDeleteQuerySet)):
    """The default manager: deleted records are invisible unless asked for via `all_objects`."""

    def get_queryset(self):
        return super().get_queryset().alive()


class SoftDeletable(models.Model):
    """A record that is never really deleted: it goes to the bin, from which M&E can restore it."""

    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True, editable=False)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deleted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    objects = AliveManager()
    all_objects = SoftDeleteQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None
