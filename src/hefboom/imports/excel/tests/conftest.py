"""Fixtures for the Excel import: a programme with dossiers, parties, De Moor and her cabinet."""

import datetime as dt

import pytest

from hefboom.actors.models import Organisation, OrganisationType, Person, PersonRole
from hefboom.core.actions import save_record
from hefboom.imports.excel.tests.workbooks import dutch_sheets, make_workbook
from hefboom.strategy.models import Dossier, ProgressMarker


@pytest.fixture
def world(alice, bob, carol, dossier, boundary_partner, theme):
    """What a team's workbook refers to: dossiers, a party, De Moor, a progress marker."""
    labour = save_record(Dossier(theme=theme, code="arbeidsmigratie", name="Arbeidsmigratie"), None)
    party = save_record(Organisation(name="Nieuw-Vlaamse Alliantie", short_name="N-VA",
                                     type=OrganisationType.PARTY), None)
    de_moor = save_record(Person(first_name="Nicole", last_name="De Moor"), None)
    cabinet = save_record(Organisation(name="Kabinet van de staatssecretaris voor Asiel en Migratie",
                                       type=OrganisationType.CABINET), None)
    save_record(PersonRole(person=de_moor, organisation=cabinet, title="Staatssecretaris",
                           start_date=dt.date(2022, 6, 28)), None)
    marker = save_record(ProgressMarker(boundary_partner=boundary_partner, dossier=dossier,
                                        level="expect", order=1,
                                        statement="De regering verhoogt de hervestigingsquota."),
                         None)
    return {"dossier": dossier, "labour": labour, "party": party, "de_moor": de_moor,
            "cabinet": cabinet, "marker": marker, "alice": alice, "bob": bob, "carol": carol}


@pytest.fixture
def dutch_workbook(tmp_path):
    return make_workbook(tmp_path / "monitoring-2023.xlsx", dutch_sheets())
