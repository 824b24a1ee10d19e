"""Looking up narrative references for one reader: one query per kind of record referenced."""

from collections import defaultdict

from django.utils.translation import gettext as _

from hefboom.actors.models import Organisation, Person
from hefboom.learning.models.journals import observation_url
from hefboom.learning.references import Kind, Reference, Resolved
from hefboom.monitoring.models import Activity, Contact, Outcome, Output, ProgressMarkerObservation


def _records(kind: str, user):
    """Every record of `kind` that `user` may see, those in the bin included."""
    if kind == Kind.CONTACT:
        return Contact.all_objects.visible_to(user)
    if kind == Kind.ACTIVITY:
        return Activity.all_objects.all()
    if kind == Kind.OUTPUT:
        return Output.all_objects.all()
    if kind == Kind.OUTCOME:
        return Outcome.all_objects.all()
    if kind == Kind.OBSERVATION:
        return ProgressMarkerObservation.objects.select_related("progress_marker")
    if kind == Kind.PERSON:
        return Person.objects.all()
    return Organisation.objects.all()


def title_of(kind: str, record) -> str:
    return str(record)


def url_of(kind: str, record) -> str:
    if kind == Kind.OBSERVATION:
        return observation_url(record)
    return record.get_absolute_url()


def _lookup(references, user) -> dict[Reference, object]:
    wanted = defaultdict(set)
    for reference in references:
        if reference.kind in Kind.values:
            wanted[reference.kind].add(reference.pk)
    found = {}
    for kind, pks in wanted.items():
        for record in _records(kind, user).filter(pk__in=pks):
            found[Reference(kind, record.pk)] = record
    return found


def resolve(references, user) -> dict[Reference, Resolved]:
    """Title and link of each referenced record `user` may see and that is not in the bin."""
    return {
        reference: Resolved(title_of(reference.kind, record), url_of(reference.kind, record))
        for reference, record in _lookup(references, user).items()
        if not getattr(record, "is_deleted", False)
    }


def problems(references, user) -> list[str]:
    """Why references cannot be used by `user`, one message each, naming the token. A record
    that does not exist and one the user may not see get the same message, so that the
    message reveals nothing."""
    found = _lookup(references, user)
    messages = []
    for reference in references:
        record = found.get(reference)
        if record is None:
            messages.append(_("%(token)s refers to no record you can see; remove it or choose "
                              "another record after typing @.") % {"token": reference.token})
        elif getattr(record, "is_deleted", False):
            messages.append(_("%(token)s refers to a record in the bin; remove the reference or "
                              "ask the M&E officer to restore the record.") % {"token": reference.token})
    return messages
