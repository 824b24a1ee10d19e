"""The ParlaMint source: the real Belgian samples ingest completely, party as of the date, bad TEI."""

import csv
import re
from pathlib import Path

import pytest

from hefboom.listening.ingest import ingest
from hefboom.listening.sources import SourceError, get_source

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[4]
# The real ParlaMint-BE samples (CC BY 4.0): a copy in the repository if there is one, else the
# shared data folder of the workplace.
PLACES = (REPO / "tests" / "data" / "parlamint-be", REPO / "shared" / "data" / "parlamint-be",
          Path("/work/shared/data/parlamint-be"))
SAMPLES = next((p for p in PLACES if p.is_dir()), PLACES[0])
needs_samples = pytest.mark.skipif(not SAMPLES.is_dir(), reason="ParlaMint-BE samples not present")
TEI_NS = "http://www.tei-c.org/ns/1.0"


def sessions():
    return sorted(p for p in SAMPLES.glob("20*/ParlaMint-BE_*.xml") if not p.name.endswith(".ana.xml"))


def utterances_in_tei() -> set[str]:
    """Counted independently of the reader: every <u xml:id=…> in the Dutch/French sessions."""
    found = set()
    for path in sessions():
        found.update(re.findall(r'<u\b[^>]*\bxml:id="([^"]+)"', path.read_text()))
    return found


def official_meta() -> dict[str, dict]:
    rows = {}
    for path in SAMPLES.glob("20*/ParlaMint-BE_*-meta.tsv"):
        if path.name.endswith(("-ana-meta.tsv", "-meta-en.tsv")):
            continue
        with open(path, newline="") as handle:
            rows.update({row["ID"]: row for row in csv.DictReader(handle, delimiter="\t")})
    return rows


@needs_samples
def test_the_samples_ingest_completely_with_speaker_and_party(store):
    expected = utterances_in_tei()
    assert len(expected) == 12  # 4 per session, as the samples' README says
    result = ingest("parlamint", [SAMPLES], steps=[], progress=False)
    assert (result.read, result.new) == (12, 12)
    rows = store.connect().execute(
        "SELECT external_id, author, author_ref, party, role, lang_declared, published, session, "
        "json_extract_string(meta, '$.party_from') FROM items").fetchall()
    assert {r[0] for r in rows} == expected
    meta = official_meta()
    for external_id, author, author_ref, party, _role, lang, published, session, party_from in rows:
        official = meta[external_id]
        assert author_ref == "#" + official["Speaker_ID"]
        assert author == " ".join(reversed(official["Speaker_name"].split(", ")))
        assert published.date().isoformat() == official["Date"]
        assert session and lang in ("nl", "fr")
        if official["Speaker_party"] != "-":
            assert party == official["Speaker_party"], external_id
            assert party_from == "affiliation"
    by_id = {r[0].rsplit("-", 1)[-1]: r for r in rows}
    # Sammy Mahdi on 17 June 2020: listPerson has no party for him that day; the transcript's
    # speaker note "01.02 Sammy Mahdi (CD&V):" has, and so the item has.
    assert by_id["ic210x.u2"][3:5] == ("CD&V", "MP") and by_id["ic210x.u2"][8] == "speaker note"
    # Mathieu Michel, secretary of state in 2022: a government member, no party in the corpus.
    assert by_id["ic862x.u6"][3:5] == (None, "minister")
    assert by_id["ip165x.u1"][4] == "chair"
    again = ingest("parlamint", [SAMPLES], steps=[], progress=False)
    assert (again.read, again.new) == (12, 0)


@needs_samples
def test_the_root_file_and_the_session_files_give_the_same_utterances():
    source = get_source("parlamint")
    by_root = source.inputs([SAMPLES / "ParlaMint-BE.xml"])  # includes missing taxonomies: absent
    by_files = source.inputs(sessions())
    assert [i.location for i in by_root] == [str(p) for p in sessions()]
    assert sorted(i.location for i in by_files) == sorted(i.location for i in by_root)
    english = SAMPLES / "2020" / "ParlaMint-BE-en_2020-06-17-55-commissie-ic210x.ana.xml"
    with pytest.raises(SourceError, match="no ParlaMint session files"):
        source.inputs([english])  # machine translations are not separate utterances


def write_corpus(folder: Path, body: str, date: str, name: str = "ParlaMint-XX_session.xml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ParlaMint-XX-listOrg.xml").write_text(f"""<listOrg xmlns="{TEI_NS}">
      <org xml:id="party.A" role="politicalParty"><orgName full="abb">PA</orgName></org>
      <org xml:id="party.B" role="politicalParty"><orgName full="abb">PB</orgName></org>
      <org xml:id="gov" role="government"><orgName full="yes">Regering</orgName></org>
    </listOrg>""")
    (folder / "ParlaMint-XX-listPerson.xml").write_text(f"""<listPerson xmlns="{TEI_NS}">
      <person xml:id="JanssensAn"><persName><forename>An</forename><surname>Janssens</surname></persName>
        <affiliation ref="#party.A" role="member" from="2015-01-01" to="2018-12-31"/>
        <affiliation ref="#party.B" role="member" from="2019-01-01"/>
        <affiliation ref="#gov" role="minister" from="2021-01-01"/></person>
    </listPerson>""")
    path = folder / name
    path.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="{TEI_NS}" xml:id="{path.stem}" xml:lang="nl"><teiHeader><fileDesc><titleStmt>
<meeting ana="#parla.plenary" n="1">Plenaire vergadering</meeting></titleStmt>
<sourceDesc><bibl><title xml:lang="nl">Vergadering</title><date when="{date}">{date}</date></bibl>
</sourceDesc></fileDesc></teiHeader><text><body><div>{body}</div></body></text></TEI>""")
    return path


def utterance(n: int, text: str = "Dank u, voorzitter.") -> str:
    return (f'<note type="editorial" xml:lang="nl">0{n} Vraag van An Janssens over "de begroting"</note>'
            f'<u xml:id="s.u{n}" who="#JanssensAn" ana="#regular"><seg xml:lang="nl">{text}</seg></u>')


def test_the_party_is_the_one_the_speaker_had_on_the_session_date(tmp_path):
    source = get_source("parlamint")
    rows = []
    for date in ("2017-05-04", "2020-02-03", "2022-09-01"):
        path = write_corpus(tmp_path / date, utterance(1), date)
        rows.extend(item for i in source.inputs([path]) for item in source.read(i))
    assert [(r["party"], r["party_ref"], r["role"]) for r in rows] == [
        ("PA", "#party.A", "MP"), ("PB", "#party.B", "MP"), ("PB", "#party.B", "minister")]
    assert rows[0]["author"] == "An Janssens"
    assert rows[0]["agenda"] == '01 Vraag van An Janssens over "de begroting"'
    assert rows[0]["text"] == "Dank u, voorzitter."


def test_malformed_tei_names_the_file_and_the_line(tmp_path):
    path = write_corpus(tmp_path, utterance(1) + "<u xml:id='s.u2'><seg>open", "2020-01-01")
    source = get_source("parlamint")
    with pytest.raises(SourceError, match=r"ParlaMint-XX_session\.xml.*not well-formed.*line \d+"):
        list(source.read(source.inputs([path])[0]))


def test_a_tei_file_declaring_entities_is_refused_unread(store, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("password")
    path = write_corpus(tmp_path, utterance(1, "&xxe;"), "2020-01-01")
    text = path.read_text().replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "file://{secret}">]>')
    path.write_text(text)
    with pytest.raises(SourceError, match="declares entities"):
        ingest("parlamint", [path], steps=[], progress=False)
    assert store.count() == 0


def test_a_file_that_is_not_tei_is_refused_with_its_root_element(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text("<rss><channel/></rss>")
    with pytest.raises(SourceError, match=r"feed\.xml is not ParlaMint TEI: its root element is <rss>"):
        get_source("parlamint").inputs([path])
