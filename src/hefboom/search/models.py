"""The search index: one row per searchable record, kept up to date by `search.indexing`.

The text columns are the same on every database; what makes them searchable differs per vendor
(`search.engines`): on PostgreSQL the stored `search_vector` (Dutch, French and accent-folded
simple configurations) with a GIN index, on SQLite an FTS5 table (`search_fts`) that triggers
keep in step with this table. Both are created by migration 0001; `hefboom reindex` rebuilds them.
"""

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from hefboom.monitoring.models import Contact


class SearchEntry(models.Model):
    kind = models.CharField(_("kind"), max_length=40)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(max_length=300)
    language = models.CharField(_("language"), max_length=8, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    # Set when the row shows a confidential contact: only those who may see that contact find it.
    confidential_contact = models.ForeignKey(
        Contact, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    # PostgreSQL only (stays empty on SQLite, where the FTS5 table does this job).
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"],
                                    name="searchentry_unique_record"),
        ]
        indexes = [models.Index(fields=["kind"], name="searchentry_kind")]

    def __str__(self) -> str:
        return f"{self.kind}: {self.title}"
