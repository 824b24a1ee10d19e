"""The policy corpus and the reuse found between our outputs and it.

A policy document is imported once (text extracted, language detected) and then waits for a scan
(`pending`); a document that cannot be analysed says why (`not_analysed` + reason). A scan writes
`ReuseMatch` rows: one per pair of our passage and their passage, found again on a later scan
rather than duplicated. A match attached to an outcome as evidence keeps a copy of its alignment
on the link (`MatchEvidence`), so a later rescan cannot change what the evidence showed.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hefboom.actors.models import PoliticalLevel


class PolicyKind(models.TextChoices):
    COALITION_AGREEMENT = "coalition_agreement", _("Coalition agreement")
    POLICY_NOTE = "policy_note", _("Policy note")
    MINISTERIAL_DECISION = "ministerial_decision", _("Ministerial decision")
    PARLIAMENTARY_QUESTION = "parliamentary_question", _("Parliamentary question")
    RESOLUTION = "resolution", _("Resolution")
    DEBATE = "debate", _("Debate")
    OTHER = "other", _("Other")


class DocumentStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the next scan")
    ANALYSED = "analysed", _("Analysed")
    NOT_ANALYSED = "not_analysed", _("Not analysed")


class PolicyDocument(models.Model):
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=30, choices=PolicyKind.choices,
                            default=PolicyKind.OTHER)
    institution = models.CharField(
        _("institution or author"), max_length=200, blank=True,
        help_text=_("E.g. Interministerial Conference, Federal Government, a member of parliament."))
    level = models.CharField(_("political level"), max_length=20, choices=PoliticalLevel.choices,
                             blank=True)
    date = models.DateField(
        _("date"), null=True, blank=True,
        help_text=_("Without a date Hefboom cannot tell whether the document came after our text."))
    language = models.CharField(_("language"), max_length=5, blank=True)
    text = models.TextField(_("text"), blank=True)
    file = models.FileField(_("file"), upload_to="policy/%Y/", blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)
    pages = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=DocumentStatus.choices,
                              default=DocumentStatus.PENDING)
    status_reason = models.CharField(_("why not analysed"), max_length=400, blank=True)
    scanned_at = models.DateTimeField(_("last scanned"), null=True, blank=True)
    source_reference = models.CharField(_("source"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"),
                                   on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")

    class Meta:
        verbose_name = _("policy document")
        verbose_name_plural = _("policy documents")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("uptake:document", args=[self.pk])

    @property
    def passage_prefix(self) -> str:
        return f"doc:{self.pk}"


class ScanRun(models.Model):
    started = models.DateTimeField(_("started"), auto_now_add=True)
    finished = models.DateTimeField(_("finished"), null=True, blank=True)
    full = models.BooleanField(_("everything rescanned"), default=False)
    crosslingual = models.BooleanField(_("cross-lingual"), default=False)
    documents_scanned = models.PositiveIntegerField(_("documents scanned"), default=0)
    outputs_scanned = models.PositiveIntegerField(_("outputs scanned"), default=0)
    items_scanned = models.PositiveIntegerField(_("debate items scanned"), default=0)
    matches_new = models.PositiveIntegerField(_("new matches"), default=0)
    matches_found = models.PositiveIntegerField(_("matches found"), default=0)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    # The newest corpus item (listening store, `ingested_at`) this run looked at.
    items_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("scan")
        verbose_name_plural = _("scans")
        ordering = ["-started", "-pk"]

    def __str__(self) -> str:
        return f"{self.started:%Y-%m-%d %H:%M}"


class OutputScan(models.Model):
    """When an output's text was last scanned: a changed text is scanned again, an unchanged one not."""

    output = models.OneToOneField("monitoring.Output", on_delete=models.CASCADE,
                                  related_name="uptake_scan")
    text_hash = models.CharField(max_length=40)
    scanned_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.output_id} @ {self.scanned_at:%Y-%m-%d %H:%M}"


class Method(models.TextChoices):
    LEXICAL = "lexical", _("Same words")
    CROSSLINGUAL = "crosslingual", _("Cross-lingual (weaker evidence)")


class Direction(models.TextChoices):
    UPTAKE = "uptake", _("Their text came after ours")
    REVERSE = "reverse", _("Their text is older than ours")


class ReuseMatch(models.Model):
    output = models.ForeignKey("monitoring.Output", verbose_name=_("our output"),
                               on_delete=models.CASCADE, related_name="reuse_matches")
    our_key = models.CharField(max_length=100)
    our_text = models.TextField(_("our passage"))
    our_start = models.IntegerField(null=True, blank=True)  # in output.full_text
    document = models.ForeignKey(PolicyDocument, verbose_name=_("policy document"),
                                 on_delete=models.CASCADE, null=True, blank=True,
                                 related_name="matches")
    # A speech of the listening corpus instead of a document: its id and what to show of it.
    item_id = models.CharField(max_length=64, blank=True)
    item_label = models.CharField(max_length=300, blank=True)
    item_date = models.DateField(null=True, blank=True)
    their_key = models.CharField(max_length=120)
    their_text = models.TextField(_("their passage"))
    their_start = models.IntegerField(null=True, blank=True)  # in document.text
    alignment = models.JSONField(_("alignment"), default=dict)
    method = models.CharField(_("method"), max_length=20, choices=Method.choices,
                              default=Method.LEXICAL)
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices,
                                 default=Direction.UPTAKE)
    score = models.FloatField(_("score"), default=0)
    share_reused = models.FloatField(_("share of our passage reused"), default=0)
    matched_words = models.PositiveIntegerField(_("matched words"), default=0)
    longest_match = models.PositiveIntegerField(_("longest match (words)"), default=0)
    first_found = models.DateTimeField(_("first found"), auto_now_add=True)
    last_seen = models.DateTimeField(_("last found"), auto_now=True)

    class Meta:
        verbose_name = _("reuse match")
        verbose_name_plural = _("reuse matches")
        ordering = ["-score", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["our_key", "their_key"], name="reusematch_once_per_pair"),
        ]

    def __str__(self) -> str:
        return f"{self.output} → {self.source_label}"

    def get_absolute_url(self) -> str:
        return reverse("uptake:match", args=[self.pk])

    @property
    def source_label(self) -> str:
        return str(self.document) if self.document_id else self.item_label

    @property
    def source_date(self):
        return self.document.date if self.document_id else self.item_date

    @property
    def is_weaker(self) -> bool:
        return self.method == Method.CROSSLINGUAL


class MatchEvidence(models.Model):
    """The evidence item made from a match, with the alignment as it was when it was attached."""

    match = models.ForeignKey(ReuseMatch, on_delete=models.CASCADE, related_name="evidence_links")
    evidence = models.OneToOneField("monitoring.Evidence", on_delete=models.CASCADE,
                                    related_name="reuse_match")
    alignment = models.JSONField(default=dict)
    our_text = models.TextField()
    their_text = models.TextField()
    method = models.CharField(max_length=20, choices=Method.choices)
    direction = models.CharField(max_length=10, choices=Direction.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="+")

    class Meta:
        verbose_name = _("evidence from a reuse match")
        verbose_name_plural = _("evidence from reuse matches")

    def __str__(self) -> str:
        return f"{self.match} → {self.evidence}"
