"""The programme as an IATI 2.03 activity file (`iati-activities`), the format DGD asks its grantees
to publish in. Every file is checked against the official schema and code lists shipped in
`reporting/iati/` before it is returned; one that does not pass is never handed out.
"""

import re
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from lxml import etree

from hefboom.core import safexml
from hefboom.reporting.formats import ReportError
from hefboom.reporting.models import IndicatorPeriod, Measure, ResultLevel
from hefboom.reporting.selectors import indicator_rows

SCHEMA_DIR = Path(__file__).resolve().parent / "iati"
ACTIVITIES_SCHEMA = SCHEMA_DIR / "iati-activities-schema.xsd"
IATI_VERSION = "2.03"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LANGUAGES = ("nl", "fr", "en")  # Dutch first: the language the programme is written in

# The funder of the programmes Hefboom was made for: DGD, the Belgian development cooperation
# administration, under its OECD-DAC agency code (donor 2 Belgium, agency 10).
DGD_REF = "XM-DAC-2-10"
DGD_NAMES = {
    "nl": "Directie-generaal Ontwikkelingssamenwerking en Humanitaire Hulp (DGD)",
    "fr": "Direction générale Coopération au développement et Aide humanitaire (DGD)",
    "en": "Directorate-General for Development Cooperation and Humanitarian Aid (DGD)",
}
GOVERNMENT = "10"  # OrganisationType
FUNDING, IMPLEMENTING = "1", "4"  # OrganisationRole
PLANNED_START, ACTUAL_START, PLANNED_END, ACTUAL_END = "1", "2", "3", "4"  # ActivityDateType
PIPELINE, IMPLEMENTATION, FINALISATION = "1", "2", "3"  # ActivityStatus
GENERAL_DESCRIPTION = "1"  # DescriptionType
DAC_5_DIGIT = "1"  # SectorVocabulary
RESULT_TYPE = {ResultLevel.OUTPUT: "1", ResultLevel.OUTCOME: "2"}
MEASURE = {Measure.UNIT: "1", Measure.PERCENTAGE: "2"}
QUALITATIVE = "5"
RESULT_TITLES = {ResultLevel.OUTCOME: gettext_lazy("Outcomes"), ResultLevel.OUTPUT: gettext_lazy("Outputs")}

# Characters XML 1.0 cannot hold (most control characters, lone surrogates, U+FFFE/U+FFFF).
NOT_IN_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Characters IATI forbids in identifiers.
NOT_IN_IDENTIFIER = re.compile(r"[\s/&|?]")

# Which attributes carry a code from which list: (element, attribute, code list).
CODED_ATTRIBUTES = [
    ("reporting-org", "type", "OrganisationType"),
    ("participating-org", "role", "OrganisationRole"),
    ("participating-org", "type", "OrganisationType"),
    ("description", "type", "DescriptionType"),
    ("activity-status", "code", "ActivityStatus"),
    ("activity-date", "type", "ActivityDateType"),
    ("recipient-country", "code", "Country"),
    ("sector", "vocabulary", "SectorVocabulary"),
    ("result", "type", "ResultType"),
    ("indicator", "measure", "IndicatorMeasure"),
    ("iati-activity", XML_LANG, "Language"),
    ("narrative", XML_LANG, "Language"),
]


# Reading XML: through core.safexml (no DTDs, no entities, no network); the schema may include
# only the files shipped beside it.

class _LocalOnly(etree.Resolver):
    """Lets the schema include only the files shipped beside it."""

    def resolve(self, url, public_id, context):
        path = Path(url.removeprefix("file://")).resolve()
        if path.parent != SCHEMA_DIR or not path.is_file():
            raise ReportError(f"The IATI schema asks for {url}, which is not shipped in {SCHEMA_DIR}.")
        return self.resolve_filename(str(path), context)


@cache
def schema() -> etree.XMLSchema:
    """The official IATI 2.03 activity schema, loaded once."""
    return etree.XMLSchema(safexml.parse_file(ACTIVITIES_SCHEMA, resolvers=[_LocalOnly()]))


@cache
def codelist(name: str) -> frozenset[str]:
    """The codes of a shipped IATI code list that are not withdrawn."""
    tree = safexml.parse_file(SCHEMA_DIR / "codelists" / f"{name}.xml")
    return frozenset(item.findtext("code").strip() for item in tree.iter("codelist-item")
                     if item.get("status", "active") != "withdrawn")


@cache
def _agencies_longest_first() -> tuple[str, ...]:
    return tuple(sorted(codelist("OrganisationRegistrationAgency"), key=len, reverse=True))


def organisation_id_problem(value: str) -> str:
    """Why `value` is not an IATI organisation identifier, or "" when it is one.

    An identifier is a registration agency's prefix (OrganisationRegistrationAgency, e.g.
    BE-BCE_KBO) and the organisation's number there, or an identifier the IATI secretariat gave
    out itself (IATIOrganisationIdentifier, XI-IATI-...).
    """
    if NOT_IN_IDENTIFIER.search(value):
        return _("it contains a space or one of / & | ?")
    if value in codelist("IATIOrganisationIdentifier"):
        return ""
    for prefix in _agencies_longest_first():
        if value.startswith(prefix + "-"):
            if len(value) > len(prefix) + 1:
                return ""
            return _("the number after %(prefix)s- is missing") % {"prefix": prefix}
    return _("it does not start with a registration agency's prefix from the IATI code list "
             "OrganisationRegistrationAgency followed by a hyphen")


# Validation.

def _parse(content: bytes):
    try:
        root = safexml.parse(content, name=_("The IATI file"))
    except safexml.XMLRefused as exc:
        raise ReportError(str(exc)) from exc
    # IATI files have no DTD; one here could only smuggle in entities.
    if root.getroottree().docinfo.doctype:
        raise ReportError(_("The IATI file has a document type declaration (<!DOCTYPE>); IATI "
                            "files have none."))
    return root


def validate_against_schema(content: bytes):
    """Check `content` against the official IATI 2.03 activity schema; return the parsed root.

    Raises ReportError with the schema's messages (line and element)."""
    root = _parse(content)
    checker = schema()
    try:
        valid = checker.validate(root.getroottree())
    except etree.XMLSchemaValidateError as exc:
        raise ReportError(_("The IATI file could not be checked against the IATI 2.03 schema: "
                            "%(error)s") % {"error": exc}) from exc
    if not valid:
        messages = [f"line {error.line}: {error.message}" for error in checker.error_log]
        shown = "; ".join(messages[:10])
        if len(messages) > 10:
            shown += " " + _("(and %(count)s more)") % {"count": len(messages) - 10}
        raise ReportError(_("The IATI file does not validate against the IATI 2.03 schema: "
                            "%(errors)s") % {"errors": shown})
    return root


def code_problems(root) -> list[str]:
    """Codes in the document that are not in the shipped IATI code lists, with their line."""
    problems = []

    def refuse(element, what, value, listname):
        problems.append(_("line %(line)s: %(what)s “%(value)s” is not in the IATI code list "
                          "%(list)s") % {"line": element.sourceline, "what": what, "value": value,
                                         "list": listname})

    for tag, attribute, listname in CODED_ATTRIBUTES:
        for element in root.iter(tag):
            value = element.get(attribute)
            if value is not None and value not in codelist(listname):
                name = "xml:lang" if attribute == XML_LANG else attribute
                refuse(element, f"{tag}/@{name}", value, listname)
    for sector in root.iter("sector"):
        if sector.get("vocabulary", DAC_5_DIGIT) == DAC_5_DIGIT and \
                sector.get("code") not in codelist("Sector"):
            refuse(sector, "sector/@code", sector.get("code"), "Sector")
    for tag in ("reporting-org", "participating-org"):
        for element in root.iter(tag):
            ref = element.get("ref")
            if ref and (problem := organisation_id_problem(ref)):
                problems.append(_("line %(line)s: %(tag)s/@ref “%(ref)s” is not an IATI "
                                  "organisation identifier: %(problem)s")
                                % {"line": element.sourceline, "tag": tag, "ref": ref,
                                   "problem": problem})
    return problems


def validate(content: bytes) -> None:
    """Refuse (ReportError) an IATI file that breaks the schema or uses codes outside the lists."""
    root = validate_against_schema(content)
    problems = code_problems(root)
    if problems:
        raise ReportError(_("The IATI file uses codes that IATI does not know: %(problems)s")
                          % {"problems": "; ".join(problems[:10])})


# Building.

def _checked(text: str, record, field: str) -> str:
    """`text`, or ReportError naming the record and field when XML cannot hold a character."""
    bad = NOT_IN_XML.search(text)
    if bad:
        if hasattr(record, "_meta"):
            where = _("%(kind)s “%(record)s”, field “%(field)s”") % {
                "kind": capfirst(record._meta.verbose_name), "record": record,
                "field": record._meta.get_field(field).verbose_name}
        else:
            where = str(record)
        raise ReportError(_("%(where)s contains a character that XML cannot hold (U+%(code)04X "
                            "at position %(position)s); remove it and export again.")
                          % {"where": where, "code": ord(bad.group()), "position": bad.start() + 1})
    return text


def _narratives(parent, texts: dict[str, str]) -> None:
    for language in LANGUAGES:
        if texts.get(language, "").strip():
            etree.SubElement(parent, "narrative", {XML_LANG: language}).text = texts[language].strip()


def _field_texts(record, fields: dict[str, str]) -> dict[str, str]:
    """{language: text} from a record's fields, e.g. {"nl": "title", "fr": "title_fr"}."""
    return {language: _checked(getattr(record, field) or "", record, field)
            for language, field in fields.items()}


def _number(value: Decimal) -> str:
    """4.00 → "4", 12.50 → "12.5", 100 → "100" (never 1E+2)."""
    return format(Decimal(value).normalize(), "f")


def _configuration() -> dict:
    """The organisation as configured, or ReportError naming every setting to fix."""
    org_id = settings.HEFBOOM_IATI_ORG_ID.strip()
    name = settings.HEFBOOM_IATI_ORG_NAME.strip()
    org_type = settings.HEFBOOM_IATI_ORG_TYPE.strip()
    sector = settings.HEFBOOM_IATI_SECTOR.strip()
    problems = []
    example = "BE-BCE_KBO-0123456789"
    if not org_id:
        problems.append(_("Set HEFBOOM_IATI_ORG_ID to your organisation's IATI identifier (e.g. "
                          "%(example)s: the prefix of the register your organisation is in, from "
                          "the IATI code list OrganisationRegistrationAgency, and its number "
                          "there).") % {"example": example})
    elif problem := organisation_id_problem(org_id):
        problems.append(_("HEFBOOM_IATI_ORG_ID “%(value)s” is not an IATI organisation identifier: "
                          "%(problem)s. Set it to your organisation's IATI identifier (e.g. "
                          "%(example)s).") % {"value": org_id, "problem": problem,
                                              "example": example})
    if not name:
        problems.append(_("Set HEFBOOM_IATI_ORG_NAME to your organisation's name as it should "
                          "appear in the IATI file."))
    else:
        _checked(name, "HEFBOOM_IATI_ORG_NAME", "")
    if org_type not in codelist("OrganisationType"):
        problems.append(_("HEFBOOM_IATI_ORG_TYPE “%(value)s” is not in the IATI code list "
                          "OrganisationType; use e.g. 22 (national NGO) or 21 (international "
                          "NGO).") % {"value": org_type})
    if sector not in codelist("Sector"):
        problems.append(_("HEFBOOM_IATI_SECTOR “%(value)s” is not a five-digit DAC sector code "
                          "from the IATI code list Sector; use e.g. 15150 (democratic "
                          "participation and civil society).") % {"value": sector})
    if problems:
        raise ReportError(" ".join(problems))
    return {"id": org_id, "name": name, "type": org_type, "sector": sector}


def _sub(parent, tag: str, **attributes) -> etree._Element:
    return etree.SubElement(parent, tag, {k.replace("_", "-"): v for k, v in attributes.items()})


def _status_and_dates(activity, programme, today: date) -> None:
    start, end = programme.start_date, programme.end_date
    status = PIPELINE if today < start else IMPLEMENTATION if today <= end else FINALISATION
    _sub(activity, "activity-status", code=status)
    # IATI refuses actual dates in the future.
    dates = [(PLANNED_START, start), (ACTUAL_START, start if start <= today else None),
             (PLANNED_END, end), (ACTUAL_END, end if end < today else None)]
    for kind, day in dates:
        if day is not None:
            _sub(activity, "activity-date", type=kind, iso_date=day.isoformat())


def _result_title(level, theme) -> dict[str, str]:
    titles = {}
    for language in LANGUAGES:
        with translation.override(language):
            scope = theme.name if theme is not None else _("whole programme")
            titles[language] = f"{RESULT_TITLES[level]}: {scope}"
    return titles


def _indicator(result, row, programme, periods) -> None:
    indicator = row.indicator
    qualitative = indicator.is_qualitative
    attributes = {"measure": QUALITATIVE if qualitative else MEASURE[indicator.measure]}
    if not qualitative:
        attributes["ascending"] = "true" if indicator.ascending else "false"
    element = _sub(result, "indicator", **attributes)
    _narratives(_sub(element, "title"),
                _field_texts(indicator, {"nl": "title", "fr": "title_fr", "en": "title_en"}))
    if indicator.description.strip():
        _narratives(_sub(element, "description"), _field_texts(indicator, {"nl": "description"}))
    if indicator.baseline_year:
        baseline = _sub(element, "baseline", year=str(indicator.baseline_year),
                        iso_date=date(indicator.baseline_year, 12, 31).isoformat())
        if indicator.baseline_value is not None and not qualitative:
            baseline.set("value", _number(indicator.baseline_value))
        if indicator.baseline_comment.strip():
            _narratives(_sub(baseline, "comment"),
                        _field_texts(indicator, {"nl": "baseline_comment"}))
    for year, (target, actual) in row.history.items():
        period = periods.get((indicator.pk, year))
        if qualitative:
            texts = _field_texts(period, {"nl": "text", "fr": "text_fr", "en": "text_en"}) \
                if period else {}
            if not any(t.strip() for t in texts.values()):
                continue
        elif target is None and actual is None:
            continue
        element_period = _sub(element, "period")
        _sub(element_period, "period-start",
             iso_date=max(date(year, 1, 1), programme.start_date).isoformat())
        _sub(element_period, "period-end",
             iso_date=min(date(year, 12, 31), programme.end_date).isoformat())
        if qualitative:
            _narratives(_sub(_sub(element_period, "actual"), "comment"), texts)
            continue
        if target is not None:
            _sub(element_period, "target", value=_number(target))
        if actual is not None:
            actual_element = _sub(element_period, "actual", value=_number(actual))
            if period and period.comment.strip():
                _narratives(_sub(actual_element, "comment"), _field_texts(period, {"nl": "comment"}))


def build_iati(programme, year: int, language: str = "nl") -> bytes:
    """The programme with its results up to `year`, as a validated IATI 2.03 activity file.

    The file holds every language there is text in (nl, fr, en), so `language` changes nothing.
    """
    org = _configuration()
    rows = indicator_rows(programme, year)
    # Texts and comments of the indicator values (the figures come from `rows`).
    periods = {(p.indicator_id, p.year): p for p in IndicatorPeriod.objects.filter(
        indicator__programme=programme, year__lte=year)}

    root = etree.Element("iati-activities", {
        "version": IATI_VERSION,
        "generated-datetime": timezone.now().replace(microsecond=0).isoformat()})
    activity = _sub(root, "iati-activity", **{XML_LANG: "nl"})
    _sub(activity, "iati-identifier").text = f"{org['id']}-{programme.code}"
    reporting = _sub(activity, "reporting-org", ref=org["id"], type=org["type"])
    _sub(reporting, "narrative").text = org["name"]
    _narratives(_sub(activity, "title"), _field_texts(programme, {"nl": "name"}))
    description = _field_texts(programme, {"nl": "description"})
    if not description["nl"].strip():
        description = _field_texts(programme, {"nl": "name"})
    _narratives(_sub(activity, "description", type=GENERAL_DESCRIPTION), description)

    funder = _checked(programme.funder.strip(), programme, "funder")
    if funder.upper() == "DGD" or DGD_REF in funder or not funder:
        funding = _sub(activity, "participating-org", ref=DGD_REF, type=GOVERNMENT, role=FUNDING)
        _narratives(funding, DGD_NAMES)
    else:
        funding = _sub(activity, "participating-org", role=FUNDING)
        _narratives(funding, {"nl": funder})
    implementing = _sub(activity, "participating-org", ref=org["id"], type=org["type"],
                        role=IMPLEMENTING)
    _sub(implementing, "narrative").text = org["name"]

    _status_and_dates(activity, programme, timezone.localdate())
    _sub(activity, "recipient-country", code="BE", percentage="100")
    _sub(activity, "sector", vocabulary=DAC_5_DIGIT, code=org["sector"], percentage="100")

    groups: dict[tuple, list] = {}
    for row in rows:
        indicator = row.indicator
        theme = indicator.theme or (indicator.dossier.theme if indicator.dossier_id else None)
        groups.setdefault((indicator.result_level, theme), []).append(row)
    for (level, theme), members in groups.items():
        result = _sub(activity, "result", type=RESULT_TYPE[level], aggregation_status="false")
        _narratives(_sub(result, "title"), _result_title(level, theme))
        for row in members:
            _indicator(result, row, programme, periods)

    content = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    validate(content)
    return content
