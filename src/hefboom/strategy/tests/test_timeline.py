"""The dossier, theme and boundary-partner timelines: what is on them, for whom, and how fast."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from hefboom.actors.models import Organisation, OrganisationType, Person, PersonRole, PoliticalLevel
from hefboom.core.actions import delete_record, save_record
from hefboom.monitoring import actions
from hefboom.monitoring.models import (
    Activity,
    Contact,
    ContributionLink,
    Evidence,
    Outcome,
    Output,
    ProgressMarkerObservation,
)
from hefboom.strategy import views
from hefboom.strategy.models import Dossier, ProgressMarker, Theme
from hefboom.strategy.timeline import DossierScope, Timeline

SECRET = "Vertrouwelijk overleg over de nieuwe structuur"


@pytest.fixture
def marker(boundary_partner, dossier):
    return save_record(ProgressMarker(boundary_partner=boundary_partner, dossier=dossier,
                                      level="expect", order=1,
                                      statement="De regering spreekt over hervestiging"), None)


def add_records(user, dossier, cabinet, marker, day, n=1, label=""):
    """n records of every type on the timeline, all on `day`, in `dossier`."""
    for i in range(n):
        actions.record_contact(user, Contact(date=day, channel="call", summary=f"Gesprek{label} {i}"),
                               our_participants=[user], dossiers=[dossier], organisations=[cabinet])
        actions.record_activity(user, Activity(title=f"Actie{label} {i}", type="lobby", date=day),
                                dossiers=[dossier], organisations=[cabinet])
        actions.record_output(user, Output(title=f"Nota{label} {i}", type="input_paper", date=day),
                              dossiers=[dossier])
        outcome = actions.record_outcome(
            user, Outcome(title=f"Verandering{label} {i}", description="…", date=day,
                          change_type="agenda"),
            dossiers=[dossier], social_actor_organisations=[cabinet])
        actions.add_evidence(user, Evidence(outcome=outcome, source_type="press",
                                            reference=f"Krantenartikel{label} {i}", date=day))
        save_record(ProgressMarkerObservation(
            progress_marker=marker, period_start=day - dt.timedelta(days=30 + i),
            period_end=day - dt.timedelta(days=i), rating="low",
            narrative=f"Observatie{label} {i}"), None)


def timeline_url(dossier, **query):
    url = reverse("strategy:dossier_timeline", args=[dossier.pk])
    if query:
        url += "?" + "&".join(f"{key}={value}" for key, value in query.items())
    return url


def bars(response):
    """{bin start: number of events} as drawn in the SVG."""
    return {bar["start"]: bar["total"] for bar in response.context["chart"].bars}


def listed(response):
    return [(e.kind.key, e.date, e.title) for e in response.context["page"].object_list]


def test_every_type_appears_with_its_date_and_a_link(client, alice, dossier, cabinet, marker):
    day = dt.date(2024, 3, 12)
    add_records(alice, dossier, cabinet, marker, day)
    outcome = Outcome.objects.get()
    undated = actions.add_evidence(alice, Evidence(outcome=outcome, source_type="document",
                                                   reference="Beleidsnota zonder datum"))
    client.force_login(alice)
    response = client.get(timeline_url(dossier))
    assert set(listed(response)) == {
        ("contact", day, "Gesprek 0"), ("activity", day, "Actie 0"), ("output", day, "Nota 0"),
        ("outcome", day, "Verandering 0"), ("evidence", day, "Krantenartikel 0"),
        ("evidence", day, "Beleidsnota zonder datum"),  # undated evidence: its outcome's date
        ("observation", day, "De regering spreekt over hervestiging"),
    }
    page = response.content.decode()
    observation = ProgressMarkerObservation.objects.get()
    for url in (Contact.objects.get().get_absolute_url(), Output.objects.get().get_absolute_url(),
                Activity.objects.get().get_absolute_url(), outcome.get_absolute_url(),
                f"{outcome.get_absolute_url()}#evidence-{undated.pk}",
                f"{marker.get_absolute_url()}#observation-{observation.pk}"):
        assert f'href="{url}"' in page
    assert '<time datetime="2024-03-12">' in page
    assert "Kabinet Testminister" in page  # who took part, beside the contact


@pytest.mark.parametrize("who", ["bob", "victor"])
def test_confidential_contact_is_neither_shown_nor_counted(
    request, client, who, alice, dossier, open_contact, confidential_contact
):
    client.force_login(request.getfixturevalue(who))
    response = client.get(timeline_url(dossier, start="2023-01-01", end="2023-12-31"))
    assert SECRET not in response.content.decode()
    assert response.context["chart"].total == 1
    assert bars(response)["2023-04-01"] == 0  # April holds only the confidential meeting
    assert 'data-count="1"' in response.content.decode()
    assert 'data-count="2"' not in response.content.decode()
    dossier_page = client.get(reverse("strategy:dossier", args=[dossier.pk]))
    assert SECRET not in dossier_page.content.decode()
    assert dossier_page.context["counts"]["contact"] == 1

    client.force_login(alice)  # who took part in it sees and counts it
    response = client.get(timeline_url(dossier, start="2023-01-01", end="2023-12-31"))
    assert SECRET in response.content.decode()
    assert bars(response)["2023-04-01"] == 1


def test_records_in_the_bin_are_left_out(client, alice, dossier, cabinet, marker):
    add_records(alice, dossier, cabinet, marker, dt.date(2024, 3, 12))
    for model in (Contact, Activity, Output, Outcome):
        delete_record(model.objects.get(), alice)
    client.force_login(alice)
    response = client.get(timeline_url(dossier))
    # The outcome's evidence went to the bin with it; the observation stays.
    assert [kind for kind, _day, _title in listed(response)] == ["observation"]
    assert response.context["chart"].total == 1


@pytest.fixture
def party(db):
    return save_record(Organisation(name="Partij Test", type=OrganisationType.PARTY), None)


def test_filters_on_type_person_organisation_party_level_and_period(
    client, alice, dossier, cabinet, advisor, marker, party
):
    add_records(alice, dossier, cabinet, marker, dt.date(2023, 5, 10))
    group = save_record(Organisation(name="Fractie Test", type=OrganisationType.PARLIAMENTARY_GROUP,
                                     parent=party, political_level=PoliticalLevel.FLEMISH), None)
    member = save_record(Person(first_name="Mo", last_name="Lid"), None)
    save_record(PersonRole(person=member, organisation=party, title="Parlementslid",
                           start_date=dt.date(2024, 1, 1)), None)
    for day, summary, kwargs in (
        (dt.date(2024, 2, 1), "Met de fractie", {"organisations": [group]}),
        (dt.date(2024, 3, 1), "Met het parlementslid", {"persons": [member]}),
        (dt.date(2023, 3, 1), "Met Mo, voor zijn mandaat", {"persons": [member]}),
        (dt.date(2024, 4, 1), "Met de adviseur", {"persons": [advisor]}),
    ):
        actions.record_contact(alice, Contact(date=day, channel="meeting", summary=summary),
                               our_participants=[alice], dossiers=[dossier], **kwargs)
    client.force_login(alice)

    def titles(**query):
        return {title for _kind, _day, title in listed(client.get(timeline_url(dossier, **query)))}

    assert titles(kind="output") == {"Nota 0"}
    assert titles(kind="output&kind=outcome") == {"Nota 0", "Verandering 0"}
    assert titles(person=advisor.pk) == {"Met de adviseur"}
    assert titles(organisation=cabinet.pk) == {"Gesprek 0", "Actie 0", "Verandering 0",
                                               "Krantenartikel 0"}
    # The party: its group, and its member while a member (not before the mandate began).
    assert titles(party=party.pk) == {"Met de fractie", "Met het parlementslid"}
    assert titles(level="flemish") == {"Met de fractie"}
    assert titles(level="federal") == {"Gesprek 0", "Actie 0", "Verandering 0", "Krantenartikel 0"}
    assert titles(date_from="2024-01-01", date_to="2024-03-31") == {"Met de fractie",
                                                                    "Met het parlementslid"}
    response = client.get(timeline_url(dossier, party=party.pk))
    assert response.context["chart"].total == 2  # the bars count what the list shows


def test_a_period_that_ends_before_it_starts_is_named(client, alice, dossier):
    client.force_login(alice)
    response = client.get(timeline_url(dossier, date_from="2024-05-01", date_to="2024-01-01"))
    assert response.status_code == 200
    assert "The period cannot end before it starts." in response.content.decode()


def test_zoom_bins_count_the_events_of_each_period(client, alice, dossier, cabinet):
    for day in (dt.date(2024, 3, 1), dt.date(2024, 3, 15), dt.date(2024, 3, 31),
                dt.date(2024, 5, 2), dt.date(2021, 6, 1)):
        actions.record_output(alice, Output(title=f"Nota {day}", type="report", date=day),
                              dossiers=[dossier])
    client.force_login(alice)

    whole = client.get(timeline_url(dossier))
    assert whole.context["window"].zoom == "years"
    assert bars(whole) == {"2021-01-01": 1, "2022-01-01": 0, "2023-01-01": 0, "2024-01-01": 4}
    year = client.get(timeline_url(dossier, start="2024-01-01", end="2024-12-31"))
    assert year.context["window"].zoom == "months"
    assert bars(year)["2024-03-01"] == 3 and bars(year)["2024-05-01"] == 1
    assert sum(bars(year).values()) == 4
    quarters = client.get(timeline_url(dossier, start="2024-01-01", end="2024-12-31", zoom="quarters"))
    assert bars(quarters) == {"2024-01-01": 3, "2024-04-01": 1, "2024-07-01": 0, "2024-10-01": 0}
    march = client.get(timeline_url(dossier, start="2024-03-01", end="2024-03-31"))
    assert march.context["window"].zoom == "weeks"
    assert bars(march) == {"2024-03-01": 1, "2024-03-04": 0, "2024-03-11": 1, "2024-03-18": 0,
                           "2024-03-25": 1}
    # A year bar links to that year; the year's neighbours are a click away.
    assert f'href="{timeline_url(dossier, start="2024-01-01", end="2024-12-31")}"' in (
        whole.content.decode().replace("&amp;", "&"))
    assert year.context["earlier"].endswith("start=2023-01-01&end=2023-12-31")


def test_many_events_are_drawn_as_bars_and_listed_page_by_page(
    client, alice, dossier, cabinet, monkeypatch
):
    monkeypatch.setattr(views, "MARKS_LIMIT", 4)
    monkeypatch.setattr(views, "PAGE_SIZE", 3)
    for i in range(7):
        actions.record_output(alice, Output(title=f"Nota {i}", type="report",
                                            date=dt.date(2024, 1, 1) + dt.timedelta(days=i)),
                              dossiers=[dossier])
    client.force_login(alice)
    first = client.get(timeline_url(dossier))
    assert first.context["chart"].too_many and not first.context["chart"].lanes
    assert 'class="mark"' not in first.content.decode()
    assert [title for _k, _d, title in listed(first)] == ["Nota 0", "Nota 1", "Nota 2"]
    second = client.get(timeline_url(dossier, page=2))
    assert [title for _k, _d, title in listed(second)] == ["Nota 3", "Nota 4", "Nota 5"]
    few = client.get(timeline_url(dossier, start="2024-01-01", end="2024-01-03"))
    assert len(re.findall(r'class="mark"', few.content.decode())) == 3


def test_htmx_gets_only_the_timeline_fragment(client, alice, dossier, open_contact):
    client.force_login(alice)
    response = client.get(timeline_url(dossier, start="2023-01-01", end="2023-12-31"),
                          headers={"HX-Request": "true"})
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="timeline"')
    assert "<html" not in page and "Telefoon over hervestigingsquota" in page


def test_theme_timeline_covers_all_its_dossiers_and_no_other_theme(
    client, alice, programme, theme, dossier, cabinet
):
    other_dossier = save_record(Dossier(theme=theme, code="pushbacks", name="Pushbacks"), None)
    climate = save_record(Theme(programme=programme, code="klimaat", name="Klimaat"), None)
    climate_dossier = save_record(Dossier(theme=climate, code="finance", name="Klimaatfinanciering"),
                                  None)
    for target, title in ((dossier, "Nota hervestiging"), (other_dossier, "Nota pushbacks"),
                          (climate_dossier, "Nota klimaat")):
        actions.record_output(alice, Output(title=title, type="report", date=dt.date(2024, 1, 5)),
                              dossiers=[target])
    # In two dossiers of the theme, still one event.
    actions.record_output(alice, Output(title="Nota beide", type="report", date=dt.date(2024, 1, 6)),
                          dossiers=[dossier, other_dossier])
    client.force_login(alice)
    response = client.get(reverse("strategy:theme_timeline", args=[theme.pk]))
    assert [t for _k, _d, t in listed(response)] == ["Nota hervestiging", "Nota pushbacks",
                                                     "Nota beide"]
    theme_page = client.get(reverse("strategy:theme", args=[theme.pk])).content.decode()
    assert reverse("strategy:theme_timeline", args=[theme.pk]) in theme_page
    assert "Pushbacks" in theme_page


def test_boundary_partner_timeline_follows_its_organisations(
    client, alice, theme, dossier, cabinet, advisor, boundary_partner, marker
):
    save_record(boundary_partner, None, m2m={"organisations": [cabinet]})
    other = save_record(Organisation(name="Andere club", type=OrganisationType.OTHER), None)
    save_record(PersonRole(person=advisor, organisation=cabinet, title="Adviseur",
                           start_date=dt.date(2023, 1, 1)), None)
    day = dt.date(2024, 2, 2)
    for summary, kwargs in (("Met het kabinet", {"organisations": [cabinet]}),
                            ("Met de adviseur", {"persons": [advisor]}),
                            ("Met een andere club", {"organisations": [other]})):
        actions.record_contact(alice, Contact(date=day, channel="call", summary=summary),
                               our_participants=[alice], dossiers=[dossier], **kwargs)
    outcome = actions.record_outcome(
        alice, Outcome(title="Kabinet verandert", description="…", date=day, change_type="agenda"),
        dossiers=[dossier], social_actor_organisations=[cabinet])
    actions.record_outcome(
        alice, Outcome(title="Iemand anders verandert", description="…", date=day,
                       change_type="agenda"), dossiers=[dossier], social_actor_organisations=[other])
    helped = actions.record_output(alice, Output(title="Nota die hielp", type="report", date=day),
                                   dossiers=[dossier])
    actions.record_output(alice, Output(title="Losse nota", type="report", date=day),
                          dossiers=[dossier])
    actions.link_contribution(alice, ContributionLink(outcome=outcome, output=helped,
                                                      narrative="Hielp"))
    save_record(ProgressMarkerObservation(progress_marker=marker, period_start=dt.date(2024, 1, 1),
                                          period_end=dt.date(2024, 3, 31), rating="medium"), None)
    client.force_login(alice)
    response = client.get(reverse("strategy:boundary_partner_timeline", args=[boundary_partner.pk]))
    assert {t for _k, _d, t in listed(response)} == {
        "Met het kabinet", "Met de adviseur", "Kabinet verandert", "Nota die hielp",
        "De regering spreekt over hervestiging"}
    partner_page = client.get(reverse("strategy:boundary_partner", args=[boundary_partner.pk]))
    assert "Kabinet Testminister" in partner_page.content.decode()
    assert marker.statement in partner_page.content.decode()


@pytest.mark.parametrize("name, marks", [("dossier_timeline", True), ("dossier_timeline", False),
                                         ("dossier", None)])
def test_query_counts_are_pinned_and_do_not_grow(
    client, alice, dossier, cabinet, marker, django_assert_num_queries, monkeypatch, name, marks
):
    """Marks (few events) and bars only (many) each take a fixed number of queries."""
    if marks is False:
        monkeypatch.setattr(views, "MARKS_LIMIT", 2)
    add_records(alice, dossier, cabinet, marker, dt.date(2024, 3, 12), n=3)
    client.force_login(alice)
    url = reverse(f"strategy:{name}", args=[dossier.pk])
    # session, user, dossier, counts per day, events, names on them, party choices
    # (the dossier page: markers with their observations, its latest narratives and its
    # current plan)
    expected = {"dossier_timeline": 7, "dossier": 10}[name]
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200
    add_records(alice, dossier, cabinet, marker, dt.date(2024, 5, 12), n=6, label="b")
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("name", ["theme_timeline", "boundary_partner_timeline", "theme",
                                  "boundary_partner"])
def test_theme_and_partner_pages_take_a_fixed_number_of_queries(
    client, alice, theme, dossier, cabinet, boundary_partner, marker, django_assert_num_queries, name
):
    save_record(boundary_partner, None, m2m={"organisations": [cabinet]})
    add_records(alice, dossier, cabinet, marker, dt.date(2024, 3, 12), n=2)
    client.force_login(alice)
    pk = theme.pk if name.startswith("theme") else boundary_partner.pk
    url = reverse(f"strategy:{name}", args=[pk])
    expected = {"theme_timeline": 7, "boundary_partner_timeline": 7, "theme": 6,
                "boundary_partner": 6}[name]
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200
    add_records(alice, dossier, cabinet, marker, dt.date(2024, 5, 12), n=4, label="b")
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200


def test_event_layer_pages_in_sql(alice, dossier, cabinet, marker):
    add_records(alice, dossier, cabinet, marker, dt.date(2024, 3, 12), n=2)
    timeline = Timeline(DossierScope(dossier), alice)
    everything = timeline.events()
    assert len(everything) == 12
    assert [e.date for e in everything] == sorted(e.date for e in everything)
    assert timeline.events(offset=10, limit=5) == everything[10:]
    assert timeline.events(limit=3, newest_first=True)[0].date == max(e.date for e in everything)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_zoom_into_a_year_and_open_a_record(live_server, logged_in_page, alice, dossier, cabinet):
    for day, title in ((dt.date(2022, 6, 1), "Studie 2022"), (dt.date(2024, 3, 5), "Inputnota 2024"),
                       (dt.date(2024, 9, 9), "Opiniestuk 2024")):
        actions.record_output(alice, Output(title=title, type="report", date=day), dossiers=[dossier])
    page = logged_in_page(alice)
    page.goto(live_server.url + timeline_url(dossier))
    page.click('svg .bar[data-start="2024-01-01"]')
    page.wait_for_url(re.compile(r"start=2024-01-01&end=2024-12-31"))
    page.wait_for_selector('svg .bar[data-start="2024-03-01"][data-count="1"]')
    assert "Studie 2022" not in page.inner_text("#timeline")
    page.click('svg .mark[aria-label*="Inputnota 2024"]')
    page.wait_for_url(re.compile(r"/monitoring/outputs/\d+/$"))
    assert page.inner_text("h1") == "Inputnota 2024"
