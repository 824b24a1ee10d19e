"""Free-text names find the existing person or organisation instead of creating duplicates."""

import datetime as dt

import pytest

from hefboom.actors.matching import ActorMatcher, looks_like_organisation, normalise, strip_titles
from hefboom.actors.models import Organisation, Person, PersonRole
from hefboom.core.actions import save_record


@pytest.fixture
def de_moor(db):
    person = save_record(Person(first_name="Nicole", last_name="De Moor",
                                email="n.demoor@example.org"), None)
    cabinet = save_record(Organisation(name="Kabinet van de staatssecretaris voor Asiel en Migratie",
                                       short_name="Kabinet Asiel en Migratie", type="cabinet",
                                       political_level="federal"), None)
    save_record(PersonRole(person=person, organisation=cabinet, title="Staatssecretaris",
                           start_date=dt.date(2022, 6, 28)), None)
    save_record(Person(first_name="Sammy", last_name="Mahdi"), None)
    save_record(Organisation(name="Vlaams Parlement", type="parliament", political_level="flemish"),
                None)
    return person, cabinet


def test_normalise_and_titles():
    assert normalise("Min.  Nicole De Moor") == "min nicole de moor"
    assert normalise("Pétra De Sutter") == "petra de sutter"
    assert strip_titles("Min. De Moor") == "de moor"
    assert strip_titles("Mevr. Staatssecretaris Nicole De Moor") == "nicole de moor"
    assert looks_like_organisation("kabinet De Moor")
    assert not looks_like_organisation("Nicole De Moor")


@pytest.mark.parametrize("name", ["Nicole De Moor", "Min. De Moor", "de moor", "N. De Moor",
                                  "Staatssecretaris Nicole de Moor", "Nicole Demoor"])
def test_the_many_ways_of_writing_one_person(de_moor, name):
    match = ActorMatcher().person(name)
    assert match.found == de_moor[0], name
    assert match.certain or match.needs_review


def test_clear_names_are_certain_and_email_wins(de_moor):
    matcher = ActorMatcher()
    assert matcher.person("Nicole De Moor").certain
    assert matcher.person("Min. De Moor").certain
    assert matcher.person("someone", email="N.DeMoor@example.org").found == de_moor[0]


def test_an_unknown_person_is_not_forced_onto_someone(de_moor):
    match = ActorMatcher().person("Theo Francken")
    assert match.found is None
    assert not ActorMatcher().person("Nicole Mahdi").certain


def test_kabinet_de_moor_is_her_cabinet_not_a_person(de_moor):
    matcher = ActorMatcher()
    match = matcher.organisation("kabinet De Moor", on=dt.date(2023, 7, 28))
    assert match.found == de_moor[1]
    assert match.certain
    # Before she took office the cabinet was not hers.
    assert matcher.organisation("kabinet De Moor", on=dt.date(2021, 1, 1)).found != de_moor[1]


def test_organisations_match_by_name_and_short_name(de_moor):
    matcher = ActorMatcher()
    assert matcher.organisation("Vlaams parlement").certain
    assert matcher.organisation("Kabinet Asiel en Migratie").found == de_moor[1]
    assert matcher.organisation("Waals Parlement").found is None or not matcher.organisation(
        "Waals Parlement").certain


def test_records_created_during_an_import_are_remembered(db):
    matcher = ActorMatcher()
    assert matcher.person("Jan Peeters").found is None
    jan = save_record(Person(first_name="Jan", last_name="Peeters"), None)
    matcher.remember(jan)
    assert matcher.person("J. Peeters").found == jan
