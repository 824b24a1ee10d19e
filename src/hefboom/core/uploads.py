"""The ceiling on uploads: a request larger than any file Hefboom accepts is refused (413)
before its body is read, so a huge upload never fills the disk or keeps a worker busy.

Each importer and file field has its own, smaller limit with its own message (the Excel
import, the calendar import, evidence and output files); this ceiling is the largest of them
plus room for the form's other fields. Django's own limits (settings.py) cover the rest: form
fields without files (DATA_UPLOAD_MAX_MEMORY_SIZE), the number of fields and of files.
"""

from django.conf import settings
from django.http import HttpResponse
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

FORM_ROOM = 1024 * 1024  # the other fields of a form with a file


def upload_ceiling() -> int:
    return max(settings.EXCEL_IMPORT_MAX_BYTES, settings.HEFBOOM_CALENDAR_MAX_BYTES,
               settings.HEFBOOM_EVIDENCE_MAX_BYTES) + FORM_ROOM


class UploadCeilingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > (ceiling := upload_ceiling()):
            message = _("The upload is %(size)s; Hefboom accepts files of at most %(limit)s. "
                        "Upload a smaller file (or split it); an administrator can raise the "
                        "limits (HEFBOOM_EXCEL_IMPORT_MAX_MB, HEFBOOM_CALENDAR_MAX_MB, "
                        "HEFBOOM_EVIDENCE_MAX_MB).") % {
                "size": filesizeformat(length), "limit": filesizeformat(ceiling - FORM_ROOM)}
            response = HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
            response["Connection"] = "close"  # the body is not read
            return response
        return self.get_response(request)
