"""Approval of a programme year and the lock on an approved year: who may take which step, the
log, the frozen actuals, and every write path refusing records dated in a locked year."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hefboom.core.actions import delete_record, restore_record, save_record
from hefboom.learning.models import Narrative
from hefboom.monitoring import actions
from hefboom.monitoring.models import Contact, Evidence, Outcome
from hefboom.reporting import indicators
from hefboom.reporting.actions import save_indicator, set_indicator_period
from hefboom.reporting.locks import PeriodLocked, check_unlocked, locked_period
from hefboom.reporting.models import Indicator, IndicatorPeriod, PeriodEvent, ReportingPeriod
from hefboom.reporting.periods import (
    approve_period,
    return_period,
    submit_period,
    unlock_period,
)
from hefboom.strategy.models import Dossier, Programme, Theme


def status(programme, year):
    period = ReportingPeriod.objects.filter(programme=programme, year=year).first()
    return period.status if period else "draft"


def approved(mia, alice, programme, year=2023):
    submit_period(alice, programme, year)
    return approve_period(mia, programme, year)


def contact_on(user, dossier, day, summary="Overleg"):
    return actions.record_contact(user, Contact(date=day, channel="call", summary=summary),
                                  our_participants=[user], dossiers=[dossier])


@pytest.fixture
def other_dossier(db):
    """A dossier of another programme, whose 2023 stays open."""
    other = save_record(Programme(code="be-other", name="Ander programma", funder="DGD",
                                  start_date=dt.date(2022, 1, 1), end_date=dt.date(2026, 12, 31)),
                        None)
    theme = save_record(Theme(programme=other, code="klimaat", name="Klimaat"), None)
    return save_record(Dossier(theme=theme, code="lnd", name="Loss and damage"), None)


# The workflow: steps, roles and the log

def test_a_year_goes_from_draft_to_submitted_to_approved_and_each_step_is_logged(
        alice, mia, programme):
    submit_period(alice, programme, 2023, "Alles ingevuld")
    assert status(programme, 2023) == "submitted"
    approve_period(mia, programme, 2023)
    assert status(programme, 2023) == "approved"
    log = list(PeriodEvent.objects.filter(period__programme=programme, period__year=2023)
               .values_list("action", "user__username", "reason"))
    assert log == [("submit", "alice", "Alles ingevuld"), ("approve", "mia", "")]


def test_the_me_officer_returns_a_submitted_year_with_a_reason(alice, mia, programme):
    submit_period(alice, programme, 2023)
    with pytest.raises(ValidationError, match="Say why"):
        return_period(mia, programme, 2023, "  ")
    return_period(mia, programme, 2023, "Outcomes 2023 missen bewijs")
    assert status(programme, 2023) == "draft"
    event = PeriodEvent.objects.get(action="return")
    assert (event.user, event.reason) == (mia, "Outcomes 2023 missen bewijs")


@pytest.mark.parametrize("step, before", [
    (approve_period, "draft"), (return_period, "draft"), (unlock_period, "draft"),
    (submit_period, "submitted"), (approve_period, "approved"), (submit_period, "approved")])
def test_a_step_from_the_wrong_status_is_refused_and_says_why(alice, mia, programme, step,
                                                              before):
    if before != "draft":
        submit_period(alice, programme, 2023)
    if before == "approved":
        approve_period(mia, programme, 2023)
    with pytest.raises(ValidationError) as refused:
        step(mia, programme, 2023, "reden")
    assert f"2023 of “{programme}” is {before}" in refused.value.messages[0]
    assert status(programme, 2023) == before
    assert PeriodEvent.objects.count() == (0 if before == "draft" else
                                           1 if before == "submitted" else 2)


def test_who_may_take_which_step(alice, mia, carol, victor, programme):
    with pytest.raises(PermissionDenied):
        submit_period(victor, programme, 2023)
    submit_period(alice, programme, 2023)
    with pytest.raises(PermissionDenied):
        approve_period(alice, programme, 2023)
    with pytest.raises(PermissionDenied):
        return_period(alice, programme, 2023, "nee")
    approve_period(carol, programme, 2023)
    with pytest.raises(PermissionDenied, match="Only the M&E officer can unlock"):
        unlock_period(carol, programme, 2023, "correctie")
    with pytest.raises(PermissionDenied):
        unlock_period(alice, programme, 2023, "correctie")
    with pytest.raises(ValidationError, match="Say why"):
        unlock_period(mia, programme, 2023, "")
    unlock_period(mia, programme, 2023, "Contact vergeten")
    assert status(programme, 2023) == "draft"
    assert PeriodEvent.objects.filter(action="unlock", user=mia,
                                      reason="Contact vergeten").exists()


def test_a_year_outside_the_programme_is_refused(alice, programme):
    with pytest.raises(ValidationError, match="2022 to 2026"):
        submit_period(alice, programme, 2030)


# Frozen actuals

def test_approval_freezes_computed_counts_and_unlocking_clears_them(alice, mia, programme,
                                                                   dossier, cabinet, open_contact):
    computed = save_indicator(mia, Indicator(
        programme=programme, code="OC1", title="Contacten met kabinetten", kind="computed",
        record_kind="contact", filter_query="institution=cabinet"))
    by_hand = save_indicator(mia, Indicator(programme=programme, code="OP1", title="Studies",
                                            kind="manual"))
    set_indicator_period(mia, by_hand, 2023, actual=Decimal(4))
    approved(mia, alice, programme)
    frozen = IndicatorPeriod.objects.get(indicator=computed, year=2023)
    assert frozen.actual == 1, "the live count at approval, in a new indicator value"
    assert IndicatorPeriod.objects.get(indicator=by_hand, year=2023).actual == 4

    unlock_period(mia, programme, 2023, "Contact vergeten")
    contact = actions.record_contact(alice, Contact(date=dt.date(2023, 6, 1), channel="call",
                                                    summary="Nog een"),
                                     our_participants=[alice], dossiers=[dossier],
                                     organisations=[cabinet])
    frozen.refresh_from_db()
    assert frozen.actual is None
    assert indicators.actual(computed, 2023, frozen) == 2, "counts live again after unlocking"
    assert IndicatorPeriod.objects.get(indicator=by_hand, year=2023).actual == 4, \
        "values entered by hand are kept"
    submit_period(alice, programme, 2023)
    approve_period(mia, programme, 2023)
    frozen.refresh_from_db()
    assert frozen.actual == 2
    assert contact.pk


# The lock

def test_an_approved_year_refuses_edit_delete_and_restore_of_its_records(
        alice, mia, programme, dossier, open_contact):
    in_bin = contact_on(alice, dossier, dt.date(2023, 9, 1), "Naar de prullenbak")
    delete_record(in_bin, alice)
    approved(mia, alice, programme)

    open_contact.summary = "Aangepast"
    with pytest.raises(PeriodLocked) as refused:
        actions.record_contact(alice, open_contact, our_participants=[alice], dossiers=[dossier])
    message = refused.value.messages[0]
    assert "2023" in message and "Testprogramma" in message and "Mia" in message
    assert "ask the M&E officer to unlock it" in message
    with pytest.raises(PeriodLocked):
        delete_record(Contact.objects.get(pk=open_contact.pk), alice)
    with pytest.raises(PeriodLocked):
        restore_record(Contact.all_objects.get(pk=in_bin.pk), mia)
    with pytest.raises(PeriodLocked):
        contact_on(alice, dossier, dt.date(2023, 12, 31), "Nieuw in 2023")
    stored = Contact.all_objects.get(pk=open_contact.pk)
    assert (stored.summary, stored.deleted_at) == ("Telefoon over hervestigingsquota", None)
    assert Contact.all_objects.get(pk=in_bin.pk).is_deleted


def test_moving_a_date_into_or_out_of_a_locked_year_is_refused(alice, mia, programme, dossier,
                                                               open_contact):
    later = contact_on(alice, dossier, dt.date(2024, 2, 1))
    approved(mia, alice, programme)
    later.date = dt.date(2023, 11, 30)
    with pytest.raises(PeriodLocked):
        actions.record_contact(alice, later, our_participants=[alice], dossiers=[dossier])
    open_contact.date = dt.date(2024, 1, 2)
    with pytest.raises(PeriodLocked):
        actions.record_contact(alice, open_contact, our_participants=[alice], dossiers=[dossier])
    assert Contact.objects.get(pk=later.pk).date == dt.date(2024, 2, 1)


def test_other_years_and_other_programmes_stay_open(alice, mia, programme, dossier,
                                                   other_dossier, open_contact):
    approved(mia, alice, programme)
    later = contact_on(alice, dossier, dt.date(2024, 3, 3))
    later.summary = "Bijgewerkt"
    actions.record_contact(alice, later, our_participants=[alice], dossiers=[dossier])
    elsewhere = contact_on(alice, other_dossier, dt.date(2023, 3, 3))
    delete_record(elsewhere, alice)
    # ... but moving a record of the other programme into this one's locked year is not.
    restore_record(elsewhere, mia)
    with pytest.raises(PeriodLocked):
        actions.record_contact(alice, Contact.objects.get(pk=elsewhere.pk),
                               our_participants=[alice], dossiers=[dossier])


def test_evidence_claims_narratives_and_indicator_values_of_the_year_are_locked(
        alice, mia, programme, theme, dossier):
    outcome = actions.record_outcome(alice, Outcome(
        title="Quota verhoogd", description="De regering verhoogt het hervestigingsquotum.",
        date=dt.date(2023, 10, 1), change_type="policy_content"), dossiers=[dossier])
    evidence = actions.record_evidence(alice, Evidence(outcome=outcome, source_type="other",
                                                       reference="Beleidsnota"))
    narrative = save_record(Narrative(theme=theme, period_start=dt.date(2023, 7, 1),
                                      period_end=dt.date(2024, 6, 30), title="Migratie",
                                      text="Tekst"), mia)
    indicator = save_indicator(mia, Indicator(programme=programme, code="OP1", title="Studies",
                                              kind="manual"))
    value = set_indicator_period(mia, indicator, 2023, target=Decimal(3))
    approved(mia, alice, programme)
    for record in (evidence, narrative, value):
        assert locked_period(record) is not None, record
    with pytest.raises(PeriodLocked):
        actions.record_evidence(alice, Evidence(outcome=outcome, source_type="other",
                                                reference="Nieuw bewijs"))
    narrative.text = "Andere tekst"
    with pytest.raises(PeriodLocked):
        save_record(narrative, mia)
    with pytest.raises(PeriodLocked):
        set_indicator_period(mia, indicator, 2023, target=Decimal(5))
    set_indicator_period(mia, indicator, 2024, target=Decimal(5))
    indicator.title = "Studies en nota's"
    save_indicator(mia, indicator)  # indicators themselves stay editable (frozen figures)


def test_the_check_is_one_query_when_nothing_is_approved(alice, programme, dossier,
                                                         django_assert_num_queries):
    record = Contact(date=dt.date(2023, 1, 5), channel="call", summary="x")
    with django_assert_num_queries(1):
        check_unlocked(record, alice, m2m={"dossiers": [dossier]})


# The Excel import writes in bulk, so its plan asks the lock for every row

def import_rows(tmp_path, days):
    from hefboom.imports.excel.tests.workbooks import CONTACT_HEADERS, make_workbook

    rows = [[day, "overleg", "", "", "", "Hervestiging", f"Overleg {i}", "alice"]
            for i, day in enumerate(days)]
    return make_workbook(tmp_path / "contacten.xlsx", {"Politieke contacten": {
        "title": "Contacten", "headers": CONTACT_HEADERS, "rows": rows}})


def test_the_import_dry_run_flags_rows_in_a_locked_year_and_the_commit_refuses_them(
        alice, mia, carol, programme, dossier, tmp_path):
    from hefboom.imports.excel import actions as excel
    from hefboom.imports.excel.errors import Problem

    approved(mia, alice, programme)
    workbook = import_rows(tmp_path, [dt.date(2023, 5, 2), dt.date(2024, 1, 8),
                                      dt.date(2023, 12, 1)])
    report = excel.dry_run(workbook, user=carol)
    locked = [Problem.from_dict(p) for p in report["problems"] if p["code"] == "E215"]
    assert [(p.sheet, p.row, p.column, p.value) for p in locked] == [
        ("Politieke contacten", 4, "Datum", "2023-05-02"),
        ("Politieke contacten", 6, "Datum", "2023-12-01")]
    assert "unlock" in locked[0].message and "Testprogramma" in locked[0].message
    assert report["counts"]["contact"]["create"] == 1
    with pytest.raises(excel.ImportRefused):
        excel.commit(workbook, user=carol)
    assert not Contact.objects.exists()

    unlock_period(mia, programme, 2023, "Import van de beleidsdienst")
    report = excel.commit(workbook, user=carol)
    assert report["created"]["contact"] == 3


def test_checks_inside_a_cached_block_look_up_the_locks_once(
        alice, mia, programme, dossier, django_assert_max_num_queries):
    from hefboom.reporting.locks import cached

    approved(mia, alice, programme)
    rows = [Contact(date=dt.date(2024, 1, 1) + dt.timedelta(days=i), channel="call", summary="x")
            for i in range(30)]
    rows.append(Contact(date=dt.date(2023, 2, 1), channel="call", summary="x"))
    refused = 0
    with django_assert_max_num_queries(4), cached():  # approved years, dossiers, the refusal
        for record in rows:
            try:
                check_unlocked(record, alice, m2m={"dossiers": [dossier]})
            except PeriodLocked:
                refused += 1
    assert refused == 1


# The page of a programme year

def page(client, user, programme, year=2023):
    client.force_login(user)
    return client.get(f"/reporting/{programme.pk}/{year}/period/").content.decode()


def step(client, user, programme, action, reason="", year=2023):
    client.force_login(user)
    return client.post(f"/reporting/{programme.pk}/{year}/period/{action}/", {"reason": reason},
                       follow=True)


BUTTONS = {"submit": "Submit for approval", "approve": "Approve and lock",
           "return": "Return to draft", "unlock": "Unlock"}


def buttons(html):
    return {action for action, label in BUTTONS.items() if f">{label}</button>" in html}


def test_the_page_shows_each_role_only_the_steps_it_may_take_now(
        client, alice, mia, carol, victor, programme):
    assert buttons(page(client, alice, programme)) == {"submit"}
    assert buttons(page(client, victor, programme)) == set()
    step(client, alice, programme, "submit")
    assert buttons(page(client, alice, programme)) == set()
    assert buttons(page(client, mia, programme)) == {"approve", "return"}
    assert buttons(page(client, carol, programme)) == {"approve", "return"}
    step(client, carol, programme, "approve")
    assert buttons(page(client, carol, programme)) == set(), "unlocking is the M&E officer's act"
    html = page(client, mia, programme)
    assert buttons(html) == {"unlock"}
    assert 'class="period-locked"' in html and "Approved by Carol" in html
    assert "Submitted" in html and "Approved and locked" in html  # the log


def test_steps_are_post_only_and_a_refusal_is_shown_on_the_page(client, alice, mia, victor,
                                                               programme):
    client.force_login(mia)
    assert client.get(f"/reporting/{programme.pk}/2023/period/submit/").status_code == 405
    assert step(client, victor, programme, "submit").status_code == 403
    step(client, alice, programme, "submit")
    step(client, mia, programme, "approve")
    html = step(client, mia, programme, "unlock", reason="").content.decode()
    assert "Say why the year is unlocked" in html
    assert status(programme, 2023) == "approved"
    html = step(client, mia, programme, "unlock", reason="Outcome vergeten").content.decode()
    assert status(programme, 2023) == "draft"
    assert "Outcome vergeten" in html
    assert client.get(f"/reporting/{programme.pk}/2031/period/").status_code == 404


def test_editing_a_contact_of_a_locked_year_shows_the_lock_and_changes_nothing(
        client, alice, mia, programme, dossier, open_contact):
    approved(mia, alice, programme)
    client.force_login(alice)
    response = client.post(f"/monitoring/contacts/{open_contact.pk}/edit/", {
        "date": "2023-03-01", "channel": "call", "is_formal": "on",
        "our_participants": [alice.pk], "dossiers": [dossier.pk],
        "summary": "Ander verslag", "confidentiality": "normal",
        "expected_version": open_contact.version})
    assert response.status_code == 200
    html = response.content.decode()
    assert "was approved by Mia" in html and "ask the M&amp;E officer to unlock it" in html
    stored = Contact.objects.get(pk=open_contact.pk)
    assert (stored.summary, stored.version) == (open_contact.summary, open_contact.version)


def test_the_admin_refuses_a_change_to_a_locked_record_on_its_form(
        client, alice, mia, carol, programme, dossier, open_contact):
    approved(mia, alice, programme)
    client.force_login(carol)
    url = f"/admin/monitoring/contact/{open_contact.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update({"date": "2023-03-01", "summary": "Via de admin",
                 "our_participants": [alice.pk], "dossiers": [dossier.pk], "persons": [],
                 "organisations": [o.pk for o in open_contact.organisations.all()]})
    data = {k: v for k, v in data.items() if not isinstance(v, list) or v}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "ask the M&amp;E officer to unlock it" in response.content.decode()
    assert Contact.objects.get(pk=open_contact.pk).summary == open_contact.summary


def test_really_deleting_a_contribution_link_of_a_locked_outcome_is_refused(
        alice, mia, programme, dossier, open_contact):
    from hefboom.monitoring.models import ContributionLink

    outcome = actions.record_outcome(alice, Outcome(
        title="Quota verhoogd", description="Het quotum gaat omhoog.", date=dt.date(2023, 10, 1),
        change_type="policy_content"), dossiers=[dossier])
    link = actions.link_contribution(alice, ContributionLink(
        outcome=outcome, contact=open_contact, narrative="Het telefoongesprek"))
    approved(mia, alice, programme)
    with pytest.raises(PeriodLocked):
        actions.unlink_contribution(alice, link)
    assert ContributionLink.objects.filter(pk=link.pk).exists()
    unlock_period(mia, programme, 2023, "Link was fout")
    actions.unlink_contribution(alice, ContributionLink.objects.get(pk=link.pk))
    assert not ContributionLink.objects.filter(pk=link.pk).exists()


def test_approval_with_a_broken_indicator_filter_says_what_to_fix_and_keeps_the_year_open(
        alice, mia, programme):
    indicator = save_indicator(mia, Indicator(
        programme=programme, code="OC9", title="Contacten", kind="computed",
        record_kind="contact", filter_query="channel=call"))
    Indicator.objects.filter(pk=indicator.pk).update(filter_query="vanished=1")
    submit_period(alice, programme, 2023)
    with pytest.raises(ValidationError, match="OC9.*vanished"):
        approve_period(mia, programme, 2023)
    assert status(programme, 2023) == "submitted"
    assert not IndicatorPeriod.objects.filter(indicator=indicator).exists()


def test_the_delete_restore_and_unlink_buttons_of_a_locked_year_say_why_and_change_nothing(
        client, alice, mia, programme, dossier, open_contact):
    from hefboom.monitoring.models import ContributionLink

    outcome = actions.record_outcome(alice, Outcome(
        title="Quota verhoogd", description="Het quotum gaat omhoog.", date=dt.date(2023, 10, 1),
        change_type="policy_content"), dossiers=[dossier])
    link = actions.link_contribution(alice, ContributionLink(
        outcome=outcome, contact=open_contact, narrative="Het telefoongesprek"))
    gone = contact_on(alice, dossier, dt.date(2023, 6, 1), "Al in de prullenbak")
    delete_record(gone, alice)
    approved(mia, alice, programme)
    client.force_login(mia)
    for url in (f"/monitoring/contact/{open_contact.pk}/delete/",
                f"/monitoring/bin/contact/{gone.pk}/restore/",
                f"/monitoring/contributions/{link.pk}/remove/"):
        page = client.post(url, follow=True)
        assert page.status_code == 200, url
        assert "ask the M&amp;E officer to unlock it" in page.content.decode(), url
    assert not Contact.objects.get(pk=open_contact.pk).is_deleted
    assert Contact.all_objects.get(pk=gone.pk).is_deleted
    assert ContributionLink.objects.filter(pk=link.pk).exists()
