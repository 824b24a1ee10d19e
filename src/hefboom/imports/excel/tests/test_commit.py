"""The real import: all or nothing, never twice, stamped, and the bulk path equal to the actions."""

import datetime as dt

import pytest

from hefboom.actors.models import Person
from hefboom.core.actions import save_record
from hefboom.imports.excel import actions, writer
from hefboom.imports.excel.errors import ImportFailed
from hefboom.imports.excel.models import ImportedRow
from hefboom.imports.excel.tests.test_dry_run import contacts_workbook
from hefboom.imports.excel.tests.workbooks import contact_rows
from hefboom.monitoring.models import Contact, Evidence, Outcome, Output, ProgressMarkerObservation

ALL_RECORDS = (Contact, Output, Outcome, ProgressMarkerObservation, Evidence, ImportedRow)


def many_rows(n, prefix="Gesprek"):
    rows = []
    for i in range(n):
        rows.append([dt.date(2022, 1, 1) + dt.timedelta(days=i % 600), ("overleg", "telefoon")[i % 2],
                     ("Nicole De Moor", "Min. De Moor", "Jan Peeters")[i % 3],
                     "kabinet De Moor" if i % 4 == 0 else "", "N-VA" if i % 5 == 0 else "",
                     ("Hervestiging", "Arbeidsmigratie")[i % 2], f"{prefix} {i}", ("alice", "bob")[i % 2]])
    return rows


def test_an_error_in_row_500_leaves_nothing_behind(world, tmp_path):
    rows = many_rows(600)
    rows[496][5] = "Onbekend dossier"  # sheet row 500 (title, blank line and header above)
    path = contacts_workbook(tmp_path, rows)
    with pytest.raises(actions.ImportRefused) as refused:
        actions.commit(path, user=world["carol"])
    assert refused.value.problem.code == "E014"
    [problem] = [p for p in refused.value.report["problems"] if p["code"] == "E205"]
    assert problem["row"] == 500
    assert not any(model.objects.exists() for model in ALL_RECORDS)
    assert not Person.objects.filter(last_name="Peeters").exists()


def test_a_failure_while_writing_rolls_everything_back(world, tmp_path, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(writer, "_remember_rows", fail)
    with pytest.raises(RuntimeError):
        actions.commit(contacts_workbook(tmp_path, many_rows(300)), user=world["carol"])
    assert not any(model.objects.exists() for model in ALL_RECORDS)
    assert not Person.objects.filter(last_name="Peeters").exists()


def test_importing_the_same_file_twice_creates_nothing_new(world, dutch_workbook):
    first = actions.commit(dutch_workbook, user=world["carol"])
    counts = {model: model.objects.count() for model in (*ALL_RECORDS, Person)}
    assert first["created"]["contact"] == 3
    second = actions.commit(dutch_workbook, user=world["carol"])
    assert {model: model.objects.count() for model in (*ALL_RECORDS, Person)} == counts
    assert {k: c["already"] for k, c in second["counts"].items()} == {
        "contact": 3, "output": 2, "outcome": 1, "observation": 1}
    notices = [p for p in second["problems"] if p["code"] == "I110"]
    assert {p["sheet"] for p in notices} == {"Politieke contacten", "Outputs", "Outcomes",
                                            "Progress markers"}


def test_a_changed_row_is_new_the_rest_already_imported(world, tmp_path):
    rows = contact_rows(3)
    actions.commit(contacts_workbook(tmp_path, rows), user=world["carol"])
    rows[1][6] = "Opvolging, met nieuw verslag"
    report = actions.commit(contacts_workbook(tmp_path, rows, "v2.xlsx"), user=world["carol"])
    assert report["counts"]["contact"] == {"create": 1, "already": 2, "skip": 0}
    assert Contact.objects.count() == 4


def test_records_are_stamped_with_the_importer_and_their_source(world, dutch_workbook):
    actions.commit(dutch_workbook, user=world["bob"], bulk=False)
    contact = Contact.objects.get(summary="Hervestigingsquota besproken")
    assert contact.created_by == world["bob"] and contact.updated_by == world["bob"]
    assert contact.source_reference == "Excel-import monitoring-2023.xlsx, blad Politieke contacten, rij 4"
    assert contact.history.get().history_user == world["bob"]
    outcome = Outcome.objects.get()
    assert outcome.source_reference.endswith("blad Outcomes, rij 2")
    assert outcome.evidence.get().reference == "Beleidsnota Asiel en Migratie 2023"
    assert list(outcome.social_actor_organisations.all()) == [world["cabinet"]]
    observation = ProgressMarkerObservation.objects.get()
    assert (observation.progress_marker, observation.rating) == (world["marker"], "high")
    assert (observation.period_start, observation.period_end) == (dt.date(2023, 1, 1),
                                                                  dt.date(2023, 12, 31))
    assert Person.objects.get(last_name="Peeters").source_reference == "Excel-import monitoring-2023.xlsx"


def snapshot(contact):
    version = contact.history.get()
    return {
        "stamps": (contact.created_by.username, contact.updated_by.username, contact.version),
        "source": contact.source_reference.split(", blad")[1],
        "history": (version.history_type, version.history_user.username, version.summary),
        "links": {name: sorted(getattr(contact, name).values_list("pk", flat=True))
                  for name in Contact._history_m2m_fields},
        "version links": {name: sorted(getattr(version, name).values_list(
            Contact._meta.get_field(name).m2m_reverse_field_name(), flat=True))
            for name in Contact._history_m2m_fields},
    }


def test_the_bulk_path_stores_what_the_actions_store(world, tmp_path):
    actions.commit(contacts_workbook(tmp_path, many_rows(30, "Eén"), "a.xlsx"), user=world["carol"],
                   bulk=False)
    actions.commit(contacts_workbook(tmp_path, many_rows(30, "Bulk"), "b.xlsx"), user=world["carol"],
                   bulk=True)
    for i in range(30):
        one = snapshot(Contact.objects.get(summary=f"Eén {i}"))
        bulk = snapshot(Contact.objects.get(summary=f"Bulk {i}"))
        one["history"] = one["history"][:2]
        bulk["history"] = bulk["history"][:2]
        assert one == bulk
        assert bulk["version links"] == bulk["links"]
        assert bulk["links"]["dossiers"]


def uncertain_workbook(tmp_path, world):
    save_record(Person(first_name="Nele", last_name="De Moor"), None)
    rows = contact_rows(2)
    rows[0][2] = "Min. De Moor"
    return contacts_workbook(tmp_path, rows)


def test_uncertain_matches_block_a_real_import_until_decided(world, tmp_path):
    path = uncertain_workbook(tmp_path, world)
    with pytest.raises(actions.ImportRefused) as refused:
        actions.commit(path, user=world["carol"])
    assert refused.value.problem.code == "E013"
    assert "--accept-uncertain" in refused.value.problem.fix
    assert not Contact.objects.exists()


def test_review_decisions_use_create_or_skip(world, tmp_path):
    path = uncertain_workbook(tmp_path, world)
    [review] = actions.dry_run(path, user=world["carol"])["reviews"]
    nele = Person.objects.get(first_name="Nele")
    actions.commit(path, user=world["carol"], decisions={review["id"]: f"use:{nele.pk}"})
    assert list(Contact.objects.get(summary="Overleg over hervestiging 0").persons.all()) == [nele]
    Contact.objects.all().delete()
    ImportedRow.objects.all().delete()
    report = actions.commit(path, user=world["carol"], decisions={review["id"]: "skip"})
    assert report["counts"]["contact"] == {"create": 1, "already": 0, "skip": 1}
    assert Person.objects.filter(last_name="De Moor").count() == 2


def test_policies_for_uncertain_matches(world, tmp_path):
    path = uncertain_workbook(tmp_path, world)
    report = actions.commit(path, user=world["carol"], policy="accept")
    assert report["created"]["persons"] == 0
    assert Contact.objects.get(summary="Overleg over hervestiging 0").persons.get().last_name == "De Moor"


def test_a_viewer_cannot_import(world, victor, dutch_workbook):
    with pytest.raises(ImportFailed) as failed:
        actions.commit(dutch_workbook, user=victor)
    assert failed.value.problem.code == "E012"
    assert not Contact.objects.exists()
