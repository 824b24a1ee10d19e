"""A small network around Lotte Verzonnen (the `advisor`), adviser at the test cabinet from
2022 to 2023: Alice met her in confidence, Alice and Bob met her together, Bob met her again
after she left the cabinet. Dates are fixed; bus-factor tests build recent contacts of their own.
"""

import datetime as dt

import pytest

from hefboom.actors.models import Organisation, OrganisationType, PersonRole
from hefboom.core.actions import save_record
from hefboom.monitoring import actions
from hefboom.monitoring.models import Channel, Contact, FollowUp, Outcome


def contact(user, day, summary, *, participants, dossier, persons=(), organisations=(), **fields):
    return actions.record_contact(
        user, Contact(date=day, channel=Channel.MEETING, summary=summary, **fields),
        our_participants=participants, dossiers=[dossier], persons=persons,
        organisations=organisations)


def follow_up(owner, about, description, due):
    return save_record(FollowUp(contact=about, owner=owner, description=description,
                                due_date=due), owner)


@pytest.fixture
def advisor_role(advisor, cabinet):
    return save_record(PersonRole(person=advisor, organisation=cabinet, title="Adviseur migratie",
                                  start_date=dt.date(2022, 1, 1), end_date=dt.date(2023, 12, 31)),
                       None)


@pytest.fixture
def research_service(cabinet):
    return save_record(Organisation(name="Cel beleidsvoorbereiding", parent=cabinet,
                                    type=OrganisationType.ADMINISTRATION), None)


@pytest.fixture
def network(alice, bob, dossier, cabinet, advisor, advisor_role, confidential_contact,
            research_service):
    confidential_contact.their_position = "Geheim standpunt over de structuur"
    confidential_contact.save()
    secret_follow_up = follow_up(alice, confidential_contact, "Geheime nota bezorgen",
                                 dt.date(2023, 4, 30))
    together = contact(alice, dt.date(2023, 5, 10), "Overleg over quota",
                       participants=[alice, bob], dossier=dossier, persons=[advisor],
                       their_position="Voor hogere quota")
    open_follow_up = follow_up(bob, together, "Cijfers nasturen", dt.date(2023, 6, 1))
    later = contact(bob, dt.date(2024, 3, 1), "Koffie na haar vertrek",
                    participants=[bob], dossier=dossier, persons=[advisor])
    service = contact(bob, dt.date(2023, 9, 1), "Werkbezoek cel",
                      participants=[bob], dossier=dossier, organisations=[research_service])
    outcome = actions.record_outcome(
        alice, Outcome(title="Quota verhoogd", description="De regering verhoogt de quota.",
                       date=dt.date(2023, 7, 1), change_type="policy_content"),
        dossiers=[dossier], social_actor_persons=[advisor])
    return {"together": together, "later": later, "service": service, "outcome": outcome,
            "secret_follow_up": secret_follow_up, "open_follow_up": open_follow_up}
