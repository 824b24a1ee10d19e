"""Fixtures of the uptake tests: a study of ours and a later decision that takes over a sentence."""

import datetime as dt

import pytest

from hefboom.monitoring import actions as monitoring_actions
from hefboom.monitoring.models import Outcome, Output
from hefboom.uptake import actions

OUR_TEXT = (
    "Inleiding van de studie over arbeidsmigratie.\n\n"
    "Slachtoffers van sociale inbreuken door werkgevers moeten 180 dagen in plaats van 90 dagen "
    "krijgen om een nieuwe baan te vinden, zodat zij minder terughoudend zijn om misstanden te melden."
)
THEIR_TEXT = (
    "De regering neemt de volgende beslissingen over arbeidsmigratie.\n\n"
    "Slachtoffers van sociale inbreuken door werkgevers krijgen voortaan 180 dagen (in plaats van 90) "
    "om een nieuwe baan te vinden, zodat zij minder terughoudend zijn om misstanden te melden.\n\n"
    "De regering evalueert deze maatregelen na twee jaar in overleg met de sociale partners."
)


@pytest.fixture
def study(alice, dossier):
    return monitoring_actions.record_output(
        alice, Output(title="Studie arbeidsmigratie", type="study", date=dt.date(2022, 5, 10),
                      full_text=OUR_TEXT), dossiers=[dossier])


@pytest.fixture
def outcome(alice, dossier):
    return monitoring_actions.record_outcome(
        alice, Outcome(title="Langere zoektermijn", description="180 dagen", date=dt.date(2023, 7, 7),
                       change_type="policy_content"), dossiers=[dossier])


def decision(date=dt.date(2023, 7, 7), text=THEIR_TEXT, title="Besluit"):
    return actions.import_document(None, text=text, title=title, kind="ministerial_decision",
                                   date=date)


