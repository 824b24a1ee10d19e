"""One workbook row to one unsaved record (a Draft), with a problem for every bad cell.

A row is read completely even after its first problem, so that the dry run lists everything that
needs fixing at once.
"""

import hashlib
import json
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from hefboom.actors.matching import normalise
from hefboom.actors.models import PoliticalLevel
from hefboom.imports.excel import fields as F
from hefboom.imports.excel.errors import Problem
from hefboom.imports.excel.reader import DateProblem, display, parse_date, parse_period
from hefboom.imports.excel.resolve import split_names
from hefboom.monitoring.models import (
    ChangeType,
    Channel,
    Confidentiality,
    Contact,
    Outcome,
    Output,
    OutputType,
    ProgressMarkerObservation,
    Rating,
)

CHANNELS = F.word_index(F.CHANNEL_WORDS)
OUTPUT_TYPES = F.word_index(F.OUTPUT_TYPE_WORDS)
CHANGE_TYPES = F.word_index(F.CHANGE_TYPE_WORDS)
RATINGS = F.word_index(F.RATING_WORDS)
LEVELS = F.word_index(F.LEVEL_WORDS)


@dataclass
class Draft:
    kind: str
    sheet: str
    row: int
    record: object
    links: dict = field(default_factory=dict)  # many-to-many name -> records
    actor_links: dict = field(default_factory=dict)  # many-to-many name -> ActorBook keys
    evidence: str = ""
    follow_up: str = ""  # a contact's follow-up text: becomes a FollowUp when written
    row_hash: str = ""
    status: str = "create"  # create, already, skip
    columns: dict = field(default_factory=dict)  # model field -> header, to place problems


class Row:
    def __init__(self, sheet: str, number: int, cells: dict, ctx):
        self.sheet, self.number, self.cells, self.ctx = sheet, number, cells, ctx
        self.problems: list[Problem] = []

    def raw(self, name):
        return self.cells.get(name, (None, None))[1]

    def text(self, name) -> str:
        return display(self.raw(name))

    def problem(self, code, name, **params):
        header, value = self.cells.get(name, ("", None))
        self.problems.append(Problem(code, self.sheet, self.number, header or "",
                                     display(value)[:200], params))

    def required(self, name, label) -> str:
        text = self.text(name)
        if not text:
            self.problem("E201", name, field=str(label))
        return text

    def date(self, name, label):
        value = self.raw(name)
        if value is None:
            self.problem("E201", name, field=str(label))
            return None
        try:
            return parse_date(value)
        except DateProblem as problem:
            self.problem(problem.code, name, suggestion=problem.suggestion)
            return None

    def choice(self, name, index: dict, choices, default=""):
        text = self.text(name)
        if not text:
            return default
        key = normalise(text)
        labels = {normalise(str(label)): value for value, label in choices.choices}
        found = index.get(key) or labels.get(key) or (key if key in choices.values else None)
        if found is None:
            scored = max(((fuzz.ratio(key, word), value) for word, value in index.items()),
                         default=(0, None))
            found = scored[1] if scored[0] >= 88 else None
        if found is None:
            self.problem("E207", name, field=str(self.ctx.field_label(name)),
                         choices=", ".join(str(label) for _v, label in choices.choices))
            return default
        return found

    def boolean(self, name, default):
        key = normalise(self.text(name))
        if not key:
            return default
        if key in F.TRUE_WORDS:
            return True
        if key in F.FALSE_WORDS:
            return False
        self.problem("E213", name)
        return default

    def dossiers(self):
        text = self.text("dossiers")
        if not text:
            self.problem("E201", "dossiers", field=str(F.DOSSIERS.label))
            return []
        found, unknown = self.ctx.lookups.dossiers_in(text)
        for part in unknown:
            self.problems.append(Problem("E205", self.sheet, self.number, self.cells["dossiers"][0],
                                         part, {"known": self.ctx.lookups.known_dossiers()}))
        return found

    def party(self):
        text = self.text("party")
        parties = []
        for part in split_names(text):
            party = self.ctx.lookups.party(part)
            if party is None:
                self.problems.append(Problem("E206", self.sheet, self.number, self.cells["party"][0],
                                             part, {"known": self.ctx.lookups.known_parties()}))
            else:
                parties.append(party)
        return parties

    def actors(self, name, *, kind="", email="", on=None) -> tuple[list[str], list[str]]:
        """Book keys of the persons and of the organisations named in a cell."""
        persons, organisations = [], []
        header = self.cells.get(name, ("", None))[0]
        names = split_names(self.text(name))
        for part in names:
            key = self.ctx.book.add(part, kind=kind, email=email if len(names) == 1 else "", on=on,
                                    place=(self.sheet, self.number, header))
            (persons if key.startswith("person:") else organisations).append(key)
        return persons, organisations


def row_hash(kind: str, row: Row) -> str:
    content = {name: _normal(value) for name, (_header, value) in row.cells.items()
               if value not in (None, "")}
    return hashlib.sha256(json.dumps([kind, sorted(content.items())]).encode()).hexdigest()


def _normal(value) -> str:
    try:
        if not isinstance(value, str | bool):
            return parse_date(value).isoformat()
    except DateProblem:
        pass
    return " ".join(display(value).split()).casefold()


def build_contact(row: Row) -> Draft:
    ctx = row.ctx
    day = row.date("date", F.DATE.label)
    contact = Contact(
        date=day,
        channel=row.choice("channel", CHANNELS, Channel, Channel.MEETING),
        is_formal=row.boolean("formal", True),
        summary=row.required("summary", F.CONTACT.field("summary").label),
        arguments=row.text("arguments"),
        their_position=row.text("their_position"),
        confidentiality=(Confidentiality.CONFIDENTIAL if row.boolean("confidential", False)
                         else Confidentiality.NORMAL),
    )
    participants = [ctx.user] if ctx.user else []
    if row.text("our_participants"):
        found, unknown = ctx.lookups.colleagues(row.text("our_participants"))
        for part in unknown:
            row.problems.append(Problem("W214", row.sheet, row.number,
                                        row.cells["our_participants"][0], part))
        participants = found or participants
    persons, person_orgs = row.actors("persons", email=row.text("email"), on=day)
    _none, organisations = row.actors("organisations", kind="organisation", on=day)
    return Draft("contact", row.sheet, row.number, contact,
                 links={"our_participants": participants, "dossiers": row.dossiers(),
                        "organisations": row.party()},
                 actor_links={"persons": persons, "organisations": person_orgs + organisations},
                 follow_up=row.text("follow_up"))


def build_output(row: Row) -> Draft:
    output = Output(
        date=row.date("date", F.DATE.label),
        title=row.required("title", F.OUTPUT.field("title").label),
        type=row.choice("type", OUTPUT_TYPES, OutputType) if row.required(
            "type", F.OUTPUT.field("type").label) else "",
        url=row.text("url"),
        description=row.text("description"),
    )
    return Draft("output", row.sheet, row.number, output, links={"dossiers": row.dossiers()})


def build_outcome(row: Row) -> Draft:
    day = row.date("date", F.DATE.label)
    description = row.required("description", F.OUTCOME.field("description").label)
    title = row.text("title") or _title_from(description)
    outcome = Outcome(
        title=title, description=description, date=day,
        change_type=row.choice("change_type", CHANGE_TYPES, ChangeType, ChangeType.POLICY_CONTENT),
        political_level=row.choice("political_level", LEVELS, PoliticalLevel),
        significance=row.text("significance"),
        contribution=row.text("contribution"),
    )
    persons, organisations = row.actors("actors", on=day)
    return Draft("outcome", row.sheet, row.number, outcome,
                 links={"dossiers": row.dossiers(), "social_actor_organisations": row.party()},
                 actor_links={"social_actor_persons": persons,
                              "social_actor_organisations": organisations},
                 evidence=row.text("source"))


def build_observation(row: Row) -> Draft:
    marker_text = row.required("progress_marker", F.OBSERVATION.field("progress_marker").label)
    marker = row.ctx.lookups.marker(marker_text, row.text("boundary_partner")) if marker_text else None
    if marker_text and marker is None:
        row.problem("E211", "progress_marker")
    start = end = None
    if row.required("period", F.OBSERVATION.field("period").label):
        try:
            start, end = parse_period(row.raw("period"))
        except DateProblem as problem:
            row.problem(problem.code, "period", suggestion=problem.suggestion)
    rating = ""
    if row.required("rating", F.OBSERVATION.field("rating").label):
        rating = row.choice("rating", RATINGS, Rating)
    observation = ProgressMarkerObservation(period_start=start, period_end=end, rating=rating,
                                            narrative=row.text("narrative"))
    if marker is not None:
        observation.progress_marker = marker
    return Draft("observation", row.sheet, row.number, observation)


def _title_from(description: str, limit: int = 120) -> str:
    first = description.split("\n")[0]
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0] + "…"


BUILDERS = {"contact": build_contact, "output": build_output, "outcome": build_outcome,
            "observation": build_observation}
