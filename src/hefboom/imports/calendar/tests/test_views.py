"""The review screen: upload, confirm, edit, discard; only for the owner and for editors."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hefboom.imports.calendar.models import CalendarImport, ProposalStatus, ProposedContact
from hefboom.imports.calendar.tests.conftest import import_sample, sample
from hefboom.monitoring.models import Contact

REVIEW = reverse("calendar_import:review")
UPLOAD = reverse("calendar_import:upload")
DECIDE = reverse("calendar_import:decide")


def upload(client, name, data=None, **fields):
    fields = {"since": "2025-01-01", "until": "2025-12-31"} | fields
    file = SimpleUploadedFile(name, sample(name) if data is None else data, "text/calendar")
    return client.post(UPLOAD, {"file": file, **fields}, follow=True)


def row(proposal, chosen_dossier, **overrides):
    """The POST data of one row as the browser sends it, with the defaults of the screen."""
    prefix = f"p{proposal.pk}-"
    data = {f"{prefix}summary": proposal.summary, f"{prefix}dossier": str(chosen_dossier.pk),
            f"{prefix}channel": "meeting"}
    for index, attendee in enumerate(proposal.attendees):
        data[f"{prefix}attendee_{index}"] = str(attendee["person_id"] or "new")
    data[f"{prefix}organisations"] = [str(pk) for a in proposal.attendees for pk in a["organisation_ids"]]
    data.update({prefix + key: value for key, value in overrides.items()})
    return data


@pytest.fixture
def alice_client(client, alice_at_work):
    client.force_login(alice_at_work)
    return client


def test_upload_shows_the_counts_and_the_proposals(alice_client, lotte, dossier):
    response = upload(alice_client, "outlook.ics")
    page = response.content.decode()
    assert response.status_code == 200
    assert "outlook.ics: 3 meetings proposed" in page
    assert "1 event without external attendees skipped" in page
    assert page.count('class="proposal"') == 3
    assert "Overleg kabinet over hervestiging" in page
    assert "lotte.verzonnen@kabinet.example.com" in page
    assert "Create person “Commissie Buitenlandse Betrekkingen”" in page
    assert "Teamoverleg migratie" not in page


def test_teams_meetings_default_to_a_call(alice_client, dossier):
    upload(alice_client, "outlook.ics")
    teams = ProposedContact.objects.get(summary__startswith="Toelichting")
    page = alice_client.get(REVIEW).content.decode()
    select = page.split(f'name="p{teams.pk}-channel"')[1].split("</select>")[0]
    assert '<option value="call" selected>' in select


def test_a_bad_file_is_reported_on_the_screen(alice_client):
    response = upload(alice_client, "not-a-calendar.ics")
    assert response.status_code == 400
    page = response.content.decode()
    assert "[E001] not-a-calendar.ics is not an iCalendar (.ics) file" in page
    assert not CalendarImport.objects.exists()


def test_a_too_large_upload_is_refused_with_the_limit(alice_client, settings):
    settings.HEFBOOM_CALENDAR_MAX_BYTES = 2048
    response = upload(alice_client, "outlook.ics")
    assert response.status_code == 400
    assert "the limit is 2.0 KB" in response.content.decode()
    assert not ProposedContact.objects.exists()


def test_confirm_one_row_with_an_edited_summary(alice_client, lotte, dossier, cabinet):
    upload(alice_client, "outlook.ics")
    proposal = ProposedContact.objects.get(summary="Overleg kabinet over hervestiging")
    data = row(proposal, dossier, summary="Quota besproken met het kabinet")
    response = alice_client.post(DECIDE, {**data, "confirm": proposal.pk})
    assert response.status_code == 302
    contact = Contact.objects.get()
    assert contact.summary == "Quota besproken met het kabinet"
    assert contact.date == dt.date(2025, 3, 12)
    assert list(contact.persons.all()) == [lotte]
    assert list(contact.organisations.all()) == [cabinet]
    page = alice_client.get(REVIEW).content.decode()
    assert "Quota besproken" not in page and page.count('class="proposal"') == 2


def test_a_row_error_is_shown_on_its_row_and_nothing_saved(alice_client, dossier):
    upload(alice_client, "outlook.ics")
    proposal = ProposedContact.objects.get(summary="Overleg kabinet over hervestiging")
    data = row(proposal, dossier, summary="", dossier="")
    response = alice_client.post(DECIDE, {**data, "confirm": proposal.pk})
    assert response.status_code == 400
    page = response.content.decode()
    this_row = page.split(f'id="proposal-{proposal.pk}"')[1].split("</tr>")[0]
    assert 'class="errors"' in this_row
    assert "<strong>Dossier</strong>" in this_row and "This field is required." in this_row
    assert page.count('class="errors"') == 1
    assert not Contact.objects.exists()
    assert ProposedContact.objects.get(pk=proposal.pk).status == ProposalStatus.PROPOSED


def test_confirm_selected_saves_the_valid_rows_and_shows_the_others(alice_client, dossier):
    upload(alice_client, "outlook.ics")
    good, bad = ProposedContact.objects.filter(summary__in=[
        "Overleg kabinet over hervestiging", "Toelichting parlementaire vraag remittances"])
    data = {**row(good, dossier), **row(bad, dossier, summary="   "),
            "selected": [good.pk, bad.pk], "confirm_selected": "1"}
    response = alice_client.post(DECIDE, data)
    assert response.status_code == 400
    assert Contact.objects.count() == 1
    good.refresh_from_db()
    bad.refresh_from_db()
    assert (good.status, bad.status) == (ProposalStatus.CONFIRMED, ProposalStatus.PROPOSED)


def test_discard_one_row(alice_client, dossier):
    upload(alice_client, "outlook.ics")
    proposal = ProposedContact.objects.get(summary__startswith="Hoorzitting")
    response = alice_client.post(DECIDE, {"discard": proposal.pk})
    assert response.status_code == 302
    assert ProposedContact.objects.get(pk=proposal.pk).status == ProposalStatus.DISCARDED
    page = alice_client.get(REVIEW).content.decode()
    assert f'id="proposal-{proposal.pk}"' not in page and page.count('class="proposal"') == 2


def test_htmx_swaps_only_the_row(alice_client, dossier):
    upload(alice_client, "outlook.ics")
    proposal = ProposedContact.objects.get(summary="Overleg kabinet over hervestiging")
    response = alice_client.post(DECIDE, {**row(proposal, dossier), "confirm": proposal.pk},
                                 HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.strip().startswith(f'<tr id="proposal-{proposal.pk}"')
    assert "Logged as a contact" in html and Contact.objects.get().get_absolute_url() in html


def test_htmx_discard_and_a_second_confirm(alice_client, dossier):
    upload(alice_client, "outlook.ics")
    proposal = ProposedContact.objects.get(summary__startswith="Hoorzitting")
    html = alice_client.post(DECIDE, {"discard": proposal.pk}, HTTP_HX_REQUEST="true").content.decode()
    assert html.strip().startswith(f'<tr id="proposal-{proposal.pk}"') and "Discarded:" in html
    # The same row confirmed afterwards (a stale page): the row says why, nothing is logged.
    response = alice_client.post(DECIDE, {**row(proposal, dossier), "confirm": proposal.pk})
    assert response.status_code == 302
    assert "[C001] This meeting was already discarded." in alice_client.get(REVIEW).content.decode()
    assert not Contact.objects.exists()


def test_someone_else_cannot_see_or_decide_my_proposals(client, alice_at_work, bob, dossier):
    import_sample(alice_at_work, "outlook.ics")
    proposal = ProposedContact.objects.get(summary="Overleg kabinet over hervestiging")
    client.force_login(bob)
    assert "Overleg kabinet" not in client.get(REVIEW).content.decode()
    assert client.post(DECIDE, {**row(proposal, dossier), "confirm": proposal.pk}).status_code == 404
    assert client.post(DECIDE, {"discard": proposal.pk}).status_code == 404
    assert ProposedContact.objects.get(pk=proposal.pk).status == ProposalStatus.PROPOSED
    assert not Contact.objects.exists()


@pytest.mark.parametrize("method, url", [("get", REVIEW), ("post", UPLOAD), ("post", DECIDE)])
def test_viewer_victor_may_not_import(client, victor, method, url):
    client.force_login(victor)
    assert getattr(client, method)(url).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(REVIEW)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_most_used_dossier_is_preselected(alice_client, alice_at_work, dossier, theme, open_contact):
    from hefboom.core.actions import save_record
    from hefboom.strategy.models import Dossier

    save_record(Dossier(theme=theme, code="aaa", name="Aaa eerst alfabetisch"), None)
    upload(alice_client, "google.ics")
    page = alice_client.get(REVIEW).content.decode()
    assert f'<option value="{dossier.pk}" selected>' in page
    assert page.index("Your recent dossiers") < page.index("Other dossiers")


def test_review_page_queries_do_not_grow_with_rows(alice_client, alice_at_work, lotte, dossier):
    import_sample(alice_at_work, "outlook.ics")  # with a known person and her cabinet
    with CaptureQueriesContext(connection) as few:
        alice_client.get(REVIEW)
    import_sample(alice_at_work, "nextcloud.ics")
    import_sample(alice_at_work, "google.ics")
    assert ProposedContact.objects.count() > 15
    with CaptureQueriesContext(connection) as many:
        alice_client.get(REVIEW)
    assert len(many) == len(few)
