"""Verification by word alignment: tolerant to edits, spans that highlight the right words."""

from hefboom.uptake.align import align

OURS = (
    "De bescherming van arbeidsmigranten wordt verbeterd door hen beter te informeren over hun "
    "rechten. Slachtoffers van sociale inbreuken krijgen 180 dagen om een nieuwe baan te vinden."
)


def test_highlight_offsets_point_at_the_same_words_on_both_sides():
    theirs = (
        "Inleiding. De bescherming van arbeidsmigranten wordt verbeterd door hen beter te informeren "
        "over hun rechten. Iets anders."
    )
    alignment = align(OURS, theirs)
    assert alignment is not None
    [(s, e)] = alignment.theirs
    assert theirs[s:e] == (
        "De bescherming van arbeidsmigranten wordt verbeterd door hen beter te informeren over hun rechten"
    )
    [(s, e)] = alignment.ours
    assert OURS[s:e] == theirs[alignment.theirs[0][0] : alignment.theirs[0][1]]
    assert alignment.matched_words == 14 and alignment.longest_match == 14
    assert alignment.our_words == 27 and alignment.share_reused == 14 / 27


def test_inserted_deleted_and_changed_words_are_tolerated_and_not_highlighted():
    theirs = (
        "De bescherming van arbeidsmigranten wordt sterk verbeterd door hen te informeren over al hun "
        "rechten. Slachtoffers van sociale inbreuken krijgen voortaan 180 dagen om een andere baan te vinden."
    )
    alignment = align(OURS, theirs)
    assert alignment is not None
    assert alignment.matched_words == 25  # of 27: "beter" deleted, "nieuwe" changed
    highlighted = " ".join(theirs[s:e] for s, e in alignment.theirs_words)
    for inserted in ("sterk", "al", "voortaan", "andere"):
        assert f" {inserted} " not in f" {highlighted} "
    ours_highlighted = " ".join(OURS[s:e] for s, e in alignment.ours_words).split()
    assert "beter" not in ours_highlighted and "nieuwe" not in ours_highlighted


def test_sentences_in_another_order_are_each_found():
    theirs = (
        "Slachtoffers van sociale inbreuken krijgen 180 dagen om een nieuwe baan te vinden. Verder: de "
        "bescherming van arbeidsmigranten wordt verbeterd door hen beter te informeren over hun rechten."
    )
    alignment = align(OURS, theirs)
    assert alignment is not None and len(alignment.ours) == 2
    assert alignment.share_reused == 1.0


def test_same_topic_without_reuse_is_not_reuse():
    theirs = (
        "De rechten van arbeidsmigranten zijn belangrijk, zegt de minister van Werk, en slachtoffers van "
        "uitbuiting moeten beter beschermd worden door de inspectie."
    )
    assert align(OURS, theirs) is None
    assert align(OURS, "") is None


def test_as_dict_is_json_ready():
    alignment = align(OURS, OURS)
    data = alignment.as_dict()
    assert data["share_reused"] == 1.0 and data["ours"] == [[0, len(OURS) - 1]]
