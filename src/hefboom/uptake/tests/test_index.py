"""Candidate generation: fingerprints found in any order, boilerplate down-weighted."""

from hefboom.uptake import index as index_module
from hefboom.uptake.index import ReuseIndex
from hefboom.uptake.types import Passage

OURS = [
    Passage(
        "output:1:p1",
        "Arbeidsmigranten krijgen de mogelijkheid om deel te nemen aan vrijwillige "
        "inburgeringstrajecten in elk gewest.",
        None,
        doc_key="output:1",
    ),
    Passage(
        "output:2:p1",
        "De behandelingstermijnen voor gecombineerde vergunningen worden verkort en "
        "regelmatig gemonitord door de overheden.",
        None,
        doc_key="output:2",
    ),
]


def test_a_reordered_passage_is_still_a_candidate_and_an_unrelated_one_is_not():
    idx = ReuseIndex.build(OURS)
    reordered = (
        "Regelmatig gemonitord door de overheden: de behandelingstermijnen voor gecombineerde "
        "vergunningen worden verkort."
    )
    assert [key for key, _ in idx.candidates(reordered)] == ["output:2:p1"]
    assert idx.candidates("Het weer is vandaag mooi in Brussel en de zon schijnt.") == []


def test_fingerprints_common_to_many_policy_paragraphs_lose_their_weight(monkeypatch):
    monkeypatch.setattr(index_module, "DF_CEILING_MIN", 10)
    idx = ReuseIndex.build(OURS)
    boiler = "Arbeidsmigranten krijgen de mogelijkheid om hun dossier te volgen."  # 3 shared shingles
    first = idx.scan([boiler])
    assert list(first.passage) == [0]
    # the same phrase in many paragraphs: its fingerprints pass the ceiling and no longer count
    idx.scan([boiler] * 50)
    again = idx.scan([boiler])
    assert len(again.passage) == 0
    weights = idx.weights()
    assert weights.min() == 0.0 and weights.max() == 1.0


def test_boilerplate_of_our_own_documents_is_dropped_from_the_index():
    phrase = "in het kader van de uitvoering van het regeerakkoord"
    ours = [
        Passage(f"output:{i}:p1", f"{phrase} en nog iets {i}", None, doc_key=f"output:{i}") for i in range(12)
    ]
    idx = ReuseIndex.build(ours, our_df_ceiling=10)
    assert idx.dropped_boilerplate > 0
    assert idx.candidates(f"Zoals gezegd {phrase}.") == []
