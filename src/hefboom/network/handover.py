"""The hand-over report of a staff member who leaves or changes job: the persons and
organisations they met (number and last interaction), the open follow-ups they own, the dossiers
they worked on, and the persons only they know, to introduce to their successor.

Who may read it: the staff member themself, M&E officers and administrators. It shows what the
*reader* may see: the staff member's own report (and an administrator's) includes their
confidential contacts; an M&E officer's leaves out the confidential contacts she did not take
part in, and the report says so in its header.
"""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Max
from django.utils import timezone

from hefboom.accounts.models import Role, User
from hefboom.actors.models import Organisation
from hefboom.core.access import visible_contacts
from hefboom.monitoring.models import Contact, FollowUp
from hefboom.network.knowledge import (
    DEFAULT_MONTHS,
    KeyContact,
    months_ago,
    persons_with_roles,
    ranked,
    who_knows,
)
from hefboom.network.selectors import id_list
from hefboom.strategy.models import Dossier


def may_read_handover(reader, staff_member) -> bool:
    return reader.is_active and (
        reader.pk == staff_member.pk or reader.is_administrator or reader.role == Role.ME_OFFICER)


def check_handover_reader(reader, staff_member) -> None:
    if not may_read_handover(reader, staff_member):
        raise PermissionDenied(
            "Only the staff member, M&E officers and administrators may read a hand-over report.")


@dataclass
class DossierWork:
    dossier: Dossier
    contacts: int
    last: dt.date


@dataclass
class OrganisationWork:
    organisation: Organisation
    contacts: int
    last: dt.date


@dataclass
class Handover:
    staff_member: User
    reader: User
    months: int
    since: dt.date
    today: dt.date
    complete: bool  # the reader sees every contact of the staff member (own report, admin)
    contact_count: int
    persons: list[KeyContact]  # everyone they met, the most recent first; knowers: others
    follow_ups: list
    dossiers: list[DossierWork]
    organisations: list[OrganisationWork]  # organisations they met, the most recent first
    to_introduce: list[KeyContact]  # met in the window, known by no other active staff member

    @property
    def is_own(self) -> bool:
        return self.reader.pk == self.staff_member.pk


def handover(reader, staff_member, months=DEFAULT_MONTHS) -> Handover:
    check_handover_reader(reader, staff_member)
    today = timezone.localdate()
    since = months_ago(today, months)
    # The staff member's contacts the reader may see, read once: the three groupings below take
    # them as one list parameter instead of each re-evaluating the set (9,000 contacts).
    ids = list(visible_contacts(reader).filter(our_participants=staff_member)
               .values_list("pk", flat=True))
    contact_ids = id_list(ids)
    through = Contact.persons.through.objects.filter(contact_id__in=contact_ids)
    rows = list(through.values("person_id").annotate(n=Count("contact_id"),
                                                     last=Max("contact__date"))
                .order_by("-last", "-n", "person_id"))
    persons = persons_with_roles([row["person_id"] for row in rows])
    known = who_knows(visible_contacts(reader).filter(date__gte=since))
    met = []
    for row in rows:
        others = [k for k in known.get(row["person_id"], []) if k[0].pk != staff_member.pk]
        met.append(KeyContact(persons[row["person_id"]], row["n"], row["last"], others))
    to_introduce = ranked(k for k in met if k.last >= since and not k.knowers)

    dossier_rows = list(
        Contact.dossiers.through.objects.filter(contact_id__in=contact_ids)
        .values("dossier_id").annotate(n=Count("contact_id"), last=Max("contact__date"))
        .order_by("-last", "dossier_id"))
    dossiers = Dossier.objects.select_related("theme").in_bulk(
        [row["dossier_id"] for row in dossier_rows])
    organisation_rows = list(
        Contact.organisations.through.objects.filter(contact_id__in=contact_ids)
        .values("organisation_id").annotate(n=Count("contact_id"), last=Max("contact__date"))
        .order_by("-last", "-n", "organisation_id"))
    organisations = Organisation.objects.in_bulk(
        [row["organisation_id"] for row in organisation_rows])
    follow_ups = (FollowUp.objects.open().visible_to(reader).filter(owner=staff_member)
                  .select_related("contact").order_by(F("due_date").asc(nulls_last=True), "pk"))
    return Handover(
        staff_member=staff_member, reader=reader, months=months, since=since, today=today,
        complete=reader.pk == staff_member.pk or reader.is_administrator,
        contact_count=len(ids),
        persons=met, follow_ups=list(follow_ups),
        dossiers=[DossierWork(dossiers[row["dossier_id"]], row["n"], row["last"])
                  for row in dossier_rows],
        organisations=[OrganisationWork(organisations[row["organisation_id"]], row["n"],
                                        row["last"]) for row in organisation_rows],
        to_introduce=to_introduce,
    )
