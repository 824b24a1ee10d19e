#!/usr/bin/env python
"""Time the yearly report's workbook and IATI file for one year of a generated programme.

    HEFBOOM_DATA_DIR=/tmp/hb-report .venv/bin/python benchmarks/generate_dataset.py --years 1 --scale 0.37
    HEFBOOM_DATA_DIR=/tmp/hb-report .venv/bin/python benchmarks/report.py [--year Y] [--repeat 3] [--strict]

The target of issue 5: a year of a programme with 50,000 records produces the workbook and the
IATI file in at most 5 seconds each. Each format is built with `reporting.formats.build`, as
`hefboom report` and the download build it, --repeat times (the first run included: nothing is
warmed up beforehand, so the worst run is what a user may wait). Prints one line per format:

    xlsx: records=49950 seconds=1.84 median=1.80 cpu=1.75 runs=3 queries=38 bytes=263,440 OK

`records` counts the contacts, outputs, activities and outcomes of the programme dated in the
year; `seconds` is the slowest run, `cpu` the median CPU time of this process (on SQLite it
includes the database's work and hardly moves when the machine is busy; on PostgreSQL the
server's work is not in it), `queries` the SQL statements of one run. Exits with 1 when
a format fails, or (with --strict) takes longer than the target.
"""

import argparse
import importlib.util
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_dataset import migrate, setup_django  # noqa: E402

TARGET_S = 5.0
FORMATS = ("xlsx", "iati")
BUILDERS = {"xlsx": "hefboom.reporting.workbook", "iati": "hefboom.reporting.iati"}


def records_in_year(programme, year: int) -> int:
    from hefboom.monitoring.models import Activity, Contact, Outcome, Output
    from hefboom.reporting.indicators import year_range

    start, end = year_range(year)
    return sum(model.objects.filter(date__range=(start, end),
                                    dossiers__theme__programme=programme).distinct().count()
               for model in (Contact, Output, Activity, Outcome))


def busiest_year(programme) -> int:
    """The programme year with the most contacts (the generator's --years 1 year)."""
    from django.db.models import Count
    from django.db.models.functions import ExtractYear

    from hefboom.monitoring.models import Contact
    from hefboom.reporting.models import programme_years

    years = programme_years(programme)
    counted = (Contact.objects.filter(dossiers__theme__programme=programme,
                                      date__year__in=list(years))
               .annotate(y=ExtractYear("date")).values("y").annotate(n=Count("pk", distinct=True))
               .order_by("-n", "-y").first())
    return counted["y"] if counted else years[0]


def measure(programme, year: int, fmt: str, *, repeat: int = 3, language: str = "nl") -> dict:
    """Build one format `repeat` times; the timings, queries and size, or why it could not."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from hefboom.reporting.formats import ReportError, build

    if importlib.util.find_spec(BUILDERS[fmt]) is None:
        return {"format": fmt, "available": False}
    seconds, cpu, queries, size = [], [], 0, 0
    for _ in range(repeat):
        with translation.override(language), CaptureQueriesContext(connection) as captured:
            start, start_cpu = time.perf_counter(), time.process_time()
            try:
                content = build(programme, year, fmt, language)
            except ReportError as exc:
                return {"format": fmt, "available": True, "error": str(exc)}
            seconds.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        queries, size = len(captured), len(content)
    return {"format": fmt, "available": True, "seconds": max(seconds),
            "median": statistics.median(seconds), "cpu": statistics.median(cpu), "runs": repeat,
            "queries": queries, "bytes": size, "ok": max(seconds) <= TARGET_S}


def line(result: dict, records: int) -> str:
    fmt = result["format"]
    if not result["available"]:
        return f"{fmt}: not available"
    if "error" in result:
        return f"{fmt}: records={records} FAILED: {result['error']}"
    return (f"{fmt}: records={records} seconds={result['seconds']:.2f} "
            f"median={result['median']:.2f} cpu={result['cpu']:.2f} runs={result['runs']} "
            f"queries={result['queries']} "
            f"bytes={result['bytes']:,} {'OK' if result['ok'] else 'FAIL'}")


def run(programme_code: str | None = None, year: int | None = None, *, formats=FORMATS,
        repeat: int = 3, out=print) -> list[dict]:
    from hefboom.reporting.selectors import programme_for

    programme = programme_for(programme_code)
    year = year or busiest_year(programme)
    records = records_in_year(programme, year)
    out(f"programme {programme.code}, year {year}: {records} records; target {TARGET_S:g} s "
        f"per format")
    results = []
    for fmt in formats:
        result = measure(programme, year, fmt, repeat=repeat)
        result["records"] = records
        out(line(result, records))
        results.append(result)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--programme", help="programme code (default: the only one)")
    parser.add_argument("--year", type=int, help="default: the programme year with most contacts")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", nargs="*", choices=FORMATS, help="measure only these formats")
    parser.add_argument("--strict", action="store_true",
                        help=f"exit 1 when a format takes longer than {TARGET_S:g} s")
    args = parser.parse_args()
    setup_django()
    migrate()
    import django
    from django.db import connection

    print(f"{connection.vendor} {connection.settings_dict['NAME']}; Django {django.get_version()}, "
          f"Python {sys.version.split()[0]}")
    results = run(args.programme, args.year, formats=args.only or FORMATS, repeat=args.repeat)
    failed = [r for r in results if "error" in r or (args.strict and r.get("ok") is False)]
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
