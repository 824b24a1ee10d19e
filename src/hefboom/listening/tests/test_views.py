"""Listening's pages as people use them: trends, drill-down, mentions, alerts, exports."""

import csv
import datetime as dt
import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from hefboom.listening.models import Alert
from hefboom.listening.records import write_back
from hefboom.listening.tests import corpus


def _trend(dossier, **query):
    return reverse("listening:trend", args=["dossier", dossier.pk]), query


def test_the_trend_page_draws_a_linked_point_per_period(client, victor, corpus_items, dossier):
    client.force_login(victor)
    url, query = _trend(dossier, grain="year", measure="sentiment")
    response = client.get(url, query)
    html = response.content.decode()
    assert response.status_code == 200
    years = {r["published"].year for r in corpus_items if dossier.pk in r["dossiers"]}
    for year in years:
        assert f"period={year}-01-01" in html
    assert "lexicon" in html  # the tier that produced the sentiment is named
    assert "style=" not in html and "<script>" not in html


def test_a_point_opens_the_texts_behind_it(client, victor, corpus_items, dossier):
    client.force_login(victor)
    url, query = _trend(dossier, grain="year", by="party")
    html = client.get(url, query).content.decode()
    link = re.search(r'href="(/listening/dossier/\d+/texts/\?[^"]*group=N-VA[^"]*)"', html).group(1)
    texts = client.get(link.replace("&amp;", "&")).content.decode()
    year = int(re.search(r"period=(\d{4})", link).group(1))
    expected = [r for r in corpus_items if dossier.pk in r["dossiers"] and r["party"] == "N-VA"
                and r["published"].year == year]
    assert f"{len(expected)} text" in texts
    assert texts.count('class="text-item"') == min(len(expected), 25)
    assert "N-VA" in texts


def test_htmx_gets_only_the_trend_for_another_grain(client, victor, corpus_items, dossier):
    client.force_login(victor)
    url, _query = _trend(dossier)
    response = client.get(url, {"grain": "month"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="trend"')
    assert 'data-grain="month"' in html and "<html" not in html


@pytest.mark.parametrize("measure", ["volume", "sentiment", "frames"])
@pytest.mark.parametrize("by", ["", "source", "speaker", "lang"])
def test_every_measure_and_slice_renders(client, victor, corpus_items, dossier, measure, by):
    client.force_login(victor)
    url, _query = _trend(dossier)
    assert client.get(url, {"measure": measure, "by": by, "grain": "month"}).status_code == 200


def test_pages_work_on_an_empty_store(client, victor, items_dir, dossier, theme):
    client.force_login(victor)
    for url in (reverse("listening:home"), reverse("listening:trend", args=["dossier", dossier.pk]),
                reverse("listening:trend", args=["theme", theme.pk]),
                reverse("listening:texts", args=["dossier", dossier.pk]),
                reverse("listening:mentions"), reverse("listening:alerts")):
        response = client.get(url)
        assert response.status_code == 200, url
    assert "No texts in the corpus" in client.get(
        reverse("listening:trend", args=["dossier", dossier.pk])).content.decode()


def test_bad_parameters_fall_back_instead_of_failing(client, victor, corpus_items, dossier):
    client.force_login(victor)
    url, _query = _trend(dossier)
    response = client.get(url, {"grain": "decade", "by": "text", "date_from": "yesterday"})
    assert response.status_code == 200
    assert client.get(reverse("listening:trend", args=["programme", 1])).status_code == 404


def test_exports_of_the_trend_and_the_texts(client, victor, corpus_items, dossier):
    client.force_login(victor)
    url = reverse("listening:export", args=["dossier", dossier.pk])
    response = client.get(url, {"what": "items", "format": "csv", "grain": "year"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "id"
    assert len(rows) - 1 == sum(1 for r in corpus_items if dossier.pk in r["dossiers"])
    response = client.get(url, {"what": "trend", "format": "xlsx", "grain": "year"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    table = list(sheet.iter_rows(values_only=True))
    assert sum(row[2] for row in table[1:]) == len(rows) - 1


def test_mentions_page_lists_who_mentions_the_organisation(client, victor, corpus_items, report):
    write_back(corpus_items, None)
    client.force_login(victor)
    html = client.get(reverse("listening:mentions"), {"target": "report"}).content.decode()
    assert "Pushbacks aan de grens" in html


@pytest.fixture
def alert(dossier):
    return Alert.objects.create(kind="parliamentary_question", item_id="i1", thread="t1",
                                dossier=dossier, subject=f"dossier:{dossier.pk}",
                                title="Vraag over arbeidsmigratie",
                                published=dt.datetime(2025, 1, 8, tzinfo=dt.UTC))


def test_a_policy_officer_dismisses_an_alert_and_it_leaves_the_open_list(client, alice, alert):
    client.force_login(alice)
    assert "Vraag over arbeidsmigratie" in client.get(reverse("listening:alerts")).content.decode()
    response = client.post(reverse("listening:alert_status"), {"alert": alert.pk, "status": "dismissed"},
                           headers={"HX-Request": "true"})
    assert response.status_code == 200 and "status-dismissed" in response.content.decode()
    alert.refresh_from_db()
    assert (alert.status, alert.status_by) == ("dismissed", alice)
    assert "Vraag over arbeidsmigratie" not in client.get(reverse("listening:alerts")).content.decode()
    assert "Vraag over arbeidsmigratie" in client.get(reverse("listening:alerts"),
                                                      {"status": "dismissed"}).content.decode()


def test_a_viewer_reads_alerts_but_cannot_change_them(client, victor, alert):
    client.force_login(victor)
    html = client.get(reverse("listening:alerts")).content.decode()
    assert "Vraag over arbeidsmigratie" in html and "Dismiss" not in html
    response = client.post(reverse("listening:alert_status"), {"alert": alert.pk, "status": "seen"})
    assert response.status_code == 403
    alert.refresh_from_db()
    assert alert.status == "new"


@pytest.mark.browser
def test_drill_down_from_a_trend_point_and_switch_the_grain(live_server, logged_in_page, alice, items_dir,
                                                            dossier, theme):
    rows = [corpus.item(i, dossiers=[dossier.pk], title=f"Tekst {i}", author="Nawal Farih",
                        published=dt.datetime(2024, 3 + i % 2, 4 + i, 10, tzinfo=dt.UTC),
                        sentiment=0.5, sentiment_label="pos", sentiment_tier="lexicon")
            for i in range(6)]
    corpus.write(items_dir, rows)
    page = logged_in_page(alice)
    page.goto(live_server.url + reverse("listening:trend", args=["dossier", dossier.pk]))
    assert page.get_attribute("#listening-chart", "data-grain") == "week"
    weeks = int(page.get_attribute("#listening-chart", "data-periods"))
    page.click('[data-switch="grain"] a[href*="grain=month"]')
    page.wait_for_selector('#listening-chart[data-grain="month"]')
    assert int(page.get_attribute("#listening-chart", "data-periods")) == 2 < weeks
    assert "grain=month" in page.url  # the address follows, so the view can be shared
    page.click('svg a.point[href*="period=2024-03-01"]')
    page.wait_for_selector("#drill-point")
    items = page.locator("li.text-item")
    assert items.count() == 3
    assert "Nawal Farih" in items.first.inner_text()
