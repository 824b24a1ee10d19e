"""What the coverage dashboard counts, kept ready by the write path (see reach.py).

`ContactReach`: one row per contact and party, political level, institution type or
organisation it counts for, derived from its organisations and from the roles its persons held
on its date. `CoverageCount`: the number of distinct contacts per scope (all contacts, a theme,
a dossier), dimension, key and quarter, with the last contact's date; the dashboard reads only
these (a few hundred rows), whatever the number of contacts. `ContactScope` remembers which
(scope, quarter) counts a contact is in, so that an edit recounts exactly those.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

ALL = "all"  # the scope of all contacts; a theme's is "t<pk>", a dossier's "d<pk>"
ANY = "*"  # the key of the row that counts each contact once, whatever it reached


class ReachKind(models.TextChoices):
    PARTY = "party", _("Party")
    LEVEL = "level", _("Political level")
    INSTITUTION = "institution", _("Institution type")
    ORGANISATION = "organisation", _("Organisation")


def quarter_index(day) -> int:
    """Quarters counted from year 0: consecutive quarters are consecutive numbers."""
    return day.year * 4 + (day.month - 1) // 3


class ContactReach(models.Model):
    """A contact counts for `key` (a party's or organisation's id, a level or a type code)."""

    contact = models.ForeignKey("monitoring.Contact", on_delete=models.CASCADE,
                                related_name="reach", verbose_name=_("contact"))
    date = models.DateField(_("date"))
    period = models.PositiveIntegerField(_("quarter"))
    kind = models.CharField(_("dimension"), max_length=12, choices=ReachKind.choices)
    key = models.CharField(_("key"), max_length=30)

    class Meta:
        verbose_name = _("contact reach")
        verbose_name_plural = _("contact reach")
        constraints = [models.UniqueConstraint(fields=["contact", "kind", "key"],
                                               name="contactreach_unique")]
        indexes = [models.Index(fields=["period", "kind", "key"], name="contactreach_period")]

    def __str__(self) -> str:
        return f"{self.contact_id} → {self.kind} {self.key}"


class ContactScope(models.Model):
    contact = models.ForeignKey("monitoring.Contact", on_delete=models.CASCADE,
                                related_name="coverage_scopes", verbose_name=_("contact"))
    scope = models.CharField(_("scope"), max_length=12)
    period = models.PositiveIntegerField(_("quarter"))

    class Meta:
        verbose_name = _("contact scope")
        verbose_name_plural = _("contact scopes")
        constraints = [models.UniqueConstraint(fields=["contact", "scope"],
                                               name="contactscope_unique")]
        indexes = [models.Index(fields=["scope", "period"], name="contactscope_scope_period")]

    def __str__(self) -> str:
        return f"{self.contact_id} in {self.scope}"


class CoverageCount(models.Model):
    scope = models.CharField(_("scope"), max_length=12)
    kind = models.CharField(_("dimension"), max_length=12, choices=ReachKind.choices)
    key = models.CharField(_("key"), max_length=30)
    period = models.PositiveIntegerField(_("quarter"))
    contacts = models.PositiveIntegerField(_("contacts"))
    last = models.DateField(_("last contact"))

    class Meta:
        verbose_name = _("coverage count")
        verbose_name_plural = _("coverage counts")
        constraints = [models.UniqueConstraint(fields=["scope", "kind", "period", "key"],
                                               name="coveragecount_unique")]
        # The gaps read each key's last contact from this index alone.
        indexes = [models.Index(fields=["scope", "kind", "key", "last"], name="coveragecount_last")]

    def __str__(self) -> str:
        return f"{self.scope} {self.kind} {self.key} {self.period}: {self.contacts}"
