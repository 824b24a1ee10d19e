"""A person with a trail: Lotte Verzonnen (invented), an advisor in a cabinet, met in an open
and in a confidential contact, a social actor of an outcome, named in a narrative, with a
merged duplicate and a few versions of her record."""

import datetime as dt

import pytest

from hefboom.actors.models import PersonMerge, PersonRole
from hefboom.core.actions import save_record
from hefboom.learning.models import Narrative
from hefboom.monitoring import actions
from hefboom.monitoring.models import Contact, FollowUp, Outcome

NAME = "Lotte Verzonnen"


@pytest.fixture
def lotte(alice, advisor, cabinet, dossier, confidential_contact):
    advisor.email = "lotte@example.org"
    advisor.phone = "+32 470 00 00 00"
    advisor.notes = "Verkiest e-mail boven telefoon."
    save_record(advisor, alice)
    save_record(PersonRole(person=advisor, organisation=cabinet, title="adviseur migratie",
                           start_date=dt.date(2020, 9, 1)), alice)
    confidential_contact.their_position = f"{NAME} steunt een structuur op voorwaarde van budget."
    save_record(confidential_contact, alice)
    contact = actions.record_contact(
        alice, Contact(date=dt.date(2023, 5, 10), channel="meeting",
                       summary="Overleg met lotte verzonnen over quota"),
        our_participants=[alice], dossiers=[dossier], organisations=[cabinet], persons=[advisor])
    save_record(FollowUp(contact=contact, description=f"Nota sturen aan {NAME}", owner=alice,
                         due_date=dt.date(2023, 6, 1)), alice)
    actions.record_outcome(
        alice, Outcome(title="Kabinet neemt quota over", date=dt.date(2023, 7, 1),
                       description=f"Op voorstel van {NAME} nam het kabinet de quota over.",
                       change_type="policy_content"),
        dossiers=[dossier], social_actor_persons=[advisor])
    save_record(Narrative(dossier=dossier, period_start=dt.date(2023, 1, 1),
                          period_end=dt.date(2023, 12, 31), title="Hervestiging 2023",
                          text=f"Het kabinet (adviseur {NAME}) bewoog."), alice)
    PersonMerge.objects.create(into=advisor, merged_name="L. Verzonnen", merged_id=9999,
                               merged_by=alice)
    return advisor
