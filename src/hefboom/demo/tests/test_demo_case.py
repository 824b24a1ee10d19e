"""The demo case matches what the evaluation report describes, and loads only once."""

import datetime as dt
from pathlib import Path

import pytest

from hefboom.accounts.models import User
from hefboom.actors.models import Organisation, Person, PersonRole
from hefboom.demo import case
from hefboom.demo.loader import load_demo_case
from hefboom.monitoring.models import (
    Activity,
    Contact,
    ContributionLink,
    Evidence,
    Outcome,
    Output,
    ProgressMarkerObservation,
)
from hefboom.strategy.models import (
    BoundaryPartner,
    ChangeOutcome,
    Dossier,
    Programme,
    ProgressMarker,
    Theme,
)

ALL_MODELS = [Programme, Theme, Dossier, ChangeOutcome, BoundaryPartner, ProgressMarker,
              Organisation, Person, PersonRole, Contact, Activity, Output, Outcome, Evidence,
              ContributionLink, ProgressMarkerObservation, User]


@pytest.fixture
def demo(demo_module, db):
    assert demo_module.loaded
    return demo_module


def test_programme_themes_and_dossiers(demo):
    programme = Programme.objects.get()
    assert programme.funder.startswith("DGD") or "DGD" in programme.funder
    assert (programme.start_date.year, programme.end_date.year) == (2022, 2026)
    assert sorted(Theme.objects.values_list("name", flat=True)) == ["Klimaat", "Migratie"]
    by_theme = {
        theme.name: sorted(theme.dossiers.values_list("name", flat=True))
        for theme in Theme.objects.all()
    }
    assert by_theme["Klimaat"] == ["Klimaatfinanciering", "Loss and damage"]
    assert by_theme["Migratie"] == sorted(
        ["Arbeidsmigratie", "Pushbacks / mensenrechten Tunesië en Libië", "Hervestiging",
         "Remittances"]
    )


def test_all_twenty_progress_markers_of_annex_1(demo):
    assert ProgressMarker.objects.count() == 20
    for theme in ("Klimaat", "Migratie"):
        markers = ProgressMarker.objects.filter(boundary_partner__theme__name=theme)
        assert markers.count() == 10, theme
        assert set(markers.values_list("level", flat=True)) == {"expect", "like", "love"}


def test_theory_of_change_outcomes_per_theme(demo):
    for theme in Theme.objects.all():
        numbers = list(theme.change_outcomes.values_list("number", flat=True))
        assert numbers and numbers == list(range(1, len(numbers) + 1)), theme


@pytest.mark.parametrize(
    "model, day, words",
    [
        (Output, dt.date(2022, 5, 10), "VUB"),
        (Outcome, dt.date(2022, 5, 11), "Vlaams Parlement"),
        (Outcome, dt.date(2023, 2, 1), "O-REMIT"),
        (Outcome, dt.date(2023, 7, 7), "IMC"),
        (Outcome, dt.date(2023, 7, 31), "hervestiging"),
        (Output, dt.date(2023, 7, 31), "etitie"),
        (Outcome, dt.date(2023, 7, 28), "Johansson"),
    ],
)
def test_dated_records_from_section_4_1(demo, model, day, words):
    records = model.objects.filter(date=day)
    text = " ".join(
        " ".join(str(getattr(r, f, "")) for f in ("title", "description", "summary"))
        for r in records
    )
    assert words.lower() in text.lower(), f"no {model.__name__} on {day} about {words}: {text!r}"


def test_climate_finance_and_cop29_outcomes(demo):
    texts = [f"{o.title} {o.description}" for o in Outcome.objects.all()]
    assert any("154" in t and "247" in t for t in texts)
    assert any("COP29" in t for t in texts)


def test_every_record_cites_the_report(demo):
    for model in ALL_MODELS[:-1]:
        for record in model.objects.all():
            assert record.source_reference.startswith("Evaluatierapport"), (model, record.pk)


def test_every_outcome_has_evidence_and_a_contribution(demo):
    for outcome in Outcome.objects.all():
        assert outcome.evidence.exists(), outcome
    assert ContributionLink.objects.count() >= Outcome.objects.count() // 2


def test_staff_appear_by_role_only(demo):
    for user in User.objects.all():
        assert not user.first_name and not user.last_name
        assert user.job_title
    assert User.objects.filter(job_title="Beleidsmedewerker migratie").exists()


REPORT = (Path(__file__).resolve().parents[4].parent / "shared" / "seed"
          / "evaluation-report-11.11.11-belgium-programme-2022-2026.txt")


def test_people_in_the_demo_are_named_in_the_report(demo):
    text = " ".join(REPORT.read_text(encoding="utf-8").split()).lower()
    assert Person.objects.count() == len(case.PERSONS)
    for person in case.PERSONS:
        # The report misspells one name; the case keeps the right one and notes the report's.
        assert person.get("report_spelling", person["last_name"]).lower() in text, person["key"]


def test_loading_twice_adds_nothing(demo):
    before = {model.__name__: model.objects.count() for model in ALL_MODELS}
    again = load_demo_case()
    assert not again.loaded
    assert {model.__name__: model.objects.count() for model in ALL_MODELS} == before
