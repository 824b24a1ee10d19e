"""Which existing person or organisation a free-text name means, so that imports never duplicate.

Imports (legacy Excel, calendars) meet names such as "Min. De Moor", "Nicole De Moor" and
"kabinet De Moor". The first two are one person; the third is the cabinet that person led at
the time. A match is *certain* (use it), *uncertain* (ask the user in a review step) or absent
(propose a new record).
"""

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from django.db.models import Q
from rapidfuzz import fuzz

from hefboom.actors.models import Organisation, OrganisationType, Person

# Titles and functions that precede a name and say nothing about who it is.
TITLES = {
    "min", "minister", "ministre", "vice", "premier", "eerste", "staatssecretaris", "secretaris",
    "secretaire", "d'etat", "etat", "commissaris", "commissaire", "commissioner", "eu", "europees",
    "mevr", "mevrouw", "mw", "dhr", "heer", "de heer", "mr", "mme", "madame", "m", "monsieur",
    "dr", "prof", "ir", "kamerlid", "volksvertegenwoordiger", "vlaams", "parlementslid", "mp",
    "mep", "depute", "deputee", "senator", "senateur", "voorzitter", "president", "burgemeester",
    "schepen", "kabinetschef", "adviseur", "advisor", "conseiller", "conseillere",
}
# Words that make a name an organisation rather than a person.
CABINET_WORDS = {"kabinet", "cabinet", "kab", "beleidscel", "cellule"}
ORGANISATION_WORDS = CABINET_WORDS | {
    "fod", "spf", "ministerie", "departement", "agentschap", "administratie", "dienst",
    "parlement", "kamer", "senaat", "partij", "fractie", "studiedienst", "vzw", "asbl", "ngo",
    "coalitie", "coalition", "commissie", "commission", "raad", "council", "regering",
    "gouvernement", "government", "unie", "union", "vn", "un", "iom", "unhcr", "krant", "redactie",
}

CERTAIN = 92.0
POSSIBLE = 80.0


def normalise(text: str) -> str:
    """Lower case, no accents or punctuation, single spaces: 'Min. N.  De Moor' -> 'min n de moor'."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"[^\w\s'-]", " ", text).replace("-", " ")
    return " ".join(text.split())


def strip_titles(name: str) -> str:
    words = normalise(name).split()
    while words and words[0] in TITLES:
        words.pop(0)
    return " ".join(words)


def looks_like_organisation(name: str) -> bool:
    return any(word in ORGANISATION_WORDS for word in normalise(name).split())


@dataclass
class Match:
    """The best candidate for a name, how sure we are, and the runners-up for a review step."""

    name: str
    found: Person | Organisation | None = None
    score: float = 0.0
    certain: bool = False
    candidates: list[tuple[Person | Organisation, float]] = field(default_factory=list)

    @property
    def needs_review(self) -> bool:
        return self.found is not None and not self.certain


class ActorMatcher:
    """Matches names against the persons and organisations in the database (loaded once)."""

    def __init__(self):
        self.persons = list(Person.objects.prefetch_related("roles__organisation"))
        self.organisations = list(Organisation.objects.all())
        self._by_email = {p.email.casefold(): p for p in self.persons if p.email}
        self._person_names = [(p, normalise(f"{p.first_name} {p.last_name}"), normalise(p.last_name))
                              for p in self.persons]
        self._org_names = [(o, normalise(o.name), normalise(o.short_name)) for o in self.organisations]

    def remember(self, record) -> None:
        """Add a record created during an import, so that later rows match it."""
        if isinstance(record, Person):
            self.persons.append(record)
            if record.email:
                self._by_email[record.email.casefold()] = record
            self._person_names.append(
                (record, normalise(f"{record.first_name} {record.last_name}"),
                 normalise(record.last_name)))
        else:
            self.organisations.append(record)
            self._org_names.append((record, normalise(record.name), normalise(record.short_name)))

    def person(self, name: str, email: str = "") -> Match:
        if email and (found := self._by_email.get(email.strip().casefold())):
            return Match(name, found, 100.0, True, [(found, 100.0)])
        query = strip_titles(name)
        if not query:
            return Match(name)
        words = query.split()
        scored = []
        for person, full, last in self._person_names:
            if len(words) == 1 or query == last:
                # Only a surname ("Min. De Moor"): sure when exactly one person carries it.
                score = 100.0 if query == last else fuzz.ratio(query, last) * 0.9
            else:
                score = fuzz.token_sort_ratio(query, full)
                first_initial = words[0].rstrip(".")
                if (len(first_initial) == 1 and full.startswith(first_initial)
                        and " ".join(words[1:]) == last):
                    score = max(score, 95.0)  # "N. De Moor"
                if query.endswith(last) and last and len(last) > 2 and score < POSSIBLE:
                    score = max(score, 85.0 if query == last else POSSIBLE)
            scored.append((person, score))
        return self._decide(name, scored)

    def organisation(self, name: str, on: dt.date | None = None) -> Match:
        words = normalise(name).split()
        if words and words[0] in CABINET_WORDS:
            # "kabinet De Moor": the cabinet the named person belonged to (on that date).
            holder = self.person(" ".join(words[1:]))
            if holder.found is not None:
                cabinets = [
                    role.organisation for role in holder.found.roles.all()
                    if role.organisation.type == OrganisationType.CABINET
                    and (on is None or ((role.start_date is None or role.start_date <= on)
                                        and (role.end_date is None or role.end_date >= on)))
                ]
                if len(set(cabinets)) == 1:
                    return Match(name, cabinets[0], holder.score, holder.certain,
                                 [(cabinets[0], holder.score)])
        query = normalise(name)
        if not query:
            return Match(name)
        scored = []
        for organisation, full, short in self._org_names:
            score = fuzz.ratio(query, full)
            if short and query == short:
                score = 100.0
            elif short:
                score = max(score, fuzz.ratio(query, short))
            scored.append((organisation, score))
        return self._decide(name, scored)

    @staticmethod
    def _decide(name, scored) -> Match:
        scored = sorted((s for s in scored if s[1] >= POSSIBLE), key=lambda s: -s[1])[:5]
        if not scored:
            return Match(name)
        best, score = scored[0]
        runner_up = scored[1][1] if len(scored) > 1 else 0.0
        certain = score >= CERTAIN and runner_up < CERTAIN
        return Match(name, best, score, certain, scored)


def persons_named(query: str):
    """Persons whose first or last name starts with the words of `query` (for autocomplete)."""
    condition = Q()
    for word in query.split():
        condition &= Q(first_name__istartswith=word) | Q(last_name__istartswith=word) | Q(
            last_name__icontains=f" {word}")
    return Person.objects.filter(condition)
