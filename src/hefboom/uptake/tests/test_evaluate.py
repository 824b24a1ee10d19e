"""The evaluation metrics on hand-made cases, and the targets on the shipped evaluation set."""

import math

import pytest

from hefboom.uptake.evaluate import case_scores, char_scores, evaluate, format_table


def test_case_scores_count_wrong_sources_and_negatives_as_false_positives():
    truth = {"c1": "s1", "c2": "s2", "c3": None}
    scores = case_scores(truth, {("c1", "s1"), ("c2", "s1"), ("c3", "s3")})
    assert (scores["tp"], scores["fn"], scores["fp"]) == (1, 1, 2)
    assert scores["precision"] == pytest.approx(1 / 3) and scores["recall"] == 0.5


def test_char_scores_follow_pan():
    truth = [{"case": "c1", "source": "s1", "span": (0, 10), "source_span": (0, 10)}]
    # half of the case text and all of the source, plus 10 characters outside the case text
    detections = [{"case": "c1", "source": "s1", "spans": [(5, 20)], "source_spans": [(0, 10)]}]
    scores = char_scores(truth, detections)
    assert scores["char_recall"] == pytest.approx(15 / 20)
    assert scores["char_precision"] == pytest.approx(15 / 25)
    assert scores["granularity"] == 1.0
    f1 = 2 * 0.6 * 0.75 / 1.35
    assert scores["plagdet"] == pytest.approx(f1)
    # the same case found in two pieces: granularity 2 halves plagdet's log term
    split = [{"case": "c1", "source": "s1", "spans": [(0, 5), (5, 10)], "source_spans": [(0, 10)]}]
    scores = char_scores(truth, split)
    assert scores["granularity"] == 2.0 and scores["plagdet"] == pytest.approx(1 / math.log2(3))


def test_same_language_targets_hold_on_the_evaluation_set():
    rows = {row["edit"]: row for row in evaluate(crosslingual=False)}
    same = rows["same-language"]
    assert same["recall"] >= 0.95 and same["precision"] >= 0.95
    for edit in (
        "verbatim",
        "light",
        "insertion",
        "deletion",
        "substitution",
        "reordering",
        "splitting",
        "merging",
    ):
        assert rows[edit]["recall"] >= 0.95, edit
    assert rows["negative"]["fp"] == 0
    assert "same-language" in format_table(list(rows.values()))
