"""Roles that cannot both be true are refused with a message naming the other holder; a role in a
government lies within its dates; open ends count as unbounded; ending a role keeps the past."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hefboom.actors.actions import add_role, end_role
from hefboom.actors.models import Government, Organisation, OrganisationType, Person, PersonRole
from hefboom.actors.selectors import best_role, roles_at
from hefboom.core.actions import save_record

D = dt.date


@pytest.fixture
def party(db):
    return save_record(Organisation(name="Partij Verzonnen", type=OrganisationType.PARTY), None)


@pytest.fixture
def ann(db):
    return save_record(Person(first_name="Ann", last_name="Voorbeeld"), None)


@pytest.fixture
def jan(db):
    return save_record(Person(first_name="Jan", last_name="Proef"), None)


@pytest.fixture
def government(db):
    return save_record(Government(name="Regering Proef", political_level="federal",
                                  start_date=D(2020, 10, 1), end_date=D(2025, 2, 3)), None)


def chair(person, party, start, end=None, **extra):
    return PersonRole(person=person, organisation=party, title="Partijvoorzitter",
                      single_holder=True, start_date=start, end_date=end, **extra)


def test_two_simultaneous_chairs_of_one_party_are_refused_naming_the_other(alice, ann, jan, party):
    add_role(alice, chair(ann, party, D(2019, 1, 1), D(2022, 6, 30)))
    with pytest.raises(ValidationError) as refused:
        add_role(alice, chair(jan, party, D(2022, 1, 1)))
    message = " ".join(refused.value.messages)
    assert "held by Ann Voorbeeld (1 Jan 2019 – 30 Jun 2022)" in message
    assert "Only one person at a time" in message
    assert not jan.roles.exists()  # nothing changed


def test_the_title_is_compared_without_case_and_spaces(alice, ann, jan, party):
    add_role(alice, chair(ann, party, D(2019, 1, 1)))
    with pytest.raises(ValidationError):
        add_role(alice, PersonRole(person=jan, organisation=party, title=" partijVOORZITTER ",
                                   start_date=D(2023, 1, 1)))


def test_a_handover_on_the_same_day_and_successive_holders_are_fine(alice, ann, jan, party):
    add_role(alice, chair(ann, party, D(2019, 1, 1), D(2022, 6, 28)))
    add_role(alice, chair(jan, party, D(2022, 6, 28)))
    assert PersonRole.objects.count() == 2


@pytest.mark.parametrize("start, end", [
    (None, None),                    # unbounded both ways: overlaps everything
    (None, D(2019, 6, 1)),           # open start reaches back into Ann's term
    (D(2021, 12, 31), None),         # open end
])
def test_open_ends_count_as_unbounded(alice, ann, jan, party, start, end):
    add_role(alice, chair(ann, party, D(2019, 1, 1), D(2022, 1, 1)))
    with pytest.raises(ValidationError):
        add_role(alice, chair(jan, party, start, end))


def test_an_open_ended_holder_blocks_a_later_one(alice, ann, jan, party):
    add_role(alice, chair(ann, party, None, None))
    with pytest.raises(ValidationError):
        add_role(alice, chair(jan, party, D(2030, 1, 1), D(2030, 2, 1)))


def test_several_holders_of_an_ordinary_function_are_fine(alice, ann, jan, party):
    for person in (ann, jan):
        add_role(alice, PersonRole(person=person, organisation=party, title="Partijbureaulid",
                                   start_date=D(2020, 1, 1)))
    assert party.roles.count() == 2


def test_the_same_person_in_the_same_function_twice_is_refused(alice, ann, party):
    add_role(alice, PersonRole(person=ann, organisation=party, title="Partijbureaulid",
                               start_date=D(2020, 1, 1), end_date=D(2021, 1, 1)))
    with pytest.raises(ValidationError) as refused:
        add_role(alice, PersonRole(person=ann, organisation=party, title="Partijbureaulid",
                                   start_date=D(2020, 6, 1)))
    assert "already holds" in " ".join(refused.value.messages)
    add_role(alice, PersonRole(person=ann, organisation=party, title="Partijbureaulid",
                               start_date=D(2021, 2, 1)))  # a second term later is fine


@pytest.mark.parametrize("start, end, ok", [
    (D(2020, 10, 1), D(2025, 2, 3), True),
    (D(2021, 1, 1), D(2022, 6, 27), True),
    (D(2020, 9, 30), D(2022, 1, 1), False),   # starts before the government
    (D(2021, 1, 1), D(2025, 2, 4), False),    # ends after it
    (D(2021, 1, 1), None, False),             # open end: runs past the government's end
    (None, D(2022, 1, 1), False),             # open start
])
def test_a_role_in_a_government_lies_within_its_dates(alice, ann, party, government, start,
                                                      end, ok):
    role = PersonRole(person=ann, organisation=party, title="Minister", government=government,
                      start_date=start, end_date=end)
    if ok:
        add_role(alice, role)
    else:
        with pytest.raises(ValidationError) as refused:
            add_role(alice, role)
        assert "Regering Proef" in str(refused.value) and "1 Oct 2020 – 3 Feb 2025" in str(refused.value)
        assert not PersonRole.objects.exists()


def test_a_government_cannot_shrink_around_its_roles(alice, ann, party, government):
    add_role(alice, PersonRole(person=ann, organisation=party, title="Minister",
                               government=government, start_date=D(2020, 10, 1),
                               end_date=D(2025, 2, 3)))
    government.end_date = D(2024, 12, 31)
    with pytest.raises(ValidationError, match="Ann Voorbeeld"):
        save_record(government, alice)


def test_ending_a_role_keeps_it_for_the_past(alice, ann, jan, party):
    role = add_role(alice, chair(ann, party, D(2019, 1, 1)))
    end_role(alice, role, D(2022, 6, 27))
    add_role(alice, chair(jan, party, D(2022, 6, 28)))
    roles = roles_at([ann, jan], D(2022, 6, 1))
    assert roles == {ann.pk: role} and role.history.count() == 2
    assert roles_at([ann, jan], D(2022, 7, 1))[jan.pk].person == jan


def test_a_role_cannot_end_later_than_it_already_ended(alice, ann, party):
    role = add_role(alice, chair(ann, party, D(2019, 1, 1), D(2020, 1, 1)))
    with pytest.raises(ValidationError):
        end_role(alice, role, D(2021, 1, 1))
    role.refresh_from_db()
    assert role.end_date == D(2020, 1, 1)


def test_viewers_may_not_add_roles(victor, ann, party):
    with pytest.raises(PermissionDenied):
        add_role(victor, chair(ann, party, D(2019, 1, 1)))


def test_the_role_shown_prefers_the_contacts_organisation(alice, ann, party, cabinet):
    in_party = add_role(alice, chair(ann, party, D(2022, 1, 1)))
    in_cabinet = add_role(alice, PersonRole(person=ann, organisation=cabinet, title="Adviseur",
                                            start_date=D(2020, 1, 1)))
    roles = [in_party, in_cabinet]
    assert best_role(roles, D(2023, 1, 1)) == in_party  # one-holder function first
    assert best_role(roles, D(2023, 1, 1), [cabinet.pk]) == in_cabinet
    assert best_role(roles, D(2021, 1, 1)) == in_cabinet
    assert best_role(roles, D(2019, 1, 1)) is None
