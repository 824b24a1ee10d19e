"""The synergy view: the matrix, the summary, services per year, pairs and campaigns."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from hefboom.synergy import selectors
from hefboom.synergy.selectors import Scope

pytestmark = pytest.mark.django_db

WHOLE = Scope(start=dt.date(2022, 1, 1), end=dt.date(2026, 11, 1))


def by_title(result):
    return {row.title: row for row in result.rows}


def cells(result, row):
    """{column name: (count, title)} of a matrix row, empty cells left out."""
    names = [name for _s, name in result.services] + [p.name for p in result.partners]
    return {name: (cell.count, cell.title)
            for name, cell in zip(names, row.cells, strict=True) if cell}


def test_the_matrix_counts_contributing_records_per_service_and_partner(case, alice):
    result = selectors.synergy(alice, WHOLE)
    rows = by_title(result)
    assert [row.title for row in result.rows] == [
        "Budget verdubbeld", "Quota verhoogd", "Debat gepland", "Motie ingediend"]
    raised = cells(result, rows["Quota verhoogd"])
    assert raised["Policy"] == (2, "1 contact, 1 activity")
    assert raised["Communication"] == (2, "1 output, 1 activity")
    assert raised["Noordhuis vzw"] == (1, "1 contact")
    assert raised["Klimaatcoalitie Test"] == (1, "1 activity")
    debate = cells(result, rows["Debat gepland"])
    assert debate["Policy"] == (1, "1 activity")
    assert debate["Movement"] == (1, "1 contact")
    # Through Alice's confidential meeting and the direct link.
    assert debate["Klimaatcoalitie Test"] == (2, "1 contact, 1 direct partner link")
    assert cells(result, rows["Motie ingediend"]) == {}
    assert [row.dossiers[0].name for row in result.rows][:2] == ["Klimaatfinanciering",
                                                                 "Hervestiging"]
    # All active services are columns; members only those that appear.
    assert [name for _s, name in result.services] == [
        "Policy", "Communication", "Movement", "International"]
    assert [p.name for p in result.partners] == ["Klimaatcoalitie Test", "Noordhuis vzw"]


def test_a_confidential_contact_adds_no_service_and_no_partner_for_bob(case, bob, alice):
    for_bob = selectors.synergy(bob, WHOLE)
    debate = cells(for_bob, by_title(for_bob)["Debat gepland"])
    assert debate == {"Policy": (1, "1 activity"),
                      "Klimaatcoalitie Test": (1, "1 direct partner link")}
    assert for_bob.totals == (1, 2, 1, 4)  # many, one, none, total
    assert selectors.synergy(alice, WHOLE).totals == (2, 1, 1, 4)


def test_the_summary_counts_outcomes_by_services_per_year(case, bob):
    result = selectors.synergy(bob, WHOLE)
    assert result.summary == [
        (2022, 0, 0, 0, 0), (2023, 0, 0, 1, 1), (2024, 1, 1, 0, 2), (2025, 0, 1, 0, 1),
        (2026, 0, 0, 0, 0)]
    per_service = {name: counts for _s, name, counts, _total in result.service_years}
    assert per_service["Policy"] == [0, 0, 2, 0, 0]
    assert per_service["Communication"] == [0, 0, 1, 0, 0]
    assert per_service["International"] == [0, 0, 0, 1, 0]
    assert [(a, b, n) for _a, a, _b, b, n in result.pairs] == [("Policy", "Communication", 1)]


def test_an_inactive_service_is_a_column_only_where_it_appears(case, bob):
    movement = case.services["movement"]
    movement.is_active = False
    movement.save()
    names = [name for _s, name in selectors.synergy(bob, WHOLE).services]
    assert "Movement" not in names  # Bob cannot see the only record with movement
    international = case.services["international"]
    international.is_active = False
    international.save()
    assert "International" in [name for _s, name in selectors.synergy(bob, WHOLE).services]


def test_row_filters_narrow_the_matrix_but_not_the_counts(case, bob):
    policy, communication = case.services["policy"], case.services["communication"]
    both = selectors.synergy(bob, WHOLE, services=[policy, communication])
    assert [row.title for row in both.rows] == ["Quota verhoogd"]
    assert both.totals == (1, 2, 1, 4)
    assert [r.title for r in selectors.synergy(bob, WHOLE, involvement="none").rows] == [
        "Motie ingediend"]
    with_member = selectors.synergy(bob, WHOLE, partner=case.noordhuis)
    assert [row.title for row in with_member.rows] == ["Quota verhoogd"]
    capped = selectors.synergy(bob, WHOLE, row_cap=2)
    assert len(capped.rows) == 2 and capped.matching == 4 and capped.capped


def test_campaigns_show_linked_outcomes_and_what_followed(case, bob):
    result = selectors.campaigns(bob, WHOLE)
    assert result.total == 1 and result.combined == 1
    campaign = result.rows[0]
    assert campaign.title == "Herfstcampagne"
    assert campaign.services == ["Policy", "Communication"]
    assert [title for _pk, _day, title in campaign.linked] == ["Quota verhoogd"]
    # Debat gepland (a month later, same dossier) followed; Motie ingediend came before.
    assert [title for _pk, _day, title in campaign.followed] == ["Debat gepland"]


def test_a_campaign_with_one_service_is_counted_but_not_listed(case, bob, dossier):
    from .conftest import activity

    activity(dt.date(2024, 9, 1), "Petitie-actie", dossier,
             type="campaign", services=[case.services["movement"]])
    result = selectors.campaigns(bob, WHOLE)
    assert (result.total, result.combined) == (2, 1)
    assert [c.title for c in result.rows] == ["Herfstcampagne"]


def test_the_page_filters_by_dossier_and_dates(client, case, bob):
    client.force_login(bob)
    response = client.get(reverse("synergy:overview"), {"dossier": case.finance.pk,
                                                        "start": "2022-01-01"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Budget verdubbeld" in body and "Quota verhoogd" not in body
    assert response.context["scope"].end == timezone.localdate()

    response = client.get(reverse("synergy:overview"),
                          {"theme": case.dossier.theme.pk, "start": "2024-01-01",
                           "end": "2024-12-31"})
    titles = [row.title for row in response.context["synergy"].rows]
    assert titles == ["Quota verhoogd", "Debat gepland"]
    assert response.context["summary"][0]["year"] == 2024
    body = response.content.decode()
    assert reverse("monitoring:outcome", args=[case.raised.pk]) in body
    assert 'title="1 contact, 1 activity"' in body


def test_the_numbers_link_to_their_drill_down(client, case, bob):
    client.force_login(bob)
    response = client.get(reverse("synergy:overview"), {"dossier": case.dossier.pk,
                                                        "start": "2022-01-01"})
    year = next(row for row in response.context["summary"] if row["year"] == 2024)
    narrowed = client.get(reverse("synergy:overview") + year["links"]["many"].split("#")[0])
    assert [row.title for row in narrowed.context["synergy"].rows] == ["Quota verhoogd"]
    assert year["links"]["total"].startswith(reverse("monitoring:outcomes"))
    assert f"dossier={case.dossier.pk}" in year["links"]["total"]
    assert "date_from=2024-01-01" in year["links"]["total"]
    pair = response.context["pairs"][0]
    narrowed = client.get(reverse("synergy:overview") + pair["link"].split("#")[0])
    assert [row.title for row in narrowed.context["synergy"].rows] == ["Quota verhoogd"]


@pytest.mark.parametrize("query, message", [
    ({"start": "2025-01-01", "end": "2024-01-01"}, "is after"),
    ({"start": "not-a-date"}, "Enter a valid date"),
    ({"start": "2000-01-01", "end": "2024-01-01"}, "at most 15 years"),
    # Without "To" the view shows up to today: the same limit (the coverage dashboard's rule).
    ({"start": "1990-01-01"}, "at most 15 years"),
])
def test_bad_filters_give_a_message_not_a_crash(client, case, bob, query, message):
    client.force_login(bob)
    response = client.get(reverse("synergy:overview"), query)
    assert response.status_code == 400
    assert message in response.content.decode()
    scope = response.context["scope"]  # the default scope is still shown
    assert (scope.start, scope.end) == selectors.default_period()


def test_a_dossier_of_another_theme_is_refused(client, case, bob):
    client.force_login(bob)
    response = client.get(reverse("synergy:overview"),
                          {"theme": case.climate.pk, "dossier": case.dossier.pk})
    assert response.status_code == 400
    assert "is not in theme" in response.content.decode()


def test_a_viewer_reads_the_page(client, case, victor):
    client.force_login(victor)
    response = client.get(reverse("synergy:overview"))
    assert response.status_code == 200
    assert "Vertrouwelijk overleg" not in response.content.decode()


def test_without_a_programme_the_default_period_is_the_last_three_years(db):
    start, end = selectors.default_period(today=dt.date(2026, 5, 1))
    assert (start, end) == (dt.date(2023, 5, 2), dt.date(2026, 5, 1))


def test_the_default_period_is_the_programme_so_far(case):
    start, end = selectors.default_period(dossier=case.dossier, today=dt.date(2023, 5, 1))
    assert (start, end) == (dt.date(2022, 1, 1), dt.date(2023, 5, 1))
    start, end = selectors.default_period(today=dt.date(2026, 11, 27))
    assert (start, end) == (dt.date(2022, 1, 1), dt.date(2026, 11, 27))


def test_a_ten_year_programme_shows_its_last_three_years_by_default(case):
    from hefboom.core.actions import save_record

    programme = case.dossier.theme.programme
    programme.start_date, programme.end_date = dt.date(2017, 1, 1), dt.date(2026, 12, 31)
    save_record(programme, None)
    start, end = selectors.default_period(dossier=case.dossier, today=dt.date(2026, 5, 1))
    assert (start, end) == (dt.date(2023, 5, 2), dt.date(2026, 5, 1))


def test_a_record_in_the_bin_adds_nothing(case, mia):
    from hefboom.core.actions import delete_record

    delete_record(case.paper, mia)  # the communication output behind Quota verhoogd
    result = selectors.synergy(mia, WHOLE)
    raised = cells(result, by_title(result)["Quota verhoogd"])
    assert raised["Communication"] == (1, "1 activity")  # the campaign only
