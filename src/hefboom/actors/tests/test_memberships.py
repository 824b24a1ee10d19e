"""Memberships on the organisation page: a member organisation or a coalition we take part in,
added, changed and ended by the M&E officer; overlaps refused; others read only."""

import datetime as dt

import pytest
from django.urls import reverse

from hefboom.actors import actions
from hefboom.actors.models import Membership, MembershipKind, Organisation, OrganisationType
from hefboom.core.actions import save_record


@pytest.fixture
def union(db):
    return save_record(Organisation(name="Vakbond Verzonnen",
                                    type=OrganisationType.MEMBER_ORGANISATION), None)


@pytest.fixture
def membership(union, mia):
    return actions.add_membership(mia, Membership(organisation=union, kind=MembershipKind.MEMBER,
                                                  start_date=dt.date(2020, 1, 1)))


def test_the_me_officer_adds_a_membership_on_the_organisation_page(client, mia, union):
    client.force_login(mia)
    page = client.get(union.get_absolute_url()).content.decode()
    assert "Not a member organisation, nor a coalition we take part in." in page
    assert reverse("actors:membership_add", args=[union.pk]) in page
    response = client.post(reverse("actors:membership_add", args=[union.pk]),
                           {"kind": "member", "start_date": "2019-03-01", "notes": "Stichtend"})
    assert response.status_code == 302
    membership = Membership.objects.get()
    assert (membership.organisation, membership.kind, membership.start_date) == (
        union, "member", dt.date(2019, 3, 1))
    assert membership.created_by == mia and membership.history.count() == 1
    page = client.get(union.get_absolute_url()).content.decode()
    assert "Member organisation" in page and "Stichtend" in page


def test_an_overlapping_membership_is_refused_with_the_models_message(
        client, mia, union, membership):
    client.force_login(mia)
    response = client.post(reverse("actors:membership_add", args=[union.pk]),
                           {"kind": "coalition", "start_date": "2022-01-01"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vakbond Verzonnen already has a membership from" in html
    assert Membership.objects.count() == 1


def test_an_end_before_the_start_is_refused_on_the_field(client, mia, union):
    client.force_login(mia)
    response = client.post(reverse("actors:membership_add", args=[union.pk]),
                           {"kind": "member", "start_date": "2022-01-01",
                            "end_date": "2021-01-01"})
    assert response.status_code == 400
    assert "end_date" in response.context["form"].errors
    assert not Membership.objects.exists()


def test_ending_a_membership_then_a_new_one_may_follow(client, mia, union, membership):
    client.force_login(mia)
    response = client.post(reverse("actors:membership_end", args=[membership.pk]),
                           {"end_date": "2021-12-31"})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.end_date == dt.date(2021, 12, 31) and membership.version == 2
    response = client.post(reverse("actors:membership_add", args=[union.pk]),
                           {"kind": "coalition", "start_date": "2022-01-01"})
    assert response.status_code == 302
    assert Membership.objects.count() == 2
    # Ending it again later than it ended is refused, with a message; nothing changes.
    response = client.post(reverse("actors:membership_end", args=[membership.pk]),
                           {"end_date": "2023-01-01"}, follow=True)
    assert "already ended on" in response.content.decode()
    membership.refresh_from_db()
    assert membership.end_date == dt.date(2021, 12, 31)


def test_changing_a_membership_keeps_history_and_checks_the_version(
        client, mia, carol, union, membership):
    client.force_login(mia)
    url = reverse("actors:membership_edit", args=[membership.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"kind": "coalition", "start_date": "2020-01-01",
                                 "expected_version": membership.version})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.kind == "coalition" and membership.history.count() == 2
    stale = client.post(url, {"kind": "member", "start_date": "2020-01-01",
                              "expected_version": 1})
    assert stale.status_code == 400
    membership.refresh_from_db()
    assert membership.kind == "coalition"


@pytest.mark.parametrize("who", ["victor", "alice"])
def test_viewers_and_policy_officers_cannot_change_memberships(
        request, client, who, union, membership):
    client.force_login(request.getfixturevalue(who))
    page = client.get(union.get_absolute_url()).content.decode()
    assert "Member organisation" in page  # they read it
    assert reverse("actors:membership_add", args=[union.pk]) not in page
    assert reverse("actors:membership_end", args=[membership.pk]) not in page
    assert client.post(reverse("actors:membership_add", args=[union.pk]),
                       {"kind": "coalition", "start_date": "2030-01-01"}).status_code == 403
    assert client.post(reverse("actors:membership_end", args=[membership.pk]),
                       {"end_date": "2024-01-01"}).status_code == 403
    assert client.get(reverse("actors:membership_edit", args=[membership.pk])).status_code == 403
    membership.refresh_from_db()
    assert Membership.objects.count() == 1 and membership.end_date is None


def test_the_organisation_page_reads_memberships_in_a_constant_number_of_queries(
        client, victor, mia, union, django_assert_num_queries):
    actions.add_membership(mia, Membership(organisation=union, kind="member",
                                           start_date=dt.date(2000, 1, 1),
                                           end_date=dt.date(2000, 12, 31)))
    client.force_login(victor)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(union.get_absolute_url())
    for year in range(2001, 2010):
        actions.add_membership(mia, Membership(organisation=union, kind="coalition",
                                               start_date=dt.date(year, 1, 1),
                                               end_date=dt.date(year, 12, 31)))
    with django_assert_num_queries(len(one.captured_queries)):
        html = client.get(union.get_absolute_url()).content.decode()
    assert html.count("Coalition we take part in") == 9


def test_the_admin_shows_memberships_services_and_the_users_service(client, carol, union,
                                                                   membership):
    client.force_login(carol)
    html = client.get(reverse("admin:actors_organisation_change", args=[union.pk])
                      ).content.decode()
    assert "memberships-0-kind" in html
    assert client.get(reverse("admin:strategy_service_changelist")).status_code == 200
    html = client.get(reverse("admin:accounts_user_change", args=[carol.pk])).content.decode()
    assert 'name="service"' in html
