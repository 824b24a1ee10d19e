"""The IATI 2.03 export: the demo's files validate against the official schema, hold the demo's
figures, and bad configuration or bad text is refused instead of producing an invalid file."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from lxml import etree

from hefboom.core import safexml
from hefboom.monitoring.models import Outcome, Output
from hefboom.reporting import iati
from hefboom.reporting.formats import ReportError, build
from hefboom.reporting.models import Indicator, IndicatorPeriod
from hefboom.strategy.models import Programme

SHIPPED = Path(iati.__file__).resolve().parent / "iati"
OFFICIAL = Path(__file__).resolve().parents[4].parent / "shared" / "data" / "iati-2.03"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ORG_ID = "BE-BCE_KBO-0123456789"  # invented number


@pytest.fixture
def organisation(settings):
    settings.HEFBOOM_IATI_ORG_ID = ORG_ID
    settings.HEFBOOM_IATI_ORG_NAME = "Voorbeeldkoepel vzw"
    settings.HEFBOOM_IATI_ORG_TYPE = "22"
    settings.HEFBOOM_IATI_SECTOR = "15150"
    return settings


@pytest.fixture(scope="module")
def official_schema():
    """The schema as the test loads it itself, not through the module under test."""
    return etree.XMLSchema(etree.parse(str(SHIPPED / "iati-activities-schema.xsd")))


def export(programme, year) -> etree._Element:
    return etree.fromstring(build(programme, year, "iati"))


def by_title(root) -> dict[str, etree._Element]:
    return {indicator.findtext("title/narrative[@xml:lang='nl']",
                               namespaces={"xml": "http://www.w3.org/XML/1998/namespace"}): indicator
            for indicator in root.iter("indicator")}


def periods(indicator) -> dict[int, etree._Element]:
    return {int(p.find("period-start").get("iso-date")[:4]): p for p in indicator.iter("period")}


def value(period, what) -> Decimal | None:
    element = period.find(what)
    return None if element is None else Decimal(element.get("value"))


@pytest.mark.parametrize("year", [2023, 2024])
def test_the_demo_exports_validate_against_the_official_schema(demo, organisation, official_schema,
                                                                year):
    content = build(demo, year, "iati")
    root = etree.fromstring(content)
    official_schema.assertValid(root.getroottree())
    iati.validate(content)  # and the shipped code lists know every code
    assert root.get("version") == "2.03" and root.get("generated-datetime")
    (activity,) = root.findall("iati-activity")
    assert activity.findtext("iati-identifier") == f"{ORG_ID}-belgieprogramma-2022-2026"
    assert activity.find("reporting-org").attrib == {"ref": ORG_ID, "type": "22"}
    roles = {(o.get("ref"), o.get("role")) for o in activity.findall("participating-org")}
    assert roles == {("XM-DAC-2-10", "1"), (ORG_ID, "4")}
    assert activity.find("recipient-country").attrib == {"code": "BE", "percentage": "100"}
    assert activity.find("sector").get("code") == "15150"


def test_the_status_and_dates_follow_the_programme_dates(demo, organisation):
    activity = export(demo, 2023).find("iati-activity")
    today = timezone.localdate()
    dates = {d.get("type"): d.get("iso-date") for d in activity.findall("activity-date")}
    assert dates["1"] == "2022-01-01" and dates["3"] == "2026-12-31"
    assert ("2" in dates) == (today >= dt.date(2022, 1, 1))
    assert ("4" in dates) == (today > dt.date(2026, 12, 31)), "no actual end date in the future"
    expected = "1" if today < dt.date(2022, 1, 1) else "2" if today <= dt.date(2026, 12, 31) else "3"
    assert activity.find("activity-status").get("code") == expected


def test_every_indicator_is_in_a_result_of_its_level_with_baseline_and_periods_up_to_the_year(
        demo, organisation):
    root = export(demo, 2023)
    found = by_title(root)
    indicators = list(Indicator.objects.filter(programme=demo))
    assert set(found) == {i.title for i in indicators}
    for indicator in indicators:
        element = found[indicator.title]
        result = element.getparent()
        assert result.get("type") == {"output": "1", "outcome": "2"}[indicator.result_level]
        assert element.get("measure") == ("5" if indicator.kind == "qualitative" else
                                          {"unit": "1", "percentage": "2"}[indicator.measure])
        assert max(periods(element), default=2023) <= 2023, "no period after the year asked"
        if indicator.baseline_year and indicator.baseline_value is not None:
            baseline = element.find("baseline")
            assert int(baseline.get("year")) == indicator.baseline_year
            assert Decimal(baseline.get("value")) == indicator.baseline_value


def test_the_figures_are_the_demos_counts_targets_and_actuals(demo, organisation):
    found = by_title(export(demo, 2024))
    # Input papers: count the demo's outputs of that type directly.
    input_papers = periods(found[Indicator.objects.get(programme=demo, code="OP1").title])
    for year in (2022, 2023, 2024):
        counted = Output.objects.filter(type="input_paper", date__year=year,
                                        dossiers__theme__programme=demo).distinct().count()
        assert value(input_papers[year], "actual") == counted
        assert value(input_papers[year], "target") == 2
    policy = Indicator.objects.get(programme=demo, code="OC4.3")
    policy_periods = periods(found[policy.title])
    for year in (2022, 2023, 2024):
        counted = Outcome.objects.filter(change_type="policy_content", date__year=year,
                                         dossiers__theme__programme=demo).distinct().count()
        assert value(policy_periods[year], "actual") == counted
    # Climate finance is entered by hand: 500 asked, 247 reached in 2024, nothing yet in 2023.
    finance = Indicator.objects.get(programme=demo, code="OC4.4")
    stored = IndicatorPeriod.objects.get(indicator=finance, year=2024)
    finance_periods = periods(found[finance.title])
    assert value(finance_periods[2024], "target") == stored.target
    assert value(finance_periods[2024], "actual") == stored.actual
    assert finance_periods[2024].findtext("actual/comment/narrative") == stored.comment
    assert finance_periods[2023].find("actual") is None
    assert found[finance.title].getparent().findtext("title/narrative").endswith("Klimaat")


def test_the_qualitative_indicator_tells_each_year_in_dutch_french_and_english(demo, organisation):
    indicator = Indicator.objects.get(programme=demo, kind="qualitative")
    element = by_title(export(demo, 2024))[indicator.title]
    assert element.get("measure") == "5" and element.get("ascending") is None
    titles = {n.get(XML_LANG): n.text for n in element.find("title")}
    assert titles == {"nl": indicator.title, "fr": indicator.title_fr, "en": indicator.title_en}
    written = IndicatorPeriod.objects.filter(indicator=indicator).exclude(text="")
    assert {p.year for p in written} == set(periods(element))
    for stored in written:
        actual = periods(element)[stored.year].find("actual")
        assert actual.get("value") is None
        texts = {n.get(XML_LANG): n.text for n in actual.find("comment")}
        assert texts == {"nl": stored.text, "fr": stored.text_fr, "en": stored.text_en}


@pytest.mark.parametrize("org_id, message", [
    ("", "Set HEFBOOM_IATI_ORG_ID to your organisation's IATI identifier (e.g. BE-BCE_KBO-"),
    ("11.11.11", "does not start with a registration agency's prefix"),
    ("BE-KBO-0123456789", "does not start with a registration agency's prefix"),
    ("BE-BCE_KBO-", "the number after BE-BCE_KBO- is missing"),
    ("BE-BCE_KBO-0123 456 789", "contains a space"),
])
def test_a_missing_or_malformed_organisation_identifier_is_refused(demo, organisation, org_id,
                                                                   message):
    organisation.HEFBOOM_IATI_ORG_ID = org_id
    with pytest.raises(ReportError, match="HEFBOOM_IATI_ORG_ID") as refused:
        build(demo, 2023, "iati")
    assert message in str(refused.value)


def test_an_identifier_from_another_register_and_other_settings_are_checked(demo, organisation):
    organisation.HEFBOOM_IATI_ORG_ID = "XM-DAC-2-10"  # any register in the code list will do
    assert b"<iati-identifier>XM-DAC-2-10-belgieprogramma" in build(demo, 2023, "iati")
    organisation.HEFBOOM_IATI_ORG_NAME = ""
    organisation.HEFBOOM_IATI_ORG_TYPE = "99"
    organisation.HEFBOOM_IATI_SECTOR = "151"  # a three-digit category, not a purpose code
    with pytest.raises(ReportError) as refused:
        build(demo, 2023, "iati")
    for variable in ("HEFBOOM_IATI_ORG_NAME", "HEFBOOM_IATI_ORG_TYPE", "HEFBOOM_IATI_SECTOR"):
        assert variable in str(refused.value)


def test_a_character_xml_cannot_hold_is_refused_naming_the_record_and_field(demo, organisation):
    indicator = Indicator.objects.get(programme=demo, kind="qualitative")
    IndicatorPeriod.objects.filter(indicator=indicator, year=2023).update(
        text_fr="La secrétaire d'État\x07 De Moor")
    with pytest.raises(ReportError) as refused:
        build(demo, 2023, "iati")
    message = str(refused.value)
    assert f"{indicator.code} 2023" in message and "text (French)" in message
    assert "U+0007" in message
    Programme.objects.filter(pk=demo.pk).update(description="Het programma\x0b")
    demo.refresh_from_db()
    IndicatorPeriod.objects.filter(indicator=indicator).update(text_fr="")
    with pytest.raises(ReportError, match="description"):
        build(demo, 2023, "iati")


def test_an_export_the_schema_refuses_is_never_returned(demo, organisation):
    # An indicator's title needs a text in at least one language.
    Indicator.objects.filter(programme=demo, code="OP1").update(title="", title_fr="", title_en="")
    with pytest.raises(ReportError, match=r"IATI 2\.03 schema: line \d+: Element 'title'"):
        build(demo, 2023, "iati")


def test_the_validator_refuses_a_tampered_export(demo, organisation):
    content = build(demo, 2023, "iati")
    root = etree.fromstring(content)
    activity = root.find("iati-activity")
    activity.insert(1, activity.find("activity-status"))  # out of the schema's order
    with pytest.raises(ReportError, match=r"line \d+: Element 'activity-status'"):
        iati.validate(etree.tostring(root))
    root = etree.fromstring(content)
    root.find(".//result").set("type", "7")  # well-formed, but no such result type
    with pytest.raises(ReportError, match=r"line \d+: result/@type “7” is not in the IATI code "
                                          r"list ResultType"):
        iati.validate(etree.tostring(root))
    with pytest.raises(ReportError, match="not well-formed"):
        iati.validate(content[:-40])


def test_the_parser_resolves_no_entities(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("do-not-read")
    document = (f'<!DOCTYPE iati-activities [<!ENTITY e SYSTEM "file://{secret}">]>'
                '<iati-activities version="2.03"><iati-activity><iati-identifier>&e;'
                '</iati-identifier></iati-activity></iati-activities>').encode()
    with pytest.raises(ReportError, match="document type declaration") as refused:
        iati.validate(document)
    assert "do-not-read" not in str(refused.value)
    parsed = etree.fromstring(document, safexml.parser())
    assert "do-not-read" not in etree.tostring(parsed, encoding="unicode")


@pytest.mark.skipif(not OFFICIAL.is_dir(), reason="../shared/data/iati-2.03 is not here")
def test_the_shipped_schema_and_code_lists_are_the_official_ones():
    names = ["iati-activities-schema.xsd", "iati-common.xsd", "iati-organisations-schema.xsd",
             "xml.xsd", "LICENSE"]
    names += [f"codelists/{p.name}" for p in (SHIPPED / "codelists").glob("*.xml")]
    assert len(names) > 10
    for name in names:
        assert (SHIPPED / name).read_bytes() == (OFFICIAL / name).read_bytes(), name


@pytest.mark.skipif(not OFFICIAL.is_dir(), reason="../shared/data/iati-2.03 is not here")
def test_the_schemas_own_results_example_passes_the_validator():
    iati.validate_against_schema((OFFICIAL / "example-results-should-pass.xml").read_bytes())


def test_the_command_writes_a_file_that_validates(demo, organisation, tmp_path, official_schema):
    target = tmp_path / "iati.xml"
    call_command("report", programme=demo.code, year=2024, fmt="iati", output=str(target))
    official_schema.assertValid(etree.parse(str(target)))
    organisation.HEFBOOM_IATI_ORG_ID = ""
    refused = tmp_path / "refused.xml"
    with pytest.raises(CommandError, match="HEFBOOM_IATI_ORG_ID"):
        call_command("report", programme=demo.code, year=2024, fmt="iati", output=str(refused))
    assert not refused.exists()


def test_the_schema_reads_only_the_files_shipped_beside_it(tmp_path):
    elsewhere = tmp_path / "remote-include.xsd"
    elsewhere.write_text('<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">'
                         '<xsd:include schemaLocation="http://example.org/a.xsd"/></xsd:schema>')
    with pytest.raises(ReportError, match="not shipped"):
        etree.XMLSchema(safexml.parse_file(elsewhere, resolvers=[iati._LocalOnly()]))
    assert iati.schema() is iati.schema(), "loaded once"


def test_the_served_demo_exports_iati_with_a_placeholder_identity_unless_one_is_set(demo, settings):
    from hefboom.demo.management.commands.demo import DEMO_IATI_ORG_ID, use_demo_iati_identity

    settings.HEFBOOM_IATI_ORG_ID, settings.HEFBOOM_IATI_ORG_NAME = "", ""
    assert use_demo_iati_identity()
    document = etree.fromstring(build(demo, 2024, "iati"))
    assert document.findtext("iati-activity/iati-identifier") == \
        f"{DEMO_IATI_ORG_ID}-{demo.code}"
    settings.HEFBOOM_IATI_ORG_ID = "BE-BCE_KBO-0123456789"
    assert not use_demo_iati_identity()
    assert settings.HEFBOOM_IATI_ORG_ID == "BE-BCE_KBO-0123456789"
