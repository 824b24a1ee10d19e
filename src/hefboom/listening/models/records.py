"""What the web app shows from the corpus, written back after each stored batch
(`listening.records.write_back`): mentions of the organisation, alerts, per-week aggregates.

The corpus stays in Parquet; these rows are small, indexed and safe to list and filter with the
ORM. Each has a natural unique key, so writing the same batch twice changes nothing.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TargetKind(models.TextChoices):
    ORGANISATION = "organisation", _("The organisation")
    REPORT = "report", _("Report")
    CAMPAIGN = "campaign", _("Campaign")
    PERSON = "person", _("Person")
    PARTY = "party", _("Party")
    DOSSIER = "dossier", _("Dossier")


class Tone(models.TextChoices):
    NEGATIVE = "neg", _("negative")
    NEUTRAL = "neu", _("neutral")
    POSITIVE = "pos", _("positive")


class Mention(models.Model):
    """One place where a corpus item names the organisation, one of its reports or campaigns."""

    item_id = models.CharField(_("item"), max_length=64)
    published = models.DateTimeField(_("published"), db_index=True)
    source = models.CharField(_("source"), max_length=40)
    kind = models.CharField(_("kind of text"), max_length=20)
    channel = models.CharField(_("channel"), max_length=200, blank=True)
    lang = models.CharField(_("language"), max_length=8, blank=True)
    url = models.URLField(_("link"), max_length=1000, blank=True)
    title = models.CharField(_("title"), max_length=500, blank=True)
    snippet = models.TextField(_("snippet"), blank=True)
    author = models.CharField(_("author"), max_length=200, blank=True)
    party = models.CharField(_("party"), max_length=80, blank=True)
    target_kind = models.CharField(_("mentions"), max_length=20, choices=TargetKind.choices)
    ref = models.CharField(_("reference"), max_length=200)
    start = models.IntegerField(_("offset"), default=0)
    matched = models.CharField(_("words"), max_length=200, blank=True)
    output = models.ForeignKey("monitoring.Output", verbose_name=_("output"), null=True,
                               blank=True, on_delete=models.SET_NULL, related_name="mentions")
    # The dossier the text is about (the first of the item's dossiers), for filtering.
    dossier = models.ForeignKey("strategy.Dossier", verbose_name=_("dossier"), null=True,
                                blank=True, on_delete=models.SET_NULL, related_name="mentions")
    sentiment = models.FloatField(_("sentiment"), null=True, blank=True)
    sentiment_label = models.CharField(_("tone"), max_length=3, choices=Tone.choices, blank=True)
    sentiment_tier = models.CharField(_("sentiment tier"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")
        ordering = ["-published", "pk"]
        constraints = [models.UniqueConstraint(fields=["item_id", "target_kind", "ref", "start"],
                                               name="listening_mention_unique")]
        indexes = [models.Index(fields=["target_kind", "-published"])]

    def __str__(self) -> str:
        return f"{self.get_target_kind_display()}: {self.title or self.item_id}"


class AlertKind(models.TextChoices):
    PARLIAMENTARY_QUESTION = "parliamentary_question", _("Parliamentary question")
    DEBATE = "debate", _("Debate")
    REPORT_MENTION = "report_mention", _("Mention of a report")


class AlertStatus(models.TextChoices):
    NEW = "new", _("new")
    SEEN = "seen", _("seen")
    DISMISSED = "dismissed", _("dismissed")


class Alert(models.Model):
    """A new thing to react to: a parliamentary question or debate on a dossier's terms, or a
    text that mentions one of the organisation's reports."""

    kind = models.CharField(_("kind"), max_length=30, choices=AlertKind.choices)
    item_id = models.CharField(_("item"), max_length=64)
    # What one alert stands for: the session and agenda item of a parliamentary question or
    # debate (its many speeches make one alert), or the item itself for a report mention.
    thread = models.CharField(max_length=64, editable=False)
    dossier = models.ForeignKey("strategy.Dossier", verbose_name=_("dossier"), null=True,
                                blank=True, on_delete=models.CASCADE, related_name="alerts")
    output = models.ForeignKey("monitoring.Output", verbose_name=_("output"), null=True,
                               blank=True, on_delete=models.CASCADE, related_name="alerts")
    # "" when neither: keeps the unique key working where NULLs would never collide.
    subject = models.CharField(max_length=40, default="", editable=False)
    title = models.CharField(_("title"), max_length=500, blank=True)
    snippet = models.TextField(_("snippet"), blank=True)
    author = models.CharField(_("author"), max_length=200, blank=True)
    party = models.CharField(_("party"), max_length=80, blank=True)
    source = models.CharField(_("source"), max_length=40, blank=True)
    published = models.DateTimeField(_("published"))
    url = models.URLField(_("link"), max_length=1000, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=10, choices=AlertStatus.choices,
                              default=AlertStatus.NEW)
    status_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("status set by"),
                                  null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")
    status_at = models.DateTimeField(_("status set at"), null=True, blank=True)

    class Meta:
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        ordering = ["-published", "pk"]
        constraints = [models.UniqueConstraint(fields=["thread", "kind", "subject"],
                                               name="listening_alert_unique")]
        indexes = [models.Index(fields=["status", "-published"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title or self.item_id}"


class DossierWeek(models.Model):
    """How much was said about a dossier in one week (Monday, UTC), and in what tone."""

    dossier = models.ForeignKey("strategy.Dossier", verbose_name=_("dossier"),
                                on_delete=models.CASCADE, related_name="listening_weeks")
    week = models.DateField(_("week starting"))
    items = models.PositiveIntegerField(_("texts"), default=0)
    scored = models.PositiveIntegerField(_("texts with a sentiment"), default=0)
    mean_sentiment = models.FloatField(_("mean sentiment"), null=True, blank=True)
    negative = models.PositiveIntegerField(_("negative"), default=0)
    neutral = models.PositiveIntegerField(_("neutral"), default=0)
    positive = models.PositiveIntegerField(_("positive"), default=0)
    tiers = models.JSONField(_("sentiment tiers"), default=dict)  # tier -> number of texts

    class Meta:
        verbose_name = _("dossier week")
        verbose_name_plural = _("dossier weeks")
        ordering = ["dossier", "week"]
        constraints = [models.UniqueConstraint(fields=["dossier", "week"],
                                               name="listening_dossierweek_unique")]

    def __str__(self) -> str:
        return f"{self.dossier_id} {self.week}: {self.items}"
