"""A member organisation or coalition named on a contact, activity or output must have been a
partner on the record's date; every write path gets the same refusal on `partners`."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from hefboom.actors.models import Membership, Organisation, not_partners_on
from hefboom.core.actions import save_record
from hefboom.monitoring.models import Activity, Contact, Output


@pytest.fixture
def coalition(db):
    organisation = save_record(Organisation(name="Klimaatcoalitie", type="coalition"), None)
    save_record(Membership(organisation=organisation, kind="coalition",
                           start_date=dt.date(2021, 1, 1), end_date=dt.date(2023, 12, 31)), None)
    return organisation


def test_not_partners_on_reads_the_membership_dates(coalition):
    assert not_partners_on([coalition], dt.date(2022, 5, 1)) == []
    assert not_partners_on([coalition], dt.date(2024, 1, 1)) == [coalition]
    assert not_partners_on([coalition.pk], dt.date(2020, 12, 31)) == [coalition]


def test_a_contact_with_a_partner_outside_its_membership_is_refused(alice, dossier, coalition):
    with pytest.raises(ValidationError) as refused:
        save_record(Contact(date=dt.date(2024, 2, 1), channel="meeting",
                            summary="Gezamenlijk overleg"), alice,
                    m2m={"our_participants": [alice], "dossiers": [dossier],
                         "partners": [coalition]})
    assert "partners" in refused.value.message_dict
    assert "Klimaatcoalitie" in refused.value.message_dict["partners"][0]
    assert not Contact.all_objects.exists()


def test_a_partner_within_its_membership_is_kept_in_the_version(alice, dossier, coalition):
    contact = save_record(Contact(date=dt.date(2022, 2, 1), channel="meeting",
                                  summary="Gezamenlijk overleg"), alice,
                          m2m={"our_participants": [alice], "dossiers": [dossier],
                               "partners": [coalition]})
    assert list(contact.partners.all()) == [coalition]
    assert [p.organisation for p in contact.history.latest().partners.all()] == [coalition]


def test_moving_a_record_out_of_the_membership_re_checks_its_partners(alice, dossier, coalition):
    output = save_record(Output(title="Gezamenlijk standpunt", type="position_paper",
                                date=dt.date(2023, 6, 1)), alice,
                         m2m={"dossiers": [dossier], "partners": [coalition]})
    output.date = dt.date(2024, 6, 1)
    with pytest.raises(ValidationError, match="Klimaatcoalitie"):
        save_record(output, alice)
    assert Output.objects.get(pk=output.pk).date == dt.date(2023, 6, 1)


def test_an_activity_before_the_membership_is_refused(alice, dossier, coalition):
    with pytest.raises(ValidationError):
        save_record(Activity(title="Klimaatmars", type="campaign", date=dt.date(2020, 10, 1)),
                    alice, m2m={"dossiers": [dossier], "partners": [coalition]})


def test_overlapping_memberships_of_one_organisation_are_refused(coalition):
    with pytest.raises(ValidationError, match="already has a membership"):
        save_record(Membership(organisation=coalition, kind="coalition",
                               start_date=dt.date(2023, 1, 1)), None)
    save_record(Membership(organisation=coalition, kind="coalition",
                           start_date=dt.date(2024, 1, 1)), None)
    assert coalition.memberships.count() == 2
