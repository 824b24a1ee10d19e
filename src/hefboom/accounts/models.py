"""Hefboom's users and the roles that decide what they may see and change."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMINISTRATOR = "admin", _("Administrator")
    ME_OFFICER = "me_officer", _("M&E officer")
    POLICY_OFFICER = "policy_officer", _("Policy officer")
    VIEWER = "viewer", _("Viewer (read-only)")


class User(AbstractUser):
    role = models.CharField(
        _("role"), max_length=20, choices=Role.choices, default=Role.POLICY_OFFICER
    )
    job_title = models.CharField(
        _("job title"),
        max_length=120,
        blank=True,
        help_text=_("Shown instead of the name where staff appear by role, e.g. 'policy officer migration'."),
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, blank=True,
        help_text=_("The language of e-mails to this user; empty means the site's default."),
    )
    wants_digest = models.BooleanField(
        _("daily follow-up digest"), default=False,
        help_text=_("An e-mail each morning with the follow-ups that are overdue or due today."),
    )
    service = models.ForeignKey(
        "strategy.Service", verbose_name=_("service"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="staff",
        help_text=_("The service this colleague works in; new records they log name it by "
                    "default."),
    )
    # The day the last digest went out: a second run on the same day sends nothing.
    digest_sent_on = models.DateField(_("digest last sent on"), null=True, blank=True,
                                      editable=False)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.job_title or self.username

    @property
    def is_administrator(self) -> bool:
        return self.is_superuser or self.role == Role.ADMINISTRATOR

    @property
    def can_edit_records(self) -> bool:
        """May log and edit contacts, activities, outputs, outcomes and evidence."""
        return self.is_active and (self.is_administrator or self.role != Role.VIEWER)

    @property
    def can_edit_strategy(self) -> bool:
        """May change the programme, themes, dossiers, boundary partners and progress markers."""
        return self.is_active and (self.is_administrator or self.role == Role.ME_OFFICER)

    @property
    def mail_language(self) -> str:
        return self.language or settings.LANGUAGE_CODE

    def save(self, *args, **kwargs):
        # Everyone who may edit gets the admin site; what they may change there is per role.
        self.is_staff = self.is_superuser or self.role != Role.VIEWER
        super().save(*args, **kwargs)


def record_editors():
    """Active users whose role may log and edit records: who can own a follow-up."""
    return User.objects.filter(is_active=True).filter(~Q(role=Role.VIEWER) | Q(is_superuser=True))
