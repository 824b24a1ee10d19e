"""Trend, drill-down and export queries, checked against the same numbers computed in Python."""

import datetime as dt
from collections import defaultdict

import pytest

from hefboom.listening import queries
from hefboom.listening.queries import Scope, period_start
from hefboom.listening.tests import corpus


def _expected(rows, dossier, grain, key=lambda r: None):
    counts, sums, scored = defaultdict(int), defaultdict(float), defaultdict(int)
    for row in rows:
        if dossier not in row["dossiers"]:
            continue
        point = (period_start(row["published"].date(), grain), key(row))
        counts[point] += 1
        if row["sentiment"] is not None:
            sums[point] += row["sentiment"]
            scored[point] += 1
    return {p: (counts[p], sums[p] / scored[p] if scored[p] else None) for p in counts}


@pytest.mark.parametrize("grain", ["week", "month", "year"])
def test_volume_and_mean_sentiment_per_period_match_a_count_in_python(corpus_items, dossier, grain):
    trend = queries.trend(Scope(dossier=dossier.pk, grain=grain), "sentiment")
    got = {(p.period, p.group): (p.items, p.mean_sentiment) for p in trend.points}
    expected = _expected(corpus_items, dossier.pk, grain)
    assert got.keys() == expected.keys()
    for point, (n, mean) in expected.items():
        assert got[point][0] == n
        assert got[point][1] == pytest.approx(mean, abs=1e-4)
    assert trend.total == sum(n for n, _m in expected.values())
    assert trend.tiers == {"lexicon": sum(1 for r in corpus_items
                                          if dossier.pk in r["dossiers"] and r["sentiment"] is not None)}


def test_a_trend_sliced_by_party_counts_each_party_apart(corpus_items, dossier):
    trend = queries.trend(Scope(dossier=dossier.pk, grain="year", by="party"))
    got = {(p.period, p.group): p.items for p in trend.points}
    expected = _expected(corpus_items, dossier.pk, "year", key=lambda r: r["party"] or "")
    assert got == {k: n for k, (n, _m) in expected.items() if k[1] in trend.groups}
    assert "N-VA" in trend.groups and "" in trend.groups  # posts and articles have no party


def test_frames_over_time_count_each_frame(corpus_items, dossier):
    trend = queries.trend(Scope(dossier=dossier.pk, grain="year"), "frames")
    got = {(p.period, p.group): p.items for p in trend.points}
    expected = defaultdict(int)
    for row in corpus_items:
        if dossier.pk in row["dossiers"]:
            for frame in row["frames"]:
                expected[(dt.date(row["published"].year, 1, 1), frame)] += 1
    assert got == dict(expected)


def test_the_texts_behind_a_point_are_exactly_that_points_texts_newest_first(corpus_items, dossier):
    trend = queries.trend(Scope(dossier=dossier.pk, grain="month", by="speaker"))
    point = max(trend.points, key=lambda p: p.items)
    scope = Scope(dossier=dossier.pk, grain="month", by="speaker").point(point.period, point.group)
    rows, total = [], None
    for page in (1, 2, 3, 4):
        part, total = queries.items_at(scope, page=page, page_size=1)
        rows += part
    assert total == point.items > 1
    assert len(rows) == total
    assert all(r["author"] == point.group and period_start(r["published"].date(), "month") == point.period
               for r in rows)
    assert [r["published"] for r in rows] == sorted((r["published"] for r in rows), reverse=True)


def test_hostile_input_is_a_value_not_sql(corpus_items, dossier):
    scope = Scope(dossier=dossier.pk, by="party", group="x' OR '1'='1")
    assert queries.items_at(scope) == ([], 0)


def test_export_holds_every_text_of_the_scope(corpus_items, dossier):
    names, rows = queries.items_for_export(Scope(dossier=dossier.pk, date_from=dt.date(2023, 1, 1),
                                                 date_to=dt.date(2023, 12, 31)))
    expected = [r for r in corpus_items if dossier.pk in r["dossiers"] and r["published"].year == 2023]
    assert len(rows) == len(expected) > 0
    assert {row[names.index("id")] for row in rows} == {r["id"] for r in expected}


def test_who_mentions_the_organisation_counts_texts_per_author(corpus_items, dossier):
    rows = queries.own_mentions(Scope(dossier=dossier.pk), limit=100)
    expected = defaultdict(int)
    for row in corpus_items:
        if dossier.pk in row["dossiers"] and any(m["kind"] in ("organisation", "report")
                                                 for m in row["mentions"]):
            expected[(row["author"], row["party"], row["source"])] += 1
    assert {(r["author"], r["party"], r["source"]): r["n"] for r in rows} == dict(expected)


def test_an_empty_store_gives_empty_answers(items_dir, dossier):
    assert queries.trend(Scope(dossier=dossier.pk)).points == []
    assert queries.items_at(Scope(dossier=dossier.pk)) == ([], 0)
    assert queries.own_mentions(Scope()) == []


def test_files_of_several_batches_are_read_together(items_dir, dossier):
    corpus.write(items_dir, [corpus.item(1, dossiers=[dossier.pk])], "a")
    corpus.write(items_dir, [corpus.item(2, dossiers=[dossier.pk])], "b")
    assert queries.trend(Scope(dossier=dossier.pk)).total == 2


def test_grain_and_slice_names_are_checked():
    with pytest.raises(ValueError):
        Scope(grain="day; DROP TABLE items")
    with pytest.raises(ValueError):
        Scope(by="text")
