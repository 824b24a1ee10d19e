"""What the Excel import remembers: uploads between wizard steps, saved mappings, imported rows."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExcelMapping(models.Model):
    """A mapping saved under a name, found again for the next workbook with the same layout."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    signature = models.CharField(
        _("layout signature"), max_length=64, db_index=True,
        help_text=_("Computed from the sheet names and headers; the same layout, the same mapping."),
    )
    mapping = models.JSONField(_("mapping"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"),
                                   on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("Excel mapping")
        verbose_name_plural = _("Excel mappings")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ImportStatus(models.TextChoices):
    UPLOADED = "uploaded", _("Uploaded")
    CHECKED = "checked", _("Checked")
    IMPORTED = "imported", _("Imported")
    FAILED = "failed", _("Failed")


class ExcelImport(models.Model):
    """One workbook going through the wizard (or the CLI): its file, mapping and reports."""

    status = models.CharField(_("status"), max_length=20, choices=ImportStatus.choices,
                              default=ImportStatus.UPLOADED)
    file = models.FileField(_("file"), upload_to="imports/%Y/", blank=True)
    filename = models.CharField(_("file name"), max_length=255)
    signature = models.CharField(_("layout signature"), max_length=64, blank=True)
    mapping = models.JSONField(_("mapping"), default=dict, blank=True)
    decisions = models.JSONField(_("review decisions"), default=dict, blank=True)
    report = models.JSONField(_("report"), default=dict, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"),
                                   on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)

    class Meta:
        verbose_name = _("Excel import")
        verbose_name_plural = _("Excel imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_status_display()})"


class ImportedRow(models.Model):
    """A workbook row that became a record; the hash makes importing the same row twice a no-op."""

    record_type = models.CharField(_("record type"), max_length=20)
    row_hash = models.CharField(_("row hash"), max_length=64)
    excel_import = models.ForeignKey(ExcelImport, verbose_name=_("import"),
                                     on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="rows")
    sheet = models.CharField(_("sheet"), max_length=120)
    row = models.PositiveIntegerField(_("row"))
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(_("imported at"), auto_now_add=True)

    class Meta:
        verbose_name = _("imported row")
        verbose_name_plural = _("imported rows")
        constraints = [
            models.UniqueConstraint(fields=["record_type", "row_hash"], name="importedrow_unique_hash")
        ]

    def __str__(self) -> str:
        return f"{self.sheet}!{self.row} → {self.record_type} {self.object_id}"
