"""A generated first draft of a narrative: what happened in the period, in date order.

No language model: dated bullet lines, grouped by month, each carrying a reference to its record,
for the writer to turn into prose. Contacts only as far as the writer may see them, and only as
references: a contact's summary is not copied into the text (others may read the narrative).
"""

from dataclasses import dataclass
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from hefboom.core.access import visible_contacts
from hefboom.learning.ratings import rating_label
from hefboom.learning.references import Kind, token
from hefboom.monitoring.models import Activity, Outcome, Output, ProgressMarkerObservation
from hefboom.strategy.models import Dossier

ORDER = {Kind.CONTACT: 0, Kind.ACTIVITY: 1, Kind.OUTPUT: 2, Kind.OUTCOME: 3, Kind.OBSERVATION: 4}


@dataclass(frozen=True)
class DraftItem:
    date: date
    kind: str
    pk: int
    label: str
    detail: str = ""


def compose(items: list[DraftItem]) -> str:
    """Bullet lines under a heading per month, oldest first."""
    lines: list[str] = []
    month = None
    for item in sorted(items, key=lambda i: (i.date, ORDER.get(i.kind, 9), i.pk)):
        if (item.date.year, item.date.month) != month:
            month = (item.date.year, item.date.month)
            if lines:
                lines.append("")
            lines.append("## " + date_format(item.date.replace(day=1), "F Y"))
        detail = " ".join(item.detail.split())
        if len(detail) > 300:
            detail = detail[:299].rstrip() + "…"
        line = f"- {item.date.isoformat()} · {item.label}: {token(item.kind, item.pk)}"
        lines.append(line + (f" — {detail}" if detail else ""))
    return "\n".join(lines)


def gather(scope, start: date, end: date, user) -> list[DraftItem]:
    """The records of a theme or dossier dated in the period, as `user` may see them."""
    if isinstance(scope, Dossier):
        in_scope = {"dossiers": scope}
        markers = {"progress_marker__dossier": scope}
    else:
        in_scope = {"dossiers__theme": scope}
        markers = {"progress_marker__boundary_partner__theme": scope}
    period = {"date__range": (start, end)}
    items = [
        DraftItem(c.date, Kind.CONTACT, c.pk, _("Contact (%(channel)s)") % {
            "channel": c.get_channel_display().lower()})
        for c in visible_contacts(user).filter(**in_scope, **period).distinct()
    ]
    items += [
        DraftItem(a.date, Kind.ACTIVITY, a.pk, _("Activity (%(type)s)") % {
            "type": a.get_type_display().lower()})
        for a in Activity.objects.filter(**in_scope, **period).distinct()
    ]
    items += [
        DraftItem(o.date, Kind.OUTPUT, o.pk, _("Output (%(type)s)") % {
            "type": o.get_type_display().lower()})
        for o in Output.objects.filter(**in_scope, **period).distinct()
    ]
    items += [
        DraftItem(o.date, Kind.OUTCOME, o.pk, _("Outcome (%(type)s)") % {
            "type": o.get_change_type_display().lower()}, o.description)
        for o in Outcome.objects.filter(**in_scope, **period).distinct()
    ]
    items += [
        DraftItem(obs.period_end, Kind.OBSERVATION, obs.pk,
                  _("Progress marker rated %(rating)s") % {"rating": rating_label(obs.rating)})
        for obs in ProgressMarkerObservation.objects.filter(
            **markers, period_end__range=(start, end))
    ]
    return items


def first_draft(scope, start: date, end: date, user) -> str:
    return compose(gather(scope, start, end, user))
