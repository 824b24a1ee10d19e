"""Member involvement: the list, one member's page and the workbook."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from hefboom.privacy.models import AccessEvent
from hefboom.synergy import members

from .conftest import contact, output

pytestmark = pytest.mark.django_db


def row_of(rows, organisation):
    return next(row for row in rows if row.organisation == organisation)


def test_the_list_counts_each_members_joint_work(case, alice, bob):
    rows = members.members(alice)
    assert [row.organisation.name for row in rows] == ["Klimaatcoalitie Test", "Noordhuis vzw"]
    coalition = row_of(rows, case.coalition)
    assert (coalition.activities, coalition.outputs, coalition.contacts) == (1, 0, 1)
    # The campaign led to Quota verhoogd, the meeting and the direct link to Debat gepland.
    assert coalition.outcomes == 2 and coalition.dossiers == 1
    assert coalition.last == dt.date(2024, 2, 20)
    noordhuis = row_of(rows, case.noordhuis)
    assert (noordhuis.contacts, noordhuis.outcomes, noordhuis.last) == (1, 1, dt.date(2024, 4, 2))


def test_bob_does_not_see_the_confidential_joint_contact(case, bob):
    coalition = row_of(members.members(bob), case.coalition)
    assert coalition.contacts == 0
    assert coalition.last == dt.date(2024, 2, 1)
    assert coalition.outcomes == 2  # the campaign and the direct link still count


def test_the_list_filters_by_kind_and_year(case, alice):
    assert [r.organisation for r in members.members(alice, kind="coalition")] == [case.coalition]
    in_2023 = members.members(alice, year=2023)
    assert all(r.activities + r.outputs + r.contacts + r.outcomes == 0 for r in in_2023)
    assert len(in_2023) == 2  # every member is listed, also in a quiet year


def test_a_members_page_shows_its_work_per_year(client, case, alice):
    output(dt.date(2025, 3, 3), "Gezamenlijk standpunt", case.dossier,
           services=[case.services["policy"]], partners=[case.coalition])
    client.force_login(alice)
    response = client.get(reverse("synergy:member", args=[case.coalition.pk]))
    assert response.status_code == 200
    detail = response.context["detail"]
    assert [(y.year, y.activities, y.outputs, y.contacts, y.outcomes) for y in detail.years] == [
        (2024, 1, 0, 1, 2), (2025, 0, 1, 0, 0)]
    body = response.content.decode()
    assert reverse("monitoring:activity", args=[case.campaign.pk]) in body
    assert "Vertrouwelijk overleg met activisten" in body
    assert reverse("monitoring:outcome", args=[case.debate.pk]) in body
    # Alice saw a confidential contact: the view is in the audit log.
    assert AccessEvent.objects.filter(object_type="contact", object_id=case.secret.pk).exists()

    response = client.get(reverse("synergy:member", args=[case.coalition.pk]), {"year": 2025})
    assert [r.title for r in response.context["detail"].records["output"]] == [
        "Gezamenlijk standpunt"]
    assert response.context["detail"].records["contact"] == []


def test_bob_reads_the_members_page_without_the_confidential_contact(client, case, bob):
    client.force_login(bob)
    response = client.get(reverse("synergy:member", args=[case.coalition.pk]))
    assert "Vertrouwelijk overleg" not in response.content.decode()
    assert response.context["detail"].counts["contact"] == 0


def test_an_organisation_without_membership_has_no_member_page(client, case, bob, cabinet):
    client.force_login(bob)
    assert client.get(reverse("synergy:member", args=[cabinet.pk])).status_code == 404


def test_a_bad_year_is_a_message(client, case, bob):
    client.force_login(bob)
    response = client.get(reverse("synergy:members"), {"year": "twintig"})
    assert response.status_code == 400
    assert "Enter a whole number" in response.content.decode()


def sheet_rows(content, name):
    workbook = load_workbook(io.BytesIO(content))
    return [list(row) for row in workbook[name].iter_rows(min_row=3, values_only=True)]


def test_the_export_has_a_row_per_joint_record_and_totals_per_year(client, case, alice):
    contact(alice, dt.date(2024, 6, 1), "=HYPERLINK(\"http://x\")", case.dossier,
            partners=[case.noordhuis])
    client.force_login(alice)
    response = client.get(reverse("synergy:member_export"))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    rows = sheet_rows(response.content, "Joint records")
    assert [(r[0], r[2], r[4]) for r in rows] == [
        ("Klimaatcoalitie Test", "Joint activity", "Herfstcampagne"),
        ("Klimaatcoalitie Test", "Joint contact", "Vertrouwelijk overleg met activisten"),
        ("Noordhuis vzw", "Joint contact", "Lunch met het kabinet"),
        ("Noordhuis vzw", "Joint contact", "'=HYPERLINK(\"http://x\")"),
    ]
    campaign = rows[0]
    assert campaign[3].date() == dt.date(2024, 2, 1)
    assert campaign[5] == "Hervestiging" and campaign[6] == "Policy, Communication"
    assert "Coalition we take part in" in campaign[1]
    totals = sheet_rows(response.content, "Per member and year")
    assert totals == [["Klimaatcoalitie Test", 2024, 1, 0, 1, 2, "Hervestiging"],
                      ["Noordhuis vzw", 2024, 0, 0, 2, 1, "Hervestiging"]]
    assert AccessEvent.objects.filter(object_id=case.secret.pk,
                                      note="member involvement export").exists()


def test_the_export_leaves_out_what_bob_cannot_see(client, case, bob):
    client.force_login(bob)
    response = client.get(reverse("synergy:member_export"))
    content = response.content
    rows = sheet_rows(content, "Joint records")
    assert all("Vertrouwelijk" not in str(r[4]) for r in rows)
    assert [r[0] for r in rows] == ["Klimaatcoalitie Test", "Noordhuis vzw"]
    totals = sheet_rows(content, "Per member and year")
    assert totals[0][2:6] == [1, 0, 0, 2]


def test_a_character_a_workbook_cannot_hold_is_a_message_not_a_broken_file(client, case, alice):
    contact(alice, dt.date(2024, 6, 2), "Overleg \x07 met bel", case.dossier,
            partners=[case.noordhuis])
    client.force_login(alice)
    response = client.get(reverse("synergy:member_export"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("synergy:members")
    assert "cannot hold" in response.content.decode()


def test_the_counts_of_the_list_link_to_the_members_page(client, case, alice):
    client.force_login(alice)
    response = client.get(reverse("synergy:members"), {"year": 2024})
    member_url = reverse("synergy:member", args=[case.coalition.pk])
    body = response.content.decode()
    assert f'href="{member_url}?year=2024#member-activities">1</a>' in body
    assert f'href="{member_url}?year=2024#member-outcomes">2</a>' in body
