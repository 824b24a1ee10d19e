"""The coverage dashboard: who counts for which party, level and institution, the filters, the
gaps, the click-through to the contact list, confidentiality and constant query counts."""

import datetime as dt
from io import StringIO
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command
from django.urls import resolve, reverse

from hefboom.actors.models import PersonRole
from hefboom.core.actions import delete_record, save_record
from hefboom.coverage import reach, selectors
from hefboom.coverage.models import ContactReach, CoverageCount
from hefboom.monitoring.filters import ContactFilter
from hefboom.monitoring.models import Contact
from hefboom.strategy.models import BoundaryPartner, Dossier, ProgressMarker, Theme

URL = reverse("coverage:dashboard")
Q2_2024 = {"date_from": "2024-04-01", "date_to": "2024-06-30"}


def row(client, label, **query):
    """The heatmap row `label` as {period label: count} plus its total."""
    response = client.get(URL, query)
    assert response.status_code == 200, response.content.decode()[:500]
    heatmap = response.context["heatmap"]
    found = next(r for r in heatmap.rows if r.label == label)
    return {p.label: c.count for p, c in zip(heatmap.periods, found.cells, strict=True)} | {
        "total": found.total}


def test_a_contact_with_the_party_chair_counts_for_the_party_only_while_chair(
        client, alice, red, chair, contact_on, commit):
    with commit():
        contact_on(dt.date(2024, 5, 2), persons=[chair])  # chair then
        contact_on(dt.date(2025, 3, 3), persons=[chair])  # the role ended on 2024-12-31
    client.force_login(alice)
    counts = row(client, "Rode Partij", date_from="2024-01-01", date_to="2025-12-31", grain="year")
    assert counts == {"2024": 1, "2025": 0, "total": 1}


def test_the_party_counts_through_its_research_service_and_levels_and_types_through_organisations(
        client, alice, red, red_research, cabinet, contact_on, commit):
    with commit():
        contact_on(dt.date(2024, 5, 2), organisations=[red_research, cabinet])
    client.force_login(alice)
    assert row(client, "Rode Partij", **Q2_2024)["2024 Q2"] == 1
    assert row(client, "Federal", dimension="level", **Q2_2024)["2024 Q2"] == 1
    assert row(client, "Flemish", dimension="level", **Q2_2024)["2024 Q2"] == 1
    assert row(client, "Cabinet", dimension="institution", **Q2_2024)["2024 Q2"] == 1
    assert row(client, "Party research service", dimension="institution", **Q2_2024)["total"] == 1
    assert row(client, "Administration", dimension="institution", **Q2_2024)["total"] == 0


def test_a_contact_with_two_parties_counts_in_both_rows_but_once_in_the_total(
        client, alice, red, blue, contact_on, commit):
    with commit():
        contact_on(dt.date(2024, 5, 2), organisations=[red, blue])
        contact_on(dt.date(2024, 5, 9), organisations=[red])
    client.force_login(alice)
    response = client.get(URL, Q2_2024)
    heatmap = response.context["heatmap"]
    assert [(r.label, r.total) for r in heatmap.rows] == [("Rode Partij", 2), ("Blauwe Partij", 1)]
    assert heatmap.totals == [2]


def test_theme_and_dossier_filters(client, alice, red, dossier, theme, contact_on, commit):
    other_theme = save_record(Theme(programme=theme.programme, code="klimaat", name="Klimaat"), None)
    other = save_record(Dossier(theme=other_theme, code="financiering", name="Financiering"), None)
    sibling = save_record(Dossier(theme=theme, code="pushbacks", name="Pushbacks"), None)
    with commit():
        contact_on(dt.date(2024, 5, 2), organisations=[red], dossiers=[dossier, sibling])
        contact_on(dt.date(2024, 5, 3), organisations=[red], dossiers=[sibling])
        contact_on(dt.date(2024, 5, 4), organisations=[red], dossiers=[other])
    client.force_login(alice)
    assert row(client, "Rode Partij", **Q2_2024)["total"] == 3
    assert row(client, "Rode Partij", theme=theme.pk, **Q2_2024)["total"] == 2  # once each
    assert row(client, "Rode Partij", dossier=dossier.pk, **Q2_2024)["total"] == 1
    assert row(client, "Rode Partij", dossier=other.pk, **Q2_2024)["total"] == 1


def test_the_counts_follow_edits_of_contacts_roles_and_organisations(
        alice, mia, red, blue, red_research, chair, contact_on, dossier, commit):
    def party_counts():
        return {(c.key, c.period): c.contacts for c in
                CoverageCount.objects.filter(scope="all", kind="party").exclude(key="*")}

    with commit():
        contact = contact_on(dt.date(2024, 5, 2), persons=[chair])
    q2, q1_2025 = 2024 * 4 + 1, 2025 * 4
    assert party_counts() == {(str(red.pk), q2): 1}
    with commit():  # the role is corrected: she was chair from 2025 on
        role = PersonRole.objects.get(person=chair)
        role.start_date, role.end_date = dt.date(2025, 1, 1), None
        save_record(role, mia)
    assert party_counts() == {}
    with commit():  # the contact's date was wrong
        contact.date = dt.date(2025, 2, 1)
        save_record(contact, alice)
    assert party_counts() == {(str(red.pk), q1_2025): 1}
    with commit():  # now with the research service, which then joins the other party
        contact.organisations.add(red_research)
        red_research.parent = blue
        save_record(red_research, mia)
    assert party_counts() == {(str(red.pk), q1_2025): 1, (str(blue.pk), q1_2025): 1}
    with commit():
        contact.dossiers.set([])
    assert CoverageCount.objects.filter(scope=f"d{dossier.pk}").count() == 0
    with commit():
        delete_record(contact, alice)  # to the bin: counts for nothing
    assert party_counts() == {}
    assert not ContactReach.objects.exists()


def test_rebuild_gives_the_same_counts_as_the_write_path(red, blue, red_research, chair, cabinet,
                                                         contact_on, commit):
    with commit():
        contact_on(dt.date(2024, 5, 2), persons=[chair], organisations=[cabinet])
        contact_on(dt.date(2024, 8, 2), organisations=[red_research, blue])
        contact_on(dt.date(2025, 1, 2), persons=[chair])

    def snapshot():
        return sorted(CoverageCount.objects.values_list("scope", "kind", "key", "period",
                                                        "contacts", "last"))

    kept = snapshot()
    assert len(kept) > 10
    CoverageCount.objects.all().delete()
    reach.rebuild()
    assert snapshot() == kept
    CoverageCount.objects.all().delete()
    out = StringIO()
    call_command("coverage-rebuild", stdout=out)
    assert snapshot() == kept
    assert f"Wrote {len(kept)} coverage counts." in out.getvalue()


def test_gaps_list_parties_administrations_partners_and_markers_never_reached(
        client, alice, red, blue, unplaced, administration, cabinet, boundary_partner, dossier,
        theme, contact_on, commit):
    other_partner = save_record(BoundaryPartner(theme=theme, name="Vlaamse regering"), None)
    boundary_partner.organisations.set([cabinet])
    other_partner.organisations.set([administration])
    marker = save_record(ProgressMarker(boundary_partner=other_partner, dossier=dossier,
                                        level="expect", order=1, statement="Ontvangt ons"), None)
    save_record(ProgressMarker(boundary_partner=boundary_partner, dossier=dossier,
                               level="expect", order=1, statement="Leest onze nota"), None)
    today = dt.date.today()
    with commit():
        contact_on(today - dt.timedelta(days=20), organisations=[red, cabinet])
        contact_on(today - dt.timedelta(days=400), organisations=[blue])
    client.force_login(alice)
    gaps = client.get(URL).context["gaps"]
    assert gaps.months == 6
    assert [g.name for g in gaps.parties] == ["Grijze Partij", "Blauwe Partij"]  # never first
    assert gaps.parties[1].last == today - dt.timedelta(days=400)
    assert [g.name for g in gaps.administrations] == ["Dienst Vreemdelingenzaken"]
    assert [g.name for g in gaps.partners] == ["Vlaamse regering (Migratie)"]
    assert list(gaps.markers) == [marker]
    longer = client.get(URL, {"months": 24}).context["gaps"]
    assert [g.name for g in longer.parties] == ["Grijze Partij"]


def test_a_partner_reached_through_a_person_with_a_role_there_is_not_a_gap(
        client, alice, cabinet, advisor, boundary_partner, contact_on, commit):
    boundary_partner.organisations.set([cabinet])
    save_record(PersonRole(person=advisor, organisation=cabinet, title="advisor",
                           start_date=dt.date(2020, 1, 1)), None)
    with commit():
        contact_on(dt.date.today() - dt.timedelta(days=3), persons=[advisor])
    client.force_login(alice)
    assert client.get(URL).context["gaps"].partners == []


def test_parties_run_from_left_to_right_with_unknown_positions_last(client, alice, red, blue,
                                                                     unplaced):
    client.force_login(alice)
    response = client.get(URL)
    assert [r.label for r in response.context["heatmap"].rows] == [
        "Rode Partij", "Blauwe Partij", "Grijze Partij"]
    assert [p["label"] for p in response.context["heatmap"].spectrum] == [
        "Rode Partij", "Blauwe Partij"]
    assert b"spectrum-party" in response.content


def test_a_cell_links_to_the_contact_list_with_filters_that_find_its_contacts(
        client, alice, red, red_research, dossier, contact_on, commit):
    with commit():
        contact = contact_on(dt.date(2024, 5, 2), organisations=[red_research])
        contact_on(dt.date(2024, 9, 2), organisations=[red_research])  # another quarter
    client.force_login(alice)
    heatmap = client.get(URL, {"dossier": dossier.pk, **Q2_2024}).context["heatmap"]
    cell = heatmap.rows[0].cells[0]
    url = urlsplit(cell.url)
    assert resolve(url.path).view_name == "monitoring:contacts"
    query = {k: v[0] for k, v in parse_qs(url.query).items()}
    assert query == {"party": str(red.pk), "dossier": str(dossier.pk),
                     "date_from": "2024-04-01", "date_to": "2024-06-30"}
    found = ContactFilter(query, queryset=Contact.objects.all())
    assert found.is_valid(), found.errors
    assert list(found.qs) == [contact]
    response = client.get(cell.url)
    assert list(response.context["page"]) == [contact]


def test_confidential_contacts_are_counted_but_never_shown_to_who_may_not_see_them(
        client, bob, red, cabinet, confidential_contact, contact_on, commit):
    with commit():
        confidential_contact.organisations.add(red)
    client.force_login(bob)
    response = client.get(URL, {"date_from": "2023-04-01", "date_to": "2023-06-30"})
    page = response.content.decode()
    assert response.context["heatmap"].rows[0].total == 1
    assert confidential_contact.summary not in page
    assert "Lotte" not in page  # nor the person met
    listed = client.get(response.context["heatmap"].rows[0].cells[0].url)
    assert list(listed.context["page"]) == []
    assert confidential_contact.summary not in listed.content.decode()


def test_query_counts_do_not_grow_with_the_data(client, alice, red, blue, cabinet, chair,
                                                administration, boundary_partner, dossier,
                                                contact_on, commit, django_assert_num_queries):
    boundary_partner.organisations.set([cabinet, administration])
    save_record(ProgressMarker(boundary_partner=boundary_partner, dossier=dossier,
                               level="expect", order=1, statement="Ontvangt ons"), None)
    client.force_login(alice)
    queries = {"dimension": "party", "dossier": dossier.pk, "months": 12}
    with commit():
        contact_on(dt.date(2024, 5, 2), organisations=[red])
    with django_assert_num_queries(12):
        client.get(URL, queries)
    with commit():
        for day in range(1, 28):
            contact_on(dt.date(2025, 2, day), organisations=[red, blue, cabinet], persons=[chair])
    save_record(ProgressMarker(boundary_partner=boundary_partner, dossier=dossier,
                               level="like", order=1, statement="Neemt onze tekst over"), None)
    with django_assert_num_queries(12):
        response = client.get(URL, queries)
    assert response.context["heatmap"].total == 28


@pytest.mark.parametrize("query, message", [
    ({"date_from": "2025-01-01", "date_to": "2024-01-01"}, "swap them"),
    ({"months": "0"}, "greater than or equal to 1"),
    ({"dimension": "colour"}, "Select a valid choice"),
    ({"date_from": "1990-01-01"}, "at most 15 years"),
])
def test_bad_filters_are_refused_with_a_message(client, alice, query, message):
    client.force_login(alice)
    response = client.get(URL, query)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_dossier_of_another_theme_is_refused(client, alice, dossier, theme):
    other = save_record(Theme(programme=theme.programme, code="klimaat", name="Klimaat"), None)
    client.force_login(alice)
    response = client.get(URL, {"theme": other.pk, "dossier": dossier.pk})
    assert response.status_code == 400
    assert "is not in theme Klimaat" in response.content.decode()


def test_the_range_is_widened_to_whole_quarters_and_years():
    assert selectors.whole_periods(dt.date(2024, 2, 10), dt.date(2024, 8, 1), "quarter") == (
        dt.date(2024, 1, 1), dt.date(2024, 9, 30))
    assert selectors.whole_periods(dt.date(2024, 2, 10), dt.date(2025, 12, 1), "year") == (
        dt.date(2024, 1, 1), dt.date(2025, 12, 31))
    assert selectors.default_start(dt.date(2026, 11, 27), "quarter") == dt.date(2024, 1, 1)
    assert selectors.months_before(dt.date(2026, 8, 31), 6) == dt.date(2026, 2, 28)


def test_the_dashboard_is_in_the_navigation(client, victor):
    client.force_login(victor)
    assert f'href="{URL}"' in client.get(reverse("home")).content.decode()


def test_links_added_from_the_person_side_and_deleted_roles_are_followed(
        red, chair, advisor, contact_on, commit):
    def red_total():
        return sum(CoverageCount.objects.filter(scope="all", kind="party", key=str(red.pk))
                   .values_list("contacts", flat=True))

    with commit():
        contact = contact_on(dt.date(2024, 5, 2), persons=[advisor])
    assert red_total() == 0
    with commit():
        chair.contacts.add(contact)  # the reverse side of Contact.persons
    assert red_total() == 1
    with commit():
        PersonRole.objects.get(person=chair).delete()
    assert red_total() == 0


def test_merging_a_duplicate_into_the_chair_moves_its_contacts_into_the_party_row(
        alice, mia, red, chair, contact_on, commit):
    from hefboom.actors.actions import merge_persons
    from hefboom.actors.models import Person

    with commit():
        duplicate = save_record(Person(first_name="N.", last_name="Fictief"), None)
        contact_on(dt.date(2024, 5, 2), persons=[duplicate])  # no role: counts for no party
    assert not CoverageCount.objects.filter(scope="all", kind="party", key=str(red.pk)).exists()
    with commit():
        merge_persons(duplicate, chair, mia)
    assert CoverageCount.objects.get(scope="all", kind="party", key=str(red.pk),
                                     period=2024 * 4 + 1).contacts == 1


def test_a_contact_restored_from_the_bin_counts_again(alice, mia, red, contact_on, commit):
    from hefboom.core.actions import restore_record

    with commit():
        contact = contact_on(dt.date(2024, 5, 2), organisations=[red])
    with commit():
        delete_record(contact, alice)
    assert not CoverageCount.objects.filter(scope="all", kind="party", key=str(red.pk)).exists()
    with commit():
        restore_record(Contact.all_objects.get(pk=contact.pk), mia)
    assert CoverageCount.objects.get(scope="all", kind="party", key=str(red.pk)).contacts == 1


def test_a_cabinet_counts_for_the_party_of_its_minister_on_the_contact_date(
        mia, red, blue, cabinet, contact_on, commit):
    from hefboom.actors.models import Person

    def minister(name, party, start, end):
        person = save_record(Person(first_name="Minister", last_name=name), None)
        save_record(PersonRole(person=person, organisation=party, title="member"), None)
        return save_record(PersonRole(person=person, organisation=cabinet, title="minister",
                                      single_holder=True, start_date=start, end_date=end), None)

    with commit():
        minister("Rood", red, dt.date(2020, 1, 1), dt.date(2023, 6, 30))
        second = minister("Blauw", blue, dt.date(2023, 7, 1), None)
        contact_on(dt.date(2022, 5, 2), organisations=[cabinet])
        contact_on(dt.date(2024, 5, 2), organisations=[cabinet])

    def parties():
        return set(CoverageCount.objects.filter(scope="all", kind="party").exclude(key="*")
                   .values_list("key", "period"))

    assert parties() == {(str(blue.pk), 2024 * 4 + 1), (str(red.pk), 2022 * 4 + 1)}
    with commit():  # the second minister's party membership was recorded wrongly
        PersonRole.objects.get(person=second.person, organisation=blue).delete()
        save_record(PersonRole(person=second.person, organisation=red, title="member"), mia)
    assert parties() == {(str(red.pk), 2022 * 4 + 1), (str(red.pk), 2024 * 4 + 1)}
    kept = sorted(CoverageCount.objects.values_list("scope", "kind", "key", "period", "contacts"))
    reach.rebuild()
    assert sorted(CoverageCount.objects.values_list("scope", "kind", "key", "period",
                                                    "contacts")) == kept
