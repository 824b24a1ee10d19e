"""The retention rule: persons who are not public figures and whose data have not been used for
HEFBOOM_RETENTION_YEARS years are listed for review (keep, erase the notes, or erase the person).

"Used" means a contact with them, or a change of their record, within the period; a review
("keep") takes them off the list until the period has passed again.
"""

import datetime as dt

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils import timezone


def cutoff(today=None) -> dt.datetime:
    """The moment before which data count as old (N years before now)."""
    now = timezone.now() if today is None else today
    years = settings.HEFBOOM_RETENTION_YEARS
    try:
        return now.replace(year=now.year - years)
    except ValueError:  # 29 February
        return now.replace(year=now.year - years, day=28)


def due_for_review(now=None, user=None):
    """Persons to review, oldest first, annotated with `last_contact` (among the contacts
    `user` may see: a confidential contact's date is not shown to others) and `last_review`.
    Whether a person is due counts every contact."""
    from hefboom.actors.models import Person
    from hefboom.monitoring.models import Contact
    from hefboom.privacy.models import RetentionReview

    limit = cutoff(now)
    took_part = Contact.persons.through.objects.filter(person=OuterRef("pk"))
    recent_contact = took_part.filter(contact__date__gte=limit.date())
    recent_review = RetentionReview.objects.filter(person=OuterRef("pk"), reviewed_at__gte=limit)
    seen = took_part
    if user is not None:
        # Exists, not `contact__in`: the latter makes the database build the whole visible set.
        seen = took_part.filter(
            Exists(Contact.objects.visible_to(user).filter(pk=OuterRef("contact_id"))))
    last_contact = seen.order_by("-contact__date").values("contact__date")[:1]
    last_review = (RetentionReview.objects.filter(person=OuterRef("pk"))
                   .order_by("-reviewed_at").values("reviewed_at")[:1])
    return (Person.objects
            .filter(is_public_figure=False, erased_at__isnull=True, updated_at__lt=limit)
            .filter(~Q(notes="") | Exists(took_part))
            .exclude(Exists(recent_contact))
            .exclude(Exists(recent_review))
            .annotate(last_contact=Subquery(last_contact), last_review=Subquery(last_review))
            .order_by("updated_at", "pk"))
