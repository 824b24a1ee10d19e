"""Text out of an uploaded policy document (plain text, HTML, PDF, Word) and its language.

Every failure is an `ExtractionError` whose message says what is wrong with which file and what
to do; the importer turns it into a "not analysed because ..." status, never a crash.
"""

import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.utils.translation import gettext as _

ANALYSED_LANGUAGES = ("nl", "fr", "en")
LANGUAGE_NAMES = {"nl": "Dutch", "fr": "French", "en": "English", "de": "German",
                  "es": "Spanish", "it": "Italian", "pt": "Portuguese", "pl": "Polish",
                  "tr": "Turkish", "ar": "Arabic"}
SUFFIXES = {".txt": "text", ".text": "text", ".md": "text", ".html": "html", ".htm": "html",
            ".pdf": "pdf", ".docx": "docx"}


class ExtractionError(Exception):
    pass


@dataclass
class Extracted:
    text: str
    pages: int | None = None


def extract(name: str, data: bytes) -> Extracted:
    """The text of file `name` with content `data`."""
    kind = SUFFIXES.get(Path(name).suffix.lower())
    if kind is None:
        raise ExtractionError(_(
            "%(file)s: Hefboom reads .txt, .html, .pdf and .docx files; save it as one of those."
        ) % {"file": name})
    if not data.strip():
        raise ExtractionError(_("%(file)s is empty.") % {"file": name})
    result = {"text": _text, "html": _html, "pdf": _pdf, "docx": _docx}[kind](name, data)
    result.text = normalise(result.text)
    if not result.text.strip():
        if kind == "pdf":
            raise ExtractionError(_(
                "no text could be extracted (scanned PDF?): %(file)s has %(pages)s page(s) but no "
                "text layer. Run it through OCR or paste the text.") % {"file": name,
                                                                      "pages": result.pages})
        raise ExtractionError(_("%(file)s holds no text.") % {"file": name})
    return result


def normalise(text: str) -> str:
    """Line ends unified, runs of spaces and of blank lines shortened; paragraphs kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = re.sub(r"[ \t\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _decode(name: str, data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ExtractionError(_("%(file)s is not UTF-8 or Windows-1252 text.") % {"file": name})


def _text(name, data) -> Extracted:
    return Extracted(_decode(name, data))


def _html(name, data) -> Extracted:
    import lxml.html

    try:
        root = lxml.html.document_fromstring(data)
    except Exception as exc:  # lxml raises several kinds on broken markup
        raise ExtractionError(_("%(file)s could not be read as HTML: %(error)s")
                              % {"file": name, "error": exc}) from exc
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    blocks = [" ".join(el.text_content().split())
              for el in root.xpath("//p|//li|//h1|//h2|//h3|//h4|//td|//blockquote")]
    text = "\n\n".join(b for b in blocks if b) or root.text_content()
    return Extracted(text)


def _pdf(name, data) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise ExtractionError(_("%(file)s could not be read as PDF (%(error)s). Is it damaged?")
                              % {"file": name, "error": exc}) from exc
    return Extracted("\n\n".join(pages), pages=len(pages))


def _docx(name, data) -> Extracted:
    try:
        import docx
    except ImportError as exc:  # python-docx is optional
        raise ExtractionError(_("%(file)s: reading Word files needs python-docx, which is not "
                                "installed; save the document as PDF or text.") % {"file": name}
                              ) from exc
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # a broken zip or XML
        raise ExtractionError(_("%(file)s could not be read as a Word document (%(error)s).")
                              % {"file": name, "error": exc}) from exc
    return Extracted("\n\n".join(p.text for p in document.paragraphs if p.text.strip()))


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    # More than the three we analyse, so that a German or Spanish text is recognised as such
    # rather than forced into the nearest of nl/fr/en.
    languages = [Language.DUTCH, Language.FRENCH, Language.ENGLISH, Language.GERMAN,
                 Language.SPANISH, Language.ITALIAN, Language.PORTUGUESE]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's main language, or "" when it cannot be told."""
    sample = text[:4000]
    if len(sample.split()) < 3:
        return ""
    language = _detector().detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language else ""


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code or "?")
