"""A dossier's records in one chronological list (the richer timeline view builds on this)."""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Event:
    date: date
    kind: str
    kind_label: str
    title: str
    url: str
    detail: str = ""


def dossier_events(dossier, contacts) -> list[Event]:
    """Contacts (as far as the reader may see them), activities, outputs and outcomes by date."""
    events = [
        Event(c.date, "contact", _("Contact"), c.summary, c.get_absolute_url(),
              c.get_channel_display())
        for c in contacts.filter(dossiers=dossier)
    ]
    events += [
        Event(a.date, "activity", _("Activity"), a.title, a.get_absolute_url(),
              a.get_type_display())
        for a in dossier.activities.all()
    ]
    events += [
        Event(o.date, "output", _("Output"), o.title, o.get_absolute_url(), o.get_type_display())
        for o in dossier.outputs.all()
    ]
    events += [
        Event(o.date, "outcome", _("Outcome"), o.title, o.get_absolute_url(),
              o.get_change_type_display())
        for o in dossier.outcomes.all()
    ]
    order = {"contact": 0, "activity": 1, "output": 2, "outcome": 3}
    return sorted(events, key=lambda e: (e.date, order[e.kind]))
