"""A small hand-built case for the synergy view and member involvement (all names invented).

In dossier Hervestiging (programme 2022–2026):

- "Quota verhoogd" (2024-05-01) was reached with policy and communication: a contact of
  Alice's (policy, with member organisation Noordhuis), an output (communication) and the
  autumn campaign (an activity of type campaign: policy and communication, with the
  Klimaatcoalitie).
- "Debat gepland" (2024-03-01) with policy only: a round table (policy); Alice's confidential
  meeting with activists (movement, with the Klimaatcoalitie) is linked to it too, and the
  coalition directly. It followed the campaign within 12 months without being linked to it.
- "Motie ingediend" (2023-06-01) has no contribution recorded.

Bob may not see the confidential meeting, so for him "Debat gepland" has policy only and the
Klimaatcoalitie only through the direct link; Alice sees policy and movement there.

In dossier Klimaatfinanciering (another theme): "Budget verdubbeld" (2025-02-01), reached with
international work.
"""

import datetime as dt
from types import SimpleNamespace

import pytest

from hefboom.actors.models import Membership, MembershipKind, Organisation, OrganisationType
from hefboom.core.actions import save_record
from hefboom.monitoring.models import (
    Activity,
    ActivityType,
    ChangeType,
    Channel,
    Confidentiality,
    Contact,
    ContributionLink,
    Outcome,
    Output,
    OutputType,
)
from hefboom.strategy.models import Dossier, Theme, ensure_default_services


def services():
    """The four default services. Migration strategy.0004 creates them, but a browser test
    (a transactional test) empties the database after it, so later tests make them again."""
    return ensure_default_services()


def outcome(day, title, dossier):
    return save_record(Outcome(date=day, title=title, description=title,
                               change_type=ChangeType.POLICY_CONTENT), None,
                       m2m={"dossiers": [dossier]})


def contact(user, day, summary, dossier, *, services=(), partners=(), confidential=False):
    return save_record(
        Contact(date=day, channel=Channel.MEETING, summary=summary,
                confidentiality=Confidentiality.CONFIDENTIAL if confidential
                else Confidentiality.NORMAL), user,
        m2m={"our_participants": [user], "dossiers": [dossier], "services": list(services),
             "partners": list(partners)})


def activity(day, title, dossier, *, type=ActivityType.LOBBY, services=(), partners=()):
    return save_record(Activity(date=day, title=title, type=type), None,
                       m2m={"dossiers": [dossier], "services": list(services),
                            "partners": list(partners)})


def output(day, title, dossier, *, type=OutputType.REPORT, services=(), partners=()):
    return save_record(Output(date=day, title=title, type=type), None,
                       m2m={"dossiers": [dossier], "services": list(services),
                            "partners": list(partners)})


def link(outcome, **source):
    return save_record(ContributionLink(outcome=outcome, narrative="Droeg bij", **source), None)


def member(name, kind, start, type=OrganisationType.MEMBER_ORGANISATION):
    organisation = save_record(Organisation(name=name, type=type), None)
    save_record(Membership(organisation=organisation, kind=kind, start_date=start), None)
    return organisation


@pytest.fixture
def case(alice, bob, dossier, programme):
    s = services()
    noordhuis = member("Noordhuis vzw", MembershipKind.MEMBER, dt.date(2020, 1, 1))
    coalition = member("Klimaatcoalitie Test", MembershipKind.COALITION, dt.date(2021, 1, 1),
                       OrganisationType.COALITION)
    climate = save_record(Theme(programme=programme, code="klimaat", name="Klimaat"), None)
    finance = save_record(Dossier(theme=climate, code="financiering",
                                  name="Klimaatfinanciering"), None)

    raised = outcome(dt.date(2024, 5, 1), "Quota verhoogd", dossier)
    debate = outcome(dt.date(2024, 3, 1), "Debat gepland", dossier)
    motion = outcome(dt.date(2023, 6, 1), "Motie ingediend", dossier)
    budget = outcome(dt.date(2025, 2, 1), "Budget verdubbeld", finance)

    lunch = contact(alice, dt.date(2024, 4, 2), "Lunch met het kabinet", dossier,
                    services=[s["policy"]], partners=[noordhuis])
    paper = output(dt.date(2024, 4, 10), "Factsheet quota", dossier,
                   services=[s["communication"]])
    campaign = activity(dt.date(2024, 2, 1), "Herfstcampagne", dossier,
                        type=ActivityType.CAMPAIGN, services=[s["policy"], s["communication"]],
                        partners=[coalition])
    secret = contact(alice, dt.date(2024, 2, 20), "Vertrouwelijk overleg met activisten", dossier,
                     services=[s["movement"]], partners=[coalition], confidential=True)
    roundtable = activity(dt.date(2024, 2, 25), "Rondetafel quota", dossier,
                          services=[s["policy"]])
    trip = activity(dt.date(2025, 1, 10), "Delegatie uit Kenia", finance,
                    services=[s["international"]])

    link(raised, contact=lunch)
    link(raised, output=paper)
    link(raised, activity=campaign)
    link(debate, activity=roundtable)
    link(debate, contact=secret)
    link(debate, organisation=coalition)
    link(budget, activity=trip)
    return SimpleNamespace(
        services=s, noordhuis=noordhuis, coalition=coalition, climate=climate, finance=finance,
        raised=raised, debate=debate, motion=motion, budget=budget, lunch=lunch, paper=paper,
        campaign=campaign, roundtable=roundtable, secret=secret, trip=trip, dossier=dossier)
