"""Fixtures for journals and narratives: a small ladder for the boundary partner, an outcome
with evidence, and an output in the dossier."""

import datetime as dt

import pytest

from hefboom.core.actions import save_record
from hefboom.monitoring import actions
from hefboom.monitoring.models import Evidence, Outcome, Output
from hefboom.strategy.models import ProgressMarker

YEAR_2023 = (dt.date(2023, 1, 1), dt.date(2023, 12, 31))


@pytest.fixture
def markers(boundary_partner, dossier):
    """Expect, like and love to see: one marker each, plus a second expect marker."""
    def marker(level, order, statement):
        return save_record(ProgressMarker(boundary_partner=boundary_partner, dossier=dossier,
                                          level=level, order=order, statement=statement), None)

    return [
        marker("expect", 1, "Receives the organisation for talks on resettlement"),
        marker("expect", 2, "Mentions resettlement in a policy note"),
        marker("like", 1, "Sets a yearly resettlement quota"),
        marker("love", 1, "Creates a lasting resettlement structure"),
    ]


@pytest.fixture
def outcome(alice, dossier):
    return actions.record_outcome(
        alice, Outcome(title="Structuur voor hervestiging beslist",
                       description="De regering besliste een autonome hervestigingsstructuur.",
                       date=dt.date(2023, 7, 31), change_type="policy_content"),
        dossiers=[dossier])


@pytest.fixture
def evidence(alice, outcome):
    return actions.add_evidence(alice, Evidence(outcome=outcome, source_type="press",
                                                reference="De Standaard, 1 augustus 2023"))


@pytest.fixture
def output(alice, dossier):
    return actions.record_output(alice, Output(title="Inputnota hervestiging", type="input_paper",
                                               date=dt.date(2023, 5, 2)), dossiers=[dossier])
