"""The calendar import's writes: read a file into proposals, confirm one, discard one.

The web screen and `hefboom import-ics` both call these. An import stores all proposals of a
file or none; confirming goes through `monitoring.actions.record_contact`, like every contact.
"""

import datetime as dt
import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from hefboom.actors.matching import ActorMatcher
from hefboom.actors.models import Person
from hefboom.core.access import require_record_editor
from hefboom.core.actions import save_record
from hefboom.imports.calendar import errors
from hefboom.imports.calendar.models import CalendarImport, ProposalStatus, ProposedContact
from hefboom.imports.calendar.reader import CalendarPerson, Occurrence, read_calendar
from hefboom.monitoring.actions import record_contact
from hefboom.monitoring.models import Contact

DEFAULT_PERIOD = dt.timedelta(days=365)


def own_domains(user) -> set[str]:
    """The organisation's own e-mail domains: the user's and HEFBOOM_OWN_EMAIL_DOMAINS."""
    domains = {d.strip().lstrip("@").casefold()
               for d in getattr(settings, "HEFBOOM_OWN_EMAIL_DOMAINS", []) if d.strip()}
    if user.email and "@" in user.email:
        domains.add(user.email.rpartition("@")[2].casefold())
    return domains


def is_external(person: CalendarPerson, domains: set[str]) -> bool:
    """Someone from outside the organisation; without an address we cannot tell, so no."""
    domain = person.domain
    if not domain:
        return False
    return not any(domain == own or domain.endswith("." + own) for own in domains)


def import_calendar(user, data: bytes, file_name: str, *, since: dt.datetime | None = None,
                    until: dt.datetime | None = None, now: dt.datetime | None = None
                    ) -> CalendarImport:
    """Propose a contact for every past meeting with external attendees in an .ics file.

    Raises `errors.CalendarImportError` (nothing stored) when the file cannot be read.
    """
    require_record_editor(user)
    now = now or timezone.now()
    until = min(until or now, now)  # a contact is dated when it happened
    since = since or until - DEFAULT_PERIOD
    reading = read_calendar(data, file_name, since=since, until=until)
    domains = own_domains(user)
    matcher = ActorMatcher()
    roles_cache: dict = {}
    known = set(ProposedContact.objects.filter(
        owner=user, uid__in={o.uid for o in reading.occurrences}
    ).values_list("uid", "recurrence_key"))

    with transaction.atomic():
        calendar_import = CalendarImport.objects.create(
            owner=user, file_name=file_name[:255], sha256=hashlib.sha256(data).hexdigest(),
            size=len(data), since=since, until=until, events=reading.events,
            cancelled=reading.cancelled, outside_period=reading.outside_period,
            problems=[str(problem) for problem in reading.malformed],
        )
        proposals = []
        for occurrence in reading.occurrences:
            if _declined_by(user, occurrence):
                calendar_import.declined += 1
                continue
            external = [p for p in occurrence.participants
                        if is_external(p, domains) and not p.declined]
            if not external:
                calendar_import.without_external += 1
                continue
            key = (occurrence.uid, occurrence.recurrence_key)
            if key in known:
                calendar_import.already_known += 1
                continue
            known.add(key)
            proposals.append(_proposal(user, calendar_import, occurrence, external, matcher,
                                       roles_cache))
        ProposedContact.objects.bulk_create(proposals)
        calendar_import.proposed = len(proposals)
        calendar_import.save()
    return calendar_import


def _declined_by(user, occurrence: Occurrence) -> bool:
    email = (user.email or "").casefold()
    return bool(email) and any(p.declined and p.email.casefold() == email
                               for p in occurrence.attendees)


def _proposal(user, calendar_import, occurrence, external, matcher, roles_cache) -> ProposedContact:
    attendees = []
    for person in external:
        match = matcher.person(person.name or _name_from_email(person.email), person.email)
        found = match.found
        organisation_ids = []
        if found is not None:
            cache_key = (found.pk, occurrence.date)
            if cache_key not in roles_cache:
                roles_cache[cache_key] = [role.organisation_id
                                          for role in found.roles_on(occurrence.date)]
            organisation_ids = roles_cache[cache_key]
        attendees.append({
            "name": person.name,
            "email": person.email,
            "person_id": found.pk if found is not None else None,
            "score": round(match.score, 1),
            "certain": match.certain,
            "candidate_ids": [candidate.pk for candidate, _score in match.candidates],
            "organisation_ids": organisation_ids,
        })
    organiser = occurrence.organiser
    return ProposedContact(
        owner=user,
        calendar_import=calendar_import,
        uid=occurrence.uid,
        recurrence_key=occurrence.recurrence_key,
        start=occurrence.start,
        all_day=occurrence.all_day,
        summary=occurrence.summary,
        location=occurrence.location,
        description=occurrence.description,
        online=occurrence.online,
        organiser={"name": organiser.name, "email": organiser.email} if organiser else None,
        attendees=attendees,
    )


def _name_from_email(email: str) -> str:
    """'lotte.verzonnen@...' -> 'Lotte Verzonnen', for attendees the calendar gives no name."""
    local = email.partition("@")[0]
    return " ".join(part.capitalize() for part in local.replace("_", ".").split(".") if part)


def person_name(attendee: dict) -> str:
    return attendee.get("name") or _name_from_email(attendee.get("email", ""))


def _ensure_person(user, attendee: dict, source: str) -> Person:
    """The person with this attendee's address, or a new one (never a duplicate by e-mail)."""
    email = attendee.get("email", "")
    if email and (existing := Person.objects.filter(email__iexact=email).first()):
        return existing
    name = person_name(attendee)
    first, _space, last = name.strip().partition(" ")
    if not first or not last.strip():
        raise ValidationError(errors.message(errors.CANNOT_NAME_PERSON, name=name or email),
                              code=errors.CANNOT_NAME_PERSON[0])
    person = Person(first_name=first[:100], last_name=last.strip()[:100], email=email,
                    source_reference=source)
    return save_record(person, user)


@transaction.atomic
def confirm_proposal(user, proposal: ProposedContact, *, summary: str, channel: str, dossiers,
                     persons=(), new_people=(), organisations=()) -> Contact:
    """Log the meeting as a contact (the user took part) and mark the proposal confirmed.

    `new_people` are attendee dicts for whom a person is created. Invalid input raises
    `ValidationError` and leaves nothing behind: no contact, no new person, still proposed.
    """
    require_record_editor(user)
    proposal = ProposedContact.objects.select_for_update().select_related(
        "calendar_import").get(pk=proposal.pk, owner=user)
    if proposal.status != ProposalStatus.PROPOSED:
        raise ValidationError(errors.message(errors.ALREADY_HANDLED,
                                             status=proposal.get_status_display()),
                              code=errors.ALREADY_HANDLED[0])
    source = proposal.source_reference
    people = list(persons)
    for attendee in new_people:
        person = _ensure_person(user, attendee, source)
        if person not in people:
            people.append(person)
    contact = Contact(date=proposal.date, channel=channel, summary=summary.strip(),
                      source_reference=source)
    record_contact(user, contact, our_participants=[user], dossiers=dossiers, persons=people,
                   organisations=organisations)
    proposal.status = ProposalStatus.CONFIRMED
    proposal.contact = contact
    proposal.summary = summary.strip()
    proposal.save(update_fields=["status", "contact", "summary", "updated_at"])
    return contact


@transaction.atomic
def discard_proposal(user, proposal: ProposedContact) -> ProposedContact:
    """Not a contact worth logging; a later import will not propose it again."""
    require_record_editor(user)
    proposal = ProposedContact.objects.select_for_update().get(pk=proposal.pk, owner=user)
    if proposal.status == ProposalStatus.CONFIRMED:
        raise ValidationError(errors.message(errors.ALREADY_HANDLED,
                                             status=proposal.get_status_display()),
                              code=errors.ALREADY_HANDLED[0])
    proposal.status = ProposalStatus.DISCARDED
    proposal.save(update_fields=["status", "updated_at"])
    return proposal
