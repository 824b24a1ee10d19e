#!/usr/bin/env python
"""Generate a seeded ten-year dataset for the page benchmark (benchmarks/pages.py).

    HEFBOOM_DATA_DIR=/tmp/hb-bench-data .venv/bin/python benchmarks/generate_dataset.py [--scale 1] [--seed 4]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hb_bench .venv/bin/python benchmarks/generate_dataset.py

Writes into the database the usual settings name (DATABASE_URL, else SQLite under
HEFBOOM_DATA_DIR), after migrating it. At scale 1: one programme with 8 themes and 40 dossiers,
500 persons, 300 organisations, 15 users, 100,000 contacts, 20,000 outputs, 10,000 activities,
5,000 outcomes with about 2 evidence items and 3 contribution links each, 360 progress markers
observed in most half years, twenty indicators with targets for every programme year. One dossier
(code ``bench-target``) gets about 5,000 timeline events. Issue 10: one to three services on
every contact, activity and output, 15 member organisations and 3 coalitions as partners within
their membership dates, a plan per dossier and year (objectives per service, 6-10 steps linked
to the year's records), about 30 political moments a year, a service per user.

``--years N`` puts the records in the N whole calendar years before this one instead of the last
ten times 365 days: ``--years 1 --scale 0.37`` gives about 50,000 records in one year, the
dataset of the report benchmark (benchmarks/report.py).

Rows are written with ``bulk_create`` (and the many-to-many through models directly), not through
``save_record``: so there are no change-history rows and no validation per row. That is fine for
measuring pages, but this is benchmark data, not a demo. Names are invented from syllables.

Refuses to write into a database that already holds records unless ``--force``, which first
empties it (``flush``). Same seed and scale, same dataset.
"""

import argparse
import bisect
import datetime as dt
import os
import random
import sys
import time
from pathlib import Path

TARGET_CODE = "bench-target"
PASSWORD = "hefboom-demo"  # the demo's password, so a person can look around in the dataset
USERS = {  # username: role
    **{f"bench-policy-{i}": "policy_officer" for i in range(1, 13)},
    "bench-me": "me_officer",
    "bench-admin": "admin",
    "bench-viewer": "viewer",
}
# Full-scale sizes (the issue: 100,000 contacts, 20,000 outputs, 5,000 outcomes over ten years).
SIZES = {"contacts": 100_000, "outputs": 20_000, "activities": 10_000, "outcomes": 5_000,
         "persons": 500, "organisations": 300}
# Share of each kind that goes to the target dossier: about 5,000 events at scale 1
# (3,300 contacts, 700 outputs, 350 activities, 180 outcomes, ~360 evidence, ~100 observations).
TARGET_SHARE = {"contacts": 0.033, "outputs": 0.035, "activities": 0.035, "outcomes": 0.036}
YEARS = 10
BATCH = 2000

SYLLABLES = ["ba", "ven", "dor", "li", "mar", "sel", "to", "ka", "rin", "de", "wa", "lon", "mi",
             "ster", "an", "o", "ber", "gen", "va", "lis", "pe", "ter", "sa", "bru", "no", "kel",
             "ha", "vi", "ze", "mo", "ro", "ne", "fa", "gi", "jo", "ul"]
ORG_KINDS = [  # type, how many at scale 1, political levels to pick from, prefix
    ("party", 15, ["federal", "flemish", "walloon", "brussels"], "Partij"),
    ("cabinet", 60, ["federal", "flemish", "walloon", "brussels"], "Kabinet"),
    ("administration", 55, ["federal", "flemish", "walloon", "brussels", "eu"], "Dienst"),
    ("parliament", 10, ["federal", "flemish", "walloon", "brussels", "eu"], "Parlement"),
    ("parliamentary_group", 40, ["federal", "flemish", "walloon", "brussels"], "Fractie"),
    ("research_service", 10, ["federal", "flemish"], "Studiedienst"),
    ("member_organisation", 40, [""], "Vereniging"),
    ("coalition", 15, ["", "international"], "Coalitie"),
    ("media", 25, [""], "Krant"),
    ("international_body", 20, ["international", "eu"], "Agentschap"),
    ("other", 10, ["", "local"], "Organisatie"),
]
# Issue 10: the four default services (migration strategy.0004), the users' services, and the
# odds of each service on a record: (kind, type or channel) -> (policy, communication, movement,
# international factor; the factor times the dossier's own international share).
SERVICE_CODES = ("policy", "communication", "movement", "international")
USER_SERVICES = {
    **{f"bench-policy-{i}": "policy" for i in range(1, 7)},
    **{f"bench-policy-{i}": "communication" for i in range(7, 10)},
    "bench-policy-10": "movement", "bench-policy-11": "movement",
    "bench-policy-12": "international", "bench-viewer": "communication",
}  # bench-me and bench-admin work in no service
SERVICE_ODDS = {
    ("contact", None): (0.92, 0.1, 0.05, 1),
    ("contact", "event"): (0.7, 0.45, 0.3, 1),
    ("contact", "side_meeting"): (0.85, 0.1, 0.05, 2),
    ("activity", None): (0.6, 0.35, 0.25, 1),
    ("activity", "lobby"): (0.95, 0.15, 0.05, 1),
    ("activity", "campaign"): (0.35, 0.85, 0.75, 0.8),
    ("activity", "event"): (0.5, 0.7, 0.5, 1),
    ("activity", "workshop"): (0.5, 0.2, 0.6, 0.5),
    ("activity", "coalition_work"): (0.75, 0.2, 0.2, 1.5),
    ("activity", "research"): (0.9, 0.1, 0.05, 1),
    ("output", None): (0.9, 0.2, 0.05, 1),
    ("output", "campaign"): (0.3, 0.85, 0.6, 0.8),
    ("output", "petition"): (0.3, 0.6, 0.8, 0.5),
    ("output", "event"): (0.4, 0.7, 0.5, 1),
    ("output", "press_release"): (0.5, 0.9, 0.1, 1),
    ("output", "op_ed"): (0.6, 0.85, 0.05, 1),
    ("output", "social_post"): (0.2, 0.95, 0.3, 1),
}
# The share of records with member organisations or coalitions as partners.
PARTNER_ODDS = {
    ("contact", None): 0.06,
    ("activity", None): 0.15,
    ("activity", "coalition_work"): 0.8,
    ("activity", "campaign"): 0.4,
    ("output", None): 0.1,
    ("output", "campaign"): 0.35,
    ("output", "petition"): 0.35,
    ("output", "position_paper"): 0.3,
}
MOMENT_WEIGHTS = {"plenary": 5, "committee": 6, "question": 4, "budget": 2, "summit": 2,
                  "election": 0.5, "campaign": 3, "other": 1}
TITLES = ["minister", "state secretary", "chief of staff", "advisor", "MP", "director",
          "head of unit", "journalist", "spokesperson", "researcher", "party chair"]


def setup_django() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hefboom.settings")
    import django

    django.setup()


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def holds_data() -> bool:
    from hefboom.accounts.models import User
    from hefboom.actors.models import Organisation, Person
    from hefboom.monitoring.models import Contact
    from hefboom.strategy.models import Programme

    return any(m.objects.exists() for m in (User, Person, Organisation, Programme, Contact))


class Words:
    """Invented words and sentences from syllables, seeded."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.vocabulary = sorted({self.word() for _ in range(3000)})

    def word(self, low=1, high=3) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(low, high)))

    def name(self) -> str:
        return self.word(2, 3).capitalize()

    def sentence(self, low=6, high=14) -> str:
        words = self.rng.choices(self.vocabulary, k=self.rng.randint(low, high))
        return " ".join(words).capitalize() + "."


class Generator:
    def __init__(self, scale: float, seed: int, out=print, years: int | None = None):
        self.scale = scale
        self.rng = random.Random(seed)  # noqa: S311 - repeatable test data, not security
        # Issue 6's additions draw from their own stream, so the records above stay the same.
        self.party_rng = random.Random(f"{seed}-parties")  # noqa: S311
        self.follow_up_rng = random.Random(f"{seed}-follow-ups")  # noqa: S311
        self.integrated_rng = random.Random(f"{seed}-integrated")  # noqa: S311 - issue 10
        self.words = Words(self.rng)
        self.out = out
        self.today = dt.date.today()
        if years is None:  # the last ten times 365 days, up to today
            self.first_day = self.today - dt.timedelta(days=365 * YEARS)
            self.last_day = self.today
            self.days = (self.today - self.first_day).days
        else:  # the `years` whole calendar years before this one, e.g. one funder report year
            if years < 1:
                raise ValueError("--years must be at least 1")
            self.first_day = dt.date(self.today.year - years, 1, 1)
            self.last_day = dt.date(self.today.year - 1, 12, 31)
            self.days = (self.last_day - self.first_day).days + 1

    def n(self, kind: str) -> int:
        return max(1, round(SIZES[kind] * self.scale))

    def day(self) -> dt.date:
        return self.first_day + dt.timedelta(days=self.rng.randrange(self.days))

    def some(self, population, k):
        return self.rng.sample(population, min(k, len(population)))

    def bulk(self, model, rows):
        return model.objects.bulk_create(rows, batch_size=BATCH)

    # The structure: users, programme, themes, dossiers, actors, boundary partners, markers.

    def users(self):
        from django.contrib.auth.hashers import make_password

        from hefboom.accounts.models import User

        password = make_password(PASSWORD)  # hashed once: the hasher is slow on purpose
        users = []
        for username, role in USERS.items():
            user = User(username=username, role=role, password=password,
                        first_name=self.words.name(), last_name=self.words.name(),
                        is_superuser=role == "admin")
            user.is_staff = role != "viewer"
            users.append(user)
        self.users = self.bulk(User, users)
        self.policy = [u for u in self.users if u.role == "policy_officer"]
        self.staff = [u for u in self.users if u.role in ("policy_officer", "me_officer")]

    def strategy(self):
        from hefboom.strategy.models import Dossier, Programme, Theme

        self.programme = Programme.objects.create(
            code="bench", name="Benchmarkprogramma", funder="DGD",
            start_date=self.first_day, end_date=self.today + dt.timedelta(days=365))
        self.themes = self.bulk(Theme, [
            Theme(programme=self.programme, code=f"theme-{i}", name=self.words.name(), order=i)
            for i in range(8)])
        dossiers = []
        for theme in self.themes:
            for j in range(5):
                code = TARGET_CODE if not dossiers else f"{theme.code}-d{j}"
                dossiers.append(Dossier(theme=theme, code=code, name=f"{self.words.name()} "
                                        f"{self.words.word()}", description=self.words.sentence()))
        self.dossiers = self.bulk(Dossier, dossiers)
        self.target = self.dossiers[0]
        self.others = self.dossiers[1:]

    def actors(self):
        from hefboom.actors.models import Organisation, Person, PersonRole

        organisations = []
        for kind, count, levels, prefix in ORG_KINDS:
            for i in range(max(1, round(count * min(1, self.scale * 10)))):
                organisations.append(Organisation(
                    name=f"{prefix} {self.words.name()} {i}", short_name=self.words.name()[:8],
                    type=kind, political_level=self.rng.choice(levels)))
        self.organisations = self.bulk(Organisation, organisations)
        parties = [o for o in self.organisations if o.type == "party"]
        children = [o for o in self.organisations if o.type in ("parliamentary_group",
                                                                "research_service")]
        for child in children:
            child.parent = self.rng.choice(parties)
        Organisation.objects.bulk_update(children, ["parent"], batch_size=BATCH)
        self.persons = self.bulk(Person, [
            Person(first_name=self.words.name(), last_name=f"{self.words.name()}",
                   email=f"p{i}@example.org")
            for i in range(self.n("persons"))])
        roles = []
        for person in self.persons:
            start = self.day()
            for _ in range(self.rng.choice((1, 1, 2))):
                end = start + dt.timedelta(days=self.rng.randint(200, 2000))
                roles.append(PersonRole(person=person, organisation=self.rng.choice(self.organisations),
                                        title=self.rng.choice(TITLES), start_date=start,
                                        end_date=end if end < self.today else None))
                start = min(end, self.today)
        roles.extend(self.party_careers(parties, children))
        self.bulk(PersonRole, roles)

    def party_careers(self, parties, children):
        """Issue 6: spectrum positions for all parties but one, and a fifth of the persons with
        dated party functions (chair, MP, member, researcher) who switch party or function over
        the years, so that the coverage dashboard attributes contacts by the role on the day."""
        from hefboom.actors.models import Organisation, PersonRole

        rng = self.party_rng
        for party in parties[:-1]:
            party.spectrum_position = rng.randint(0, 10)
        Organisation.objects.bulk_update(parties, ["spectrum_position"], batch_size=BATCH)
        homes = parties + [c for c in children if c.parent_id]
        roles = []
        for person in rng.sample(self.persons, len(self.persons) // 5):
            start = self.first_day - dt.timedelta(days=rng.randint(0, 700))
            for _ in range(rng.choice((1, 2, 2, 3))):
                if start >= self.today:
                    break
                end = start + dt.timedelta(days=rng.randint(365, 1800))
                home = rng.choice(homes)
                title = (rng.choice(("party chair", "party member", "MP")) if home.type == "party"
                         else rng.choice(("MP", "researcher", "group secretary")))
                roles.append(PersonRole(person=person, organisation=home, title=title,
                                        start_date=start, end_date=end if end < self.today else None))
                start = end + dt.timedelta(days=1)
        return roles

    def outcome_mapping(self):
        from hefboom.strategy.models import BoundaryPartner, ProgressMarker

        partners = self.bulk(BoundaryPartner, [
            BoundaryPartner(theme=theme, name=f"{self.words.name()} {i}")
            for theme in self.themes for i in range(3 if self.scale >= 0.1 else 1)])
        self.bulk(BoundaryPartner.organisations.through, [
            BoundaryPartner.organisations.through(boundarypartner=p, organisation=o)
            for p in partners for o in self.some(self.organisations, 2)])
        markers = []
        for partner in partners:
            dossiers = [d for d in self.dossiers if d.theme_id == partner.theme_id]
            for level in ("expect", "like", "love"):
                for order in range(1, 6):
                    # Six markers of the first partner are the target dossier's (~100 observations).
                    if partner is partners[0] and order <= 2:
                        dossier = self.target
                    else:
                        dossier = self.rng.choice([d for d in dossiers if d is not self.target])
                    markers.append(ProgressMarker(boundary_partner=partner, dossier=dossier,
                                                  level=level, order=order,
                                                  statement=self.words.sentence()))
        self.markers = self.bulk(ProgressMarker, markers)

    # The monitoring records.

    def pick_dossiers(self, kind: str):
        first = self.target if self.rng.random() < TARGET_SHARE[kind] else self.rng.choice(self.others)
        if self.rng.random() < 0.15:
            second = self.rng.choice(self.others)
            if second is not first:
                return [first, second]
        return [first]

    def link(self, model, field, rows):
        """Many-to-many rows through the automatic through model: rows of (record, [targets])."""
        through = getattr(model, field).through
        source = model._meta.model_name
        target = getattr(model, field).field.related_model._meta.model_name
        if source == target:
            raise ValueError("self-referencing links are not generated")
        self.bulk(through, [through(**{f"{source}_id": record.pk, f"{target}_id": other.pk})
                            for record, others in rows for other in others])

    def dated(self, model, count, kind, make):
        """Create `count` records with a date and dossiers; index them per dossier by date."""
        records, dossiers = [], []
        for i in range(count):
            records.append(make(i, self.day()))
            dossiers.append(self.pick_dossiers(kind))
        records = self.bulk(model, records)
        self.link(model, "dossiers", zip(records, dossiers, strict=True))
        index = {}
        for record, chosen in zip(records, dossiers, strict=True):
            for dossier in chosen:
                index.setdefault(dossier.pk, []).append((record.date, record.pk))
        for entries in index.values():
            entries.sort()
        return records, dossiers, index

    def contacts(self):
        from hefboom.monitoring.models import Contact

        channels = ["meeting", "call", "email", "message", "event", "side_meeting"]
        follow_ups = {}  # contact index -> (text, due date)

        def make(i, day):
            follow = self.rng.random() < 0.2
            contact = Contact(
                date=day, channel=self.rng.choice(channels), is_formal=self.rng.random() < 0.7,
                summary=self.words.sentence(8, 20), arguments=self.words.sentence(),
                their_position=self.words.sentence() if self.rng.random() < 0.5 else "")
            if follow:  # drawn in the order of the fields the contact used to have
                follow_ups[i] = (self.words.sentence(), day + dt.timedelta(days=30))
            contact.confidentiality = "confidential" if self.rng.random() < 0.05 else "normal"
            return contact

        contacts, _, self.contact_index = self.dated(Contact, self.n("contacts"), "contacts", make)
        self.contacts = contacts
        participants = [(c, self.some(self.staff, self.rng.choice((1, 1, 1, 2)))) for c in contacts]
        self.link(Contact, "our_participants", participants)
        self.follow_ups(participants, follow_ups)
        self.link(Contact, "persons", [
            (c, self.some(self.persons, self.rng.choice((0, 1, 1, 2, 3)))) for c in contacts])
        self.link(Contact, "organisations", [
            (c, self.some(self.organisations, self.rng.choice((0, 1, 1, 2)))) for c in contacts])

    def follow_ups(self, participants, follow_ups):
        """A follow-up on one contact in five, owned by its first participant: most of those of
        the last 90 days still open, 3% of older ones forgotten, the rest done on their due day.
        Own random stream, so the rest of the dataset does not change with it."""
        from django.utils import timezone

        from hefboom.monitoring.models import FollowUp

        rng = self.follow_up_rng
        rows = []
        for i, (contact, staff) in enumerate(participants):
            if i not in follow_ups:
                continue
            text, due = follow_ups[i]
            due = due if rng.random() < 0.8 else None
            recent = (self.today - contact.date).days < 90
            is_open = rng.random() < (0.7 if recent else 0.03)
            owner = staff[0]
            done_at = None if is_open else timezone.make_aware(
                dt.datetime.combine(min(due or contact.date, self.today), dt.time(12)))
            rows.append(FollowUp(contact=contact, description=text, owner=owner, due_date=due,
                                 created_by=owner, done_at=done_at,
                                 done_by=None if is_open else owner))
        self.bulk(FollowUp, rows)

    def outputs(self):
        from hefboom.monitoring.models import Output, OutputType

        types = OutputType.values

        def make(i, day):
            return Output(title=self.words.sentence(3, 8), type=self.rng.choice(types), date=day,
                          url=f"https://example.org/output/{i}", description=self.words.sentence())

        self.outputs, _, self.output_index = self.dated(Output, self.n("outputs"), "outputs", make)

    def activities(self):
        from hefboom.monitoring.models import Activity, ActivityType

        types = ActivityType.values

        def make(i, day):
            end = day + dt.timedelta(days=self.rng.choice((0, 0, 1, 30)))
            return Activity(title=self.words.sentence(3, 8), type=self.rng.choice(types), date=day,
                            end_date=min(end, self.today), description=self.words.sentence())

        activities, _, self.activity_index = self.dated(Activity, self.n("activities"),
                                                        "activities", make)
        self.link(Activity, "organisations", [
            (a, self.some(self.organisations, self.rng.choice((0, 1, 2)))) for a in activities])
        self.link(Activity, "our_participants", [
            (a, self.some(self.staff, self.rng.choice((1, 2)))) for a in activities])

    def earlier(self, index, dossier, day, years=2):
        """The pk of a record of `dossier` dated in the `years` before `day`, or None."""
        entries = index.get(dossier.pk, [])
        hi = bisect.bisect_right(entries, (day, float("inf")))
        lo = bisect.bisect_left(entries, (day - dt.timedelta(days=365 * years), 0))
        return entries[self.rng.randrange(lo, hi)][1] if hi > lo else None

    def outcomes(self):
        from hefboom.monitoring.models import (
            ChangeType,
            ContributionLink,
            Evidence,
            EvidenceSource,
            Outcome,
            Substantiation,
        )

        def make(i, day):
            return Outcome(
                title=self.words.sentence(4, 10), description=self.words.sentence(15, 30), date=day,
                political_level=self.rng.choice(["federal", "flemish", "walloon", "eu", ""]),
                change_type=self.rng.choice(ChangeType.values),
                is_intended=self.rng.random() < 0.8, is_positive=self.rng.random() < 0.9,
                significance=self.words.sentence(), contribution=self.words.sentence(),
                substantiation=self.rng.choice(Substantiation.values))

        outcomes, dossiers, self.outcome_index = self.dated(Outcome, self.n("outcomes"), "outcomes",
                                                            make)
        self.outcomes = outcomes
        self.outcome_dossiers = dict(zip((o.pk for o in outcomes), dossiers, strict=True))
        self.link(Outcome, "social_actor_organisations", [
            (o, self.some(self.organisations, self.rng.choice((0, 1, 1, 2)))) for o in outcomes])
        self.link(Outcome, "social_actor_persons", [
            (o, self.some(self.persons, self.rng.choice((0, 1, 2)))) for o in outcomes])
        sources = EvidenceSource.values
        evidence = [
            Evidence(outcome=o, source_type=self.rng.choice(sources),
                     reference=f"{self.words.sentence(3, 6)} p. {self.rng.randint(1, 90)}",
                     quote=self.words.sentence(), reliability=self.rng.choice(("low", "medium", "high")),
                     date=min(self.today, o.date + dt.timedelta(days=self.rng.randint(0, 60))))
            for o in outcomes for _ in range(self.rng.choice((0, 1, 2, 2, 3, 4)))]
        self.evidence = self.bulk(Evidence, evidence)
        # The target dossier's latest outcome has forty contribution links.
        rich = self.outcome_index.get(self.target.pk, [(None, None)])[-1][1]
        links = []
        for position, outcome in enumerate(outcomes):
            dossier = dossiers[position][0]
            many = outcome.pk == rich  # the richly documented one
            for _ in range(40 if many else self.rng.choice((1, 2, 3, 3, 4, 5))):
                kind = self.rng.choices(("contact", "output", "activity", "organisation"),
                                        weights=(6, 2, 1, 1))[0]
                link = ContributionLink(outcome=outcome, narrative=self.words.sentence())
                if kind == "organisation":
                    link.organisation = self.rng.choice(self.organisations)
                else:
                    index = getattr(self, f"{kind}_index")
                    pk = self.earlier(index, dossier, outcome.date)
                    if pk is None:
                        continue
                    setattr(link, f"{kind}_id", pk)
                links.append(link)
        self.links = self.bulk(ContributionLink, links)

    def observations(self):
        from hefboom.monitoring.models import ProgressMarkerObservation

        periods = []
        start = dt.date(self.first_day.year, 1, 1)
        while start < self.last_day:
            end = dt.date(start.year, 6, 30) if start.month == 1 else dt.date(start.year, 12, 31)
            periods.append((start, end))
            start = end + dt.timedelta(days=1)
        ratings = ["none", "low", "medium", "high"]
        observations, outcome_links, contact_links = [], [], []
        for marker in self.markers:
            rating = 0
            for start, end in periods:
                if self.rng.random() < 0.3:
                    continue
                rating = min(3, rating + (self.rng.random() < 0.3))
                observations.append(ProgressMarkerObservation(
                    progress_marker=marker, period_start=start, period_end=end,
                    rating=ratings[rating], narrative=self.words.sentence(10, 25)))
        observations = self.bulk(ProgressMarkerObservation, observations)
        dossiers = {d.pk: d for d in self.dossiers}
        for observation in observations:
            dossier = dossiers[observation.progress_marker.dossier_id]
            outcomes = {self.earlier(self.outcome_index, dossier, observation.period_end, 1)
                        for _ in range(self.rng.choice((0, 1, 2)))} - {None}
            contacts = {self.earlier(self.contact_index, dossier, observation.period_end, 1)
                        for _ in range(self.rng.choice((0, 1, 2, 3)))} - {None}
            outcome_links.append((observation, [_Ref(pk) for pk in outcomes]))
            contact_links.append((observation, [_Ref(pk) for pk in contacts]))
        self.link(ProgressMarkerObservation, "outcomes", outcome_links)
        self.link(ProgressMarkerObservation, "contacts", contact_links)
        self.observations = observations

    def pathways(self):
        """Issue 4: outcome→outcome contribution links (an earlier outcome of the same dossier)
        and evidence attached to about a third of the links."""
        from hefboom.monitoring.models import ContributionLink

        evidence_of = {}
        for item in self.evidence:
            evidence_of.setdefault(item.outcome_id, []).append(item)
        self.evidence_of = evidence_of
        links = []
        for outcome in self.outcomes:
            if self.rng.random() >= 0.25:
                continue
            dossier = self.outcome_dossiers[outcome.pk][0]
            pk = self.earlier(self.outcome_index, dossier, outcome.date - dt.timedelta(days=1))
            if pk is not None and pk != outcome.pk:
                links.append(ContributionLink(outcome=outcome, source_outcome_id=pk,
                                              narrative=self.words.sentence()))
        self.links += self.bulk(ContributionLink, links)
        self.link(ContributionLink, "evidence", [
            (link, self.some(evidence_of[link.outcome_id], 1)) for link in self.links
            if link.outcome_id in evidence_of and self.rng.random() < 0.33])

    def claims(self):
        """Issue 4: a contribution claim on about one outcome in three (those with at least two
        evidence items), each with 2-4 assessed evidence items and its confidence computed as
        the action computes it."""
        from decimal import Decimal

        from hefboom.monitoring.confidence import posterior
        from hefboom.monitoring.models import ClaimEvidence, ContributionClaim
        from hefboom.monitoring.models.claims import PRESETS

        links_of = {}
        for link in self.links:
            links_of.setdefault(link.outcome_id, []).append(link)
        rich = max(self.outcomes, key=lambda o: len(links_of.get(o.pk, ())))
        candidates = [o for o in self.outcomes if len(self.evidence_of.get(o.pk, ())) >= 2]
        chosen = self.some(candidates, max(1, len(self.outcomes) // 3))
        if len(self.evidence_of.get(rich.pk, ())) >= 2 and rich not in chosen:
            chosen.append(rich)
        presets = list(PRESETS.items())
        claims, items = [], []
        for outcome in chosen:
            prior = Decimal(self.rng.choice(("0.3", "0.4", "0.5", "0.5", "0.6")))
            evidence = self.some(self.evidence_of[outcome.pk], self.rng.randint(2, 4))
            assessed = []
            for order, item in enumerate(evidence):
                test_type, (p_true, p_false) = self.rng.choice(presets)
                assessed.append(ClaimEvidence(evidence=item, test_type=test_type, p_if_true=p_true,
                                              p_if_false=p_false, reasoning=self.words.sentence(),
                                              order=order))
            claims.append(ContributionClaim(
                outcome=outcome, statement=self.words.sentence(6, 14), story=self.words.sentence(15, 30),
                alternatives=self.words.sentence(8, 16), prior=prior,
                confidence=posterior(prior, [(str(i.evidence_id), i.p_if_true, i.p_if_false)
                                             for i in assessed])))
            items.append(assessed)
        self.claims = self.bulk(ContributionClaim, claims)
        for claim, assessed in zip(self.claims, items, strict=True):
            for item in assessed:
                item.claim = claim
        self.bulk(ClaimEvidence, [i for assessed in items for i in assessed])
        self.link(ContributionClaim, "links", [
            (c, self.some(links_of.get(c.outcome_id, []), 2)) for c in self.claims])

    def journals(self):
        """Issue 4: an outcome journal per boundary partner and observed period (half year),
        with an entry per observation of that period, a third of them with evidence."""
        from hefboom.learning.models import Journal, JournalEntry
        from hefboom.strategy.models import ProgressMarker

        partner_of = dict(ProgressMarker.objects.values_list("pk", "boundary_partner_id"))
        periods = {}
        for observation in self.observations:
            key = (partner_of[observation.progress_marker_id], observation.period_start,
                   observation.period_end)
            periods.setdefault(key, []).append(observation)
        journals = self.bulk(Journal, [
            Journal(boundary_partner_id=partner, period_start=start, period_end=end,
                    narrative=self.words.sentence(20, 40)) for partner, start, end in periods])
        entries = self.bulk(JournalEntry, [
            JournalEntry(journal=journal, observation=observation)
            for journal, observations in zip(journals, periods.values(), strict=True)
            for observation in observations])
        evidence = self.evidence
        self.link(JournalEntry, "evidence", [
            (entry, self.some(evidence, 1)) for entry in entries if self.rng.random() < 0.33])

    def narratives(self):
        """Issue 4: a narrative per dossier and year, referring to records of that dossier and
        year with `[@kind:id]` tokens (and their NarrativeReference rows)."""
        from hefboom.learning.models import Narrative, NarrativeReference
        from hefboom.learning.references import parse, token

        indexes = {"contact": self.contact_index, "output": self.output_index,
                   "activity": self.activity_index, "outcome": self.outcome_index}
        narratives = []
        for dossier in self.dossiers:
            for year in range(self.first_day.year, self.last_day.year + 1):
                start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
                paragraphs = [f"## {self.words.name()}"]
                for kind, index in indexes.items():
                    entries = index.get(dossier.pk, [])
                    lo = bisect.bisect_left(entries, (start, 0))
                    hi = bisect.bisect_right(entries, (end, float("inf")))
                    picked = self.some([pk for _, pk in entries[lo:hi]], self.rng.randint(1, 3))
                    if picked:
                        paragraphs.append(self.words.sentence(10, 25) + " " + ", ".join(
                            token(kind, pk) for pk in picked) + ".")
                paragraphs.append("- " + self.words.sentence())
                narratives.append(Narrative(
                    dossier=dossier, period_start=start, period_end=end,
                    title=f"{dossier.name} {year}", text="\n\n".join(paragraphs),
                    status="final" if year < self.today.year else "draft"))
        self.narratives = self.bulk(Narrative, narratives)
        self.bulk(NarrativeReference, [
            NarrativeReference(narrative=n, kind=ref.kind, object_id=ref.pk)
            for n in self.narratives for ref in parse(n.text)[0]])

    def evaluation(self):
        """Issue 4: the Annex 2 evaluation matrix, with outcomes, claims and narratives tagged."""
        from django.contrib.contenttypes.models import ContentType

        from hefboom.evaluation.annex2 import load_annex2_matrix
        from hefboom.evaluation.models import EvaluationTag

        admin = next(u for u in self.users if u.role == "admin")
        self.evaluation = load_annex2_matrix(admin, self.programme)
        questions = list(self.evaluation.questions.filter(parent__isnull=False).order_by("order"))
        tags = set()
        for records, share in ((self.outcomes, 0.05), (self.claims, 0.1), (self.narratives, 0.2)):
            if not records:
                continue
            content_type = ContentType.objects.get_for_model(records[0])
            for record in records:
                if self.rng.random() < share:
                    for question in self.some(questions, self.rng.randint(1, 2)):
                        tags.add((question.pk, content_type.pk, record.pk))
        self.bulk(EvaluationTag, [EvaluationTag(question_id=q, content_type_id=c, object_id=o)
                                  for q, c, o in sorted(tags)])

    def indicators(self):
        """Issue 5: twenty indicators for the programme, as the yearly report reads them:
        computed ones counting each kind of record with various filters (programme-, theme- and
        dossier-wide), some entered by hand (a percentage, a lower-is-better one) and some
        qualitative, with a target for every programme year and actuals, ratings and texts for
        the years with records."""
        from decimal import Decimal

        from hefboom.actors.models import Organisation
        from hefboom.reporting.indicators import encode_filter, parse_filter
        from hefboom.reporting.models import Indicator, IndicatorPeriod, programme_years

        party = Organisation.objects.filter(type="party").order_by("pk").first()
        theme, other_theme = self.themes[0], self.themes[1]
        specs = [  # code, level, kind, records, filter, scope, unit, extra fields
            ("OC1.1", "outcome", "computed", "contact", {"level": "federal", "institution": "cabinet"},
             {}, "contacts", {}),
            ("OC1.2", "outcome", "computed", "contact", {"institution": "administration"}, {},
             "contacts", {}),
            ("OC1.3", "outcome", "computed", "contact", {"channel": "meeting", "level": "flemish"},
             {}, "meetings", {}),
            ("OC1.4", "outcome", "computed", "contact", {"party": party.pk} if party else {}, {},
             "contacts", {}),
            ("OC1.5", "outcome", "computed", "contact", {}, {"theme": theme}, "contacts", {}),
            ("OC1.6", "outcome", "computed", "contact", {"institution": "parliament"},
             {"theme": self.target.theme, "dossier": self.target}, "contacts", {}),
            ("OC2.1", "outcome", "computed", "outcome", {"type": "policy_content"}, {}, "outcomes",
             {}),
            ("OC2.2", "outcome", "computed", "outcome", {"level": "federal"}, {}, "outcomes", {}),
            ("OC2.3", "outcome", "computed", "outcome", {"substantiation": "substantiated"},
             {"theme": other_theme}, "outcomes", {}),
            ("OP1.1", "output", "computed", "output", {"type": "study"}, {}, "studies", {}),
            ("OP1.2", "output", "computed", "output", {"type": "input_paper"}, {}, "papers", {}),
            ("OP1.3", "output", "computed", "output", {}, {"theme": other_theme}, "outputs", {}),
            ("OP2.1", "output", "computed", "activity", {"type": "lobby"}, {}, "activities", {}),
            ("OP2.2", "output", "computed", "activity", {"level": "eu"}, {}, "activities", {}),
            ("OC3.1", "outcome", "manual", "", {}, {"theme": theme}, "million euro", {}),
            ("OC3.2", "outcome", "manual", "", {}, {}, "%", {"measure": "percentage"}),
            ("OC3.3", "outcome", "manual", "", {}, {}, "days", {"ascending": False}),
            ("OC4.1", "outcome", "qualitative", "", {}, {}, "", {}),
            ("OC4.2", "outcome", "qualitative", "", {}, {"theme": other_theme}, "", {}),
            ("OP3.1", "output", "qualitative", "", {}, {}, "", {}),
        ]
        years = list(programme_years(self.programme))
        indicators = []
        for order, (code, level, kind, records, query, scope, unit, extra) in enumerate(specs):
            indicator = Indicator(
                programme=self.programme, code=code, order=order, title=self.words.sentence(4, 9),
                title_en=self.words.sentence(4, 9), result_level=level, kind=kind,
                record_kind=records, filter_query=encode_filter(query), unit=unit,
                baseline_year=years[0] - 1 if kind != "qualitative" else None,
                baseline_value=Decimal(self.rng.randint(0, 40)) if kind != "qualitative" else None,
                **scope, **extra)
            if records:
                parse_filter(records, indicator.filter_query, indicator=indicator)
            indicators.append(indicator)
        self.indicator_list = self.bulk(Indicator, indicators)
        ratings = ["none", "low", "medium", "high"]
        periods = []
        for indicator in self.indicator_list:
            for year in years:
                past = year <= self.last_day.year
                if indicator.kind == "qualitative":
                    if past:
                        periods.append(IndicatorPeriod(
                            indicator=indicator, year=year, rating=self.rng.choice(ratings),
                            text=self.words.sentence(12, 30), text_en=self.words.sentence(12, 30)))
                    continue
                actual = None
                if indicator.kind == "manual" and past:
                    actual = Decimal(self.rng.randint(10, 900)) / 4
                periods.append(IndicatorPeriod(
                    indicator=indicator, year=year, target=Decimal(self.rng.randint(5, 2000)),
                    actual=actual, comment=self.words.sentence() if actual is not None else ""))
        self.bulk(IndicatorPeriod, periods)

    # Issue 10: the integrated approach. Its own random stream, so the records above stay the same.

    def _record_facts(self):
        """(kind, pk, date, type or channel, dossier pk) of every contact, activity and output."""
        from hefboom.monitoring.models import Activity, Contact, Output

        dossier_of = {}
        for kind, index in (("contact", self.contact_index), ("activity", self.activity_index),
                            ("output", self.output_index)):
            for dossier, entries in index.items():
                for _, pk in entries:
                    dossier_of.setdefault((kind, pk), dossier)
        facts = []
        for kind, model, field in (("contact", Contact, "channel"), ("activity", Activity, "type"),
                                   ("output", Output, "type")):
            for pk, day, what in model.objects.order_by("pk").values_list("pk", "date", field):
                facts.append((kind, pk, day, what, dossier_of[(kind, pk)]))
        return facts

    def services(self):
        """Issue 10: the users' services, and one to three services on every contact, activity and
        output: policy on most, communication and movement on campaigns, events and press work,
        international on a share that depends on the dossier."""
        from hefboom.accounts.models import User
        from hefboom.monitoring.models import Activity, Contact, Output
        from hefboom.strategy.models import Service, ensure_default_services

        rng = self.integrated_rng
        ensure_default_services()  # migration strategy.0004 makes them; --force empties the table
        self.service = {s.code: s for s in Service.objects.filter(code__in=SERVICE_CODES)}
        for code in SERVICE_CODES:
            User.objects.filter(username__in=[u for u, c in USER_SERVICES.items() if c == code]
                                ).update(service=self.service[code])
        self.staff_by_service = {code: [u for u in self.staff if USER_SERVICES.get(u.username) == code]
                                 for code in SERVICE_CODES}
        # How international each dossier is (most hardly, a few mostly).
        self.international = {d.pk: rng.choice((0.03, 0.05, 0.08, 0.15, 0.3, 0.6))
                              for d in self.dossiers}
        self.facts = self._record_facts()
        self.services_of = {}
        rows = {"contact": [], "activity": [], "output": []}
        for kind, pk, _day, what, dossier in self.facts:
            policy, communication, movement, international = SERVICE_ODDS.get(
                (kind, what), SERVICE_ODDS[(kind, None)])
            odds = {"policy": policy, "communication": communication, "movement": movement,
                    "international": min(0.9, international * self.international[dossier])}
            codes = [code for code in SERVICE_CODES if rng.random() < odds[code]]
            if not codes:
                codes = [max(odds, key=odds.get)]
            if len(codes) > 3:
                codes.remove(rng.choice(codes))
            self.services_of[(kind, pk)] = set(codes)
            rows[kind].append((_Ref(pk), [self.service[c] for c in codes]))
        for model, kind in ((Contact, "contact"), (Activity, "activity"), (Output, "output")):
            self.link(model, "services", rows[kind])

    def memberships(self):
        """Issue 10: fifteen member organisations and three coalitions; most members all along,
        some leaving and some joining mid-period, one leaving and coming back."""
        from hefboom.actors.models import Membership

        rng = self.integrated_rng

        def at(share):  # a day `share` of the way through the dataset's period
            return self.first_day + dt.timedelta(days=int(self.days * share))

        members = self.umbrella_organisations("member_organisation", "Vereniging", 15)
        coalitions = self.umbrella_organisations("coalition", "Coalitie", 3)
        spans = []  # (organisation, kind, start, end)
        for i, organisation in enumerate(members):
            before = self.first_day - dt.timedelta(days=rng.randint(100, 4000))
            if i % 5 == 3:  # left mid-period
                spans.append((organisation, "member", before, at(rng.uniform(0.25, 0.7))))
            elif i % 5 == 4:  # joined mid-period
                spans.append((organisation, "member", at(rng.uniform(0.3, 0.75)), None))
            elif i == 7:  # left, and came back a fifth of the period (two years) later
                share = rng.uniform(0.2, 0.4)
                spans.append((organisation, "member", None, at(share)))
                spans.append((organisation, "member", at(share + 0.2), None))
            else:
                spans.append((organisation, "member", before if i % 2 else None, None))
        for i, organisation in enumerate(coalitions):
            spans.append((organisation, "coalition",
                          self.first_day - dt.timedelta(days=500) if i != 2 else at(0.55),
                          at(0.45) if i == 1 else None))
        self.membership_list = self.bulk(Membership, [
            Membership(organisation=organisation, kind=kind, start_date=start, end_date=end,
                       notes=self.words.sentence() if rng.random() < 0.3 else "")
            for organisation, kind, start, end in spans])
        # Some members are much more active than others, each in a theme or two.
        self.partner_weight = {o.pk: 1 / (rank + 1) ** 0.8
                               for rank, o in enumerate(rng.sample(members + coalitions,
                                                                   len(members + coalitions)))}
        self.partner_themes = {o.pk: set(rng.sample([t.pk for t in self.themes], 2))
                               for o in members + coalitions}
        self.coalition_pks = {o.pk for o in coalitions}

    def umbrella_organisations(self, kind, prefix, count):
        """The first `count` organisations of type `kind`; below scale 0.1, where there are
        fewer, new ones (so that every dataset has members joining, leaving and coming back)."""
        from hefboom.actors.models import Organisation

        found = [o for o in self.organisations if o.type == kind][:count]
        extra = self.bulk(Organisation, [
            Organisation(name=f"{prefix} {self.words.name()} {i}", short_name=self.words.name()[:8],
                         type=kind) for i in range(len(found), count)])
        self.organisations += extra
        return found + extra

    def partners(self):
        """Issue 10: member organisations and coalitions on a share of the contacts, activities
        and outputs, only ever on a day their membership held; a direct contribution link from a
        partner on some of the outcomes its joint records contributed to."""
        from hefboom.monitoring.models import Activity, Contact, ContributionLink, Output

        rng = self.integrated_rng
        theme_of = {d.pk: d.theme_id for d in self.dossiers}
        rows = {"contact": [], "activity": [], "output": []}
        self.partners_of = {}
        for kind, pk, day, what, dossier in self.facts:
            if rng.random() >= PARTNER_ODDS.get((kind, what), PARTNER_ODDS[(kind, None)]):
                continue
            held = [m.organisation_id for m in self.membership_list if m.is_held_on(day)]
            if not held:
                continue
            theme = theme_of[dossier]
            weights = [self.partner_weight[o] * (3 if theme in self.partner_themes[o] else 1)
                       * (3 if what == "coalition_work" and o in self.coalition_pks else 1)
                       for o in held]
            chosen = rng.choices(held, weights=weights, k=rng.choice((1, 1, 1, 2)))
            chosen = sorted(set(chosen))
            self.partners_of[(kind, pk)] = chosen
            rows[kind].append((_Ref(pk), [_Ref(o) for o in chosen]))
        for model, kind in ((Contact, "contact"), (Activity, "activity"), (Output, "output")):
            self.link(model, "partners", rows[kind])
        # Partners of the records behind an outcome: on two outcomes in five also a direct link
        # from one of them.
        behind = {}
        for link in self.links:
            for kind in ("contact", "activity", "output"):
                pk = getattr(link, f"{kind}_id")
                if pk is not None:
                    behind.setdefault(link.outcome_id, set()).update(
                        self.partners_of.get((kind, pk), ()))
        # (And always on the outcome with most partners behind it, so that every dataset has one.)
        most = min(behind, key=lambda pk: (-len(behind[pk]), pk), default=None)
        links = []
        for outcome in self.outcomes:
            partners = sorted(behind.get(outcome.pk, ()))
            if partners and (rng.random() < 0.4 or outcome.pk == most):
                links.append(ContributionLink(outcome=outcome, organisation_id=rng.choice(partners),
                                              narrative=self.words.sentence()))
        self.partner_links = self.bulk(ContributionLink, links)

    def plans(self):
        """Issue 10: a plan per dossier and year (agreed for the past years, a draft for this
        one) with an objective per default service and 6-10 steps, each with a responsible
        service, supporting services, a due date, a status and 5-50 of the dossier's records of
        that year (mostly naming the step's services; one step in seven without any record of its
        responsible service: the flagged ones)."""
        from hefboom.plans.models import DossierPlan, PlanObjective, PlanStep

        rng = self.integrated_rng
        words = self.words
        markers_of = {}
        for marker in self.markers:
            markers_of.setdefault(marker.dossier_id, []).append(marker)
        indexes = {"contact": self.contact_index, "activity": self.activity_index,
                   "output": self.output_index}
        plans, keys = [], []
        for dossier in self.dossiers:
            for year in range(self.first_day.year, self.last_day.year + 1):
                plans.append(DossierPlan(
                    dossier=dossier, period_start=dt.date(year, 1, 1),
                    period_end=dt.date(year, 12, 31),
                    status="draft" if year >= self.today.year else "agreed",
                    problem_analysis=words.sentence(30, 60), lobby_goals=words.sentence(10, 25),
                    created_by=(author := rng.choice(self.policy)), updated_by=author))
                keys.append((dossier, year))
        self.plan_list = self.bulk(DossierPlan, plans)
        previous = {}
        for plan, (dossier, year) in zip(self.plan_list, keys, strict=True):
            if (dossier.pk, year - 1) in previous and rng.random() < 0.7:
                plan.copied_from = previous[(dossier.pk, year - 1)]
            previous[(dossier.pk, year)] = plan
        DossierPlan.objects.bulk_update([p for p in self.plan_list if p.copied_from_id],
                                        ["copied_from"], batch_size=BATCH)
        self.link(DossierPlan, "progress_markers", [
            (plan, self.some(markers_of.get(dossier.pk, []), rng.randint(1, 3)))
            for plan, (dossier, _) in zip(self.plan_list, keys, strict=True)])
        self.bulk(PlanObjective, [
            PlanObjective(plan=plan, service=self.service[code], objectives=words.sentence(8, 20),
                          expected_results=words.sentence(6, 16) if rng.random() < 0.8 else "",
                          created_by=plan.created_by, updated_by=plan.created_by)
            for plan in self.plan_list for code in SERVICE_CODES])
        steps, links = [], []
        for plan, (dossier, _) in zip(self.plan_list, keys, strict=True):
            start, end = plan.period_start, plan.period_end
            pool = []  # (date, kind, pk) of the dossier's records in the year
            for kind, index in indexes.items():
                entries = index.get(dossier.pk, [])
                lo = bisect.bisect_left(entries, (start, 0))
                hi = bisect.bisect_right(entries, (end, float("inf")))
                pool.extend((day, kind, pk) for day, pk in entries[lo:hi])
            pool.sort()
            for order in range(1, rng.randint(6, 10) + 1):
                responsible = rng.choices(SERVICE_CODES, weights=(5, 2, 2, 1))[0]
                supporting = rng.sample([c for c in SERVICE_CODES if c != responsible],
                                        rng.choice((0, 1, 1, 2)))
                due = start + dt.timedelta(days=rng.randrange((end - start).days + 1))
                if due < self.today:
                    status = rng.choices(("done", "under_way", "dropped", "planned"),
                                         weights=(70, 15, 10, 5))[0]
                else:
                    status = rng.choices(("planned", "under_way"), weights=(6, 4))[0]
                people = self.staff_by_service.get(responsible) or self.staff
                steps.append(PlanStep(
                    plan=plan, order=order, title=words.sentence(3, 8).rstrip("."),
                    description=words.sentence(10, 30) if rng.random() < 0.7 else "",
                    responsible_service=self.service[responsible],
                    responsible_person=rng.choice(people) if rng.random() < 0.85 else None,
                    due_date=due, status=status, created_by=plan.created_by,
                    updated_by=plan.created_by))
                # The work: records of the year up to the due date (the whole year if too few).
                before = [r for r in pool if r[0] <= due]
                candidates = before if len(before) >= 5 else pool
                flagged = rng.random() < 1 / 7
                if flagged:  # nothing by the responsible service
                    candidates = [r for r in candidates
                                  if responsible not in self.services_of[(r[1], r[2])]]
                ours = [r for r in candidates
                        if self.services_of[(r[1], r[2])] & {responsible, *supporting}]
                k = rng.randint(5, 50)
                picked = set(self.some(ours, round(k * 0.7)))
                picked.update(self.some([r for r in candidates if r not in picked], k - len(picked)))
                if not flagged and not any(responsible in self.services_of[(r[1], r[2])]
                                           for r in picked):
                    own = [r for r in candidates if responsible in self.services_of[(r[1], r[2])]]
                    if own:
                        picked.add(rng.choice(own))
                links.append((supporting, sorted(picked),
                              self.some(markers_of.get(dossier.pk, []), rng.choice((0, 0, 1)))))
        self.step_list = self.bulk(PlanStep, steps)
        self.link(PlanStep, "supporting_services", [
            (step, [self.service[c] for c in supporting])
            for step, (supporting, _, _) in zip(self.step_list, links, strict=True)])
        self.link(PlanStep, "progress_markers", [
            (step, markers) for step, (_, _, markers) in zip(self.step_list, links, strict=True)])
        for kind, field in (("contact", "contacts"), ("activity", "activities"),
                            ("output", "outputs")):
            self.link(PlanStep, field, [
                (step, [_Ref(pk) for _, k, pk in records if k == kind])
                for step, (_, records, _) in zip(self.step_list, links, strict=True)])

    def plan_history(self):
        """Issue 10: versions for the target dossier's plans and their parts, as saving them
        through the pages would have left: each plan a draft, then agreed; each objective once;
        each step planned, then (when it moved on) its status now. The rest has no history."""
        from django.utils import timezone

        from hefboom.plans.models import DossierPlan, PlanObjective, PlanStep

        def when(day):
            return timezone.make_aware(dt.datetime.combine(min(day, self.today), dt.time(10)))

        plans = [p for p in self.plan_list if p.dossier_id == self.target.pk]
        pks = {p.pk for p in plans}
        steps = [s for s in self.step_list if s.plan_id in pks]
        objectives = list(PlanObjective.objects.filter(plan__in=pks).select_related("plan")
                          .order_by("pk"))
        for record, created, later in (
                [(p, p.period_start - dt.timedelta(days=30), p.period_start) for p in plans]
                + [(o, o.plan.period_start - dt.timedelta(days=20), None) for o in objectives]
                + [(s, s.plan.period_start - dt.timedelta(days=10), s.due_date) for s in steps]):
            final = record.status if hasattr(record, "status") else None
            record._history_user = record.created_by
            record._history_date = when(created)
            if final is not None and final not in ("draft", "planned"):
                record.status = "draft" if isinstance(record, DossierPlan) else "planned"
                record.write_version(True)
                record.status, record.version = final, 2
                record._history_date = when(max(later, created))
                record.write_version(False)
            else:
                record.write_version(True)
        DossierPlan.objects.bulk_update(plans, ["version"])
        PlanStep.objects.bulk_update(steps, ["version"], batch_size=BATCH)

    def moments(self):
        """Issue 10: about thirty political moments a year over the dossiers, from the first day
        to half a year ahead (those are the steering group's agenda)."""
        from hefboom.plans.models import Moment, MomentKind

        rng = self.integrated_rng
        kinds = MomentKind.values
        weights = [MOMENT_WEIGHTS.get(k, 1) for k in kinds]
        levels = ["federal", "flemish", "walloon", "brussels", "eu", "international"]
        first, last = self.first_day, self.today + dt.timedelta(days=182)
        count = round(30 * ((last - first).days + 1) / 365)
        moments = []  # (moment, dossiers)
        for i in range(count):
            day = first + dt.timedelta(days=rng.randrange((last - first).days + 1))
            kind = rng.choices(kinds, weights=weights)[0]
            length = rng.randint(1, 12) if kind == "summit" else rng.choice((0, 0, 0, 1))
            level = ("international" if kind == "summit" else "" if kind == "campaign"
                     else rng.choice(levels))
            moment = Moment(
                date=day, end_date=day + dt.timedelta(days=length) if length else None,
                title=f"{self.words.name()} {self.words.sentence(2, 6).rstrip('.').lower()}",
                kind=kind, political_level=level,
                url=f"https://example.org/moment/{i}" if rng.random() < 0.4 else "",
                notes=self.words.sentence() if rng.random() < 0.5 else "",
                created_by=rng.choice(self.policy))
            chosen = self.some(self.others, rng.choice((1, 1, 2, 3)))
            if rng.random() < 0.15:  # the target dossier in about one moment in seven
                chosen[0] = self.target
            moments.append((moment, chosen))
        moments.sort(key=lambda pair: pair[0].date)  # stable: the same seed, the same order
        self.moment_list = self.bulk(Moment, [moment for moment, _ in moments])
        self.link(Moment, "dossiers", [(saved, chosen) for saved, (_, chosen)
                                       in zip(self.moment_list, moments, strict=True)])

    def coverage(self):
        """What each contact counts for on the coverage dashboard (bulk_create skips the signals
        that keep it), rebuilt the way `hefboom coverage-rebuild` does."""
        from hefboom.coverage.reach import rebuild

        self.coverage_rows = rebuild()

    def search_index(self):
        """The search index: bulk_create skips the signals that index records, so rebuild it
        the way `hefboom reindex` does."""
        from hefboom.search.indexing import rebuild

        self.search_counts = rebuild()

    def run(self) -> dict:
        steps = ["users", "strategy", "actors", "outcome_mapping", "contacts", "outputs",
                 "activities", "outcomes", "observations", "pathways", "claims", "journals",
                 "narratives", "evaluation", "indicators", "services", "memberships", "partners",
                 "plans", "plan_history", "moments", "coverage", "search_index"]
        self.timings = {}
        for step in steps:
            start = time.perf_counter()
            getattr(self, step)()
            self.timings[step] = time.perf_counter() - start
            self.out(f"  {step:<16} {self.timings[step]:6.1f} s")
        return self.summary()

    def summary(self) -> dict:
        from hefboom.actors.models import Membership
        from hefboom.coverage.models import ContactReach
        from hefboom.evaluation.models import EvaluationQuestion, EvaluationTag
        from hefboom.learning.models import Journal, JournalEntry, Narrative, NarrativeReference
        from hefboom.monitoring.models import (
            Activity,
            ClaimEvidence,
            Contact,
            ContributionClaim,
            ContributionLink,
            Evidence,
            FollowUp,
            Outcome,
            Output,
            ProgressMarkerObservation,
        )
        from hefboom.plans.models import DossierPlan, Moment, PlanObjective, PlanStep
        from hefboom.reporting.models import Indicator, IndicatorPeriod
        from hefboom.search.models import SearchEntry

        target = self.target
        events = {
            "contacts": Contact.objects.filter(dossiers=target).count(),
            "outputs": Output.objects.filter(dossiers=target).count(),
            "activities": Activity.objects.filter(dossiers=target).count(),
            "outcomes": Outcome.objects.filter(dossiers=target).count(),
            "evidence": Evidence.objects.filter(outcome__dossiers=target).count(),
            "observations": ProgressMarkerObservation.objects.filter(
                progress_marker__dossier=target).count(),
        }
        counts = {m._meta.model_name: m.objects.count() for m in (
            Contact, Output, Activity, Outcome, Evidence, ContributionLink, ProgressMarkerObservation,
            ContributionClaim, ClaimEvidence, Journal, JournalEntry, Narrative, NarrativeReference,
            EvaluationQuestion, EvaluationTag, Indicator, IndicatorPeriod, SearchEntry, ContactReach,
            FollowUp, Membership, Contact.services.through, Activity.services.through,
            Output.services.through, Contact.partners.through, Activity.partners.through,
            Output.partners.through, DossierPlan, PlanObjective, PlanStep,
            PlanStep.contacts.through, PlanStep.activities.through, PlanStep.outputs.through,
            Moment)}
        return {"target_dossier": target.pk, "target_events": events, "counts": counts,
                "seconds": dict(self.timings)}


class _Ref:
    """A stand-in with just a pk, for linking to rows known only by primary key."""

    def __init__(self, pk):
        self.pk = pk


def generate(scale: float = 1.0, seed: int = 4, *, force: bool = False, out=print,
             years: int | None = None) -> dict:
    """Fill the (migrated) database; returns the target dossier's pk and the counts."""
    from django.core.management import call_command
    from django.db import transaction

    if holds_data():
        if not force:
            raise SystemExit("The database already holds records; refusing to add benchmark data. "
                             "Use another HEFBOOM_DATA_DIR or DATABASE_URL, or --force to EMPTY it first.")
        out("--force: emptying the database first (flush)")
        call_command("flush", interactive=False, verbosity=0)
    with transaction.atomic():
        return Generator(scale, seed, out, years=years).run()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1 = 100,000 contacts (default)")
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--force", action="store_true",
                        help="EMPTY a database that already holds records, then generate")
    parser.add_argument("--years", type=int, default=None, metavar="N",
                        help=f"put the records in the N whole calendar years before this one "
                             f"(e.g. --years 1 --scale 0.37: ~50,000 records in one year, for "
                             f"benchmarks/report.py); default: the last {YEARS} x 365 days up to "
                             f"today, as before")
    args = parser.parse_args()
    setup_django()
    from django.db import connection

    migrate()
    span = f"{args.years} calendar year(s)" if args.years else f"{YEARS} years"
    print(f"generating at scale {args.scale} (seed {args.seed}, {span}) into {connection.vendor} "
          f"{connection.settings_dict['NAME']}")
    start = time.perf_counter()
    result = generate(args.scale, args.seed, force=args.force, years=args.years)
    if connection.vendor == "postgresql":  # what autovacuum would do soon after a bulk load
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"done in {time.perf_counter() - start:.1f} s (search index: "
          f"{result['seconds']['search_index']:.1f} s)")
    for name, count in result["counts"].items():
        print(f"  {name:<30} {count:>8}")
    events = result["target_events"]
    print(f"target dossier pk={result['target_dossier']} (code {TARGET_CODE}): "
          f"{sum(events.values())} timeline events {events}")


if __name__ == "__main__":
    main()
