"""Records written back after each batch: idempotent, and alerts only for new things."""

import datetime as dt
from collections import defaultdict

import pytest

from hefboom.listening.models import Alert, DossierWeek, Mention
from hefboom.listening.queries import period_start
from hefboom.listening.records import write_back
from hefboom.listening.tests import corpus

NOW = dt.datetime(2025, 1, 10, 12, tzinfo=dt.UTC)


def _stored(items_dir, rows):
    corpus.write(items_dir, rows, f"b{len(list(items_dir.glob('*.parquet'))) if items_dir.exists() else 0}")
    return rows


def test_writing_the_same_batch_twice_changes_nothing(corpus_items, dossier, report):
    write_back(corpus_items, None, now=NOW)
    counts = (Mention.objects.count(), Alert.objects.count(), DossierWeek.objects.count())
    weeks = list(DossierWeek.objects.values_list("dossier", "week", "items", "mean_sentiment"))
    write_back(corpus_items, None, now=NOW)
    assert (Mention.objects.count(), Alert.objects.count(), DossierWeek.objects.count()) == counts
    assert list(DossierWeek.objects.values_list("dossier", "week", "items", "mean_sentiment")) == weeks
    assert counts[0] > 0 and counts[2] > 0


def test_dossier_weeks_hold_the_counts_of_the_whole_store(corpus_items, dossier):
    half = len(corpus_items) // 2
    write_back(corpus_items[:half], None, now=NOW)  # batch by batch, as ingest does
    write_back(corpus_items[half:], None, now=NOW)
    expected = defaultdict(list)
    for row in corpus_items:
        if dossier.pk in row["dossiers"]:
            expected[period_start(row["published"].date(), "week")].append(row["sentiment"])
    weeks = {w.week: w for w in DossierWeek.objects.filter(dossier=dossier)}
    assert weeks.keys() == expected.keys()
    for week, scores in expected.items():
        scored = [s for s in scores if s is not None]
        assert weeks[week].items == len(scores)
        assert weeks[week].scored == len(scored)
        if scored:
            assert weeks[week].mean_sentiment == pytest.approx(sum(scored) / len(scored), abs=1e-4)
            assert weeks[week].tiers == {"lexicon": len(scored)}


def test_mentions_of_the_organisation_and_its_reports_become_records(corpus_items, report):
    write_back(corpus_items, None, now=NOW)
    expected = sum(1 for r in corpus_items for m in r["mentions"])
    assert Mention.objects.count() == expected
    mention = Mention.objects.filter(target_kind="report").first()
    assert mention.output == report
    assert mention.matched in mention.snippet


def _speech(n, published=NOW, **values):
    values = {"kind": "speech", "source": "parlamint", "agenda": "Vraag van mevrouw Farih over "
              "arbeidsmigratie", "session": "plenum-2025-01-08", "author": "Nawal Farih",
              "party": "cd&v", "text": "Mijn vraag gaat over arbeidsmigratie.",
              "published": published, **values}
    return corpus.item(n, **values)


def test_a_recent_question_on_a_dossier_makes_one_alert_however_many_speeches(items_dir, dossier):
    day = NOW - dt.timedelta(days=2)
    rows = _stored(items_dir, [_speech(i, day + dt.timedelta(minutes=i), dossiers=[dossier.pk])
                           for i in range(4)])
    write_back(rows, None, now=NOW)
    alert = Alert.objects.get()
    assert (alert.kind, alert.dossier, alert.status) == ("parliamentary_question", dossier, "new")
    assert alert.item_id == rows[0]["id"] and alert.author == "Nawal Farih"


def test_debates_are_told_apart_from_questions(items_dir, dossier):
    rows = _stored(items_dir, [_speech(1, NOW - dt.timedelta(days=1), dossiers=[dossier.pk],
                                   agenda="Débat sur la migration de travail")])
    write_back(rows, None, now=NOW)
    assert Alert.objects.get().kind == "debate"


@pytest.mark.parametrize("values", [
    {"published": NOW - dt.timedelta(days=31)},  # an archive: not new
    {"dossiers": []},  # not on a dossier's terms
    {"kind": "post"},  # not parliament
    {"agenda": "Goedkeuring van de notulen"},  # neither a question nor a debate
    {"dup_of": "abc"},  # a copy of a text already seen
])
def test_what_makes_no_alert(items_dir, dossier, values):
    values = {"published": NOW - dt.timedelta(days=1), "dossiers": [dossier.pk], **values}
    rows = _stored(items_dir, [_speech(1, **values)])
    write_back(rows, None, now=NOW)
    assert not Alert.objects.exists()


def test_a_backfill_of_years_makes_alerts_only_for_the_last_days(corpus_items, report, settings):
    newest = max(r["published"] for r in corpus_items)
    write_back(corpus_items, None, now=newest + dt.timedelta(days=1))
    assert Alert.objects.exists()
    assert all(a.published >= newest - dt.timedelta(days=30) for a in Alert.objects.all())
    settings.HEFBOOM_ALERT_DAYS = 0
    Alert.objects.all().delete()
    write_back(corpus_items, None, now=newest + dt.timedelta(days=1))
    assert not Alert.objects.exists()


def test_a_new_mention_of_a_report_alerts_the_communication_officer(items_dir, report):
    text = "Het rapport van 11.11.11 over pushbacks"
    rows = _stored(items_dir, [corpus.item(1, text=text, published=NOW - dt.timedelta(hours=3),
                                       mentions=[{"kind": "report", "ref": f"monitoring.output:{report.pk}",
                                                  "text": "rapport", "start": 4},
                                                 {"kind": "report", "ref": f"monitoring.output:{report.pk}",
                                                  "text": "pushbacks", "start": 30}])])
    write_back(rows, None, now=NOW)
    alert = Alert.objects.get()
    assert (alert.kind, alert.output) == ("report_mention", report)


def test_unknown_dossiers_and_outputs_are_left_out_not_broken(items_dir, db):
    rows = _stored(items_dir, [_speech(1, NOW, dossiers=[987654],
                                   mentions=[{"kind": "report", "ref": "monitoring.output:987654",
                                              "text": "x", "start": 0}])])
    write_back(rows, None, now=NOW)
    assert Mention.objects.get().output is None
    assert not DossierWeek.objects.exists()
