"""Political contacts: meetings, calls, messages and events with the people we want to reach."""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hefboom.actors.models import Organisation, Person
from hefboom.core.models import AliveManager, SoftDeletable, SoftDeleteQuerySet, TrackedModel
from hefboom.monitoring.models.base import validate_not_in_future
from hefboom.strategy.models import Dossier, Service


class Channel(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    CALL = "call", _("Call")
    EMAIL = "email", _("E-mail or letter")
    MESSAGE = "message", _("Message")
    EVENT = "event", _("Event")
    SIDE_MEETING = "side_meeting", _("Conference side-meeting")


class Confidentiality(models.TextChoices):
    NORMAL = "normal", _("Normal")
    CONFIDENTIAL = "confidential", _("Confidential")


class ContactQuerySet(SoftDeleteQuerySet):
    def visible_to(self, user):
        """Contacts `user` may see: confidential ones only for their participants and admins."""
        if not (user and user.is_authenticated and user.is_active):
            return self.none()
        if user.is_administrator:
            return self
        participates = Contact.our_participants.through.objects.filter(
            contact=OuterRef("pk"), user=user
        )
        return self.filter(Q(confidentiality=Confidentiality.NORMAL) | Q(Exists(participates)))


class Contact(SoftDeletable, TrackedModel):
    _history_m2m_fields = ("our_participants", "persons", "organisations", "dossiers", "services",
                           "partners")

    date = models.DateField(_("date"), validators=[validate_not_in_future])
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    is_formal = models.BooleanField(_("formal"), default=True)
    our_participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("our participants"),
        related_name="contacts",
    )
    persons = models.ManyToManyField(
        Person, verbose_name=_("their participants"), blank=True, related_name="contacts"
    )
    organisations = models.ManyToManyField(
        Organisation, verbose_name=_("organisations"), blank=True, related_name="contacts"
    )
    dossiers = models.ManyToManyField(Dossier, verbose_name=_("dossiers"), related_name="contacts")
    services = models.ManyToManyField(
        Service, verbose_name=_("services"), blank=True, related_name="contacts",
        help_text=_("The services of the organisation that took part."),
    )
    partners = models.ManyToManyField(
        Organisation, verbose_name=_("member organisations and coalitions"), blank=True,
        related_name="joint_contacts",
        help_text=_("Members or coalitions that took part (a joint lobby meeting)."),
    )
    summary = models.TextField(_("summary"))
    arguments = models.TextField(_("arguments used"), blank=True)
    their_position = models.TextField(_("their position"), blank=True)
    confidentiality = models.CharField(
        _("confidentiality"),
        max_length=20,
        choices=Confidentiality.choices,
        default=Confidentiality.NORMAL,
        help_text=_("Confidential contacts are visible only to their participants and administrators."),
    )

    objects = AliveManager.from_queryset(ContactQuerySet)()
    all_objects = ContactQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["-date", "-pk"]
        # Lists and timelines read newest first.
        indexes = [models.Index(fields=["-date", "-id"], name="contact_newest_first")]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.get_channel_display()}: {self.summary[:60]}"

    def get_absolute_url(self) -> str:
        return reverse("monitoring:contact", args=[self.pk])

    @property
    def is_confidential(self) -> bool:
        return self.confidentiality == Confidentiality.CONFIDENTIAL
