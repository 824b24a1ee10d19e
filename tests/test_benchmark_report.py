"""The report benchmark keeps working: a tiny one-year dataset with indicators, and
benchmarks/report.py builds and times the workbook on it."""

import datetime as dt
import importlib.util
import io
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import generate_dataset  # noqa: E402


def _load_report():
    spec = importlib.util.spec_from_file_location("benchmark_report", BENCHMARKS / "report.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def one_year(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast, test only
    return generate_dataset.generate(scale=0.002, seed=7, years=1, out=lambda line: None)


def test_a_one_year_dataset_with_indicators_and_the_report_benchmark_on_it(one_year):
    """One test: generating the dataset (with its search index) takes most of the time."""
    from hefboom.monitoring.models import Activity, Contact, Outcome, Output
    from hefboom.reporting.indicators import parse_filter
    from hefboom.reporting.models import Indicator, IndicatorPeriod, programme_years

    # --years 1: every record lies in last year.

    last_year = dt.date.today().year - 1
    counts = one_year["counts"]
    assert (counts["contact"], counts["output"], counts["activity"], counts["outcome"]) == (200, 40, 20, 10)
    for model in (Contact, Output, Activity, Outcome):
        years = set(model.objects.values_list("date__year", flat=True))
        assert years == {last_year}, model

    # Twenty indicators of every kind, with targets for every programme year.
    indicators = list(Indicator.objects.all())
    assert len(indicators) == 20
    kinds = {i.kind for i in indicators}
    assert kinds == {"computed", "manual", "qualitative"}
    assert {i.record_kind for i in indicators if i.kind == "computed"} == {
        "contact", "output", "activity", "outcome"}
    for indicator in indicators:
        if indicator.is_computed:
            parse_filter(indicator.record_kind, indicator.filter_query, indicator=indicator)
    assert any(i.theme_id for i in indicators) and any(i.dossier_id for i in indicators)
    programme = indicators[0].programme
    quantitative = [i for i in indicators if not i.is_qualitative]
    assert IndicatorPeriod.objects.filter(indicator__in=quantitative, target__isnull=False).count() \
        == len(quantitative) * len(programme_years(programme))

    # The benchmark counts the year's records and times the workbook.
    report = _load_report()
    lines = []
    results = report.run("bench", repeat=1, out=lines.append)
    xlsx = next(r for r in results if r["format"] == "xlsx")
    assert xlsx["records"] == 270 and xlsx["seconds"] > 0 and xlsx["ok"]
    assert any(line.startswith("xlsx: records=270 seconds=") for line in lines)
    iati = next(r for r in results if r["format"] == "iati")
    assert any(line.startswith("iati: ") for line in lines)
    assert iati["available"] == (importlib.util.find_spec("hefboom.reporting.iati") is not None)
    workbook = load_workbook(io.BytesIO(report_build(programme, last_year)))
    codes = [row[0] for row in workbook["Indicators"].iter_rows(min_row=3, values_only=True)]
    assert sorted(codes) == sorted(i.code for i in indicators)


def test_the_default_dataset_still_spans_ten_years(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    generator = generate_dataset.Generator(0.002, 7, out=lambda line: None)
    assert generator.last_day == dt.date.today()
    assert generator.days == 365 * generate_dataset.YEARS


def report_build(programme, year):
    from hefboom.reporting.formats import build

    return build(programme, year, "xlsx", "en")
