"""The import wizard through the web: upload, mapping, dry run and review, import, result."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hefboom.actors.models import Person
from hefboom.core.actions import save_record
from hefboom.imports.excel.models import ExcelImport, ExcelMapping
from hefboom.imports.excel.tests.test_dry_run import contacts_workbook
from hefboom.imports.excel.tests.workbooks import contact_rows
from hefboom.monitoring.models import Contact


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def upload(client, path):
    with open(path, "rb") as handle:
        return client.post(reverse("excel_import:upload"), {"file": handle})


def form_data(form):
    """What the browser would post when the user accepts the form as shown."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value not in (None, ""):
            data[name] = value
    return data


def test_a_viewer_may_not_import(client, victor, world):
    client.force_login(victor)
    assert client.get(reverse("excel_import:upload")).status_code == 403
    response = client.post(reverse("excel_import:upload"),
                           {"file": SimpleUploadedFile("a.xlsx", b"x")})
    assert response.status_code == 403
    assert not ExcelImport.objects.exists()


def test_the_whole_wizard(client, world, dutch_workbook, media):
    alice = world["alice"]
    client.force_login(alice)
    response = upload(client, dutch_workbook)
    record = ExcelImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("excel_import:mapping", args=[record.pk])
    assert record.file.path.startswith(str(media / "imports"))

    page = client.get(response["Location"])
    form = page.context["form"]
    sheet_names = [row["sheet"].name for row in form.sheet_rows()]
    contacts = sheet_names.index("Politieke contacten")
    assert form[f"s{contacts}-type"].value() == "contact"
    assert form[f"s{contacts}-c0"].value() == "date"  # Datum
    assert "Nicole De Moor" in page.content.decode()  # first values shown next to each column

    data = {**form_data(form), "save_as": "Beleidsdienst"}
    response = client.post(page.request["PATH_INFO"], data)
    assert response["Location"] == reverse("excel_import:check", args=[record.pk])
    assert ExcelMapping.objects.get().name == "Beleidsdienst"

    check = client.get(response["Location"])
    assert check.status_code == 200
    counts = {row["kind"]: row["create"] for row in check.context["counts"]}
    assert counts["political contacts"] == 3
    assert not Contact.objects.exists()

    done = client.post(response["Location"], {"commit": "1"})
    assert done["Location"] == reverse("excel_import:result", args=[record.pk])
    assert Contact.objects.count() == 3
    assert Contact.objects.filter(created_by=alice).count() == 3
    result = client.get(done["Location"]).content.decode()
    assert "is imported" in result
    record.refresh_from_db()
    assert record.status == "imported" and record.rows.count() == 7


def test_changing_what_a_sheet_holds_proposes_its_columns_again(client, world, dutch_workbook):
    client.force_login(world["alice"])
    upload(client, dutch_workbook)
    record = ExcelImport.objects.get()
    page = client.get(reverse("excel_import:mapping", args=[record.pk]))
    form = page.context["form"]
    outputs = [row["sheet"].name for row in form.sheet_rows()].index("Outputs")
    data = {**form_data(form), f"s{outputs}-type": "ignore"}
    client.post(reverse("excel_import:mapping", args=[record.pk]), data)
    record.refresh_from_db()
    assert record.mapping["sheets"]["Outputs"] == {"type": "ignore", "header_row": 3, "columns": {}}


def test_problems_are_shown_and_block_the_import(client, world, tmp_path):
    rows = contact_rows(2)
    rows[1][0] = "31/02/2023"
    client.force_login(world["alice"])
    upload(client, contacts_workbook(tmp_path, rows))
    record = ExcelImport.objects.get()
    check = client.get(reverse("excel_import:check", args=[record.pk]))
    html = check.content.decode()
    assert "31/02/2023" in html and "E203" in html
    response = client.post(reverse("excel_import:check", args=[record.pk]), {"commit": "1"})
    assert response.status_code == 200
    assert response.context["refused"].code == "E014"
    assert not Contact.objects.exists()


def test_uncertain_names_are_reviewed_with_radio_buttons(client, world, tmp_path):
    nele = save_record(Person(first_name="Nele", last_name="De Moor"), None)
    rows = contact_rows(1)
    rows[0][2] = "Min. De Moor"
    client.force_login(world["alice"])
    upload(client, contacts_workbook(tmp_path, rows))
    record = ExcelImport.objects.get()
    url = reverse("excel_import:check", args=[record.pk])
    page = client.get(url)
    [(review, field)] = list(page.context["review"].rows())
    assert 'type="radio"' in str(field)
    refused = client.post(url, {"commit": "1"})
    assert refused.context["refused"].code == "E013"
    done = client.post(url, {"commit": "1", field.html_name: f"use:{nele.pk}"})
    assert done.status_code == 302
    assert list(Contact.objects.get().persons.all()) == [nele]


def test_a_broken_upload_is_refused_with_its_reason(client, world):
    client.force_login(world["alice"])
    response = client.post(reverse("excel_import:upload"),
                           {"file": SimpleUploadedFile("notities.xlsx", b"Datum;Samenvatting")})
    assert response.status_code == 200
    assert "notities.xlsx is not an Excel workbook" in " ".join(response.context["form"].errors["file"])
    assert not ExcelImport.objects.exists()


def test_a_too_big_upload_is_refused(client, world, settings, dutch_workbook):
    settings.EXCEL_IMPORT_MAX_BYTES = 1000
    client.force_login(world["alice"])
    response = upload(client, dutch_workbook)
    assert "the limit is 0 MB" in " ".join(response.context["form"].errors["file"])
    assert not ExcelImport.objects.exists()


def test_someone_elses_import_is_not_found(client, world, bob, dutch_workbook):
    client.force_login(world["alice"])
    upload(client, dutch_workbook)
    record = ExcelImport.objects.get()
    client.force_login(bob)
    for name in ("excel_import:mapping", "excel_import:check", "excel_import:result"):
        assert client.get(reverse(name, args=[record.pk])).status_code == 404
    client.force_login(world["carol"])  # an administrator may help
    assert client.get(reverse("excel_import:mapping", args=[record.pk])).status_code == 200
