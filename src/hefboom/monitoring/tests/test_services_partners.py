"""Services and partners (member organisations and coalitions) on contacts, activities and
outputs: forms and quick capture, the refusal of a partner who was no member on the date,
detail pages, list filters and exports."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse

from hefboom.actors.models import Membership, MembershipKind, Organisation, OrganisationType
from hefboom.core.actions import save_record
from hefboom.monitoring import actions
from hefboom.monitoring.models import Activity, Contact, Output
from hefboom.strategy.models import Service


@pytest.fixture
def policy(db):
    return Service.objects.get(code="policy")


@pytest.fixture
def communication(db):
    return Service.objects.get(code="communication")


@pytest.fixture
def member(db):
    """A member organisation since 2022 (invented)."""
    organisation = save_record(Organisation(name="Vakbond Verzonnen",
                                            type=OrganisationType.MEMBER_ORGANISATION), None)
    save_record(Membership(organisation=organisation, kind=MembershipKind.MEMBER,
                           start_date=dt.date(2022, 1, 1)), None)
    return organisation


@pytest.fixture
def coalition(db):
    """A coalition we were part of in 2020 only (invented)."""
    organisation = save_record(Organisation(name="Klimaatcoalitie Test",
                                            type=OrganisationType.COALITION), None)
    save_record(Membership(organisation=organisation, kind=MembershipKind.COALITION,
                           start_date=dt.date(2020, 1, 1), end_date=dt.date(2020, 12, 31)),
                None)
    return organisation


def contact_data(dossier, user, **overrides):
    data = {"date": "2023-06-01", "channel": "meeting", "is_formal": "on",
            "our_participants": [user.pk], "dossiers": [dossier.pk],
            "summary": "Gezamenlijk overleg", "confidentiality": "normal"}
    data.update(overrides)
    return data


def activity_data(dossier, **overrides):
    return {"title": "Gezamenlijke actie", "type": "campaign", "date": "2023-06-01",
            "dossiers": [dossier.pk]} | overrides


def output_data(dossier, **overrides):
    return {"title": "Gezamenlijke nota", "type": "position_paper", "date": "2023-06-01",
            "dossiers": [dossier.pk]} | overrides


FORMS = {
    "contact": ("monitoring:contact_create", Contact, contact_data),
    "activity": ("monitoring:activity_create", Activity, lambda d, u, **o: activity_data(d, **o)),
    "output": ("monitoring:output_create", Output, lambda d, u, **o: output_data(d, **o)),
}


# Forms: the user's own service is ticked on a new record.

@pytest.mark.parametrize("kind", FORMS)
def test_a_new_record_starts_with_the_users_service_ticked(client, alice, policy, kind):
    alice.service = policy
    alice.save()
    client.force_login(alice)
    form = client.get(reverse(FORMS[kind][0])).context["form"]
    assert list(form["services"].value()) == [policy.pk]
    html = client.get(reverse(FORMS[kind][0])).content.decode()
    assert f'name="services" value="{policy.pk}"' in html
    assert "checked" in html.split(f'name="services" value="{policy.pk}"')[1].split(">")[0]


def test_without_a_service_nothing_is_ticked_and_edits_keep_what_the_record_has(
        client, alice, bob, dossier, communication, policy):
    client.force_login(alice)
    form = client.get(reverse("monitoring:contact_create")).context["form"]
    assert not form["services"].value()
    contact = actions.record_contact(bob, Contact(date=dt.date(2023, 1, 5), channel="call",
                                                  summary="Bel"),
                                     our_participants=[bob], dossiers=[dossier],
                                     services=[communication])
    alice.service = policy
    alice.save()
    form = client.get(reverse("monitoring:contact_edit", args=[contact.pk])).context["form"]
    assert list(form["services"].value()) == [communication.pk]  # not alice's own


def test_inactive_services_are_not_offered_unless_the_record_names_one(
        client, alice, dossier, policy, communication):
    communication.is_active = False
    communication.save()
    client.force_login(alice)
    offered = client.get(reverse("monitoring:activity_create")).context["form"].fields["services"]
    assert policy in offered.queryset and communication not in offered.queryset
    activity = actions.record_activity(alice, Activity(title="Oud", type="event",
                                                       date=dt.date(2023, 1, 1)),
                                       dossiers=[dossier], services=[communication])
    offered = client.get(reverse("monitoring:activity_edit", args=[activity.pk])
                         ).context["form"].fields["services"]
    assert communication in offered.queryset


# Saving: a partner must have been a member on the record's date.

@pytest.mark.parametrize("kind", FORMS)
def test_a_partner_on_the_date_is_saved_with_its_history(
        client, alice, dossier, policy, member, kind):
    url, model, data = FORMS[kind]
    client.force_login(alice)
    response = client.post(reverse(url), data(dossier, alice, services=[policy.pk],
                                              partners=[member.pk]))
    assert response.status_code == 302, response.context["form"].errors
    record = model.objects.get()
    assert list(record.services.all()) == [policy]
    assert list(record.partners.all()) == [member]
    version = record.history.first()
    assert [row.organisation_id for row in version.partners.all()] == [member.pk]
    assert [row.service_id for row in version.services.all()] == [policy.pk]


@pytest.mark.parametrize("kind", FORMS)
def test_a_partner_not_a_member_on_the_date_is_refused_on_the_field(
        client, alice, dossier, coalition, kind):
    url, model, data = FORMS[kind]
    client.force_login(alice)
    before = model.all_objects.count()
    response = client.post(reverse(url), data(dossier, alice, partners=[coalition.pk]))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "partners" in errors, errors
    assert "Klimaatcoalitie Test was not a member organisation or a coalition of ours on " \
           "1 June 2023" in " ".join(errors["partners"])
    assert model.all_objects.count() == before  # nothing saved
    html = response.content.decode()
    assert "Klimaatcoalitie Test was not a member organisation" in html


def test_an_organisation_without_any_membership_is_no_choice(client, alice, dossier, cabinet):
    client.force_login(alice)
    response = client.post(reverse("monitoring:output_create"),
                           output_data(dossier, partners=[cabinet.pk]))
    assert "Select a valid choice" in " ".join(response.context["form"].errors["partners"])
    assert not Output.objects.exists()


def test_moving_a_record_out_of_the_membership_rechecks_its_partners(
        client, alice, dossier, member):
    activity = actions.record_activity(alice, Activity(title="Samen", type="event",
                                                       date=dt.date(2023, 1, 1)),
                                       dossiers=[dossier], partners=[member])
    client.force_login(alice)
    response = client.post(reverse("monitoring:activity_edit", args=[activity.pk]),
                           activity_data(dossier, date="2021-06-01", partners=[member.pk],
                                         expected_version=activity.version))
    assert "partners" in response.context["form"].errors
    activity.refresh_from_db()
    assert activity.date == dt.date(2023, 1, 1) and activity.version == 1


def test_actions_called_without_services_or_partners_keep_them(alice, dossier, policy, member):
    """Imports and other callers that know nothing of services leave an edited record's alone."""
    output = actions.record_output(alice, Output(title="Nota", type="study",
                                                 date=dt.date(2023, 2, 1)),
                                   dossiers=[dossier], services=[policy], partners=[member])
    output.title = "Nota, herzien"
    actions.record_output(alice, output, dossiers=[dossier])
    assert list(output.services.all()) == [policy]
    assert list(output.partners.all()) == [member]


# Quick capture.

def quick(client, kind, data):
    return client.post(reverse("monitoring:quick", args=[kind]), data, HTTP_HX_REQUEST="true")


def test_quick_capture_ticks_the_users_service_and_saves_services_and_partners(
        client, alice, dossier, policy, communication, member):
    alice.service = policy
    alice.save()
    client.force_login(alice)
    for kind in ("contact", "activity", "output"):
        form = client.get(reverse("monitoring:quick", args=[kind])).context["form"]
        assert list(form["services"].value()) == [policy.pk], kind
    response = quick(client, "contact", {
        "persons": [], "dossiers": [dossier.pk], "summary": "Snel overleg", "date": "2023-06-01",
        "channel": "meeting", "services": [policy.pk, communication.pk],
        "partners": [member.pk]})
    assert response.status_code == 204
    contact = Contact.objects.get()
    assert set(contact.services.all()) == {policy, communication}
    assert list(contact.partners.all()) == [member]
    response = quick(client, "output", {"title": "Snelle nota", "type": "study",
                                        "dossiers": [dossier.pk], "date": "2023-06-02",
                                        "services": [communication.pk],
                                        "partners": [member.pk]})
    assert response.status_code == 204
    assert list(Output.objects.get().partners.all()) == [member]
    response = quick(client, "activity", {"title": "Snelle actie", "type": "event",
                                          "dossiers": [dossier.pk], "date": "2023-06-03",
                                          "services": [policy.pk], "partners": [member.pk]})
    assert response.status_code == 204
    assert list(Activity.objects.get().services.all()) == [policy]


@pytest.mark.parametrize("kind, data", [
    ("contact", {"summary": "Snel overleg", "channel": "meeting"}),
    ("activity", {"title": "Snelle actie", "type": "event"}),
    ("output", {"title": "Snelle nota", "type": "study"}),
])
def test_quick_capture_shows_the_partner_refusal_on_the_field(
        client, alice, dossier, coalition, kind, data):
    client.force_login(alice)
    response = quick(client, kind, data | {"dossiers": [dossier.pk], "date": "2023-06-01",
                                           "partners": [coalition.pk]})
    assert response.status_code == 200
    html = response.content.decode()
    field = html.split('class="field field-partners"')[1].split('class="field ')[0]
    assert "Klimaatcoalitie Test was not a member organisation" in field
    assert 'class="errors"' not in html  # on the field, not at the top of the dialog
    assert not (Contact.all_objects.exists() or Activity.all_objects.exists()
                or Output.all_objects.exists())


def test_partner_options_offer_only_organisations_with_a_membership(
        client, victor, member, coalition, cabinet):
    client.force_login(victor)
    found = client.get(reverse("actors:partner_options")).json()["results"]
    assert {o["text"] for o in found} == {"Vakbond Verzonnen", "Klimaatcoalitie Test"}
    found = client.get(reverse("actors:partner_options"), {"q": "klimaat"}).json()["results"]
    assert [o["value"] for o in found] == [coalition.pk]


# Pages: detail, lists, filters, exports.

@pytest.fixture
def joint_work(alice, dossier, cabinet, policy, communication, member):
    day = dt.date(2023, 5, 1)
    contact = actions.record_contact(alice, Contact(date=day, channel="meeting",
                                                    summary="Gezamenlijk lobbygesprek"),
                                     our_participants=[alice], dossiers=[dossier],
                                     organisations=[cabinet], services=[policy],
                                     partners=[member])
    activity = actions.record_activity(alice, Activity(title="Gezamenlijke mars", type="campaign",
                                                       date=day),
                                       dossiers=[dossier], services=[communication],
                                       partners=[member])
    output = actions.record_output(alice, Output(title="Gezamenlijk standpunt",
                                                 type="position_paper", date=day),
                                   dossiers=[dossier], services=[policy, communication],
                                   partners=[member])
    alone = actions.record_contact(alice, Contact(date=day, channel="call",
                                                  summary="Alleen gebeld"),
                                   our_participants=[alice], dossiers=[dossier])
    return {"contact": contact, "activity": activity, "output": output, "alone": alone}


@pytest.mark.parametrize("kind", ["contact", "activity", "output"])
def test_detail_pages_show_services_and_link_partners(client, victor, joint_work, member, kind):
    client.force_login(victor)
    html = client.get(joint_work[kind].get_absolute_url()).content.decode()
    assert "Member organisations and coalitions" in html
    assert f'<a href="{member.get_absolute_url()}">Vakbond Verzonnen</a>' in html
    services = html.split('class="services"')[1].split("</dd>")[0]
    assert "Policy" in services or "Communication" in services


@pytest.mark.parametrize("name, kind, service", [
    ("monitoring:contacts", "contact", "policy"),
    ("monitoring:activities", "activity", "communication"),
    ("monitoring:outputs", "output", "policy"),
])
def test_lists_filter_by_service_and_partner(
        client, victor, joint_work, member, coalition, name, kind, service):
    client.force_login(victor)
    expected = [joint_work[kind].pk]
    found = client.get(reverse(name), {"partner": member.pk}).context["page"]
    assert [r.pk for r in found] == expected
    assert not list(client.get(reverse(name), {"partner": coalition.pk}).context["page"])
    service = Service.objects.get(code=service)
    found = client.get(reverse(name), {"service": service.pk}).context["page"]
    assert [r.pk for r in found] == expected  # not the contact without services
    other = Service.objects.get(code="international")
    assert not list(client.get(reverse(name), {"service": other.pk}).context["page"])


def test_the_contact_list_shows_services_in_a_column(client, victor, joint_work):
    client.force_login(victor)
    html = client.get(reverse("monitoring:contacts")).content.decode()
    assert "<th>Services</th>" in html
    assert "<td>Policy</td>" in html


def test_confidential_contacts_are_not_found_through_a_partner(
        client, alice, bob, dossier, member):
    actions.record_contact(alice, Contact(date=dt.date(2023, 5, 2), channel="meeting",
                                          summary="Geheim overleg met de vakbond",
                                          confidentiality="confidential"),
                           our_participants=[alice], dossiers=[dossier], partners=[member])
    client.force_login(bob)
    response = client.get(reverse("monitoring:contacts"), {"partner": member.pk})
    assert response.context["page"].paginator.count == 0
    assert "Geheim overleg" not in response.content.decode()
    export = client.get(reverse("monitoring:contacts"), {"partner": member.pk, "export": "csv"})
    assert "Geheim overleg" not in export.content.decode()


@pytest.mark.parametrize("name, title", [
    ("monitoring:contacts", "Gezamenlijk lobbygesprek"),
    ("monitoring:activities", "Gezamenlijke mars"),
    ("monitoring:outputs", "Gezamenlijk standpunt"),
])
def test_exports_have_services_and_partners_columns(client, victor, joint_work, name, title):
    client.force_login(victor)
    content = client.get(reverse(name), {"export": "csv"}).content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    row = next(r for r in rows if title in r.get("Summary", r.get("Title", "")))
    assert row["Member organisations and coalitions"] == "Vakbond Verzonnen"
    assert row["Services"]
    assert client.get(reverse(name), {"export": "xlsx"}).status_code == 200


@pytest.mark.parametrize("name", ["monitoring:contacts", "monitoring:activities",
                                  "monitoring:outputs"])
def test_exports_read_services_and_partners_in_a_constant_number_of_queries(
        client, victor, alice, dossier, policy, member, name, django_assert_num_queries):
    def log(n):
        for i in range(n):
            day = dt.date(2023, 2, 1) + dt.timedelta(days=i)
            actions.record_contact(alice, Contact(date=day, channel="call", summary=f"G{i}"),
                                   our_participants=[alice], dossiers=[dossier],
                                   services=[policy], partners=[member])
            actions.record_activity(alice, Activity(title=f"A{i}", type="event", date=day),
                                    dossiers=[dossier], services=[policy], partners=[member])
            actions.record_output(alice, Output(title=f"O{i}", type="study", date=day),
                                  dossiers=[dossier], services=[policy], partners=[member])

    client.force_login(victor)
    log(2)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(reverse(name), {"export": "csv"})
    log(10)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(reverse(name), {"export": "csv"})


def test_users_choose_their_own_service_on_their_follow_ups_page(client, alice, policy):
    client.force_login(alice)
    html = client.get(reverse("monitoring:follow_ups")).content.decode()
    assert reverse("monitoring:my_service") in html
    client.post(reverse("monitoring:my_service"), {"service": policy.pk})
    alice.refresh_from_db()
    assert alice.service == policy
    form = client.get(reverse("monitoring:output_create")).context["form"]
    assert list(form["services"].value()) == [policy.pk]
    client.post(reverse("monitoring:my_service"), {"service": ""})
    alice.refresh_from_db()
    assert alice.service is None


def test_the_admin_refuses_a_partner_who_was_no_member_on_the_date(
        client, carol, dossier, coalition, member, policy):
    client.force_login(carol)
    url = reverse("admin:monitoring_activity_add")
    data = {"title": "Via de admin", "type": "event", "date": "2023-06-01",
            "dossiers": [dossier.pk], "services": [policy.pk], "partners": [coalition.pk]}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Klimaatcoalitie Test was not a member organisation" in response.content.decode()
    assert not Activity.all_objects.exists()
    response = client.post(url, data | {"partners": [member.pk]})
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert list(activity.partners.all()) == [member]
    assert [row.organisation_id for row in activity.history.first().partners.all()] == [member.pk]
