"""Everything Hefboom holds about one person, as a stable JSON document and a readable page.

The keys are documented in docs/privacy.md; dates are ISO 8601. Confidential contacts and
records in the bin are included: the export answers the person's right of access, and only an
administrator (or the command line) makes one, which is logged.
"""

import datetime as dt
import json

from django.template.loader import render_to_string
from django.utils import timezone

from hefboom.privacy.texts import find_mentions

FORMAT_VERSION = 1


def _iso(value):
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def _user(user):
    return str(user) if user else None


def _organisation(organisation):
    return {"id": organisation.pk, "name": organisation.name, "type": organisation.type,
            "political_level": organisation.political_level}


def _person(person):
    return {
        "id": person.pk,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "email": person.email,
        "phone": person.phone,
        "notes": person.notes,
        "is_public_figure": person.is_public_figure,
        "is_hefboom_user": person.user_id is not None,
        "erased_at": _iso(person.erased_at),
        "source": person.source_reference,
        "created_at": _iso(person.created_at),
        "created_by": _user(person.created_by),
        "updated_at": _iso(person.updated_at),
        "updated_by": _user(person.updated_by),
    }


def _roles(person):
    return [{
        "id": role.pk,
        "function": role.title,
        "organisation": _organisation(role.organisation),
        "government": role.government.name if role.government_id else None,
        "start_date": _iso(role.start_date),
        "end_date": _iso(role.end_date),
        "dates_approximate": role.date_approximate,
        "one_holder_at_a_time": role.single_holder,
    } for role in person.roles.select_related("organisation", "government").order_by("start_date", "pk")]


def _contacts(person):
    from hefboom.monitoring.models import Contact

    contacts = (Contact.all_objects.filter(persons=person).order_by("date", "pk")
                .prefetch_related("organisations", "dossiers", "our_participants",
                                  "follow_ups__owner"))
    return [{
        "id": contact.pk,
        "date": _iso(contact.date),
        "channel": contact.channel,
        "formal": contact.is_formal,
        "confidentiality": contact.confidentiality,
        "in_bin": contact.deleted_at is not None,
        "summary": contact.summary,
        "arguments": contact.arguments,
        "their_position": contact.their_position,
        "organisations": [_organisation(o) for o in contact.organisations.all()],
        "dossiers": [d.name for d in contact.dossiers.all()],
        "our_participants": [str(u) for u in contact.our_participants.all()],
        "follow_ups": [{
            "description": f.description,
            "owner": _user(f.owner),
            "due_date": _iso(f.due_date),
            "done_at": _iso(f.done_at),
        } for f in contact.follow_ups.all()],
    } for contact in contacts]


def _outcomes(person):
    from hefboom.monitoring.models import Outcome

    outcomes = Outcome.all_objects.filter(social_actor_persons=person).order_by("date", "pk")
    return [{
        "id": outcome.pk,
        "date": _iso(outcome.date),
        "title": outcome.title,
        "description": outcome.description,
        "change_type": outcome.change_type,
        "in_bin": outcome.deleted_at is not None,
    } for outcome in outcomes]


def _merges(person):
    return [{
        "merged_name": merge.merged_name,
        "merged_id": merge.merged_id,
        "merged_at": _iso(merge.merged_at),
        "merged_by": _user(merge.merged_by),
    } for merge in person.merges.select_related("merged_by").order_by("merged_at", "pk")]


HISTORY_FIELDS = ("first_name", "last_name", "email", "phone", "notes", "is_public_figure",
                  "source_reference")
HISTORY_TYPES = {"+": "created", "~": "changed", "-": "deleted"}


def _history(person):
    rows = person.history.select_related("history_user").order_by("history_date", "history_id")
    return [{
        "version": row.version,
        "date": _iso(row.history_date),
        "by": _user(row.history_user),
        "type": HISTORY_TYPES.get(row.history_type, row.history_type),
        **{field: getattr(row, field) for field in HISTORY_FIELDS},
    } for row in rows]


def _mentions(person):
    if person.erased_at:
        return []  # the name is a pseudonym: nothing to find
    return [{"type": m.kind, "id": m.pk, "field": m.field, "excerpt": m.excerpt, "url": m.url}
            for m in find_mentions(str(person))]


def collect(person) -> dict:
    """The export document of `person` (see docs/privacy.md for the keys)."""
    return {
        "format": "hefboom-person-export",
        "format_version": FORMAT_VERSION,
        "exported_at": _iso(timezone.now()),
        "person": _person(person),
        "roles": _roles(person),
        "contacts": _contacts(person),
        "outcomes": _outcomes(person),
        "merges": _merges(person),
        "history": _history(person),
        "mentions": _mentions(person),
    }


def as_json(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def as_html(document: dict) -> str:
    """A standalone page (styles inline, no links to the server) to hand to the person."""
    return render_to_string("privacy/export.html", {"doc": document})
