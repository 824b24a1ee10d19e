"""The yearly workbook: its structure, the demo's 2023 and 2024 figures (derived here from the
demo case itself), safe cells and the `hefboom report --format xlsx` command."""

import io
from collections import Counter
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from hefboom.demo import case
from hefboom.monitoring.models import ChangeType, Channel, Outcome, OutputType, Rating
from hefboom.reporting.formats import ReportError, build
from hefboom.reporting.models import Indicator
from hefboom.reporting.workbook import build_workbook, sheet_title
from hefboom.strategy.models import Dossier

SHEETS = ["Indicators", "Progress markers", "Outcomes", "Contacts and outputs"]
ORGANISATIONS = {o["key"]: o for o in case.ORGANISATIONS}
DOSSIERS = {d["key"]: d["name"] for d in case.DOSSIERS}


def read(programme, year, language="en"):
    return load_workbook(io.BytesIO(build_workbook(programme, year, language)))


def table(sheet):
    """The header row and the rows below it, as dicts keyed by header."""
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    headers = rows[0]
    return list(headers), [dict(zip(headers, row, strict=True)) for row in rows[1:]]


# What the demo case says, counted here from its plain lists.

def in_year(records, year):
    return [r for r in records if r["date"].year == year and r["dossiers"]]


def expected_actual(item, year):
    """The actual of a demo indicator in `year`, from the case's records and the indicator's
    filter (the list filters: each condition may hold through another organisation)."""
    if item["kind"] == "manual":
        return item.get("actuals", {}).get(year)
    conditions = item["filter"]
    if item["record_kind"] == "contact":
        def matches(record):
            organisations = [ORGANISATIONS[k] for k in record["organisations"]]
            return all(any(o[{"level": "political_level", "institution": "type"}[name]] == value
                           for o in organisations) for name, value in conditions.items())
        return sum(1 for c in in_year(case.CONTACTS, year) if matches(c))
    if item["record_kind"] == "output":
        return sum(1 for o in in_year(case.OUTPUTS, year) if o["type"] == conditions["type"])
    if item["record_kind"] == "outcome":
        return sum(1 for o in in_year(case.OUTCOMES, year)
                   if o["change_type"] == conditions["type"])
    raise AssertionError(item)


def expected_rating(marker_key, year):
    """The rating of the latest observation of the marker whose period overlaps `year`."""
    overlapping = [o for o in case.OBSERVATIONS if o["progress_marker"] == marker_key
                   and o["period_start"].year <= year <= o["period_end"].year]
    if not overlapping:
        return None
    latest = max(enumerate(overlapping), key=lambda pair: (pair[1]["period_end"], pair[0]))[1]
    return dict(Rating.choices)[latest["rating"]]


# Structure

@pytest.mark.parametrize("year", [2023, 2024])
def test_the_workbook_has_four_sheets_with_a_title_headers_and_frozen_panes(demo, year):
    workbook = read(demo, year)
    assert workbook.sheetnames == SHEETS
    for sheet in workbook:
        title = sheet["A1"].value
        assert demo.name in title and str(year) in title and "Draft" in title
        assert sheet["A2"].font.bold and sheet["A2"].fill.fgColor.rgb.endswith("1D2733")
        assert sheet.column_dimensions["A"].width > 5
    assert workbook["Indicators"].freeze_panes == "C3"
    assert [workbook[name].freeze_panes for name in SHEETS[1:]] == ["A3", "A3", "A3"]

    headers, _rows = table(workbook["Indicators"])
    years = [str(y) for y in range(2022, year + 1)]
    assert headers == [
        "Code", "Title", "Theme / dossier", "Level", "Kind", "Unit", "Baseline year", "Baseline",
        *[f"{word} {y}" for y in years for word in ("Target", "Actual")],
        f"% of target {year}", f"Rating {year}", f"Text {year}", f"Comment {year}",
        "Counts (filter)", "Records counted (path in Hefboom)"]
    assert table(workbook["Progress markers"])[0] == [
        "Theme", "Boundary partner", "Level", "Order", "Statement", "Dossier", f"Rating {year}",
        "Observation period", "Narrative (excerpt)"]
    assert table(workbook["Outcomes"])[0] == [
        "Date", "Title", "Dossiers", "Type of change", "Political level", "Significance",
        "Contribution", "Evidence", "Substantiation", "Claim confidence"]
    assert table(workbook["Contacts and outputs"])[0] == ["Records", "Counted by", "Value",
                                                          "Number"]


def test_long_text_wraps_and_figures_have_number_formats(demo):
    sheet = read(demo, 2024)["Indicators"]
    headers, _rows = table(sheet)
    row = next(r for r in range(3, sheet.max_row + 1) if sheet.cell(r, 1).value == "OC4.1")
    assert sheet.cell(row, 2).alignment.wrap_text
    assert sheet.cell(row, headers.index("Target 2024") + 1).number_format == "#,##0"
    assert sheet.cell(row, headers.index("% of target 2024") + 1).number_format == "0%"
    outcomes = read(demo, 2024)["Outcomes"]
    assert outcomes.cell(3, 1).number_format == "yyyy-mm-dd"


def test_sheet_names_are_valid_for_excel():
    assert sheet_title("Contacts/outputs [by: type]?") == "Contacts-outputs -by- type--"
    assert len(sheet_title("x" * 40)) == 31


# The demo's figures

@pytest.mark.parametrize("year", [2023, 2024])
def test_indicator_figures_match_the_demo_case(demo, year):
    _headers, rows = table(read(demo, year)["Indicators"])
    by_code = {r["Code"]: r for r in rows}
    assert set(by_code) == {i["key"] for i in case.INDICATORS}
    for item in case.INDICATORS:
        row = by_code[item["key"]]
        assert row["Title"] == item["title_en"]
        if item["kind"] == "qualitative":
            rating, _nl, _fr, text_en = item["ratings"][year]
            assert row[f"Rating {year}"] == dict(Rating.choices)[rating]
            assert row[f"Text {year}"] == text_en
            assert row[f"Actual {year}"] is None
            continue
        assert row["Baseline year"] == item["baseline_year"]
        assert row["Baseline"] == item["baseline_value"]
        for y in range(2022, year + 1):
            assert row[f"Target {y}"] == item["targets"].get(y), (item["key"], y)
            assert row[f"Actual {y}"] == expected_actual(item, y), (item["key"], y)
        target, actual = item["targets"].get(year), expected_actual(item, year)
        if target and actual is not None:
            assert row[f"% of target {year}"] == pytest.approx(actual / target)
        else:
            assert row[f"% of target {year}"] is None
        if item["kind"] == "computed":
            assert row["Records counted (path in Hefboom)"].startswith("/")
            assert f"date_from={year}-01-01" in row["Records counted (path in Hefboom)"]
            assert row["Counts (filter)"]


def test_the_demo_has_figures_worth_pinning():
    # The comparisons above are only meaningful if the case has records in both years.
    assert expected_actual(case.INDICATORS[0], 2023) > 0
    assert expected_actual(case.INDICATORS[0], 2024) > 0
    assert [i for i in case.INDICATORS if i["kind"] == "manual"][0]["actuals"][2024] == 247


@pytest.mark.parametrize("year", [2023, 2024])
def test_progress_markers_show_the_rating_observed_in_the_year(demo, year):
    _headers, rows = table(read(demo, year)["Progress markers"])
    assert len(rows) == len(case.PROGRESS_MARKERS)
    got = Counter((r["Statement"], r[f"Rating {year}"]) for r in rows)
    wanted = Counter((m["statement"], expected_rating(m["key"], year))
                     for m in case.PROGRESS_MARKERS)
    assert got == wanted
    assert any(r[f"Rating {year}"] for r in rows)


@pytest.mark.parametrize("year", [2023, 2024])
def test_outcomes_of_the_year_with_dossiers_and_evidence(demo, year):
    _headers, rows = table(read(demo, year)["Outcomes"])
    outcomes = sorted(in_year(case.OUTCOMES, year), key=lambda o: o["date"])  # stable: load order
    assert [r["Title"] for r in rows] == [o["title"] for o in outcomes]
    evidence = Counter(e["outcome"] for e in case.EVIDENCE)
    types = dict(ChangeType.choices)
    for row, outcome in zip(rows, outcomes, strict=True):
        assert row["Date"].date() == outcome["date"]
        assert row["Evidence"] == evidence[outcome["key"]]
        assert row["Type of change"] == types[outcome["change_type"]]
        assert set(row["Dossiers"].split(", ")) == {DOSSIERS[k] for k in outcome["dossiers"]}


@pytest.mark.parametrize("year", [2023, 2024])
def test_contacts_and_outputs_counted_by_type_and_dossier_with_totals(demo, year):
    _headers, rows = table(read(demo, year)["Contacts and outputs"])
    for records, kind_field, labels, name in (
        (case.CONTACTS, "channel", dict(Channel.choices), "Contacts"),
        (case.OUTPUTS, "type", dict(OutputType.choices), "Outputs"),
    ):
        chosen = in_year(records, year)
        mine = [r for r in rows if r["Records"] == name]
        by_type = {r["Value"]: r["Number"] for r in mine if r["Counted by"] == "Type"}
        assert by_type.pop("Total (records)") == len(chosen) > 0
        assert by_type == {str(labels[k]): n for k, n in
                           Counter(r[kind_field] for r in chosen).items()}
        by_dossier = {r["Value"]: r["Number"] for r in mine if r["Counted by"] == "Dossier"}
        assert by_dossier.pop("Total (records)") == len(chosen)
        assert by_dossier == Counter(DOSSIERS[k] for r in chosen for k in r["dossiers"])
        totals = [r for r in mine if r["Value"] == "Total (records)"]
        assert all(r["Number"] == len(chosen) for r in totals)
    levels = [r for r in rows if r["Records"] == "Contacts" and r["Counted by"] == "Political level"]
    assert levels and levels[-1]["Value"] == "Total (records)"
    assert not [r for r in rows if r["Records"] == "Outputs" and r["Counted by"] == "Political level"]


# Safe cells

def test_text_that_would_run_as_a_formula_is_written_as_text(demo):
    outcome = Outcome.objects.filter(date__year=2024).order_by("date", "pk").first()
    Outcome.objects.filter(pk=outcome.pk).update(title='=HYPERLINK("http://evil.example","x")',
                                                 significance="@SUM(A1)")
    Dossier.objects.filter(name=DOSSIERS["klimaatfinanciering"]).update(name="+cmd|' /C calc'!A0")
    workbook = read(demo, 2024)
    cells = [c for sheet in workbook for row in sheet.iter_rows() for c in row]
    assert not [c for c in cells if c.data_type == "f"]
    values = {c.value for c in cells}
    assert "'=HYPERLINK(\"http://evil.example\",\"x\")" in values
    assert "'@SUM(A1)" in values
    assert "'+cmd|' /C calc'!A0" in values  # the dossier, in the counts and the markers


def test_a_character_xml_cannot_hold_names_the_record(demo):
    outcome = Outcome.objects.filter(date__year=2023).order_by("date", "pk").first()
    Outcome.objects.filter(pk=outcome.pk).update(significance="Bell \x07 rings")
    with pytest.raises(ReportError) as caught:
        build(demo, 2023, "xlsx", "en")
    assert outcome.title in str(caught.value)
    assert "U+0007" in str(caught.value) and "Significance" in str(caught.value)
    build(demo, 2024, "xlsx", "en")  # another year does not show the outcome


def test_a_broken_indicator_filter_is_a_report_error_naming_the_indicator(demo):
    Indicator.objects.filter(programme=demo, code="OP1").update(filter_query="colour=blue")
    with pytest.raises(ReportError, match="OP1"):
        build_workbook(demo, 2024, "en")


def test_a_manual_decimal_actual_keeps_its_decimals(demo):
    indicator = Indicator.objects.get(programme=demo, code="OC4.4")
    indicator.periods.filter(year=2024).update(actual=Decimal("247.5"))
    _headers, rows = table(read(demo, 2024)["Indicators"])
    assert next(r for r in rows if r["Code"] == "OC4.4")["Actual 2024"] == 247.5


# The command

def test_the_report_command_writes_the_workbook(demo, tmp_path):
    target = tmp_path / "report.xlsx"
    out = io.StringIO()
    call_command("report", "--year", "2024", "--format", "xlsx", "--output", str(target),
                 "--language", "en", stdout=out)
    assert "Wrote the 2024 xlsx report" in out.getvalue()
    assert load_workbook(target).sheetnames == SHEETS


def test_the_report_command_refuses_a_year_outside_the_programme(demo, tmp_path):
    target = tmp_path / "report.xlsx"
    with pytest.raises(CommandError, match="2030 is outside the programme"):
        call_command("report", "--year", "2030", "--format", "xlsx", "--output", str(target))
    assert not target.exists()


def test_the_report_command_writes_nothing_when_the_workbook_cannot_be_made(demo, tmp_path):
    Outcome.objects.filter(date__year=2023).update(title="Broken \x0b title")
    target = tmp_path / "report.xlsx"
    with pytest.raises(CommandError, match="No xlsx report was written"):
        call_command("report", "--year", "2023", "--format", "xlsx", "--output", str(target))
    assert list(tmp_path.iterdir()) == []
