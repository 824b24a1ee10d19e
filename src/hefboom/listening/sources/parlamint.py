"""ParlaMint TEI (the CLARIN standard for parliamentary debates): one item per utterance (`u`).

PATH is a corpus folder, a corpus root file (`ParlaMint-XX.xml`, a `teiCorpus` that XIncludes
the sessions and the person and organisation lists) or session files (`TEI`). An include the
root names but that is not there is treated as absent (ParlaMint samples ship partial corpora).
The person and organisation lists come from the root's includes or, for session files given
alone, from `*listPerson.xml` / `*listOrg.xml` in the session's folder or up to three folders
above it.

Per utterance: the speaker's name (from listPerson, the name valid on the session date), party
*as of the session date* (the speaker's dated party or parliamentary-group affiliation; where
listPerson has none for that date, the party the transcript's speaker note names, e.g.
"01.02 Sammy Mahdi (CD&V):", matched to listOrg; `meta.party_from` says which), role (`chair`
from the utterance's `ana`; `minister` when the speaker was a member of the government that day
(ministers and secretaries of state); `MP`
for a regular speaker with a parliament membership or a party that day; else the speaker type,
e.g. `guest`), date, declared language (the `xml:lang` of the utterance's segments when they agree, else of
the utterance), session (the meeting), agenda item (the
latest numbered agenda heading in the transcript's editorial notes with the subjects of the
questions listed under it), and the session's URL at the parliament.

The English machine translations (`ParlaMint-XX-en_…` files, and `-en` roots) are not separate
utterances: they are skipped. A linguistically annotated session (`….ana.xml`) is read only when
its plain `.xml` is not given too; its text is rebuilt from the tokens.
"""

import json
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from django.utils.translation import gettext as _

from hefboom.core.safexml import XMLRefused, parse_file
from hefboom.listening.sources import Input, SourceError, item_id

TEI = "{http://www.tei-c.org/ns/1.0}"
XI = "{http://www.w3.org/2001/XInclude}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PARTY_ROLES = ("politicalParty", "parliamentaryGroup")
GOVERNMENT_ROLES = ("minister", "head", "deputyHead", "member")  # of an org with role government
_AGENDA = re.compile(r"^\d{1,3}(\.\d+)*\s+\S")
_QUOTED = re.compile(r"[\"“«]\s*([^\"”»]+?)\s*[\"”»]")
_NOTE_PARTY = re.compile(r"\(([^()]+)\)\s*:?\s*$")
_HEAD = 4096


def _is_translation(path: Path) -> bool:
    """`ParlaMint-BE-en_…` sessions and the `ParlaMint-BE-en.xml` root: machine translations."""
    return bool(re.search(r"-en[_.]", path.name))


def _root_tag(path: Path) -> str:
    """`TEI`, `teiCorpus`, or something else, from the start of the file (cheap)."""
    with open(path, "rb") as handle:
        head = handle.read(_HEAD).decode("utf-8", "replace")
    match = re.search(r"<(?!\?|!)([\w:.-]+)", head)
    return match.group(1).split(":")[-1] if match else ""


def _parse(path: Path):
    try:
        return parse_file(path, name=str(path)).getroot()
    except XMLRefused as exc:
        raise SourceError(str(exc)) from None


@lru_cache(maxsize=16)
def _load_lists(person_path: str | None, org_path: str | None, _stamp: tuple) -> "Lists":
    return Lists(Path(person_path) if person_path else None, Path(org_path) if org_path else None)


def _in_period(date: str, start: str | None, end: str | None) -> bool:
    if start and date[:len(start)] < start:
        return False
    return not (end and date[:len(end)] > end)


class Lists:
    """listPerson and listOrg, reduced to what an utterance needs."""

    def __init__(self, person_path: Path | None, org_path: Path | None):
        self.orgs: dict[str, dict] = {}
        self.by_abbreviation: dict[str, str] = {}
        self.persons: dict[str, dict] = {}
        if org_path:
            self._read_orgs(_parse(org_path))
        if person_path:
            self._read_persons(_parse(person_path))

    def add_inline(self, root) -> None:
        for org_list in root.iter(f"{TEI}listOrg"):
            self._read_orgs(org_list)
        for person_list in root.iter(f"{TEI}listPerson"):
            self._read_persons(person_list)

    def _read_orgs(self, root) -> None:
        for org in root.iter(f"{TEI}org"):
            org_id = org.get(XML_ID)
            if not org_id:
                continue
            names = {n.get("full"): (n.text or "").strip() for n in org.findall(f"{TEI}orgName")}
            abbreviation = names.get("abb") or names.get("yes") or names.get(None) or org_id
            self.orgs[org_id] = {"role": org.get("role", ""), "abb": abbreviation,
                                 "name": names.get("yes") or abbreviation}
            for key in (abbreviation, org_id):
                self.by_abbreviation.setdefault(_fold(key), org_id)

    def _read_persons(self, root) -> None:
        for person in root.iter(f"{TEI}person"):
            person_id = person.get(XML_ID)
            if not person_id:
                continue
            names = []
            for pers_name in person.findall(f"{TEI}persName"):
                parts = [" ".join((f.text or "").strip() for f in pers_name.findall(f"{TEI}forename")),
                         " ".join((s.text or "").strip() for s in pers_name.findall(f"{TEI}surname"))]
                name = " ".join(p for p in parts if p) or " ".join(pers_name.itertext()).strip()
                names.append((pers_name.get("from"), pers_name.get("to"), " ".join(name.split())))
            affiliations = [(a.get("ref", "").lstrip("#"), a.get("role", ""), a.get("from"), a.get("to"))
                            for a in person.findall(f"{TEI}affiliation")]
            self.persons[person_id] = {"names": names, "affiliations": affiliations}

    def name(self, person_id: str, date: str) -> str | None:
        person = self.persons.get(person_id)
        if not person or not person["names"]:
            return None
        for start, end, name in person["names"]:
            if _in_period(date, start, end):
                return name
        return person["names"][0][2]

    def on_date(self, person_id: str, date: str) -> list[tuple[str, str]]:
        person = self.persons.get(person_id)
        if not person:
            return []
        return [(ref, role) for ref, role, start, end in person["affiliations"]
                if _in_period(date, start, end)]

    def party(self, person_id: str, date: str) -> str | None:
        """The org id of the speaker's party on `date` (a political party before a group)."""
        found = [ref for ref, role in self.on_date(person_id, date)
                 if role == "member" and self.orgs.get(ref, {}).get("role") in PARTY_ROLES]
        found.sort(key=lambda ref: PARTY_ROLES.index(self.orgs[ref]["role"]))
        return found[0] if found else None


def _fold(text: str) -> str:
    return re.sub(r"[\s&._-]+", "", text).casefold()


class ParlaMintSource:
    name = "parlamint"
    dedupe_by_content = False  # "Dank u." said twice is two utterances; ids are stable

    def __init__(self):
        self._lists_of: dict[str, tuple[str | None, str | None, str | None]] = {}

    # --- which files -------------------------------------------------------------------

    def inputs(self, paths) -> list[Input]:
        if not paths:
            raise SourceError(_("Name a ParlaMint corpus folder, its root file or session files."))
        found: dict[str, Input] = {}
        for raw in paths:
            path = Path(raw)
            if not path.exists():
                raise SourceError(_("%(path)s does not exist.") % {"path": raw})
            for session, lists in self._expand(path):
                key = str(session.resolve())
                if key not in found:
                    found[key] = Input(str(session), session.stat().st_size)
                    self._lists_of[str(session)] = lists
        inputs = self._prefer_plain(list(found.values()))
        if not inputs:
            raise SourceError(_("%(paths)s holds no ParlaMint session files (TEI XML files whose root "
                                "element is <TEI>).") % {"paths": ", ".join(map(str, paths))})
        return inputs

    def _expand(self, path: Path):
        if path.is_dir():
            roots = [p for p in sorted(path.glob("*.xml"))
                     if not _is_translation(p) and _root_tag(p) == "teiCorpus"]
            if roots:
                for root in roots:
                    yield from self._from_root(root)
                return
            for candidate in sorted(path.rglob("*.xml")):
                if not _is_translation(candidate) and _root_tag(candidate) == "TEI":
                    yield candidate, self._lists_near(candidate)
            return
        tag = _root_tag(path)
        if tag == "teiCorpus":
            yield from self._from_root(path)
        elif tag == "TEI":
            if _is_translation(path):
                return
            yield path, self._lists_near(path)
        else:
            raise SourceError(_("%(file)s is not ParlaMint TEI: its root element is <%(tag)s>, not "
                                "<TEI> (a session) or <teiCorpus> (a corpus root).") % {
                "file": path, "tag": tag or "?"})

    def _from_root(self, root_path: Path):
        root = _parse(root_path)
        person = org = None
        sessions = []
        for include in root.iter(f"{XI}include"):
            href = include.get("href", "")
            target = (root_path.parent / href)
            if not target.is_file():
                continue  # a missing include is absent, not an error (samples, partial copies)
            if href.endswith("listPerson.xml"):
                person = str(target)
            elif href.endswith("listOrg.xml"):
                org = str(target)
            elif include.getparent().tag == f"{TEI}teiCorpus" and not _is_translation(target):
                sessions.append(target)
        inline = str(root_path) if next(root.iter(f"{TEI}listPerson"), None) is not None else None
        for session in sessions:
            yield session, (person, org, inline)

    @staticmethod
    def _lists_near(session: Path):
        person = org = None
        for folder in [session.parent, *list(session.parents)[1:4]]:
            person = person or next(iter(sorted(folder.glob("*listPerson.xml"))), None)
            org = org or next(iter(sorted(folder.glob("*listOrg.xml"))), None)
            if person and org:
                break
        return (str(person) if person else None, str(org) if org else None, None)

    @staticmethod
    def _prefer_plain(inputs: list[Input]) -> list[Input]:
        plain = {i.location[: -len(".xml")] for i in inputs if not i.location.endswith(".ana.xml")}
        return [i for i in inputs
                if not (i.location.endswith(".ana.xml") and i.location[: -len(".ana.xml")] in plain)]

    # --- reading -----------------------------------------------------------------------

    def _lists(self, location: str) -> Lists:
        person, org, inline = self._lists_of.get(location) or self._lists_near(Path(location))
        stamp = tuple(Path(p).stat().st_mtime_ns for p in (person, org) if p)
        lists = _load_lists(person, org, stamp)
        if inline:
            lists.add_inline(_parse(Path(inline)))
        return lists

    def read(self, item_input: Input) -> Iterator[dict]:
        path = item_input.path
        root = _parse(path)
        if root.tag != f"{TEI}TEI":
            raise SourceError(_("%(file)s is not a ParlaMint session: its root element is not <TEI>.")
                              % {"file": path})
        lists = self._lists(item_input.location)
        session = _Session(root, path)
        for u in root.iter(f"{TEI}u", f"{TEI}note"):
            if u.tag == f"{TEI}note":
                session.note(u)
            else:
                yield session.item(u, lists)


class _Session:
    def __init__(self, root, path: Path):
        self.path = path
        self.tei_id = root.get(XML_ID) or path.stem
        self.lang = root.get(XML_LANG)
        header = root.find(f"{TEI}teiHeader")
        if header is None:
            raise SourceError(_("%(file)s has no <teiHeader>: it is not a complete ParlaMint session.")
                              % {"file": path})
        meetings = header.findall(f"{TEI}fileDesc/{TEI}titleStmt/{TEI}meeting")
        self.term = next((m.get("n") for m in meetings if "#parla.term" in (m.get("ana") or "")), None)
        sitting = [m for m in meetings if "#parla.term" not in (m.get("ana") or "")]
        self.session = " ".join("".join(sitting[0].itertext()).split()) if sitting else self.tei_id
        self.committee = any("#parla.committee" in (m.get("ana") or "") for m in meetings)
        dates = [d.get("when") for d in header.iter(f"{TEI}date") if d.get("when")
                 and d.getparent().tag in (f"{TEI}setting", f"{TEI}bibl")]
        if not dates:
            raise SourceError(_("%(file)s names no session date (<setting><date when=…>): it cannot "
                                "be placed in time.") % {"file": path})
        self.date = dates[0][:10]
        bibl = header.find(f"{TEI}fileDesc/{TEI}sourceDesc/{TEI}bibl")
        self.titles = {}
        self.url = None
        if bibl is not None:
            for title in bibl.findall(f"{TEI}title"):
                self.titles.setdefault(title.get(XML_LANG), " ".join("".join(title.itertext()).split()))
            idno = bibl.find(f"{TEI}idno[@subtype='parliament']")
            self.url = (idno.text or "").strip() if idno is not None else None
        self.speaker_note = None
        self.agenda: dict[str | None, list] = {}  # lang -> [heading, subjects]

    def note(self, note) -> None:
        text = " ".join("".join(note.itertext()).split())
        if note.get("type") == "speaker":
            self.speaker_note = text
        elif _AGENDA.match(text):
            self.agenda[note.get(XML_LANG)] = [text, []]
        elif text.startswith("- ") and note.get(XML_LANG) in self.agenda:
            self.agenda[note.get(XML_LANG)][1].extend(_QUOTED.findall(text))

    def agenda_for(self, lang: str | None) -> str | None:
        entry = self.agenda.get(lang) or next(iter(self.agenda.values()), None)
        if not entry:
            return None
        heading, subjects = entry
        subjects = list(dict.fromkeys(subjects))
        return f"{heading.rstrip(' :')}: {'; '.join(subjects)}" if subjects else heading

    def item(self, u, lists: Lists) -> dict:
        utterance_id = u.get(XML_ID)
        if not utterance_id:
            raise SourceError(_("%(file)s, line %(line)s: an utterance <u> without xml:id; ids are "
                                "needed to resume and deduplicate.")
                              % {"file": self.path, "line": u.sourceline})
        who = (u.get("who") or "").lstrip("#")
        ana = (u.get("ana") or "").split()
        speaker_type = next((a.lstrip("#") for a in ana if a.startswith("#")), None)
        u_lang = u.get(XML_LANG) or self.lang
        segs = u.findall(f"{TEI}seg")
        text = "\n".join(t for t in (_seg_text(s) for s in segs) if t)
        seg_langs = sorted({s.get(XML_LANG) for s in segs if s.get(XML_LANG)})
        # ParlaMint-BE marks many French utterances xml:lang="nl" on <u> and "fr" on every <seg>:
        # the segments' one language, when they agree, is the better statement.
        lang = seg_langs[0] if len(seg_langs) == 1 else u_lang

        party_ref = lists.party(who, self.date) if who else None
        party_from = "affiliation" if party_ref else None
        party = lists.orgs[party_ref]["abb"] if party_ref else None
        if not party and self.speaker_note and (match := _NOTE_PARTY.search(self.speaker_note)):
            written = match.group(1).strip()
            party_ref = lists.by_abbreviation.get(_fold(written))
            party = lists.orgs[party_ref]["abb"] if party_ref else written
            party_from = "speaker note"
        on_date = lists.on_date(who, self.date) if who else []
        government = min((role for ref, role in on_date if role in GOVERNMENT_ROLES
                          and lists.orgs.get(ref, {}).get("role") == "government"),
                         key=GOVERNMENT_ROLES.index, default=None)
        in_parliament = any(lists.orgs.get(ref, {}).get("role") == "parliament" for ref, _r in on_date)
        if speaker_type == "chair":
            role = "chair"
        elif government:
            role = "minister"
        elif speaker_type == "regular" and (in_parliament or party):
            role = "MP"
        else:
            role = speaker_type
        meta = {"tei_id": self.tei_id, "term": self.term, "speaker_type": speaker_type,
                "topic": next((a.split(":", 1)[1] for a in ana if a.startswith("topic:")), None),
                "party_from": party_from,
                "party_name": lists.orgs[party_ref]["name"] if party_ref else None,
                "government_role": government, "speaker_note": self.speaker_note,
                "seg_langs": seg_langs if len(seg_langs) > 1 else None,
                "u_lang": u_lang if u_lang != lang else None}
        self.speaker_note = None
        return {
            "id": item_id("parlamint", utterance_id),
            "source": "parlamint",
            "kind": "speech",
            "channel": "committee" if self.committee else "plenary",
            "external_id": utterance_id,
            "url": self.url,
            "title": self.titles.get(lang) or next(iter(self.titles.values()), None),
            "text": text,
            "published": _timestamp(self.date),
            "author": lists.name(who, self.date) or (who or None),
            "author_ref": f"#{who}" if who else None,
            "party": party,
            "party_ref": f"#{party_ref}" if party_ref else None,
            "role": role,
            "session": self.session,
            "agenda": self.agenda_for(lang),
            "lang_declared": lang,
            "meta": json.dumps({k: v for k, v in meta.items() if v is not None}, ensure_ascii=False),
        }


def _timestamp(date: str):
    import datetime as dt

    return dt.datetime.fromisoformat(date).replace(tzinfo=dt.UTC)


_TOKENS = (f"{TEI}w", f"{TEI}pc")


def _seg_text(seg) -> str:
    """A segment's words: its own text without editorial notes inside it, or, in an annotated
    (.ana) file, its tokens joined as the `join="right"` marks say."""
    tokens = list(seg.iter(*_TOKENS))
    if tokens:
        parts = []
        for token in tokens:
            parts.append(token.text or "")
            if token.get("join") != "right":
                parts.append(" ")
        return " ".join("".join(parts).split())
    parts = [seg.text or ""]
    for child in seg:
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())
