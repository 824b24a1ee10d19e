"""Reading XML that may come from outside: one parser configuration for every reader.

An XML file can ask its parser to read a local file or a URL (external entities, XXE), to fetch a
DTD, or to expand a few hundred bytes into gigabytes (billion laughs, quadratic blowup). Every
XML that Hefboom reads goes through `parse` or `parse_file` here (the IATI checker, issue 7's TEI
reader), which:

- never resolves entities, never loads a DTD and never touches the network (lxml's parser with
  resolve_entities=False, load_dtd=False, no_network=True), and keeps libxml2's limits on depth,
  text size and entity amplification (huge_tree=False);
- refuses a document whose DOCTYPE declares entities, internal or external: no Hefboom input
  needs one, and a document that has one is either an attack or a mistake;
- turns every failure into `XMLRefused`, whose message names the file and says what to do.

defusedxml's lxml module is deprecated; lxml's own parser options do the same work.
openpyxl (the Excel importer) uses defusedxml itself when it is installed, and the importer
also refuses any DOCTYPE inside a workbook before openpyxl opens it (`has_doctype`).
"""

from pathlib import Path

from django.utils.translation import gettext as _
from lxml import etree


class XMLRefused(ValueError):
    """An XML document that is not read: not well-formed, too big, or declaring entities."""

    def __init__(self, name: str, reason: str):
        self.name, self.reason = name, reason
        super().__init__(_("%(file)s cannot be read as XML: %(reason)s") % {
            "file": name, "reason": reason})


def parser(*, resolvers=()) -> etree.XMLParser:
    """A parser that reads only what is in the document itself.

    `resolvers` (lxml `Resolver`s) may allow includes, e.g. an XML schema's own shipped files."""
    xml_parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                                 dtd_validation=False, huge_tree=False, attribute_defaults=False)
    for resolver in resolvers:
        xml_parser.resolvers.add(resolver)
    return xml_parser


def parse(content: bytes, *, name: str) -> etree._Element:
    """The root element of `content`; `name` (a file name) is used in the messages."""
    try:
        root = etree.fromstring(content, parser())
    except etree.XMLSyntaxError as exc:
        raise XMLRefused(name, _syntax_reason(exc)) from None
    check_entities(root.getroottree(), name)
    return root


def parse_file(path: Path, *, name: str | None = None, resolvers=()) -> etree._ElementTree:
    """The document in the file at `path` (read with the same rules as `parse`)."""
    name = name or Path(path).name
    try:
        tree = etree.parse(str(path), parser(resolvers=resolvers))
    except etree.XMLSyntaxError as exc:
        raise XMLRefused(name, _syntax_reason(exc)) from None
    except OSError as exc:
        raise XMLRefused(name, str(exc)) from None
    check_entities(tree, name)
    return tree


def check_entities(tree: etree._ElementTree, name: str) -> None:
    """Refuse a document whose DOCTYPE declares entities (they are never expanded, but a
    document that declares them is not one Hefboom should trust)."""
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _entity in dtd.entities()):
        raise XMLRefused(name, _(
            "it declares entities in a document type declaration (<!DOCTYPE … [<!ENTITY …]>), "
            "which can read files from the server or expand into gigabytes. Export the file "
            "again from the program that made it, without a DOCTYPE."))


def _syntax_reason(exc: etree.XMLSyntaxError) -> str:
    message = str(exc)
    if "amplification" in message or "huge" in message.lower() or "depth" in message:
        return _("it expands into more than an XML file may hold (%(detail)s). Export the file "
                 "again from the program that made it.") % {"detail": message}
    return _("it is not well-formed XML (%(detail)s). Export the file again from the program "
             "that made it.") % {"detail": message}


# "<!DOCTYPE" as it is written in UTF-8 (and ASCII-compatible encodings) and in UTF-16.
_DOCTYPES = tuple(b"<!DOCTYPE".decode().encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be"))
_CHUNK = 1024 * 1024


def has_doctype(stream) -> bool:
    """Whether an XML file (a binary stream, read to its end) holds a document type
    declaration anywhere. Office Open XML (xlsx, docx) never has one: text that looks like one
    in a cell is written escaped (&lt;!DOCTYPE), so a real one is markup, and refused."""
    overlap = max(len(pattern) for pattern in _DOCTYPES) - 1
    tail = b""
    while chunk := stream.read(_CHUNK):
        window = (tail + chunk).upper()
        if any(pattern.upper() in window for pattern in _DOCTYPES):
            return True
        tail = window[-overlap:]
    return False
