"""The yearly report's formats: one function per format, called by the CLI and the UI alike.

Each builder takes `(programme, year, language)` and returns the file as bytes, or raises
`ReportError` with a message that says what to fix; nothing is written when it fails.
"""

from dataclasses import dataclass
from importlib import import_module


class ReportError(Exception):
    """The report cannot be made as asked; the message names what to fix."""


@dataclass(frozen=True)
class Format:
    name: str
    builder: str  # "module:function"
    content_type: str
    extension: str

    def build(self, programme, year: int, language: str = "nl") -> bytes:
        from hefboom.reporting.indicators import FilterError

        module, function = self.builder.split(":")
        try:
            return getattr(import_module(module), function)(programme, year, language)
        except FilterError as exc:  # an indicator to fix first; the message names it
            raise ReportError(str(exc)) from exc

    def filename(self, programme, year: int) -> str:
        suffix = "-iati" if self.name == "iati" else ""
        return f"{programme.code}-{year}{suffix}.{self.extension}"


FORMATS = {
    f.name: f
    for f in (
        Format("xlsx", "hefboom.reporting.workbook:build_workbook",
               "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        Format("docx", "hefboom.reporting.narrative:build_docx",
               "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        Format("pdf", "hefboom.reporting.narrative:build_pdf", "application/pdf", "pdf"),
        Format("html", "hefboom.reporting.narrative:build_html", "text/html; charset=utf-8",
               "html"),
        Format("iati", "hefboom.reporting.iati:build_iati", "application/xml", "xml"),
    )
}


def build(programme, year: int, fmt: str, language: str = "nl") -> bytes:
    if fmt not in FORMATS:
        raise ReportError(f"Unknown format {fmt!r}; choose one of {', '.join(FORMATS)}.")
    return FORMATS[fmt].build(programme, year, language)
