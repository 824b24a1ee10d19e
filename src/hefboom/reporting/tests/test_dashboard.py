"""The programme dashboard on the demo case: every role reads it, its figures are those of
`selectors.report_data`, its charts carry the values, and downloads give a file or the reason."""

import datetime as dt

import pytest
from django.urls import reverse
from lxml import html

from hefboom.monitoring import actions as monitoring_actions
from hefboom.monitoring.models import Contact
from hefboom.reporting import formats, selectors
from hefboom.reporting.charts import figure
from hefboom.reporting.models import Indicator
from hefboom.strategy.models import Dossier


def url(programme, year):
    return f"/reporting/{programme.pk}/{year}/"


def tree(response):
    return html.fromstring(response.content.decode())


def find(node, path):
    """XPath with a `.class` shorthand: find(page, "//table.outcome-rows//tr")."""
    import re

    return node.xpath(re.sub(r"(\w+)\.([\w-]+)", lambda m: (
        f"{m.group(1)}[contains(concat(' ', normalize-space(@class), ' '), ' {m.group(2)} ')]"),
        path))


def failing_builder(programme, year, language):
    raise formats.ReportError("The programme has no IATI identifier; fill it in first.")


@pytest.mark.parametrize("who", ["victor", "alice", "mia"])
def test_every_role_reads_the_dashboard(client, demo, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get("/reporting/").status_code == 302
    response = client.get(url(demo, 2023))
    assert response.status_code == 200
    assert demo.name in response.content.decode()


def test_reporting_redirects_to_the_programme_in_a_year_of_it(client, victor, demo):
    client.force_login(victor)
    location = client.get("/reporting/")["Location"]
    programme_id, year = location.strip("/").split("/")[1:]
    assert int(programme_id) == demo.pk
    assert demo.start_date.year <= int(year) <= demo.end_date.year


def test_the_dashboard_shows_the_figures_of_the_report_data(client, victor, demo):
    client.force_login(victor)
    page = tree(client.get(url(demo, 2023)))
    data = selectors.report_data(demo, 2023)
    numeric = [row for row in data.indicators if not row.indicator.is_qualitative]
    assert numeric, "the demo has numeric indicators"
    for row in numeric:
        chart = page.get_element_by_id(f"chart-{row.indicator.pk}")
        for year, (target, actual) in row.history.items():
            for kind, value in (("target", target), ("actual", actual)):
                bars = find(chart, f".//g.bar-{kind}[@data-year='{year}']")
                if value is None:
                    assert not bars
                else:
                    assert bars[0].get("data-value") == figure(value)
                    assert bars[0].xpath("./*[local-name()='text']")[0].text == figure(value)
    for name in ("contacts", "outputs"):
        shown = page.xpath(f"//*[@id='counts-{name}']//*[@class='total']")[0].text
        assert int(shown) == data.counts[name].total
    per_dossier = [(tr[0].text, int(tr[1].text))
                   for tr in find(page, "//table.outcomes-per-dossier//tr")]
    assert per_dossier == selectors.outcomes_per_dossier(demo, 2023)
    assert len(find(page, "//table.outcome-rows/tbody/tr")) == max(len(data.outcomes), 1)
    rated = [status for status in data.markers if status.observation]
    observed = "//table.marker-status//td.cell[not(contains(@class, 'rating-cell-empty'))]"
    assert len(find(page, observed)) == len(rated)


def test_a_new_contact_raises_the_figure_on_the_dashboard(client, victor, alice, demo):
    indicator = Indicator.objects.get(programme=demo, code="OC4.1")
    client.force_login(victor)

    def actual_2023():
        chart = tree(client.get(url(demo, 2023))).get_element_by_id(f"chart-{indicator.pk}")
        return find(chart, ".//g.bar-actual[@data-year='2023']")[0].get("data-value")

    before = actual_2023()
    federal_cabinet = (Contact.objects.filter(date__year=2023, organisations__type="cabinet",
                                              organisations__political_level="federal")
                       .first().organisations.get(type="cabinet", political_level="federal"))
    monitoring_actions.record_contact(
        alice, Contact(date=dt.date(2023, 6, 1), channel="call", summary="Belletje"),
        our_participants=[alice], dossiers=[Dossier.objects.filter(theme__programme=demo).first()],
        organisations=[federal_cabinet])
    assert int(actual_2023()) == int(before) + 1


def test_each_chart_is_an_accessible_svg_with_a_table(client, victor, demo):
    client.force_login(victor)
    page = tree(client.get(url(demo, 2024)))
    charts = find(page, "//figure.indicator-chart")
    assert len(charts) == Indicator.objects.filter(programme=demo).exclude(kind="qualitative").count()
    svg = charts[0].xpath(".//svg")[0]
    assert svg.get("role") == "img"
    title_id, desc_id = svg.get("aria-labelledby").split()
    assert page.get_element_by_id(title_id).tag == "title"
    assert "2024: target" in page.get_element_by_id(desc_id).text
    assert charts[0].xpath(".//details//table/tbody/tr")
    assert not page.xpath("//script[not(@src)]"), "no inline scripts"


def test_year_switcher_and_years_outside_the_programme(client, victor, demo):
    client.force_login(victor)
    page = tree(client.get(url(demo, 2023)))
    years = [a.text for a in find(page, "//nav.year-switch/a")]
    assert years == [str(y) for y in range(demo.start_date.year, demo.end_date.year + 1)]
    assert find(page, "//nav.year-switch/a[@aria-current]")[0].text == "2023"
    refused = client.get(url(demo, 2031))
    assert refused.status_code == 404
    assert "2031 is outside the programme" in refused.content.decode()


def test_the_dashboard_takes_a_bounded_number_of_queries(
        client, victor, demo, django_assert_max_num_queries):
    client.force_login(victor)
    client.get(url(demo, 2024))  # sessions and caches warm
    # Computed figures are counted live: one count per computed indicator and programme year up
    # to 2024. Everything else is a fixed number of queries (session, user, programme, the
    # report data's sections, the programme switcher); one query per record, marker or chart
    # would exceed it.
    computed = Indicator.objects.filter(programme=demo, kind="computed").count()
    with django_assert_max_num_queries(23 + computed * (2024 - demo.start_date.year + 1)):
        assert client.get(url(demo, 2024)).status_code == 200


def test_the_dashboard_lists_the_latest_outcomes_and_links_all_of_them(client, victor, demo,
                                                                       monkeypatch):
    from hefboom.reporting import dashboard_views

    monkeypatch.setattr(dashboard_views, "OUTCOMES_SHOWN", 2)
    client.force_login(victor)
    page = tree(client.get(url(demo, 2024)))
    newest = sorted(selectors.outcome_rows(demo, 2024), key=lambda r: (r.outcome.date, r.outcome.pk))
    shown = [a.text for a in find(page, "//table.outcome-rows/tbody/tr/td[2]/a")]
    assert shown == [row.outcome.title for row in newest[::-1][:2]]
    link = page.xpath("//a[contains(text(), ' outcomes of ')]")[0]
    assert link.text == f"All {len(newest)} outcomes of 2024"
    assert "date_from=2024-01-01" in link.get("href")


def test_the_download_gives_the_workbook(client, victor, demo):
    client.force_login(victor)
    response = client.get(reverse("reporting:download", args=[demo.pk, 2023, "xlsx"]))
    assert response.status_code == 200
    assert response["Content-Type"] == formats.FORMATS["xlsx"].content_type
    assert response["Content-Disposition"] == \
        f'attachment; filename="{demo.code}-2023.xlsx"'
    assert response.content[:2] == b"PK"


def test_a_report_error_shows_the_dashboard_with_the_reason(client, victor, demo, monkeypatch):
    monkeypatch.setitem(formats.FORMATS, "iati", formats.Format(
        "iati", f"{__name__}:failing_builder", "application/xml", "xml"))
    client.force_login(victor)
    response = client.get(reverse("reporting:download", args=[demo.pk, 2023, "iati"]))
    assert response.status_code == 409
    assert "Content-Disposition" not in response
    alert = find(tree(response), "//div.errors[@role='alert']")[0].text_content()
    assert "IATI" in alert and "no IATI identifier; fill it in first" in alert
    assert find(tree(response), "//figure.indicator-chart"), "the dashboard itself is shown"


def test_the_iati_download_is_offered_only_when_it_validates(client, victor, demo, settings):
    client.force_login(victor)
    download = reverse("reporting:download", args=[demo.pk, 2024, "iati"])
    settings.HEFBOOM_IATI_ORG_ID = ""
    refused = client.get(download)
    assert refused.status_code == 409 and "Content-Disposition" not in refused
    assert "HEFBOOM_IATI_ORG_ID" in refused.content.decode()
    settings.HEFBOOM_IATI_ORG_ID, settings.HEFBOOM_IATI_ORG_NAME = "BE-BCE_KBO-0123456789", "Voorbeeld"
    offered = client.get(download)
    assert offered.status_code == 200 and offered.content.startswith(b"<?xml")
    assert client.get(f"/reporting/{demo.pk}/2023/download/odt/").status_code == 404


def test_the_nav_and_the_me_home_lead_to_reporting(client, victor, mia, demo):
    client.force_login(victor)
    nav = tree(client.get("/")).xpath("//header/nav/a[@href='/reporting/']")
    assert nav and nav[0].text == "Reporting"
    client.force_login(mia)
    assert tree(client.get("/")).xpath("//main//a[@href='/reporting/']")


def test_an_indicator_whose_filter_broke_is_named_on_the_pages_and_stops_every_report(
        client, victor, demo, settings):
    settings.HEFBOOM_IATI_ORG_ID, settings.HEFBOOM_IATI_ORG_NAME = "BE-BCE_KBO-0123456789", "Voorbeeld"
    broken = Indicator.objects.get(programme=demo, code="OC4.1")
    Indicator.objects.filter(pk=broken.pk).update(filter_query="ministry=3")
    client.force_login(victor)
    for page_url in (url(demo, 2023), reverse("reporting:indicators", args=[demo.pk])):
        response = client.get(page_url)
        assert response.status_code == 200, page_url
        row = find(tree(response), f"//tr[@id='indicator-{broken.pk}']//td[@role='alert']")
        assert "indicator OC4.1 uses “ministry”" in row[0].text_content(), page_url
    for fmt in formats.FORMATS:
        with pytest.raises(formats.ReportError, match="indicator OC4.1 uses “ministry”"):
            formats.build(demo, 2023, fmt, "en")
