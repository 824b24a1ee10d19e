#!/usr/bin/env python
"""Measure server time and SQL queries per page against the generated dataset.

    HEFBOOM_DATA_DIR=/tmp/hb-bench-data .venv/bin/python benchmarks/pages.py [--repeat 30] [--only dossier]

Run benchmarks/generate_dataset.py first (same HEFBOOM_DATA_DIR or DATABASE_URL). Pages are
requested in-process with Django's test client (no web server, no network), logged in as the
generated users: each page WARMUP times unmeasured, then --repeat times with time.perf_counter
around client.get, counting the SQL queries of each (the most is shown).
Prints one Markdown table row per page: p50, p95 and max in ms, queries, response size, and
OK or FAIL against the target (p95 at most 100 ms). "cpu ms" is the median CPU time of this
process: on SQLite that includes the database work and hardly moves when the machine is busy
(on PostgreSQL the server's own work is not in it). Exits with 1 when a page fails (--strict)
or does not answer 200.

To measure a new page, add one line to PAGES: (name, user, url builder); the builder gets the
`Subjects` below (the target dossier and the records picked from the dataset).
"""

import argparse
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_dataset import TARGET_CODE, migrate, setup_django  # noqa: E402

TARGET_MS = 100
WARMUP = 3
SLOW_S = 1.0  # a page whose last warm-up took longer is measured 5 times only


@dataclass
class Subjects:
    """The records the pages are measured on, picked once from the generated dataset."""

    dossier: int  # the target dossier (~5,000 timeline events)
    theme: int
    programme: int
    outcome: int  # the outcome with the most contribution links
    contact: int  # a contact of the target dossier with contribution links
    output: int
    activity: int
    person: int  # the person in the most contacts
    organisation: int  # the organisation in the most contacts
    marker: int  # the target dossier's progress marker with the most observations
    boundary_partner: int
    claim: int  # the contribution claim with the most assessed evidence items
    narrative: int  # the target dossier's latest narrative
    journal_start: object  # the boundary partner's journal with the most entries
    journal_end: object
    evaluation: int
    party: int  # the party whose organisations are in most of the target dossier's contacts
    year_window: str  # start=...&end=...: the target dossier's busiest year
    month_window: str  # a month of that year (under MARKS_LIMIT events: drawn as marks)
    common_word: str  # the most frequent word in a sample of contact summaries
    rare_word: str  # a word in a handful of records only
    ten_years: str = ""  # date_from=...: ten years before today (issue 6's coverage pages)
    briefing_year: int = 0  # the busiest year of the target dossier (for the briefing's year view)
    staff: int = 0  # bench-policy-1, whose hand-over report is measured
    plan: int = 0  # issue 10: the target dossier's plan of its busiest year
    step: int = 0  # the target dossier's plan step with the most records
    member: int = 0  # the member organisation with the most joint records


def url(name, *args, query=""):
    """A URL builder: `args` name fields of Subjects, `{field}` in `query` is filled from them."""
    from django.urls import reverse

    def build(s):
        filled = query.format(**vars(s)) if query else ""
        return reverse(name, args=[getattr(s, a) for a in args]) + (f"?{filled}" if filled else "")

    return build


# (page, user, url builder). Users: policy = bench-policy-1, me, admin, viewer.
PAGES = [
    ("home (policy officer)", "policy", url("home")),
    ("home (M&E officer)", "me", url("home")),
    ("home (admin)", "admin", url("home")),
    ("home (viewer)", "viewer", url("home")),
    ("dossier page", "policy", url("strategy:dossier", "dossier")),
    ("dossier page (admin)", "admin", url("strategy:dossier", "dossier")),
    ("dossier list", "policy", url("strategy:dossiers")),
    ("contact list", "policy", url("monitoring:contacts")),
    ("contact list, target dossier", "policy",
     lambda s: url("monitoring:contacts")(s) + f"?dossier={s.dossier}"),
    ("output list", "policy", url("monitoring:outputs")),
    ("activity list", "policy", url("monitoring:activities")),
    ("outcome list", "policy", url("monitoring:outcomes")),
    ("outcome page with pathway (most links)", "policy", url("monitoring:outcome", "outcome")),
    ("contact detail", "policy", url("monitoring:contact", "contact")),
    ("output detail", "policy", url("monitoring:output", "output")),
    ("person detail (most contacts)", "policy", url("actors:person", "person")),
    ("organisation detail (most contacts)", "policy", url("actors:organisation", "organisation")),
    ("person list", "policy", url("actors:persons")),
    ("progress-marker detail", "policy", url("strategy:progress_marker", "marker")),
    # Issue 4's pages.
    ("dossier timeline", "policy", url("strategy:dossier_timeline", "dossier")),
    ("dossier timeline, one year", "policy",
     url("strategy:dossier_timeline", "dossier", query="{year_window}&zoom=months")),
    ("dossier timeline, one month (marks)", "policy",
     url("strategy:dossier_timeline", "dossier", query="{month_window}&zoom=weeks")),
    ("dossier timeline, party filter", "policy",
     url("strategy:dossier_timeline", "dossier", query="party={party}")),
    ("theme timeline", "policy", url("strategy:theme_timeline", "theme")),
    ("partner timeline", "policy", url("strategy:boundary_partner_timeline", "boundary_partner")),
    ("claims list", "me", url("monitoring:claims")),
    ("claim page (most items)", "me", url("monitoring:claim", "claim")),
    ("journal ladder", "policy", url("learning:ladder", "boundary_partner")),
    ("journal page", "policy",
     lambda s: _reverse("learning:journal", s.boundary_partner, s.journal_start, s.journal_end)),
    ("narrative list", "policy", url("learning:narratives")),
    ("narrative page", "policy", url("learning:narrative", "narrative")),
    ("narrative @ suggestions", "policy", url("learning:reference_options", query="q={common_word}")),
    ("search, common word", "policy", url("search:search", query="q={common_word}")),
    ("search, rare word", "policy", url("search:search", query="q={rare_word}")),
    ("search, kind filter", "policy", url("search:search", query="q={common_word}&kind=outcome")),
    ("completeness", "me", url("evaluation:completeness")),
    ("evaluation matrix", "viewer", url("evaluation:matrix", "evaluation")),
    ("M&E home with completeness card", "me", url("home")),
    # Issue 6, part A: roles over time.
    ("government list", "viewer", url("actors:governments")),
    ("reporting dashboard (busiest year)", "viewer", lambda s: _report("reporting:dashboard", s)),
    ("indicator list (busiest year)", "me",
     lambda s: _report("reporting:indicators", s, with_year=False) + f"?year={_year(s)}"),
    # Issue 6's pages.
    ("coverage dashboard (parties, 3 years)", "policy", url("coverage:dashboard")),
    ("coverage, levels by year, 10 years", "policy",
     url("coverage:dashboard", query="dimension=level&grain=year&{ten_years}")),
    ("coverage, institutions, theme", "policy",
     url("coverage:dashboard", query="dimension=institution&theme={theme}")),
    ("coverage, parties, target dossier, 10 years", "policy",
     url("coverage:dashboard", query="dossier={dossier}&{ten_years}&months=24")),
    ("coverage spectrum form", "me", url("coverage:spectrum")),
    # Issue 6, GDPR (privacy app).
    ("processing register", "viewer", url("privacy:register")),
    ("retention review", "me", url("privacy:retention")),
    ("privacy audit", "admin", url("privacy:audit")),
    ("privacy page of a person (most contacts)", "admin", url("privacy:person", "person")),
    ("my follow-ups (personal list)", "policy", url("monitoring:follow_ups")),
    # Issue 6's briefings and who knows whom.
    ("briefing, person (most contacts)", "policy", url("network:person_briefing", "person")),
    ("briefing, person, oldest first, busiest year", "policy",
     url("network:person_briefing", "person", query="order=oldest&year={briefing_year}")),
    ("briefing, organisation (most contacts)", "policy",
     url("network:organisation_briefing", "organisation")),
    ("briefing, party (most contacts with its parts)", "policy",
     url("network:organisation_briefing", "party")),
    ("briefing, organisation (admin)", "admin",
     url("network:organisation_briefing", "organisation")),
    ("who knows whom, dossier", "policy", url("network:dossier", "dossier")),
    ("who knows whom, overview", "policy", url("network:overview")),
    ("hand-over report (HTML)", "me", url("network:handover", "staff")),
    # Issue 10: dossier plans and synergy. The URLs are spelled out (not reversed) so that this
    # list loads before the plans and synergy pages exist; they are the apps' URL contract.
    ("plans overview", "policy", lambda s: "/plans/"),
    ("plans overview, all years", "policy", lambda s: "/plans/?year=all"),
    ("plans of the target dossier", "policy", lambda s: f"/plans/dossier/{s.dossier}/"),
    ("plan page (target dossier, busiest year)", "policy", lambda s: f"/plans/{s.plan}/"),
    ("plan page (viewer)", "viewer", lambda s: f"/plans/{s.plan}/"),
    ("plan step (most records)", "policy", lambda s: f"/plans/step/{s.step}/"),
    ("plan history", "policy", lambda s: f"/plans/{s.plan}/history/"),
    ("steering group, target theme", "policy", lambda s: f"/plans/steering/{s.theme}/"),
    ("steering group, themes", "policy", lambda s: "/plans/steering/"),
    ("political moments", "policy", lambda s: "/plans/moments/"),
    ("synergy, whole programme", "policy", lambda s: "/synergy/"),
    ("synergy, target theme", "policy", lambda s: f"/synergy/?theme={s.theme}"),
    ("synergy, target dossier", "policy", lambda s: f"/synergy/?dossier={s.dossier}"),
    ("synergy, target dossier (viewer)", "viewer", lambda s: f"/synergy/?dossier={s.dossier}"),
    ("member involvement", "policy", lambda s: "/synergy/members/"),
    ("member page (most joint records)", "policy", lambda s: f"/synergy/members/{s.member}/"),
]

# Downloads: measured and shown like pages, but not held to the page target.
DOWNLOADS = [
    ("hand-over report (pdf download)", "me", url("network:handover", "staff", query="format=pdf")),
    ("yearly workbook (xlsx download)", "me", lambda s: _report("reporting:download", s, "xlsx")),
    # Last: closing its streamed response ends the request, which closes the database connection.
    ("evidence pack (zip download)", "me", url("evaluation:evidence_pack", "evaluation")),
]


def _year(s) -> int:
    """The target dossier's busiest year (its timeline window starts on 1 January of it)."""
    return int(s.year_window.split("start=")[1][:4])


def _report(name, s, *extra, with_year=True):
    """A reporting page of the dataset's programme: (programme, [busiest year], *extra)."""
    return _reverse(name, s.programme, *((_year(s),) if with_year else ()), *extra)


def _reverse(name, *args):
    from django.urls import reverse

    return reverse(name, args=args)


def pick_subjects() -> Subjects:
    """The target dossier and, from it, the richest records (cheap queries, run once)."""
    from collections import Counter
    from datetime import date, timedelta

    from django.db.models import Count

    from hefboom.actors.models import Organisation, Person
    from hefboom.evaluation.models import Evaluation
    from hefboom.learning.models import Journal, Narrative
    from hefboom.monitoring.models import Activity, Contact, ContributionClaim, Outcome, Output
    from hefboom.strategy.models import Dossier, ProgressMarker

    dossier = Dossier.objects.get(code=TARGET_CODE)

    def most(queryset, related):
        """The pk of the record with the most `related`, in the target dossier when it has one."""
        ranked = queryset.annotate(n=Count(related)).order_by("-n", "pk").values_list("pk", flat=True)
        return ranked.filter(dossiers=dossier).first() or ranked.first()

    def first(queryset):
        ordered = queryset.order_by("pk")
        return (ordered.filter(dossiers=dossier).first() or ordered.first()).pk

    marker = (ProgressMarker.objects.filter(dossier=dossier).annotate(n=Count("observations"))
              .order_by("-n", "pk").first() or ProgressMarker.objects.order_by("pk").first())
    normal = Contact.objects.filter(confidentiality="normal")
    claim = (ContributionClaim.objects.annotate(n=Count("evidence_items")).order_by("-n", "pk")
             .values_list("pk", flat=True).first())
    narrative = (Narrative.objects.filter(dossier=dossier).order_by("-period_end")
                 .values_list("pk", flat=True).first() or 0)
    journal = (Journal.objects.filter(boundary_partner=marker.boundary_partner_id)
               .annotate(n=Count("entries")).order_by("-n", "-period_end").first())
    evaluation = Evaluation.objects.order_by("pk").values_list("pk", flat=True).first()
    parties = Organisation.objects.filter(type="party")
    party = (parties.annotate(n=Count("children__contacts")).order_by("-n", "pk")
             .values_list("pk", flat=True).first() or 0)
    years = Counter(Contact.objects.filter(dossiers=dossier).values_list("date", flat=True))
    by_year = Counter()
    for day, n in years.items():
        by_year[day.year] += n
    year = max(sorted(by_year), key=by_year.get) if by_year else date.today().year
    words = Counter(word.strip(".").lower() for summary in Contact.objects.order_by("pk")
                    .values_list("summary", flat=True)[:2000] for word in summary.split())
    return Subjects(
        dossier=dossier.pk, theme=dossier.theme_id, programme=dossier.theme.programme_id,
        outcome=most(Outcome.objects.all(), "contributions"),
        contact=first(normal.filter(contributions__isnull=False)) if normal.filter(
            contributions__isnull=False).exists() else first(normal),
        output=first(Output.objects.all()),
        activity=first(Activity.objects.all()),
        person=Person.objects.annotate(n=Count("contacts")).order_by("-n", "pk").first().pk,
        organisation=Organisation.objects.annotate(n=Count("contacts")).order_by("-n", "pk").first().pk,
        marker=marker.pk,
        boundary_partner=marker.boundary_partner_id,
        claim=claim or 0, narrative=narrative,
        journal_start=journal.period_start if journal else date(2020, 1, 1),
        journal_end=journal.period_end if journal else date(2020, 6, 30),
        evaluation=evaluation or 0, party=party,
        year_window=f"start={year}-01-01&end={year}-12-31",
        month_window=f"start={year}-06-01&end={year}-06-30",
        common_word=(words.most_common(1) or [("ba", 0)])[0][0],
        rare_word="studiedienst",  # in the names of the ten research services only
        ten_years=f"date_from={date.today() - timedelta(days=3650)}",
        briefing_year=year,
        staff=_staff_pk(),
        **_plan_subjects(dossier, year),
    )


def _plan_subjects(dossier, year) -> dict:
    """Issue 10: the target dossier's plan of `year` (else its latest), its step with the most
    contacts, activities and outputs, and the member organisation with the most joint records."""
    from collections import Counter

    from django.db.models import Count

    from hefboom.actors.models import Membership
    from hefboom.monitoring.models import Activity, Contact, Output
    from hefboom.plans.models import DossierPlan, PlanStep

    plans = DossierPlan.objects.filter(dossier=dossier)
    plan = (plans.filter(period_start__year=year).order_by("pk").values_list("pk", flat=True).first()
            or plans.order_by("-period_start").values_list("pk", flat=True).first() or 0)
    steps = Counter()
    for through in (PlanStep.contacts.through, PlanStep.activities.through,
                    PlanStep.outputs.through):
        steps.update(dict(through.objects.filter(planstep__plan__dossier=dossier)
                          .values("planstep_id").annotate(n=Count("pk"))
                          .values_list("planstep_id", "n")))
    step = min(steps, key=lambda pk: (-steps[pk], pk)) if steps else (
        PlanStep.objects.filter(plan__dossier=dossier).order_by("pk")
        .values_list("pk", flat=True).first() or 0)
    members = set(Membership.objects.filter(kind="member").values_list("organisation_id", flat=True))
    joint = Counter()
    for model in (Contact, Activity, Output):
        joint.update(dict(model.partners.through.objects.filter(organisation__in=members)
                          .values("organisation_id").annotate(n=Count("pk"))
                          .values_list("organisation_id", "n")))
    member = (min(joint, key=lambda pk: (-joint[pk], pk)) if joint
              else min(members, default=0))
    return {"plan": plan, "step": step, "member": member}


def _staff_pk() -> int:
    from hefboom.accounts.models import User

    return User.objects.filter(username="bench-policy-1").values_list("pk", flat=True).first() or 0


def clients():
    from django.test import Client

    from hefboom.accounts.models import User

    usernames = {"policy": "bench-policy-1", "me": "bench-me", "admin": "bench-admin",
                 "viewer": "bench-viewer"}
    result = {}
    for role, username in usernames.items():
        client = Client(HTTP_HOST="localhost")  # an allowed host, as behind the real server
        client.force_login(User.objects.get(username=username))
        result[role] = client
    return result


def measure(client, path, repeat, warmup=WARMUP) -> dict:
    """Time `repeat` requests of `path` (after `warmup` unmeasured ones) and count their queries."""
    from django.db import connection

    slow = 0.0
    for _ in range(warmup):
        start = time.perf_counter()
        client.get(path)
        slow = time.perf_counter() - start
    if slow > SLOW_S:  # far over the target already: a few requests tell enough
        repeat = min(repeat, 5)
    times, cpu, queries = [], [], []

    def count(execute, sql, params, many, context):
        queries[-1] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):  # a counter: cheaper than CaptureQueriesContext
        for _ in range(repeat):
            queries.append(0)
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(path)
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return {"status": response.status_code, "p50": statistics.median(times), "p95": p95,
            "max": times[-1], "cpu": statistics.median(cpu), "queries": max(queries),
            "bytes": _size(response), "n": repeat}


def _size(response) -> int:
    """The response's size in bytes; a download (FileResponse) is streamed."""
    if response.streaming:
        size = sum(len(part) for part in response.streaming_content)
        response.close()
        return size
    return len(response.content)


def slowest_queries(client, path, out, top=5) -> None:
    """Print the `top` slowest SQL statements of one request, for diagnosis (--sql).

    Each statement is captured, then run again on its own and fetched completely (SQLite
    does most of its work while rows are fetched, after execute has returned).
    """
    from django.db import connection

    statements = []

    def capture(execute, sql, params, many, context):
        statements.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(capture):
        client.get(path)
    timings = []
    with connection.cursor() as cursor:
        for sql, params in statements:
            if not sql.lstrip(" (").upper().startswith("SELECT"):  # a UNION starts with "("
                continue
            start = time.perf_counter()
            cursor.execute(sql, params)
            rows = len(cursor.fetchall())
            timings.append(((time.perf_counter() - start) * 1000, rows, sql))
    for ms, rows, sql in sorted(timings, reverse=True)[:top]:
        out(f"    {ms:7.1f} ms {rows:6} rows  {sql[:2000]}")


def run(pages=PAGES, repeat=30, warmup=WARMUP, only=None, sql=False, out=print,
        downloads=DOWNLOADS) -> list[dict]:
    subjects = pick_subjects()
    by_role = clients()
    out("| page | user | n | p50 ms | p95 ms | max ms | cpu ms | queries | KB | status | target |")
    out("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|")
    results = []
    for name, role, build in [*pages, *downloads]:
        download = (name, role, build) in downloads
        if only and not any(word in name for word in only):
            continue
        path = build(subjects)
        # A download (seconds, not milliseconds) is requested a few times only.
        times = (min(repeat, 3), min(warmup, 1)) if download else (repeat, warmup)
        row = measure(by_role[role], path, *times) | {"page": name, "role": role, "path": path}
        row["ok"] = row["status"] == 200 and (download or row["p95"] <= TARGET_MS)
        verdict = "download" if download else "OK" if row["ok"] else "FAIL"
        out(f"| {name} | {role} | {row['n']} | {row['p50']:.1f} | {row['p95']:.1f} | {row['max']:.1f} | "
            f"{row['cpu']:.1f} | {row['queries']} | {row['bytes'] / 1024:.0f} | {row['status']} | "
            f"{verdict} |")
        results.append(row)
        if sql:
            slowest_queries(by_role[role], path, out)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=WARMUP)
    parser.add_argument("--only", nargs="*", help="measure only pages whose name contains a word")
    parser.add_argument("--sql", action="store_true", help="print each page's slowest queries")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a page misses the target")
    args = parser.parse_args()
    setup_django()
    migrate()
    import django
    from django.db import connection

    from hefboom.monitoring.models import Contact

    print(f"{connection.vendor} {connection.settings_dict['NAME']}, {Contact.objects.count()} "
          f"contacts; Django {django.get_version()}, Python {sys.version.split()[0]}; "
          f"{args.repeat} requests per page after {args.warmup} warm-ups")
    results = run(repeat=args.repeat, warmup=args.warmup, only=args.only, sql=args.sql)
    failed = [r for r in results if r["status"] != 200 or (args.strict and not r["ok"])]
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
