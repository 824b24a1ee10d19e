"""Upload limits: every place a file comes in has a limit with a message naming the file and
the limit, and a request larger than any of them is refused before its body is read."""

import re
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from hefboom.core.uploads import UploadCeilingMiddleware, upload_ceiling
from hefboom.monitoring.models import Output

SRC = Path(__file__).resolve().parents[2]

# Every file upload and where its size limit is checked (tested here or beside the importer).
UPLOADS = {
    "imports/excel/forms.py": "UploadForm.clean_file and reader.check_file (E005, E006, E016, E017)",
    "imports/excel/models.py": "the stored copy of an upload that passed imports/excel/forms.py",
    "imports/calendar/forms.py": "reader.check_size (E004), before the file is read",
    "monitoring/models/outcomes.py": "Evidence.file: actions.record_evidence",
    "monitoring/models/work.py": "Output.file: actions.record_output",
    "uptake/forms.py": "PolicyDocumentUploadForm.clean_upload (the evidence limit)",
    "uptake/models.py": "PolicyDocument.file: the stored copy of an upload that passed uptake/forms.py",
}


def test_every_file_field_is_listed_with_its_limit():
    found = {str(path.relative_to(SRC)) for path in SRC.rglob("*.py")
             if "tests" not in path.parts and "migrations" not in path.parts
             and re.search(r"\bFileField\(|\bImageField\(", path.read_text())}
    assert found == set(UPLOADS), "a new upload: give it a size limit and list it in UPLOADS"


def test_a_request_larger_than_any_upload_is_refused_unread(settings):
    settings.EXCEL_IMPORT_MAX_BYTES = 3 * 1024 * 1024
    settings.HEFBOOM_CALENDAR_MAX_BYTES = 1024 * 1024
    settings.HEFBOOM_EVIDENCE_MAX_BYTES = 2 * 1024 * 1024
    read = []
    middleware = UploadCeilingMiddleware(lambda request: read.append(request) or HttpResponse())
    request = RequestFactory().post("/imports/excel/", data=b"",
                                    content_type="multipart/form-data; boundary=x")
    request.META["CONTENT_LENGTH"] = str(upload_ceiling() + 1)
    response = middleware(request)
    assert response.status_code == 413 and not read
    text = response.content.decode()
    assert "4.0\xa0MB" in text and "at most 3.0\xa0MB" in text
    assert "HEFBOOM_EXCEL_IMPORT_MAX_MB" in text

    request.META["CONTENT_LENGTH"] = str(upload_ceiling())
    assert middleware(request).status_code == 200 and read


def test_an_output_file_over_the_limit_is_refused_naming_it(client, alice, dossier, settings,
                                                          tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.HEFBOOM_EVIDENCE_MAX_BYTES = 1024
    client.force_login(alice)
    response = client.post(reverse("monitoring:output_create"), {
        "title": "Beleidsnota", "type": "report", "date": "2024-03-04", "dossiers": [dossier.pk],
        "file": SimpleUploadedFile("groot-rapport.pdf", b"x" * 2048)})
    errors = " ".join(response.context["form"].errors["file"])
    assert "groot-rapport.pdf is 2.0\xa0KB" in errors and "at most 1.0\xa0KB" in errors
    assert not Output.objects.exists()
    assert not list(tmp_path.rglob("*.pdf"))


def test_django_request_limits_are_stated(settings):
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 2_621_440
    assert settings.DATA_UPLOAD_MAX_NUMBER_FIELDS >= 5_000  # the calendar review page
    assert settings.DATA_UPLOAD_MAX_NUMBER_FILES <= 10


def test_a_policy_document_over_the_evidence_limit_is_refused(settings):
    from hefboom.uptake.forms import PolicyDocumentUploadForm

    settings.HEFBOOM_EVIDENCE_MAX_BYTES = 1024
    big = SimpleUploadedFile("regeerakkoord.txt", b"a" * 2048, content_type="text/plain")
    form = PolicyDocumentUploadForm(data={"kind": "other"}, files={"upload": big})
    assert not form.is_valid()
    assert "regeerakkoord.txt" in str(form.errors["upload"]) and "HEFBOOM_EVIDENCE_MAX_MB" in str(
        form.errors["upload"])
    small = SimpleUploadedFile("regeerakkoord.txt", b"a" * 512, content_type="text/plain")
    form = PolicyDocumentUploadForm(data={"kind": "other"}, files={"upload": small})
    form.is_valid()
    assert "upload" not in form.errors
