"""Labels people give corpus items (sentiment and frames), and the models trained on them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

SENTIMENT_CLASSES = ("neg", "neu", "pos")
FRAME_CODES = ("economic", "human_rights", "security", "health", "solidarity", "legal")


class Sentiment(models.TextChoices):
    NEGATIVE = "neg", _("negative")
    NEUTRAL = "neu", _("neutral")
    POSITIVE = "pos", _("positive")


class Frame(models.TextChoices):
    ECONOMIC = "economic", _("economic")
    HUMAN_RIGHTS = "human_rights", _("human rights")
    SECURITY = "security", _("security")
    HEALTH = "health", _("health")
    SOLIDARITY = "solidarity", _("solidarity")
    LEGAL = "legal", _("legal")


class ItemLabel(models.Model):
    """One person's reading of one corpus item. The text is a snapshot, so that training does not
    depend on the item still being in the store; `lexicon_label` is what the word-list tier said
    when the item was labelled (blank when the item had no lexicon sentiment), so that the
    trained tier can be compared with it on the same held-out items."""

    item_id = models.CharField(_("item"), max_length=64, db_index=True)
    lang = models.CharField(_("language"), max_length=8)
    text = models.TextField(_("text"))
    sentiment = models.CharField(_("sentiment"), max_length=3, choices=Sentiment.choices,
                                 blank=True)
    frames = models.JSONField(_("frames"), default=list, blank=True)
    lexicon_label = models.CharField(_("lexicon tier's label"), max_length=3, blank=True)
    labelled_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("labelled by"),
                                    on_delete=models.CASCADE, related_name="item_labels")
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("item label")
        verbose_name_plural = _("item labels")
        constraints = [models.UniqueConstraint(fields=["item_id", "labelled_by"],
                                               name="listening_itemlabel_once_per_user")]

    def __str__(self) -> str:
        return f"{self.item_id[:10]} {self.lang} {self.sentiment or '-'}"


class TrainedModel(models.Model):
    """A sentiment classifier trained on the labels; the active one is what the pipeline uses
    when no ONNX directory is configured (see tiers.active_tier)."""

    path = models.CharField(_("directory"), max_length=500)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    trained_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("trained by"),
                                   on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    active = models.BooleanField(_("active"), default=False)
    manifest = models.JSONField(_("manifest"), default=dict)

    class Meta:
        verbose_name = _("trained model")
        verbose_name_plural = _("trained models")
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return self.path
