"""The generated first draft: what happened in the period, in date order, grouped by month."""

import datetime as dt

from hefboom.core.actions import delete_record, save_record
from hefboom.learning.drafts import DraftItem, compose, first_draft
from hefboom.monitoring import actions
from hefboom.monitoring.models import Activity, Contact, ProgressMarkerObservation

from .conftest import YEAR_2023


def test_items_come_in_date_order_under_a_heading_per_month():
    items = [
        DraftItem(dt.date(2023, 4, 2), "outcome", 9, "Outcome (agenda)", "Het quotum\nging omhoog."),
        DraftItem(dt.date(2023, 3, 1), "contact", 12, "Contact (call)"),
        DraftItem(dt.date(2023, 4, 2), "contact", 13, "Contact (meeting)"),
    ]
    assert compose(items) == (
        "## March 2023\n"
        "- 2023-03-01 · Contact (call): [@contact:12]\n"
        "\n"
        "## April 2023\n"
        "- 2023-04-02 · Contact (meeting): [@contact:13]\n"
        "- 2023-04-02 · Outcome (agenda): [@outcome:9] — Het quotum ging omhoog."
    )


def test_nothing_recorded_gives_an_empty_draft():
    assert compose([]) == ""


def test_dossier_draft_lists_the_periods_records_with_outcome_statements(
        alice, dossier, markers, open_contact, outcome, output):
    activity = actions.record_activity(
        alice, Activity(title="Rondetafel", type="event", date=dt.date(2023, 6, 15)), dossiers=[dossier])
    actions.record_activity(  # outside the period
        alice, Activity(title="Oude actie", type="event", date=dt.date(2022, 6, 15)), dossiers=[dossier])
    observation = save_record(ProgressMarkerObservation(
        progress_marker=markers[0], period_start=YEAR_2023[0], period_end=YEAR_2023[1],
        rating="medium"), alice)
    draft = first_draft(dossier, *YEAR_2023, alice)
    lines = [line for line in draft.splitlines() if line.startswith("- ")]
    assert lines == [
        f"- 2023-03-01 · Contact (call): [@contact:{open_contact.pk}]",
        f"- 2023-05-02 · Output (input paper): [@output:{output.pk}]",
        f"- 2023-06-15 · Activity (event): [@activity:{activity.pk}]",
        f"- 2023-07-31 · Outcome (policy content): [@outcome:{outcome.pk}] — "
        "De regering besliste een autonome hervestigingsstructuur.",
        f"- 2023-12-31 · Progress marker rated medium: [@observation:{observation.pk}]",
    ]
    assert "## July 2023" in draft


def test_theme_draft_takes_every_dossier_of_the_theme_once(alice, theme, dossier, outcome):
    other = save_record(type(dossier)(theme=theme, code="pushbacks", name="Pushbacks"), None)
    actions.record_outcome(alice, type(outcome)(title="Debat", description="…", date=dt.date(2023, 9, 1),
                                                change_type="agenda"), dossiers=[dossier, other])
    draft = first_draft(theme, *YEAR_2023, alice)
    assert draft.count("[@outcome:") == 2


def test_the_draft_leaves_out_what_the_writer_may_not_see_and_the_bin(
        alice, bob, dossier, open_contact, confidential_contact, output):
    assert f"[@contact:{confidential_contact.pk}]" in first_draft(dossier, *YEAR_2023, alice)
    draft = first_draft(dossier, *YEAR_2023, bob)
    assert f"[@contact:{confidential_contact.pk}]" not in draft
    assert f"[@contact:{open_contact.pk}]" in draft
    # No contact summary is copied into the text, not even for a contact the writer may see.
    assert "Vertrouwelijk" not in first_draft(dossier, *YEAR_2023, alice)
    delete_record(output, alice)
    assert "[@output:" not in first_draft(dossier, *YEAR_2023, alice)
    assert Contact.objects.count() == 2
