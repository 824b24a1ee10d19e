"""A small political landscape: two parties (one with a research service), a federal cabinet,
an administration never contacted, and Noor Fictief, chair of the Rode Partij in 2024 only.
All names are invented."""

import datetime as dt

import pytest

from hefboom.actors.models import Organisation, OrganisationType, Person, PersonRole, PoliticalLevel
from hefboom.core.actions import save_record
from hefboom.monitoring import actions
from hefboom.monitoring.models import Channel, Contact


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what the write path does on commit (the coverage counts) at the end of the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def red(db):
    return save_record(Organisation(name="Rode Partij", type=OrganisationType.PARTY,
                                    political_level=PoliticalLevel.FLEMISH, spectrum_position=2),
                       None)


@pytest.fixture
def blue(db):
    return save_record(Organisation(name="Blauwe Partij", type=OrganisationType.PARTY,
                                    political_level=PoliticalLevel.FEDERAL, spectrum_position=8),
                       None)


@pytest.fixture
def unplaced(db):
    return save_record(Organisation(name="Grijze Partij", type=OrganisationType.PARTY), None)


@pytest.fixture
def red_research(red):
    return save_record(Organisation(name="Studiedienst Rood", parent=red,
                                    type=OrganisationType.RESEARCH_SERVICE,
                                    political_level=PoliticalLevel.FLEMISH), None)


@pytest.fixture
def administration(db):
    return save_record(Organisation(name="Dienst Vreemdelingenzaken",
                                    type=OrganisationType.ADMINISTRATION,
                                    political_level=PoliticalLevel.FEDERAL), None)


@pytest.fixture
def chair(red):
    person = save_record(Person(first_name="Noor", last_name="Fictief", is_public_figure=True),
                         None)
    save_record(PersonRole(person=person, organisation=red, title="party chair",
                           single_holder=True, start_date=dt.date(2024, 1, 1),
                           end_date=dt.date(2024, 12, 31)), None)
    return person


@pytest.fixture
def contact_on(alice, dossier):
    """contact_on(date, organisations=[...], persons=[...], dossiers=[...]) -> Contact."""

    def make(day, *, organisations=(), persons=(), dossiers=None, summary="Overleg", **extra):
        contact = Contact(date=day, channel=Channel.MEETING, summary=summary, **extra)
        return actions.record_contact(alice, contact, our_participants=[alice],
                                      dossiers=dossiers or [dossier],
                                      organisations=organisations, persons=persons)

    return make
