"""Writes of journals and narratives: each runs in one transaction, all or nothing."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from hefboom.core.access import require_record_editor, visible_contacts
from hefboom.core.actions import EditConflict, save_record
from hefboom.learning import references as refs
from hefboom.learning.models import Journal, JournalEntry, Narrative, NarrativeReference
from hefboom.learning.resolver import problems
from hefboom.monitoring.models import ProgressMarkerObservation


@dataclass
class MarkerRating:
    """One progress marker's rating in a journal, with what justifies it."""

    observation: ProgressMarkerObservation
    outcomes: list = field(default_factory=list)
    contacts: list = field(default_factory=list)
    evidence: list = field(default_factory=list)
    expected_version: int | None = None


class JournalRefused(Exception):
    """Nothing was saved; `errors` maps None (the journal) or a progress marker's pk to the
    ValidationError or EditConflict that refused it."""

    def __init__(self, errors: dict):
        self.errors = errors
        super().__init__(f"journal refused: {len(errors)} problem(s)")


def _forget_unsaved(records):
    """After a rollback, records created in it must not look saved to the form re-rendered."""
    for record in records:
        record.pk = None
        record._state.adding = True


def record_journal(user, journal: Journal, ratings: list[MarkerRating], *,
                   expected_version=None) -> Journal:
    """Save a journal and its progress-marker ratings together, or nothing at all.

    Links to confidential contacts that `user` may not see are kept as they were: the user
    could not see them, so leaving them out of the form does not mean removing them.
    """
    require_record_editor(user)
    errors: dict = {}
    created = [r for r in [journal] + [r.observation for r in ratings] if r._state.adding]
    try:
        with transaction.atomic():
            try:
                save_record(journal, user, expected_version=expected_version)
            except (ValidationError, EditConflict) as exc:
                errors[None] = exc
            for rating in ratings:
                marker_pk = rating.observation.progress_marker_id
                try:
                    _save_rating(user, journal, rating)
                except (ValidationError, EditConflict) as exc:
                    errors[marker_pk] = exc
            if errors:
                raise JournalRefused(errors)
    except JournalRefused:
        _forget_unsaved(created)
        raise
    return journal


def _save_rating(user, journal: Journal, rating: MarkerRating) -> None:
    observation = rating.observation
    marker = observation.progress_marker
    if (marker.boundary_partner_id != journal.boundary_partner_id
            or (observation.period_start, observation.period_end)
            != (journal.period_start, journal.period_end)):
        raise ValidationError(_("This progress marker is not part of this journal."))
    contacts = list(rating.contacts)
    if not observation._state.adding:
        contacts += list(observation.contacts.exclude(pk__in=visible_contacts(user)))
    save_record(observation, user, expected_version=rating.expected_version,
                m2m={"outcomes": list(rating.outcomes), "contacts": contacts})
    if journal.pk is None:  # the journal itself was refused; the error is already recorded
        return
    entry = (JournalEntry.objects.filter(observation=observation).first()
             or JournalEntry(journal=journal, observation=observation))
    save_record(entry, user, m2m={"evidence": list(rating.evidence)})


def save_narrative(user, narrative: Narrative, *, expected_version=None) -> Narrative:
    """Validate the references in the text, save a new version and index its references.

    A reference new in this version must point at a record the writer can see and that is not
    in the bin; references already in the stored version are kept as they are, so that an
    editor who cannot see a confidential contact does not have to remove a colleague's link.
    """
    require_record_editor(user)
    found, malformed = refs.parse(narrative.text)
    before = set()
    if narrative.pk:
        before = {refs.Reference(kind, pk) for kind, pk in
                  narrative.references.values_list("kind", "object_id")}
    messages = [
        _("%(token)s is not a reference Hefboom understands: write [@kind:number] with kind one "
          "of %(kinds)s.") % {"token": token, "kinds": ", ".join(refs.Kind.values)}
        for token in malformed
    ]
    messages += problems([r for r in found if r not in before], user)
    if messages:
        raise ValidationError({"text": messages})
    with transaction.atomic():
        save_record(narrative, user, expected_version=expected_version)
        narrative.references.all().delete()
        NarrativeReference.objects.bulk_create(
            NarrativeReference(narrative=narrative, kind=r.kind, object_id=r.pk) for r in found
        )
    return narrative
