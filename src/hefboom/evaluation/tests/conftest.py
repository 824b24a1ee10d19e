"""An outcome with evidence (one item with a file) and two contributions: an open call and a
confidential meeting that only Alice (and the administrator) may read."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile

from hefboom.evaluation.annex2 import load_annex2_matrix
from hefboom.monitoring import actions
from hefboom.monitoring.models import ContributionLink, Evidence, Outcome


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"


@pytest.fixture
def evaluation(db):
    return load_annex2_matrix()


@pytest.fixture
def question(evaluation):
    return evaluation.questions.get(code="EV.1.4")


def make_outcome(user, dossier, title, **extra):
    return actions.record_outcome(user, Outcome(
        title=title, date=dt.date(2023, 9, 1), change_type="policy_content",
        description=f"{title}: wie veranderde wat.", **extra), dossiers=[dossier])


@pytest.fixture
def outcome(alice, dossier, open_contact, confidential_contact):
    outcome = make_outcome(alice, dossier, "Autonome hervestigingsstructuur",
                           substantiation="substantiated")
    evidence = Evidence(outcome=outcome, source_type="press", reference="De Standaard",
                        quote="De staatssecretaris antwoordde op onze vraag.")
    evidence.file.save("krantenartikel.pdf", ContentFile(b"%PDF-1.4 artikel"), save=False)
    actions.add_evidence(alice, evidence)
    actions.add_evidence(alice, Evidence(outcome=outcome, source_type="parliamentary_record",
                                         reference="Kamervraag 55-123"))
    for contact, narrative in ((open_contact, "Het telefoongesprek zette het op de agenda."),
                               (confidential_contact, "Geheime afspraak in het kabinet.")):
        actions.link_contribution(alice, ContributionLink(outcome=outcome, contact=contact,
                                                          narrative=narrative))
    return outcome
