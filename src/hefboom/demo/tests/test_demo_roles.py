"""The demo shows the change from the Mahdi to the De Moor cabinet: contacts with the cabinet of
the state secretary for asylum and migration before 28 June 2022 are under Mahdi, later ones
under De Moor, on the pages and through the selector."""

import datetime as dt

import pytest
from django.urls import reverse

from hefboom.accounts.models import User
from hefboom.actors.models import Government, Organisation, Person, PersonRole
from hefboom.actors.selectors import holder_on, holders_over_time
from hefboom.monitoring.models import Contact

HANDOVER = dt.date(2022, 6, 28)


@pytest.fixture
def demo(demo_module, db):
    assert demo_module.loaded
    return demo_module


@pytest.fixture
def cabinet(demo):
    return Organisation.objects.get(name="Kabinet van de staatssecretaris voor Asiel en Migratie")


@pytest.fixture
def officer(demo):
    # The migration officer takes part in every cabinet contact, the confidential one too.
    return User.objects.get(username="policy-migration")


def test_the_selector_names_mahdi_before_the_handover_and_de_moor_from_it(cabinet):
    holders = holders_over_time(cabinet)
    assert holder_on(holders, dt.date(2022, 6, 27)).person.last_name == "Mahdi"
    assert holder_on(holders, HANDOVER).person.last_name == "de Moor"
    contacts = Contact.objects.filter(organisations=cabinet)
    assert contacts.filter(date__lt=HANDOVER).exists() and contacts.filter(date__gte=HANDOVER).exists()
    for contact in contacts:
        expected = "Mahdi" if contact.date < HANDOVER else "de Moor"
        assert holder_on(holders, contact.date).person.last_name == expected, contact.date


def test_the_cabinet_page_shows_who_was_state_secretary_at_each_contact(client, cabinet, officer):
    client.force_login(officer)
    html = client.get(reverse("actors:organisation", args=[cabinet.pk])).content.decode()
    rows = [row for row in html.split("<li>") if "holder-then" in row]
    assert len(rows) == Contact.objects.filter(organisations=cabinet).count()
    for row in rows:
        day = dt.datetime.strptime(row.split("<time>")[1].split("</time>")[0], "%d %b %Y").date()
        expected, other = (("Sammy Mahdi", "Nicole de Moor") if day < HANDOVER
                           else ("Nicole de Moor", "Sammy Mahdi"))
        assert f"under {expected} (Staatssecretaris voor Asiel en Migratie)" in row, row
        assert other not in row, row


def test_a_contact_page_before_and_after_the_handover(client, cabinet, officer):
    client.force_login(officer)
    before = Contact.objects.filter(organisations=cabinet, date__lt=HANDOVER).first()
    after = Contact.objects.filter(organisations=cabinet, date__gte=HANDOVER).first()
    html = client.get(reverse("monitoring:contact", args=[before.pk])).content.decode()
    assert "then Staatssecretaris voor Asiel en Migratie: Sammy Mahdi" in html
    html = client.get(reverse("monitoring:contact", args=[after.pk])).content.decode()
    assert "then Staatssecretaris voor Asiel en Migratie: Nicole de Moor" in html
    assert "Mahdi" not in html.split("holder-then")[1].split("</dd>")[0]


def test_ministers_are_one_holder_roles_in_their_governments(demo):
    de_croo = Government.objects.get(name="Regering De Croo")
    assert (de_croo.start_date, de_croo.end_date) == (dt.date(2020, 10, 1), dt.date(2025, 2, 3))
    assert set(de_croo.parties.values_list("name", flat=True)) == {
        "Open Vld", "MR", "PS", "Vooruit", "Ecolo", "Groen", "CD&V"}
    jambon = Government.objects.get(name="Vlaamse Regering Jambon")
    assert set(jambon.parties.values_list("name", flat=True)) == {"N-VA", "CD&V", "Open Vld"}
    mahdi = Person.objects.get(last_name="Mahdi")
    secretary = mahdi.roles.get(government=de_croo)
    assert secretary.single_holder and secretary.end_date == dt.date(2022, 6, 27)
    chair = mahdi.roles.get(organisation__name="CD&V", title="Partijvoorzitter")
    assert chair.single_holder and chair.date_approximate
    assert all(r.government for r in PersonRole.objects.filter(title__istartswith="Vlaams minister"))
    assert Government.objects.filter(source_reference__startswith="Evaluatierapport").count() == 2


def test_parties_have_a_position_on_the_spectrum(demo):
    positions = dict(Organisation.objects.filter(type="party")
                     .values_list("name", "spectrum_position"))
    assert positions["PVDA"] < positions["Groen"] <= positions["Vooruit"] < positions["CD&V"]
    assert positions["CD&V"] < positions["Open Vld"] < positions["N-VA"]
    assert None not in positions.values()


def test_the_government_page_shows_its_composition_over_time(client, demo, officer):
    client.force_login(officer)
    de_croo = Government.objects.get(name="Regering De Croo")
    html = client.get(reverse("actors:government", args=[de_croo.pk])).content.decode()
    assert html.index("Sammy Mahdi") < html.index("Nicole de Moor")
    assert "28 Jun 2022" in html and "27 Jun 2022" in html
    assert "Open Vld" in html


def test_cabinet_contacts_count_for_the_party_of_the_state_secretary_of_the_day(cabinet, client,
                                                                                officer):
    from hefboom.coverage import reach
    from hefboom.coverage.models import ContactReach

    reach.rebuild()  # the demo is loaded inside the test's transaction: no on-commit work ran
    cdv = Organisation.objects.get(name="CD&V")
    contacts = Contact.objects.filter(organisations=cabinet)
    counted = set(ContactReach.objects.filter(kind="party", key=str(cdv.pk))
                  .values_list("contact_id", flat=True))
    assert set(contacts.values_list("pk", flat=True)) <= counted
    vooruit = Organisation.objects.get(name="Vooruit")
    assert ContactReach.objects.filter(kind="party", key=str(vooruit.pk)).exists()
    client.force_login(officer)
    response = client.get(reverse("coverage:dashboard"), {"date_from": "2021-01-01",
                                                          "date_to": "2024-12-31", "grain": "year"})
    labels = [row.label for row in response.context["heatmap"].rows]
    assert "CD&V" in labels and "Vooruit" in labels


def test_the_demo_boundary_partners_are_reached_through_their_institutions(demo):
    from hefboom.coverage import reach
    from hefboom.coverage.selectors import gaps

    reach.rebuild()
    found = gaps(6, dt.date.today())
    assert found.markers == []  # each partner's cabinets and parliaments were contacted
    assert {g.name for g in found.partners} == {  # but not in the last six months
        "Belgische beleidsmakers (klimaat) (Klimaat)", "Belgische beleidsmakers (migratie) (Migratie)"}
