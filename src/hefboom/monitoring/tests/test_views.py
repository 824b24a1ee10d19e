"""Logging and editing records through the web forms; lists with a fixed number of queries."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from hefboom.monitoring import actions
from hefboom.monitoring.models import Activity, Contact, Outcome, Output


def contact_form(dossier, user, **overrides):
    data = {"date": "2023-06-01", "channel": "meeting", "is_formal": "on",
            "our_participants": [user.pk], "dossiers": [dossier.pk],
            "summary": "Overleg over hervestiging", "confidentiality": "normal"}
    data.update(overrides)
    return data


def test_policy_officer_logs_a_contact(client, alice, dossier, cabinet):
    client.force_login(alice)
    form = client.get(reverse("monitoring:contact_create")).content.decode()
    assert timezone.localdate().isoformat() in form  # today is the default date
    response = client.post(reverse("monitoring:contact_create"),
                           contact_form(dossier, alice, organisations=[cabinet.pk]))
    contact = Contact.objects.get()
    assert response.status_code == 302
    assert response["Location"] == contact.get_absolute_url()
    assert contact.created_by == alice
    assert list(contact.organisations.all()) == [cabinet]


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"date": "2999-01-01"}, "date", "in the future"),
        ({"dossiers": []}, "dossiers", "This field is required"),
        ({"dossiers": [999999]}, "dossiers", "Select a valid choice"),
        ({"follow_up_due": "2023-07-01", "follow_up": ""}, "follow_up", "Say what the follow-up"),
        ({"channel": "pigeon"}, "channel", "Select a valid choice"),
    ],
)
def test_bad_contact_input_names_the_field_and_saves_nothing(
    client, alice, dossier, overrides, field, message
):
    client.force_login(alice)
    response = client.post(reverse("monitoring:contact_create"),
                           contact_form(dossier, alice, **overrides))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors, errors
    assert message in " ".join(errors[field])
    assert not Contact.objects.exists()


def test_editing_keeps_history(client, alice, bob, open_contact, dossier):
    client.force_login(bob)
    data = contact_form(dossier, alice, date="2023-03-01", channel="call",
                        summary="Telefoon over hervestigingsquota, aangevuld")
    response = client.post(reverse("monitoring:contact_edit", args=[open_contact.pk]), data)
    assert response.status_code == 302
    open_contact.refresh_from_db()
    assert open_contact.updated_by == bob
    assert open_contact.created_by == alice
    assert [h.summary for h in open_contact.history.all()][-1] == "Telefoon over hervestigingsquota"
    assert open_contact.history.count() == 2


def make_contacts(user, dossier, cabinet, n):
    """n records of every type, each linked to a dossier and an organisation."""
    for i in range(n):
        day = dt.date(2023, 1, 1) + dt.timedelta(days=i)
        actions.record_contact(
            user, Contact(date=day, channel="call", summary=f"Gesprek {i}"),
            our_participants=[user], dossiers=[dossier], organisations=[cabinet])
        actions.record_output(user, Output(title=f"Nota {i}", type="input_paper", date=day),
                              dossiers=[dossier])
        actions.record_activity(user, Activity(title=f"Actie {i}", type="lobby", date=day),
                                dossiers=[dossier], organisations=[cabinet])
        actions.record_outcome(
            user, Outcome(title=f"Verandering {i}", description="…", date=day,
                          change_type="agenda"),
            dossiers=[dossier], social_actor_organisations=[cabinet])


@pytest.mark.parametrize("name", ["monitoring:contacts", "monitoring:outcomes",
                                  "monitoring:outputs", "monitoring:activities"])
def test_list_pages_issue_a_constant_number_of_queries(
    client, alice, dossier, cabinet, django_assert_max_num_queries, name
):
    client.force_login(alice)
    make_contacts(alice, dossier, cabinet, 3)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse(name)).status_code == 200
    make_contacts(alice, dossier, cabinet, 30)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(reverse(name)).status_code == 200


def test_dossier_timeline_lists_records_in_date_order(client, alice, dossier, cabinet):
    make_contacts(alice, dossier, cabinet, 3)
    client.force_login(alice)
    page = client.get(reverse("strategy:dossier_timeline", args=[dossier.pk])).content.decode()
    assert page.index("Gesprek 0") < page.index("Gesprek 1") < page.index("Gesprek 2")


@pytest.mark.parametrize(
    "url_name, model, data",
    [
        ("monitoring:output_create", Output,
         {"title": "Inputnota hervestiging", "type": "input_paper", "date": "2023-05-02",
          "full_text": "België moet jaarlijks meer mensen hervestigen."}),
        ("monitoring:activity_create", Activity,
         {"title": "Lobbytraject hervestiging", "type": "lobby", "date": "2023-05-02",
          "end_date": "2023-08-01"}),
        ("monitoring:outcome_create", Outcome,
         {"title": "Structuur beslist", "description": "De regering besliste een structuur.",
          "date": "2023-07-31", "change_type": "policy_content", "substantiation": "pending",
          "is_intended": "on", "is_positive": "on"}),
    ],
)
def test_outputs_activities_and_outcomes_are_logged_through_the_web(
    client, alice, dossier, url_name, model, data
):
    client.force_login(alice)
    response = client.post(reverse(url_name), {**data, "dossiers": [dossier.pk]})
    assert response.status_code == 302, response.context["form"].errors
    record = model.objects.get()
    assert list(record.dossiers.all()) == [dossier]
    assert record.created_by == alice
    assert record.history.count() == 1

    bad = client.post(reverse(url_name), {**data, "date": "2999-01-01", "dossiers": [dossier.pk]})
    assert "date" in bad.context["form"].errors
    assert model.objects.count() == 1


def test_second_editor_is_refused_and_sees_what_changed(client, alice, bob, open_contact, dossier):
    url = reverse("monitoring:contact_edit", args=[open_contact.pk])
    client.force_login(alice)
    alice_form = client.get(url).context["form"]
    seen = alice_form["expected_version"].value()
    assert seen == 1

    # Bob opens and saves first.
    client.force_login(bob)
    response = client.post(url, contact_form(dossier, alice, date="2023-03-01", channel="call",
                                             summary="Bob's samenvatting", expected_version=1))
    assert response.status_code == 302

    # Alice saves what she started from version 1: refused, nothing overwritten.
    client.force_login(alice)
    response = client.post(url, contact_form(dossier, alice, date="2023-03-01", channel="call",
                                             summary="Alice's samenvatting", expected_version=seen))
    assert response.status_code == 200
    message = " ".join(response.context["form"].non_field_errors())
    assert "Bob" in message and "Bob's samenvatting" in message and "not saved" in message
    open_contact.refresh_from_db()
    assert open_contact.summary == "Bob's samenvatting"
    assert open_contact.version == 2

    # Having seen Bob's change, saving again is a deliberate choice and goes through.
    again = response.context["form"]["expected_version"].value()
    assert str(again) == "2"
    response = client.post(url, contact_form(dossier, alice, date="2023-03-01", channel="call",
                                             summary="Alice's samenvatting", expected_version=again))
    assert response.status_code == 302
    open_contact.refresh_from_db()
    assert open_contact.summary == "Alice's samenvatting" and open_contact.version == 3


def test_conflict_is_also_caught_inside_the_save(alice, bob, open_contact, dossier, cabinet):
    from hefboom.core.actions import EditConflict

    stale = Contact.objects.get(pk=open_contact.pk)
    open_contact.summary = "Eerst"
    actions.record_contact(bob, open_contact, our_participants=[alice], dossiers=[dossier],
                           organisations=[cabinet], expected_version=1)
    stale.summary = "Te laat"
    with pytest.raises(EditConflict) as exc:
        actions.record_contact(alice, stale, our_participants=[alice], dossiers=[dossier],
                               expected_version=1)
    assert [c.field for c in exc.value.changes] == ["summary"]
    open_contact.refresh_from_db()
    assert open_contact.summary == "Eerst"


def test_full_forms_render_only_the_chosen_people(client, alice, open_contact, advisor, dossier):
    from hefboom.actors.models import Person
    from hefboom.core.actions import save_record

    for i in range(20):
        save_record(Person(first_name="Onbekend", last_name=f"Persoon{i}"), None)
    actions.record_contact(alice, open_contact, our_participants=[alice], dossiers=[dossier],
                           persons=[advisor])
    client.force_login(alice)
    new = client.get(reverse("monitoring:contact_create")).content.decode()
    assert "Persoon" not in new and "data-autocomplete" in new
    edit = client.get(reverse("monitoring:contact_edit", args=[open_contact.pk])).content.decode()
    assert "Lotte Verzonnen" in edit and "Persoon" not in edit
