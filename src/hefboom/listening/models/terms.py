"""Listening terms: the words the mentions step looks for, kept by the people who know them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class TermKind(models.TextChoices):
    OWN_NAME = "own_name", _("Name of our organisation")
    REPORT = "report", _("Report or study")
    CAMPAIGN = "campaign", _("Campaign")
    DOSSIER = "dossier", _("Dossier term")


class TermLanguage(models.TextChoices):
    ALL = "", _("all languages")
    NL = "nl", _("Dutch")
    FR = "fr", _("French")
    EN = "en", _("English")


class WatchTerm(models.Model):
    """A word or phrase the listening pipeline looks for in the corpus.

    own_name: a name of the organisation itself ("11.11.11", "elf elf elf"); report / campaign:
    a title or nickname of one of its outputs (linked to the Output when there is one); dossier:
    a term that places a text in a dossier ("klimaatfinanciering", "financement climatique")."""

    kind = models.CharField(_("kind"), max_length=20, choices=TermKind.choices)
    dossier = models.ForeignKey(
        "strategy.Dossier", verbose_name=_("dossier"), on_delete=models.CASCADE, null=True,
        blank=True, related_name="watch_terms")
    output = models.ForeignKey(
        "monitoring.Output", verbose_name=_("report or campaign"), on_delete=models.CASCADE,
        null=True, blank=True, related_name="watch_terms")
    term = models.CharField(
        _("term"), max_length=200,
        help_text=_("Matched without regard to accents or case, as whole words. A term written "
                    "with a capital (a name such as Groen) only matches where the text has a "
                    "capital too."))
    language = models.CharField(_("language"), max_length=5, choices=TermLanguage.choices,
                                blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"),
                                   on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", editable=False)

    class Meta:
        verbose_name = _("listening term")
        verbose_name_plural = _("listening terms")
        ordering = ["kind", "language", "term"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "dossier", "output", "term", "language"],
                                    name="watchterm_unique", nulls_distinct=False),
        ]

    def __str__(self) -> str:
        return self.term

    def clean(self):
        self.term = " ".join((self.term or "").split())
        if len(self.term) < 2:
            raise ValidationError({"term": _("A term needs at least two characters.")})
        if self.kind == TermKind.DOSSIER and not self.dossier_id:
            raise ValidationError({"dossier": _("A dossier term belongs to a dossier.")})
        if self.kind != TermKind.DOSSIER and self.dossier_id:
            raise ValidationError({"dossier": _("Only dossier terms belong to a dossier.")})
        if self.output_id and self.kind not in (TermKind.REPORT, TermKind.CAMPAIGN):
            raise ValidationError({"output": _("Only report and campaign terms name an output.")})
