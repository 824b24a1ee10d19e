"""Hefboom's users and the roles that decide what they may see and change."""

from django.contrib.auth.models import AbstractUser
from django.db import models
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

    def save(self, *args, **kwargs):
        # Everyone who may edit gets the admin site; what they may change there is per role.
        self.is_staff = self.is_superuser or self.role != Role.VIEWER
        super().save(*args, **kwargs)
