"""Names in cells to existing records: dossiers, parties, colleagues, progress markers and actors.

Everything is loaded once per import (no query per row). Actors go through
`actors.matching.ActorMatcher` in a fixed order — organisations first, then full names, then bare
surnames — so that "Nicole De Moor", "Min. De Moor" and "kabinet De Moor" in one workbook become
one person and one cabinet, whichever row comes first.
"""

import hashlib
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from hefboom.accounts.models import User
from hefboom.actors.matching import (
    CABINET_WORDS,
    TITLES,
    ActorMatcher,
    looks_like_organisation,
    normalise,
)
from hefboom.actors.models import Organisation, OrganisationType, Person
from hefboom.strategy.models import Dossier, ProgressMarker

SPLIT = re.compile(r"\s*(?:[;\n/|+]|,\s|\s&\s|\sen\s|\set\s|\sand\s)\s*")
PARTICLES = {"de", "van", "der", "den", "vanden", "vander", "ten", "ter", "le", "la", "du", "des",
             "d", "di", "da", "von", "t", "vande", "op", "het", "in"}
FUZZY = 86.0


def split_names(text) -> list[str]:
    return [part.strip(" .,-") for part in SPLIT.split(str(text or "")) if part.strip(" .,-")]


class Lookups:
    """Dossiers, parties, users and progress markers, loaded once and matched by name."""

    def __init__(self):
        self.dossiers = list(Dossier.objects.select_related("theme"))
        self._dossiers = {}
        for dossier in self.dossiers:
            self._dossiers.setdefault(normalise(dossier.code.replace("-", " ")), dossier)
            self._dossiers.setdefault(normalise(dossier.name), dossier)
        self.parties = list(Organisation.objects.filter(type=OrganisationType.PARTY))
        self._parties = {}
        for party in self.parties:
            for name in (party.name, party.short_name):
                if name:
                    self._parties.setdefault(normalise(name), party)
                    self._parties.setdefault(normalise(name).replace(" ", ""), party)  # "nva"
        self.users = list(User.objects.filter(is_active=True))
        self._users = {}
        for user in self.users:
            for name in (user.username, user.get_full_name(), user.job_title, user.email):
                if name:
                    self._users.setdefault(normalise(name), user)
        first_names = {}
        for user in self.users:
            first_names.setdefault(normalise(user.first_name), []).append(user)
        for name, users in first_names.items():
            if name and len(users) == 1:
                self._users.setdefault(name, users[0])
        self.markers = list(ProgressMarker.objects.select_related("boundary_partner"))
        self._cache = {}

    def known_dossiers(self) -> str:
        return ", ".join(f"{d.name} ({d.code})" for d in self.dossiers) or "— (no dossiers yet)"

    def known_parties(self) -> str:
        return ", ".join(p.short_name or p.name for p in self.parties) or "— (no parties yet)"

    def dossiers_in(self, text) -> tuple[list[Dossier], list[str]]:
        found, unknown = [], []
        for part in re.split(r"\s*[;,/\n|]\s*", str(text)):
            if not part.strip():
                continue
            dossier = self._best(("dossier", part), self._dossiers, part)
            if dossier is None:
                unknown.append(part.strip())
            elif dossier not in found:
                found.append(dossier)
        return found, unknown

    def party(self, text):
        return self._best(("party", text), self._parties, text)

    def colleagues(self, text) -> tuple[list[User], list[str]]:
        found, unknown = [], []
        for part in split_names(text):
            user = self._users.get(normalise(part))
            if user is None:
                unknown.append(part)
            elif user not in found:
                found.append(user)
        return found, unknown

    def marker(self, text, partner_text=""):
        key = ("marker", str(text), str(partner_text or ""))
        if key not in self._cache:
            self._cache[key] = self._marker(str(text), str(partner_text or ""))
        return self._cache[key]

    def _marker(self, text, partner_text):
        markers = self.markers
        if partner_text:
            wanted = normalise(partner_text)
            markers = [m for m in markers
                       if fuzz.token_set_ratio(wanted, normalise(m.boundary_partner.name)) >= FUZZY]
        code = re.fullmatch(r"(expect|like|love|lo|li|ex|e|l)\D*(\d+)", normalise(text).replace(" ", ""))
        if code:
            level = {"e": "expect", "ex": "expect", "l": "like", "li": "like", "lo": "love"}.get(
                code.group(1), code.group(1))
            hits = [m for m in markers if m.level == level and m.order == int(code.group(2))]
            return hits[0] if len(hits) == 1 else None
        query = normalise(text)
        scored = sorted(((fuzz.token_sort_ratio(query, normalise(m.statement)), m.pk, m)
                         for m in markers), key=lambda s: (-s[0], s[1]))
        if scored and scored[0][0] >= FUZZY and (len(scored) == 1 or scored[1][0] < scored[0][0]):
            return scored[0][2]
        return None

    def _best(self, key, index: dict, text):
        if key in self._cache:
            return self._cache[key]
        query = normalise(str(text))
        found = index.get(query) or index.get(query.replace(" ", ""))
        if found is None and query:
            scored = sorted(((fuzz.token_sort_ratio(query, name), name) for name in index),
                            reverse=True)
            if scored and scored[0][0] >= FUZZY and (
                    len(scored) == 1 or index[scored[1][1]] == index[scored[0][1]]
                    or scored[1][0] < scored[0][0]):
                found = index[scored[0][1]]
        self._cache[key] = found
        return found


@dataclass
class ActorEntry:
    key: str
    kind: str  # "person" or "organisation"
    name: str
    email: str = ""
    on: object = None
    status: str = ""  # matched, new, review, surname_only, skip
    uncertain: bool = False  # the matcher was not sure: the user decides (or has decided)
    record: Person | Organisation | None = None
    candidates: list = field(default_factory=list)  # (record, score)
    places: list = field(default_factory=list)  # (sheet, row, column)

    @property
    def id(self) -> str:
        return hashlib.sha1(self.key.encode()).hexdigest()[:12]  # noqa: S324 - not security


def token(record, book) -> str:
    return f"use:{record.pk}" if record.pk else f"use:@{book.new_ids[id(record)]}"


class ActorBook:
    """Every person and organisation named in the workbook, matched once."""

    def __init__(self):
        self.entries: dict[str, ActorEntry] = {}
        self.new_ids: dict[int, str] = {}

    def add(self, name: str, *, kind: str = "", email: str = "", on=None, place=()) -> str:
        kind = kind or ("organisation" if looks_like_organisation(name) else "person")
        key = f"{kind}:{normalise(name)}"
        if kind == "person" and email:
            key += f"|{email.strip().casefold()}"
        if kind == "organisation" and on and normalise(name).split()[0] in CABINET_WORDS:
            key += f"@{on.isoformat()}"  # "kabinet X" means X's cabinet on that day
        entry = self.entries.get(key)
        if entry is None:
            entry = self.entries[key] = ActorEntry(key, kind, name.strip(), email.strip(), on)
        entry.places.append(place)
        return key

    def resolve(self, decisions: dict, policy: str = "") -> None:
        matcher = ActorMatcher()
        new_by_name = {}
        organisations = [e for e in self.entries.values() if e.kind == "organisation"]
        persons = [e for e in self.entries.values() if e.kind == "person"]
        full_names = [e for e in persons if not _surname_only(e.name)]
        surnames = [e for e in persons if _surname_only(e.name)]
        for entry in organisations + full_names + surnames:
            if entry.kind == "organisation":
                match = matcher.organisation(entry.name, on=entry.on)
            else:
                match = matcher.person(entry.name, entry.email)
            entry.candidates = match.candidates
            if match.certain:
                entry.status, entry.record = "matched", match.found
            elif match.needs_review:
                entry.status, entry.record, entry.uncertain = "review", match.found, True
                choice = decisions.get(entry.id) or {"accept": "use", "create": "create"}.get(policy, "")
                self._decide(entry, choice)
            else:
                entry.status = "new"
            if entry.status == "new":
                name_key = (entry.kind, strip_titles_keep_case(entry.name).casefold())
                if name_key in new_by_name:
                    entry.record = new_by_name[name_key]
                elif entry.kind == "person" and _surname_only(entry.name):
                    entry.status, entry.record = "surname_only", None
                    continue
                else:
                    entry.record = new_by_name[name_key] = self._new(entry)
                    self.new_ids[id(entry.record)] = entry.id
                    matcher.remember(entry.record)

    def _decide(self, entry: ActorEntry, choice: str) -> None:
        if choice == "skip":
            entry.status, entry.record = "skip", None
        elif choice == "create":
            entry.status = "new"
        elif choice.startswith("use"):
            chosen = [r for r, _score in entry.candidates if choice in ("use", token(r, self))]
            if chosen:
                entry.status, entry.record = "matched", chosen[0]

    @staticmethod
    def _new(entry: ActorEntry):
        name = strip_titles_keep_case(entry.name)
        if entry.kind == "person":
            first, _, last = name.partition(" ")
            return Person(first_name=first[:100], last_name=last[:100], email=entry.email)
        name = name if looks_like_organisation(name) else entry.name.strip()
        return Organisation(name=name[:1].upper() + name[1:200], type=guess_type(name))

    def record(self, key):
        return self.entries[key].record

    def new_records(self) -> list:
        seen, records = set(), []
        for entry in self.entries.values():
            if entry.status == "new" and entry.record is not None and id(entry.record) not in seen:
                seen.add(id(entry.record))
                records.append(entry.record)
        return records

    def pending(self) -> list[ActorEntry]:
        return [e for e in self.entries.values() if e.status == "review"]


def strip_titles_keep_case(name: str) -> str:
    words = name.replace(".", ". ").split()
    while words and normalise(words[0]) in TITLES:
        words.pop(0)
    return " ".join(words)


def _surname_only(name: str) -> bool:
    words = strip_titles_keep_case(name).split()
    return len(words) < 2 or normalise(words[0]) in PARTICLES


TYPE_WORDS = [
    (OrganisationType.CABINET, CABINET_WORDS),
    (OrganisationType.RESEARCH_SERVICE, {"studiedienst"}),
    (OrganisationType.PARLIAMENTARY_GROUP, {"fractie", "groupe"}),
    (OrganisationType.ADMINISTRATION, {"fod", "spf", "ministerie", "departement", "agentschap",
                                       "administratie", "dienst"}),
    (OrganisationType.PARLIAMENT, {"parlement", "kamer", "senaat"}),
    (OrganisationType.PARTY, {"partij"}),
    (OrganisationType.MEDIA, {"krant", "redactie"}),
    (OrganisationType.INTERNATIONAL_BODY, {"vn", "un", "iom", "unhcr", "commissie", "commission",
                                           "council", "raad", "unie", "union"}),
    (OrganisationType.COALITION, {"coalitie", "coalition"}),
    (OrganisationType.MEMBER_ORGANISATION, {"vzw", "asbl", "ngo"}),
]


def guess_type(name: str) -> str:
    words = set(normalise(name).split())
    for org_type, type_words in TYPE_WORDS:
        if words & type_words:
            return org_type
    return OrganisationType.OTHER

