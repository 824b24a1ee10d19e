"""The demo corpus: invented posts that make trends worth looking at, and shipped ParlaMint data."""

import datetime as dt
import json
from collections import Counter

import pytest

from hefboom.listening import demo


def test_the_invented_posts_span_five_years_three_languages_and_every_tone():
    rows = demo.social_items()
    assert rows == demo.social_items()  # the same every time: a re-run of the demo adds nothing
    assert len({r["id"] for r in rows}) == len(rows) >= 300
    years = Counter(dt.datetime.fromisoformat(r["date"]).year for r in rows)
    assert set(years) == {2020, 2021, 2022, 2023, 2024}
    assert set(Counter(r["lang"] for r in rows)) == {"nl", "fr", "en"}
    assert sum(demo.ORGANISATION in r["text"] for r in rows) > len(rows) // 3
    assert any(report in r["text"] for r in rows for report in demo.REPORTS)


def test_the_posts_are_written_as_json_lines(tmp_path):
    path = demo.write_social(tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == demo.social_items()


def test_the_parlamint_samples_ship_with_the_package_and_their_licence():
    sessions = sorted(p.name for p in demo.PARLAMINT.rglob("ParlaMint-BE_*.xml"))
    assert len(sessions) == 3
    assert (demo.PARLAMINT / "ParlaMint-BE-listPerson.xml").stat().st_size > 100_000
    assert "CC BY 4.0" in (demo.DEMO_DATA / "SOURCE.md").read_text()


@pytest.mark.django_db
def test_the_demo_corpus_loads_and_shows_in_the_dossier_views(settings, tmp_path):
    pytest.importorskip("hefboom.listening.ingest")
    settings.DATA_DIR = tmp_path
    first = demo.load()
    assert first["parlamint"].new > 0 and first["json"].new == len(demo.social_items())
    again = demo.load()
    assert again["parlamint"].new == 0 and again["json"].new == 0
