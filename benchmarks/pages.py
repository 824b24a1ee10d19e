#!/usr/bin/env python
"""Measure server time and SQL queries per page against the generated dataset.

    HEFBOOM_DATA_DIR=/tmp/hb-bench-data .venv/bin/python benchmarks/pages.py [--repeat 30] [--only dossier]

Run benchmarks/generate_dataset.py first (same HEFBOOM_DATA_DIR or DATABASE_URL). Pages are
requested in-process with Django's test client (no web server, no network), logged in as the
generated users: each page WARMUP times unmeasured, then --repeat times with time.perf_counter
around client.get, then once more inside CaptureQueriesContext to count its SQL queries.
Prints one Markdown table row per page: p50, p95 and max in ms, queries, response size, and
OK or FAIL against the target (p95 at most 100 ms). Exits with 1 when a page fails (--strict)
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


@dataclass
class Subjects:
    """The records the pages are measured on, picked once from the generated dataset."""

    dossier: int  # the target dossier (~5,000 timeline events)
    theme: int
    outcome: int  # the outcome with the most contribution links
    contact: int  # a contact of the target dossier with contribution links
    output: int
    activity: int
    person: int  # the person in the most contacts
    organisation: int  # the organisation in the most contacts
    marker: int  # the target dossier's progress marker with the most observations
    boundary_partner: int


def url(name, *args, query=""):
    from django.urls import reverse

    return lambda s: reverse(name, args=[getattr(s, a) for a in args]) + (f"?{query}" if query else "")


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
    ("outcome detail (most links)", "policy", url("monitoring:outcome", "outcome")),
    ("contact detail", "policy", url("monitoring:contact", "contact")),
    ("output detail", "policy", url("monitoring:output", "output")),
    ("person detail (most contacts)", "policy", url("actors:person", "person")),
    ("organisation detail (most contacts)", "policy", url("actors:organisation", "organisation")),
    ("person list", "policy", url("actors:persons")),
    ("progress-marker detail", "policy", url("strategy:progress_marker", "marker")),
    # Issue 4's pages: uncomment (and adjust the URL name or arguments) as they are merged.
    # ("dossier timeline", "policy", url("strategy:dossier_timeline", "dossier")),
    # ("theme timeline", "policy", url("strategy:theme_timeline", "theme")),
    # ("partner timeline", "policy", url("strategy:partner_timeline", "boundary_partner")),
    # ("outcome pathway", "policy", url("monitoring:outcome_pathway", "outcome")),
    # ("claims list", "me", url("monitoring:claims")),
    # ("claim page", "me", url("monitoring:claim", "claim")),  # add `claim` to Subjects
    # ("journal ladder", "policy", url("learning:ladder", "boundary_partner")),
    # ("narrative page", "policy", url("learning:narrative", "narrative")),  # add `narrative`
    # ("search", "policy", url("search:search", query="q=ba")),
    # ("completeness", "me", url("evaluation:completeness")),
    # ("evaluation matrix", "viewer", url("evaluation:matrix")),
]


def pick_subjects() -> Subjects:
    """The target dossier and, from it, the richest records (cheap queries, run once)."""
    from django.db.models import Count

    from hefboom.actors.models import Organisation, Person
    from hefboom.monitoring.models import Activity, Contact, Outcome, Output
    from hefboom.strategy.models import Dossier, ProgressMarker

    dossier = Dossier.objects.get(code=TARGET_CODE)

    def most(queryset, related):
        return queryset.annotate(n=Count(related)).order_by("-n", "pk").values_list("pk", flat=True)[0]

    outcome = most(Outcome.objects.filter(dossiers=dossier), "contributions")
    contact = (Contact.objects.filter(dossiers=dossier, confidentiality="normal",
                                      contributions__isnull=False).order_by("pk").first()
               or Contact.objects.filter(dossiers=dossier, confidentiality="normal").first())
    marker = most(ProgressMarker.objects.filter(dossier=dossier), "observations")
    return Subjects(
        dossier=dossier.pk, theme=dossier.theme_id, outcome=outcome, contact=contact.pk,
        output=Output.objects.filter(dossiers=dossier).order_by("pk").first().pk,
        activity=Activity.objects.filter(dossiers=dossier).order_by("pk").first().pk,
        person=most(Person.objects.all(), "contacts"),
        organisation=most(Organisation.objects.all(), "contacts"),
        marker=marker,
        boundary_partner=ProgressMarker.objects.get(pk=marker).boundary_partner_id,
    )


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
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(warmup):
        client.get(path)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return {"status": response.status_code, "p50": statistics.median(times), "p95": p95,
            "max": times[-1], "queries": len(queries), "bytes": len(response.content)}


def run(pages=PAGES, repeat=30, warmup=WARMUP, only=None, out=print) -> list[dict]:
    subjects = pick_subjects()
    by_role = clients()
    out("| page | user | p50 ms | p95 ms | max ms | queries | KB | status | target |")
    out("|---|---|--:|--:|--:|--:|--:|--:|---|")
    results = []
    for name, role, build in pages:
        if only and not any(word in name for word in only):
            continue
        path = build(subjects)
        row = measure(by_role[role], path, repeat, warmup) | {"page": name, "role": role,
                                                             "path": path}
        row["ok"] = row["status"] == 200 and row["p95"] <= TARGET_MS
        out(f"| {name} | {role} | {row['p50']:.1f} | {row['p95']:.1f} | {row['max']:.1f} | "
            f"{row['queries']} | {row['bytes'] / 1024:.0f} | {row['status']} | "
            f"{'OK' if row['ok'] else 'FAIL'} |")
        results.append(row)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=WARMUP)
    parser.add_argument("--only", nargs="*", help="measure only pages whose name contains a word")
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
    results = run(repeat=args.repeat, warmup=args.warmup, only=args.only)
    failed = [r for r in results if r["status"] != 200 or (args.strict and not r["ok"])]
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
