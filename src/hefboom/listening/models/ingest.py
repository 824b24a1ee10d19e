"""One run of `hefboom ingest` (or `hefboom analyse`): what it read, what it added, how it ended."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IngestRun(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")
        INTERRUPTED = "interrupted", _("interrupted")

    source = models.CharField(_("source"), max_length=40)
    inputs = models.JSONField(_("inputs"), default=list, help_text=_("The paths or URLs given."))
    started = models.DateTimeField(_("started"), auto_now_add=True)
    finished = models.DateTimeField(_("finished"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.RUNNING)
    read = models.PositiveIntegerField(_("items read"), default=0)
    new = models.PositiveIntegerField(_("new items"), default=0)
    duplicates = models.PositiveIntegerField(_("exact duplicates"), default=0)
    near_duplicates = models.PositiveIntegerField(_("near-duplicates"), default=0)
    steps = models.JSONField(_("step reports"), default=list, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["-started"]
        verbose_name = _("ingest run")
        verbose_name_plural = _("ingest runs")

    def __str__(self):
        return f"{self.source} #{self.pk} ({self.get_status_display()})"
