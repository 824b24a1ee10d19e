"""The outcome page and its pathway: what contributed to an outcome, how, and with what evidence.

The layout is checked on its own (dates left to right, lanes by type, readable with 60 links);
then the rules: an outcome never contributes to itself, not even through a circle of outcomes,
evidence behind a link belongs to the same outcome, viewers only read, and a confidential
contact leaves no trace on the page of someone who may not see it.
"""

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hefboom.core.access import visible_contributions
from hefboom.core.actions import delete_record
from hefboom.monitoring import actions
from hefboom.monitoring.models import Activity, Contact, ContributionLink, Evidence, Outcome, Output
from hefboom.monitoring.pathway import KINDS, LABEL_CHARS, PLOT_LEFT, PLOT_RIGHT, WIDTH, Source, lay_out

DAY = dt.date(2023, 7, 31)


def source(kind, key, date, title=None, evidence=0):
    return Source(kind=kind, key=key, date=date, title=title or f"{kind} {key}", url=f"/{kind}/{key}/",
                  evidence=evidence)


# The layout, without a database.

def test_nodes_stand_at_their_dates_from_left_to_right_in_lanes_by_type():
    sources = [
        source("output", 1, dt.date(2023, 5, 2)),
        source("contact", 2, dt.date(2023, 3, 1)),
        source("activity", 3, dt.date(2023, 1, 15)),
        source("contact", 4, dt.date(2023, 6, 20)),
        source("outcome", 5, dt.date(2022, 11, 1)),
    ]
    pathway = lay_out(DAY, "Beslissing", sources, lane_labels={"contact": "Contacten"})
    by_date = sorted(pathway.nodes, key=lambda node: node.date)
    xs = [node.x for node in by_date]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    assert all(PLOT_LEFT <= x <= PLOT_RIGHT for x in xs)
    assert pathway.target.date_x > xs[-1]  # the outcome came last
    assert pathway.target.x > PLOT_RIGHT  # and stands at the right
    assert [lane.kind for lane in pathway.lanes] == ["contact", "activity", "output", "outcome"]
    assert pathway.lanes[0].label == "Contacten"
    lanes = {lane.kind: lane for lane in pathway.lanes}
    for node in pathway.nodes:
        lane = lanes[node.source.kind]
        assert lane.top < node.y < lane.top + lane.height
        assert node.edge.startswith(f"M{node.x + 8:.1f},{node.y:.1f}")
        assert node.edge.endswith(f"{pathway.target.x:.1f},{pathway.target.middle:.1f}")


def test_partners_stand_at_the_earliest_linked_work_or_else_at_the_outcome():
    partner = source("organisation", 1, None, "Vluchtelingenwerk")
    with_work = lay_out(DAY, "Beslissing", [partner, source("output", 2, dt.date(2023, 2, 1)),
                                             source("contact", 3, dt.date(2023, 5, 1))])
    placed = {node.source.kind: node for node in with_work.nodes}
    assert placed["organisation"].date == dt.date(2023, 2, 1)
    assert placed["organisation"].x == placed["output"].x
    alone = lay_out(DAY, "Beslissing", [partner])
    assert alone.nodes[0].date == DAY
    assert alone.nodes[0].x == alone.target.date_x


def test_sixty_links_stay_readable():
    titles = "Gesprek met de kabinetschef over de hervestigingsquota en de structuur van het programma"
    sources = [source(KINDS[i % 3], i, dt.date(2023, 1, 1) + dt.timedelta(days=i * 3), titles)
               for i in range(60)]
    pathway = lay_out(DAY, "Beslissing", sources)
    assert len(pathway.nodes) == 60
    for node in pathway.nodes:
        assert len(node.label) <= LABEL_CHARS and node.label.endswith("…")
        assert node.source.title == titles  # the full title goes into the node's <title>
        assert node.left >= 0 and node.right <= WIDTH
    rows = {}
    for node in pathway.nodes:
        rows.setdefault((node.source.kind, node.row), []).append(node)
    for row in rows.values():
        row.sort(key=lambda node: node.left)
        for before, after in zip(row, row[1:], strict=False):
            assert before.right < after.left, "two labels overlap"
    assert len(rows) > 3  # crowded lanes got more rows
    assert pathway.height < 1200


def test_a_node_near_the_outcome_carries_its_label_on_the_left():
    pathway = lay_out(DAY, "Beslissing", [source("contact", 1, dt.date(2020, 1, 1)),
                                          source("contact", 2, DAY, "Een lange titel van een gesprek")])
    last = max(pathway.nodes, key=lambda node: node.x)
    assert last.label_anchor == "end" and last.right < pathway.target.x


@pytest.mark.parametrize("first, unit", [(dt.date(2016, 3, 1), "year"), (dt.date(2022, 9, 1), "month"),
                                         (dt.date(2023, 7, 10), "day")])
def test_the_axis_ticks_suit_the_span(first, unit):
    pathway = lay_out(DAY, "Beslissing", [source("output", 1, first)])
    assert pathway.ticks and {tick.unit for tick in pathway.ticks} == {unit}
    assert len(pathway.ticks) <= 12
    xs = [tick.x for tick in pathway.ticks]
    assert xs == sorted(xs)


# The records behind it.

def make_outcome(user, dossier, title, day=DAY):
    return actions.record_outcome(
        user, Outcome(title=title, description="De regering besliste", date=day,
                      change_type="policy_content"),
        dossiers=[dossier])


def make_output(user, dossier, title="Inputnota hervestiging", day=dt.date(2023, 5, 2)):
    return actions.record_output(user, Output(title=title, type="input_paper", date=day),
                                 dossiers=[dossier])


def evidence_of(user, outcome, reference="Beleidsnota 2023, p. 12"):
    return actions.add_evidence(user, Evidence(outcome=outcome, source_type="document",
                                               reference=reference))


@pytest.fixture
def outcome(alice, dossier):
    return make_outcome(alice, dossier, "Autonome hervestigingsstructuur beslist")


def test_an_outcome_does_not_contribute_to_itself(alice, outcome):
    with pytest.raises(ValidationError) as refused:
        actions.link_contribution(alice, ContributionLink(outcome=outcome, source_outcome=outcome,
                                                          narrative="Zichzelf"))
    assert "cannot contribute to itself" in " ".join(refused.value.message_dict["source_outcome"])
    assert not ContributionLink.objects.exists()
    with pytest.raises(IntegrityError), transaction.atomic():  # the database refuses it too
        ContributionLink.objects.create(outcome=outcome, source_outcome=outcome, narrative="x")


def test_outcomes_building_on_each_other_may_not_go_round_in_a_circle(alice, dossier, outcome):
    discourse = make_outcome(alice, dossier, "Staatssecretaris spreekt over hervestiging",
                             dt.date(2023, 2, 1))
    agenda = make_outcome(alice, dossier, "Hervestiging op de agenda", dt.date(2023, 4, 1))
    actions.link_contribution(alice, ContributionLink(outcome=agenda, source_outcome=discourse,
                                                      narrative="Het discours zette het op de agenda"))
    actions.link_contribution(alice, ContributionLink(outcome=outcome, source_outcome=agenda,
                                                      narrative="De agenda leidde tot de beslissing"))
    for earlier, later in [(agenda, discourse), (outcome, discourse), (outcome, agenda)]:
        with pytest.raises(ValidationError) as refused:
            actions.link_contribution(alice, ContributionLink(outcome=later, source_outcome=earlier,
                                                              narrative="Rond"))
        assert "would make a circle" in " ".join(refused.value.message_dict["source_outcome"])
    assert ContributionLink.objects.count() == 2
    assert [link.outcome for link in discourse.contributed_to.all()] == [agenda]


def test_a_link_has_exactly_one_source(alice, dossier, outcome):
    earlier = make_outcome(alice, dossier, "Eerder", dt.date(2023, 1, 1))
    with pytest.raises(ValidationError, match="exactly one"):
        actions.link_contribution(alice, ContributionLink(
            outcome=outcome, source_outcome=earlier, output=make_output(alice, dossier), narrative="Twee"))
    assert not ContributionLink.objects.exists()


def test_evidence_of_another_outcome_cannot_back_a_link(client, alice, dossier, outcome):
    other = make_outcome(alice, dossier, "Een andere verandering")
    theirs = evidence_of(alice, other, "Persbericht van een ander")
    output = make_output(alice, dossier)
    with pytest.raises(ValidationError) as refused:
        actions.link_contribution(alice, ContributionLink(outcome=outcome, output=output, narrative="x"),
                                  evidence=[theirs])
    assert "another outcome" in " ".join(refused.value.message_dict["evidence"])
    client.force_login(alice)
    response = client.post(reverse("monitoring:contribution_add", args=[outcome.pk]),
                           {"output": output.pk, "narrative": "De nota werd geciteerd",
                            "evidence": [theirs.pk]})
    assert response.status_code == 200
    assert "evidence" in response.context["form"].errors
    assert not ContributionLink.objects.exists()


def test_links_from_an_outcome_in_the_bin_disappear(alice, dossier, outcome):
    earlier = make_outcome(alice, dossier, "Eerder", dt.date(2023, 1, 1))
    actions.link_contribution(alice, ContributionLink(outcome=outcome, source_outcome=earlier,
                                                      narrative="Bouwt verder"))
    assert visible_contributions(alice).count() == 1
    delete_record(earlier, alice)
    assert visible_contributions(alice).count() == 0


# Linking from both ends, with evidence.

def test_alice_links_an_output_with_its_evidence_from_the_outcome(client, alice, dossier, outcome):
    output = make_output(alice, dossier)
    item = evidence_of(alice, outcome)
    client.force_login(alice)
    form = client.get(reverse("monitoring:contribution_add", args=[outcome.pk])).content.decode()
    assert reverse("monitoring:output_options") in form  # searched on the server
    response = client.post(reverse("monitoring:contribution_add", args=[outcome.pk]),
                           {"output": output.pk, "narrative": "De nota werd letterlijk overgenomen",
                            "evidence": [item.pk]})
    assert response.status_code == 302 and response["Location"] == outcome.get_absolute_url()
    link = ContributionLink.objects.get()
    assert (link.output, link.created_by, list(link.evidence.all())) == (output, alice, [item])
    page = client.get(outcome.get_absolute_url()).content.decode()
    assert f'<a href="{output.get_absolute_url()}" class="node node-output"' in page
    assert "De nota werd letterlijk overgenomen" in page
    # The output's page shows the outcome it contributed to, one click away.
    output_page = client.get(output.get_absolute_url()).content.decode()
    assert f'<a href="{outcome.get_absolute_url()}">{outcome.title}</a>' in output_page


def test_from_a_contact_alice_links_it_to_an_outcome(client, alice, open_contact, outcome):
    client.force_login(alice)
    url = reverse("monitoring:contribution_to_outcome", args=["contact", open_contact.pk])
    assert url in client.get(open_contact.get_absolute_url()).content.decode()
    response = client.post(url, {"outcome": outcome.pk, "narrative": "Het gesprek bracht het op tafel"})
    assert response.status_code == 302 and response["Location"] == open_contact.get_absolute_url()
    link = ContributionLink.objects.get()
    assert (link.contact, link.outcome) == (open_contact, outcome)
    assert outcome.title in client.get(open_contact.get_absolute_url()).content.decode()


def test_linking_an_outcome_to_itself_from_the_form_is_refused(client, alice, outcome):
    client.force_login(alice)
    response = client.post(reverse("monitoring:contribution_add", args=[outcome.pk]),
                           {"source_outcome": outcome.pk, "narrative": "Zichzelf"})
    assert response.status_code == 200
    assert response.context["form"].errors["source_outcome"]
    assert not ContributionLink.objects.exists()


def test_choosing_nothing_or_two_sources_is_refused(client, alice, dossier, outcome, open_contact):
    client.force_login(alice)
    url = reverse("monitoring:contribution_add", args=[outcome.pk])
    for data in ({"narrative": "Niets"},
                 {"narrative": "Twee", "contact": open_contact.pk, "output": make_output(alice, dossier).pk}):
        response = client.post(url, data)
        assert "exactly one" in " ".join(response.context["form"].non_field_errors())
    assert not ContributionLink.objects.exists()


def test_editing_and_removing_a_link_keeps_its_history(client, alice, bob, dossier, outcome):
    link = actions.link_contribution(alice, ContributionLink(
        outcome=outcome, output=make_output(alice, dossier), narrative="Eerst"))
    item = evidence_of(alice, outcome)
    client.force_login(bob)
    response = client.post(reverse("monitoring:contribution_edit", args=[link.pk]),
                           {"narrative": "Beter uitgelegd", "evidence": [item.pk],
                            "expected_version": link.version})
    assert response.status_code == 302
    link.refresh_from_db()
    assert (link.narrative, link.updated_by, list(link.evidence.all())) == ("Beter uitgelegd", bob, [item])
    assert client.post(reverse("monitoring:contribution_remove", args=[link.pk])).status_code == 302
    assert not ContributionLink.objects.exists()
    assert [h.history_type for h in ContributionLink.history.filter(id=link.pk).order_by("history_id")] \
        == ["+", "~", "-"]
    assert ContributionLink.history.filter(id=link.pk, history_type="-").get().history_user == bob


def test_alice_adds_and_edits_evidence_with_a_file(client, alice, outcome, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(alice)
    upload = SimpleUploadedFile("nota.pdf", b"%PDF-1.4 beleidsnota", content_type="application/pdf")
    response = client.post(reverse("monitoring:evidence_add", args=[outcome.pk]), {
        "source_type": "document", "reference": "Beleidsnota Asiel en Migratie", "file": upload,
        "quote": "We bouwen een autonome hervestigingsstructuur uit.", "date": "2023-07-31",
        "reliability": "high"})
    assert response.status_code == 302
    item = Evidence.objects.get()
    assert (item.outcome, item.reliability, item.created_by) == (outcome, "high", alice)
    download = client.get(reverse("monitoring:evidence_file", args=[item.pk]))
    assert b"".join(download.streaming_content) == b"%PDF-1.4 beleidsnota"
    assert download["Content-Disposition"].startswith("attachment")
    response = client.post(reverse("monitoring:evidence_edit", args=[item.pk]), {
        "source_type": "document", "reference": "Beleidsnota Asiel en Migratie 2023",
        "reliability": "medium", "expected_version": item.version})
    item.refresh_from_db()
    assert (item.reference, item.reliability, item.version) == (
        "Beleidsnota Asiel en Migratie 2023", "medium", 2)
    assert item.file  # kept when no new file is uploaded


@pytest.mark.parametrize("data, field, message", [
    ({"reference": ""}, "reference", "Give a reference, a link or a file"),
    ({"date": "2999-01-01"}, "date", "in the future"),
    ({"url": "geen link"}, "url", "Enter a valid URL"),
])
def test_bad_evidence_names_the_field_and_saves_nothing(client, alice, outcome, data, field, message):
    client.force_login(alice)
    response = client.post(reverse("monitoring:evidence_add", args=[outcome.pk]), {
        "source_type": "press", "reliability": "low", "reference": "De Standaard", **data})
    assert message in " ".join(response.context["form"].errors[field])
    assert not Evidence.objects.exists()


def test_a_file_over_the_limit_is_refused_with_the_limit(client, alice, outcome, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.HEFBOOM_EVIDENCE_MAX_BYTES = 1024
    client.force_login(alice)
    response = client.post(reverse("monitoring:evidence_add", args=[outcome.pk]), {
        "source_type": "document", "reliability": "low",
        "file": SimpleUploadedFile("groot.pdf", b"x" * 2048)})
    errors = " ".join(response.context["form"].errors["file"])
    assert "2.0\xa0KB" in errors and "at most 1.0\xa0KB" in errors
    assert not Evidence.objects.exists()
    assert not list(tmp_path.rglob("*.pdf"))


def test_the_svg_numbers_are_not_localised(client, alice, dossier, outcome):
    actions.link_contribution(alice, ContributionLink(
        outcome=outcome, output=make_output(alice, dossier), narrative="De nota hielp"))
    client.force_login(alice)
    page = client.get(outcome.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    svg = page[page.index("<svg"):page.index("</svg>")]
    coordinates = re.findall(r' (?:x|y|x1|x2|cx|cy|width|height)="([^"]*)"', svg)
    assert coordinates and all(re.fullmatch(r"-?[0-9.]+", value) for value in coordinates), coordinates


# Roles

def test_viewer_reads_the_pathway_but_changes_nothing(client, alice, victor, dossier, outcome):
    link = actions.link_contribution(alice, ContributionLink(
        outcome=outcome, output=make_output(alice, dossier), narrative="De nota hielp"))
    item = evidence_of(alice, outcome)
    client.force_login(victor)
    page = client.get(outcome.get_absolute_url()).content.decode()
    assert "De nota hielp" in page and 'class="pathway"' in page
    assert reverse("monitoring:contribution_add", args=[outcome.pk]) not in page
    for url in [reverse("monitoring:contribution_add", args=[outcome.pk]),
                reverse("monitoring:evidence_add", args=[outcome.pk]),
                reverse("monitoring:evidence_edit", args=[item.pk]),
                reverse("monitoring:contribution_edit", args=[link.pk]),
                reverse("monitoring:contribution_remove", args=[link.pk]),
                reverse("monitoring:contribution_to_outcome", args=["output", link.output_id])]:
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"narrative": "Overschreven", "outcome": outcome.pk}).status_code == 403
    assert ContributionLink.objects.get().narrative == "De nota hielp"
    with pytest.raises(Exception, match="may read but not change"):
        actions.unlink_contribution(victor, link)


# Confidentiality

SECRET = "Vertrouwelijk overleg"


def without_tokens(html):
    return re.sub(r'(csrfmiddlewaretoken" value=|data-csrf=|X-CSRFToken": )"[^"]*"', "", html)


@pytest.mark.parametrize("who", ["bob", "victor", "mia"])
def test_a_confidential_contact_leaves_no_trace_on_the_outcome_page(
    request, client, who, alice, outcome, confidential_contact, open_contact
):
    actions.link_contribution(alice, ContributionLink(outcome=outcome, contact=open_contact,
                                                      narrative="Het open gesprek hielp"))
    client.force_login(request.getfixturevalue(who))
    url = outcome.get_absolute_url()
    before = without_tokens(client.get(url).content.decode())
    secret_link = actions.link_contribution(alice, ContributionLink(
        outcome=outcome, contact=confidential_contact, narrative="Het geheime gesprek hielp"))
    after = without_tokens(client.get(url).content.decode())
    assert after == before  # not the contact, not its node, not a count of hidden links
    assert SECRET not in after and "Het geheime gesprek hielp" not in after
    for name in ("contribution_edit", "contribution_remove"):
        assert client.get(reverse(f"monitoring:{name}", args=[secret_link.pk])).status_code in (403, 404)
    options = client.get(reverse("monitoring:contact_options"), {"q": "overleg"}).json()["results"]
    assert confidential_contact.pk not in [option["value"] for option in options]


def test_only_who_may_see_a_confidential_contact_can_link_it(client, alice, bob, outcome,
                                                             confidential_contact):
    client.force_login(bob)
    response = client.post(reverse("monitoring:contribution_add", args=[outcome.pk]),
                           {"contact": confidential_contact.pk, "narrative": "Geprobeerd"})
    assert "Select a valid choice" in " ".join(response.context["form"].errors["contact"])
    assert SECRET not in response.content.decode()
    assert not ContributionLink.objects.exists()
    client.force_login(alice)
    options = client.get(reverse("monitoring:contact_options"), {"q": "overleg"}).json()["results"]
    assert [option["value"] for option in options] == [confidential_contact.pk]
    client.post(reverse("monitoring:contribution_add", args=[outcome.pk]),
                {"contact": confidential_contact.pk, "narrative": "Het gesprek hielp"})
    page = client.get(outcome.get_absolute_url()).content.decode()
    assert SECRET in page and 'class="node node-contact' in page


# Query counts

def link_everything(user, dossier, outcome, cabinet, n):
    """n links of every kind, each backed by one evidence item."""
    for i in range(n):
        day = dt.date(2022, 1, 1) + dt.timedelta(days=20 * i)
        item = evidence_of(user, outcome, f"Bron {i}")
        contact = actions.record_contact(user, Contact(date=day, channel="call", summary=f"Gesprek {i}"),
                                         our_participants=[user], dossiers=[dossier])
        activity = actions.record_activity(user, Activity(title=f"Actie {i}", type="lobby", date=day),
                                           dossiers=[dossier])
        earlier = make_outcome(user, dossier, f"Eerdere verandering {i}", day)
        for source in ({"contact": contact}, {"output": make_output(user, dossier, f"Nota {i}", day)},
                       {"activity": activity}, {"source_outcome": earlier}):
            actions.link_contribution(user, ContributionLink(outcome=outcome, narrative="Hielp", **source),
                                      evidence=[item])
    actions.link_contribution(user, ContributionLink(outcome=outcome, organisation=cabinet,
                                                     narrative="Partner"))


def count_queries(client, url, method="get", data=None):
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url, data or {})
        assert response.status_code in (200, 302)
    return len(queries.captured_queries)


def test_the_outcome_page_takes_as_many_queries_with_many_links(client, bob, dossier, outcome, cabinet):
    client.force_login(bob)
    link_everything(bob, dossier, outcome, cabinet, 2)
    url = outcome.get_absolute_url()
    few = count_queries(client, url)
    link_everything(bob, dossier, outcome, cabinet, 10)
    assert ContributionLink.objects.filter(outcome=outcome).count() == 50
    page = client.get(url).content.decode()
    assert page.count('class="node node-') == 50
    assert count_queries(client, url) == few
    assert few <= 20


def test_the_link_and_evidence_forms_take_a_fixed_number_of_queries(client, alice, dossier, outcome,
                                                                    cabinet):
    client.force_login(alice)
    link_everything(alice, dossier, outcome, cabinet, 1)
    output = make_output(alice, dossier, "Nieuwe nota")
    link = ContributionLink.objects.filter(outcome=outcome).first()
    urls = [reverse("monitoring:contribution_add", args=[outcome.pk]),
            reverse("monitoring:evidence_add", args=[outcome.pk]),
            reverse("monitoring:contribution_edit", args=[link.pk]),
            reverse("monitoring:contribution_to_outcome", args=["output", output.pk])]
    few = [count_queries(client, url) for url in urls]
    post = {"output": output.pk, "narrative": "Hielp", "evidence": [Evidence.objects.first().pk]}
    first_post = count_queries(client, urls[0], "post", post)
    link_everything(alice, dossier, outcome, cabinet, 5)
    assert [count_queries(client, url) for url in urls] == few
    post["evidence"] = list(Evidence.objects.filter(outcome=outcome).values_list("pk", flat=True)[:5])
    assert count_queries(client, urls[0], "post", post) == first_post
    assert max(few) <= 12


def test_the_outcome_title_wraps_onto_two_lines_in_its_box():
    pathway = lay_out(DAY, "IMC beslist over betere bescherming van arbeidsmigranten en hun gezinnen",
                      [source("output", 1, dt.date(2023, 1, 1))])
    assert pathway.target.lines == ("IMC beslist over betere", "bescherming van arbeid…")
    assert lay_out(DAY, "Kort", []).target.lines == ("Kort",)
