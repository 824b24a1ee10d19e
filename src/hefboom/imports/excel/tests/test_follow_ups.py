"""A workbook's follow-up column becomes follow-up records, on both write paths."""

import pytest

from hefboom.imports.excel import actions
from hefboom.imports.excel.tests.workbooks import CONTACT_HEADERS, contact_rows, make_workbook
from hefboom.monitoring.models import Contact, FollowUp


def workbook(tmp_path, rows, name="opvolging.xlsx"):
    return make_workbook(tmp_path / name, {"Politieke contacten": {
        "headers": [*CONTACT_HEADERS, "Opvolging"], "rows": rows}})


def rows_with_follow_ups(n, prefix="Gesprek"):
    rows = contact_rows(n)
    for i, row in enumerate(rows):
        row[6] = f"{prefix} {i}"
        row[7] = ("bob", "", "alice")[i % 3]  # staff participant: Bob, none, Alice
        row.append(f"Nota sturen {i}" if i % 2 == 0 else "")
    return rows


def test_the_dry_run_counts_follow_ups_and_writes_nothing(world, tmp_path):
    report = actions.dry_run(workbook(tmp_path, rows_with_follow_ups(4)))
    assert report["error_count"] == 0
    assert report["follow_ups"] == 2
    assert not FollowUp.objects.exists() and not Contact.objects.exists()


@pytest.mark.parametrize("bulk", [False, True])
def test_follow_ups_are_owned_by_the_first_staff_participant_or_the_importer(
        world, tmp_path, bulk):
    report = actions.commit(workbook(tmp_path, rows_with_follow_ups(6)), user=world["carol"],
                            bulk=bulk)
    assert report["created"]["follow_ups"] == 3
    owners = {f.description: f.owner.username for f in FollowUp.objects.select_related("owner")}
    # Rows 0 and 4 name Bob and "" (the importer, Carol); row 2 names Alice.
    assert owners == {"Nota sturen 0": "bob", "Nota sturen 2": "alice",
                      "Nota sturen 4": "carol"}
    item = FollowUp.objects.get(description="Nota sturen 0")
    assert item.contact.summary == "Gesprek 0"
    assert item.created_by == world["carol"] and item.history.count() == 1
    assert "opvolging.xlsx" in item.source_reference


def test_a_refused_import_leaves_no_follow_up(world, tmp_path):
    rows = rows_with_follow_ups(3)
    rows[2][0] = "geen datum"
    with pytest.raises(actions.ImportRefused):
        actions.commit(workbook(tmp_path, rows), user=world["carol"])
    assert not FollowUp.objects.exists() and not Contact.objects.exists()
