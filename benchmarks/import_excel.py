#!/usr/bin/env python
"""Benchmark: import a realistic 10,000-row legacy monitoring workbook into a fresh database.

    .venv/bin/python benchmarks/import_excel.py [--rows 10000] [--keep]

Everything happens in a temporary directory (HEFBOOM_DATA_DIR points there, DATABASE_URL is
ignored), so ./var and any shared database are never touched. Prints rows, seconds and rows/s
for the dry run and for the real import (the requirement: at most 30 s for 10,000 rows).
"""

import argparse
import datetime as dt
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

FIRST = ["Nicole", "Sammy", "Frank", "Hadja", "Caroline", "Meryame", "Tinne", "Petra", "Vincent",
         "Conner", "Barbara", "Wouter", "Annelies", "Koen", "Sarah", "Pieter", "Els", "Bart",
         "Joke", "Dirk", "Zakia", "Ludivine", "Georges", "Eva"]
LAST = ["De Moor", "Mahdi", "Vandenbroucke", "Lahbib", "Gennez", "Kitir", "Van der Straeten",
        "De Sutter", "Van Quickenborne", "Rousseau", "Pas", "De Vriendt", "Verlinden", "Geens",
        "Schlitz", "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
        "Wouters", "De Smet", "Dubois", "Lambert", "Dupont", "Martin", "Simon"]
PARTIES = [("Nieuw-Vlaamse Alliantie", "N-VA"), ("Vooruit", ""), ("Groen", ""), ("CD&V", ""),
           ("Open Vld", ""), ("Vlaams Belang", ""), ("PVDA", ""), ("Ecolo", ""), ("MR", "")]
DOSSIERS = [("arbeidsmigratie", "Arbeidsmigratie"), ("pushbacks", "Pushbacks"),
            ("hervestiging", "Hervestiging"), ("remittances", "Remittances"),
            ("klimaatfinanciering", "Klimaatfinanciering"), ("loss-and-damage", "Loss and damage")]
STAFF = ["beleid-migratie", "beleid-klimaat", "beleid-handel", "beleid-schulden"]


def setup_django(data_dir: Path) -> None:
    os.environ["HEFBOOM_DATA_DIR"] = str(data_dir)
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "hefboom.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def seed_database(rng: random.Random):
    """Reference data a team's workbook names: users, dossiers, parties, persons, cabinets."""
    from hefboom.accounts.models import Role, User
    from hefboom.actors.models import Organisation, Person, PersonRole
    from hefboom.core.actions import save_record
    from hefboom.strategy.models import BoundaryPartner, Dossier, Programme, ProgressMarker, Theme

    admin = User.objects.create(username="bench-admin", role=Role.ADMINISTRATOR)
    for username in STAFF:
        User.objects.create(username=username, role=Role.POLICY_OFFICER,
                            job_title=username.replace("-", " "))
    programme = save_record(Programme(code="be", name="Belgiëprogramma", start_date=dt.date(2022, 1, 1),
                                      end_date=dt.date(2026, 12, 31)), admin)
    themes = [save_record(Theme(programme=programme, code=c, name=n), admin)
              for c, n in (("migratie", "Migratie"), ("klimaat", "Klimaat"))]
    for i, (code, name) in enumerate(DOSSIERS):
        save_record(Dossier(theme=themes[i // 4], code=code, name=name), admin)
    for name, short in PARTIES:
        save_record(Organisation(name=name, short_name=short, type="party"), admin)
    persons = []
    for first in FIRST:
        for last in rng.sample(LAST, 5):
            persons.append(save_record(Person(first_name=first, last_name=last), admin))
    for person in persons[:20]:
        cabinet = save_record(Organisation(name=f"Kabinet {person}", type="cabinet"), admin)
        save_record(PersonRole(person=person, organisation=cabinet, title="Minister",
                               start_date=dt.date(2020, 1, 1)), admin)
    for name in ("Federale regering", "Vlaams Parlement"):
        partner = save_record(BoundaryPartner(theme=themes[0], name=name), admin)
        for level in ("expect", "like", "love"):
            for order in range(1, 18):
                save_record(ProgressMarker(boundary_partner=partner, level=level, order=order,
                                           statement=f"{name} {level} {order}"), admin)
    return admin, persons


def build_workbook(path: Path, rows: int, persons, rng: random.Random) -> int:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    day0 = dt.date(2022, 1, 3)

    def sheet(name, title, headers):
        ws = workbook.create_sheet(name)
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
        ws.append([])
        ws.append(headers)
        return ws

    def when(i):
        day = day0 + dt.timedelta(days=i % 1000)
        # Teams type dates in every form: Excel dates, day-first text, ISO text.
        return (day, day.strftime("%d/%m/%Y"), day.isoformat())[i % 3]

    indicators = sheet("Indicatoren", "Kwantitatieve indicatoren", ["Indicator", "Baseline",
                                                                    "Target", "Waarde"])
    for i in range(20):
        indicators.append([f"Indicator {i}", i, i * 2, i * 3])
    n_obs = min(500, rows // 20)
    n_outcomes = rows // 10
    n_outputs = rows // 4
    n_contacts = rows - n_obs - n_outcomes - n_outputs
    contacts = sheet("Politieke contacten", "Monitoring beleidsdienst – politieke contacten", [
        "Datum", "Type contact", "Contactpersoon", "Organisatie", "Partij", "Dossier",
        "Samenvatting", "Standpunt", "Wie van ons"])
    channels = ["overleg", "telefoon", "mail", "WhatsApp", "evenement", "COP breakfast"]
    for i in range(n_contacts):
        person = persons[i % len(persons)]
        name = (str(person), f"Min. {person.last_name}" if i % 7 == 0 else str(person),
                f"{person.first_name} {person.last_name}")[i % 3]
        new_person = f"{rng.choice(FIRST)} Nieuw{i % 40}"
        contacts.append([when(i), channels[i % len(channels)],
                         new_person if i % 50 == 0 else name,
                         f"kabinet {persons[i % 20].last_name}" if i % 5 == 0 else "",
                         PARTIES[i % len(PARTIES)][1] or PARTIES[i % len(PARTIES)][0] if i % 3 == 0
                         else "", DOSSIERS[i % len(DOSSIERS)][1],
                         f"Gesprek {i} over {DOSSIERS[i % len(DOSSIERS)][1].lower()}",
                         "positief" if i % 2 else "", STAFF[i % len(STAFF)]])
    outputs = sheet("Outputs", "Outputs", ["Datum", "Titel", "Soort", "Dossier", "Link"])
    kinds = ["inputnota", "persbericht", "opiniestuk", "studie", "parlementaire vraag"]
    for i in range(n_outputs):
        outputs.append([when(i), f"Output {i}", kinds[i % len(kinds)], DOSSIERS[i % 6][1],
                        f"https://example.org/output/{i}"])
    outcomes = sheet("Outcomes", "Outcomes", ["Datum", "Outcome", "Type verandering", "Dossier",
                                              "Actor", "Bron"])
    for i in range(n_outcomes):
        outcomes.append([when(i), f"Verandering {i}: de regering past haar beleid aan.", "beleid",
                         DOSSIERS[i % 6][1], f"kabinet {persons[i % 20].last_name}",
                         f"Beleidsnota {i}"])
    markers = sheet("Progress markers", "Progress markers", ["Boundary partner", "Progress marker",
                                                             "Periode", "Score", "Toelichting"])
    for i in range(n_obs):
        partner, j = ("Federale regering", "Vlaams Parlement")[i % 2], i // 2
        level = ("E", "L", "LO")[(j % 51) // 17]
        order = j % 17 + 1
        year = 2018 + j // 51
        markers.append([partner, f"{level}{order}", str(year), ("laag", "gemiddeld", "hoog")[i % 3],
                        f"Toelichting {i}"])
    workbook.save(path)
    return n_contacts + n_outputs + n_outcomes + n_obs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--keep", action="store_true", help="Keep the temporary directory.")
    parser.add_argument("--no-bulk", action="store_true",
                        help="Write record by record through monitoring.actions (for comparison).")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    tmp = Path(tempfile.mkdtemp(prefix="hefboom-bench-"))
    try:
        setup_django(tmp / "data")
        rng = random.Random(11)  # noqa: S311 - repeatable test data, not security
        admin, persons = seed_database(rng)
        path = tmp / "monitoring.xlsx"
        rows = build_workbook(path, args.rows, persons, rng)
        from hefboom.imports.excel import actions
        from hefboom.monitoring.models import Contact, Outcome, Output, ProgressMarkerObservation

        start = time.perf_counter()
        report = actions.dry_run(path, user=admin, policy="accept")
        dry = time.perf_counter() - start
        assert report["error_count"] == 0, report["problems"][:5]
        start = time.perf_counter()
        result = actions.commit(path, user=admin, policy="accept", bulk=not args.no_bulk)
        real = time.perf_counter() - start
        stored = sum(m.objects.count() for m in (Contact, Output, Outcome, ProgressMarkerObservation))
        assert stored == rows, (stored, rows)
        print(f"workbook: {path.stat().st_size / 1e6:.1f} MB, {rows} rows; created {result['created']}")
        print(f"dry run: rows={rows} seconds={dry:.2f} rows/s={rows / dry:.0f}")
        path_name = "actions" if args.no_bulk else "bulk"
        print(f"import ({path_name}): rows={rows} seconds={real:.2f} rows/s={rows / real:.0f}")
        again = actions.commit(path, user=admin, policy="accept")
        assert sum(c["already"] for c in again["counts"].values()) == rows
        print("second import: nothing new (all rows already imported)")
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
