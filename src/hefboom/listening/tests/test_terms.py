"""Config from the web database, the listening-terms pages, the demo terms, the validity report."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse

from hefboom.actors.models import Organisation, OrganisationType, Person
from hefboom.core.actions import save_record
from hefboom.listening import demo_terms, validity
from hefboom.listening.config import bare_surname_safe, build_config, person_variants
from hefboom.listening.models import TermKind, WatchTerm
from hefboom.monitoring.models import Output, OutputType


def variants(config_named, ref):
    return dict(config_named)[ref]


# --- config -----------------------------------------------------------------------------------

def test_bare_surname_only_when_safe():
    counts = {"mahdi": 1, "peeters": 1, "de moor": 1, "vos": 1, "janssen": 2}
    assert bare_surname_safe("Mahdi", counts, set())
    assert not bare_surname_safe("Peeters", counts, set())  # a common surname
    assert not bare_surname_safe("Vos", counts, set())  # too short
    assert not bare_surname_safe("de Moor", counts, set())  # "Moor": 4 letters without the particle
    assert not bare_surname_safe("Janssen", counts, set())  # two public figures bear it
    assert not bare_surname_safe("Mahdi", counts, {"mahdi"})  # also someone's first name
    names = person_variants("Sammy", "Mahdi", safe_alone=False)
    assert {"Sammy Mahdi", "S. Mahdi", "Dhr. Mahdi", "staatssecretaris Mahdi", "M. Mahdi"} <= set(names)
    assert "Mahdi" not in names


@pytest.mark.django_db
def test_build_config_reads_names_terms_and_outputs(dossier, alice, settings):
    settings.HEFBOOM_IATI_ORG_NAME = "Testkoepel"
    mahdi = save_record(Person(first_name="Sammy", last_name="Mahdi", is_public_figure=True), alice)
    peeters = save_record(Person(first_name="Jan", last_name="Peeters", is_public_figure=True), alice)
    save_record(Person(first_name="Private", last_name="Neighbour"), alice)
    vooruit = save_record(Organisation(name="Vooruit", type=OrganisationType.PARTY), alice)
    media = save_record(Organisation(name="De Standaard", short_name="DS",
                                     type=OrganisationType.MEDIA), alice)
    itself = save_record(Organisation(name="11.11.11", type=OrganisationType.OTHER), alice)
    report = save_record(Output(title="Pushbacks in Europa: het jaarrapport", type=OutputType.REPORT,
                                date=dt.date(2024, 1, 1)), alice, m2m={"dossiers": [dossier]})
    campaign = save_record(Output(title="Stop de pushbacks", type=OutputType.CAMPAIGN,
                                  date=dt.date(2024, 1, 1)), alice, m2m={"dossiers": [dossier]})
    WatchTerm.objects.create(kind=TermKind.OWN_NAME, term="11.11.11")
    WatchTerm.objects.create(kind=TermKind.REPORT, output=report, term="pushbackrapport", language="nl")
    WatchTerm.objects.create(kind=TermKind.DOSSIER, dossier=dossier, term="hervestiging", language="nl")
    WatchTerm.objects.create(kind=TermKind.DOSSIER, dossier=dossier, term="Umsiedlung", language="de")

    config = build_config()

    persons = dict(config.persons)
    assert set(persons) == {f"actors.person:{mahdi.pk}", f"actors.person:{peeters.pk}"}
    assert "Mahdi" in persons[f"actors.person:{mahdi.pk}"]
    assert "Peeters" not in persons[f"actors.person:{peeters.pk}"]
    assert "Minister Peeters" in persons[f"actors.person:{peeters.pk}"]
    assert {"Vooruit", "sp.a"} <= set(variants(config.parties, f"actors.organisation:{vooruit.pk}"))
    assert variants(config.organisations, f"actors.organisation:{media.pk}") == ["De Standaard"]
    assert f"actors.organisation:{itself.pk}" not in dict(config.organisations)  # an own name
    assert config.own_names == ["11.11.11", "Testkoepel"]
    assert variants(config.reports, f"monitoring.output:{report.pk}") == [
        "Pushbacks in Europa: het jaarrapport", "Pushbacks in Europa", "pushbackrapport"]
    assert variants(config.campaigns, f"monitoring.output:{campaign.pk}") == ["Stop de pushbacks"]
    assert config.dossier_terms == {dossier.pk: ["hervestiging"]}  # German is not in play
    assert config.theme_of_dossier == {dossier.pk: dossier.theme_id}


@pytest.mark.django_db
def test_a_dossier_without_terms_is_looked_for_by_its_short_name(dossier):
    assert build_config().dossier_terms == {dossier.pk: ["Hervestiging"]}


# --- pages ------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_policy_officer_adds_and_removes_dossier_terms(client, alice, dossier):
    client.force_login(alice)
    url = reverse("listening:dossier_terms", args=[dossier.pk])
    response = client.post(url, {"kind": "dossier", "term": "  réinstallation ", "language": "fr"})
    assert response.status_code == 302
    term = WatchTerm.objects.get()
    assert (term.term, term.dossier, term.created_by, term.language) == (
        "réinstallation", dossier, alice, "fr")
    page = client.get(url).content.decode()
    assert "réinstallation" in page and page.count("Added “réinstallation”") == 1
    again = client.post(url, {"kind": "dossier", "term": "Réinstallation", "language": "fr"})
    assert again.status_code == 400 and WatchTerm.objects.count() == 1
    htmx = client.post(url, {"delete": term.pk}, headers={"HX-Request": "true"})
    assert htmx.status_code == 200 and 'id="listening-terms"' in htmx.content.decode()
    assert "Removed “réinstallation”" in htmx.content.decode()
    assert not WatchTerm.objects.exists()


@pytest.mark.django_db
def test_own_names_page_links_terms_to_reports(client, mia, dossier):
    report = save_record(Output(title="Jaarlijkse pushbackrapporten", type=OutputType.REPORT,
                                date=dt.date(2024, 1, 1)), mia, m2m={"dossiers": [dossier]})
    client.force_login(mia)
    url = reverse("listening:terms")
    assert client.post(url, {"kind": "report", "term": "pushbackrapport", "output": report.pk}
                       ).status_code == 302
    wrong = client.post(url, {"kind": "campaign", "term": "x campagne", "output": report.pk})
    assert wrong.status_code == 400
    assert list(WatchTerm.objects.values_list("kind", "output", "dossier")) == [
        ("report", report.pk, None)]


@pytest.mark.django_db
def test_viewer_reads_but_may_not_edit(client, victor, dossier):
    WatchTerm.objects.create(kind=TermKind.DOSSIER, dossier=dossier, term="hervestiging")
    client.force_login(victor)
    url = reverse("listening:dossier_terms", args=[dossier.pk])
    page = client.get(url)
    assert page.status_code == 200 and "hervestiging" in page.content.decode()
    assert "remove" not in page.content.decode()
    assert client.post(url, {"kind": "dossier", "term": "resettlement"}).status_code == 403
    assert client.post(url, {"delete": WatchTerm.objects.get().pk}).status_code == 403
    assert WatchTerm.objects.count() == 1


@pytest.mark.django_db
def test_a_term_of_another_dossier_cannot_be_removed_here(client, alice, dossier, theme):
    from hefboom.strategy.models import Dossier

    other = save_record(Dossier(theme=theme, code="remittances", name="Remittances"), None)
    term = WatchTerm.objects.create(kind=TermKind.DOSSIER, dossier=other, term="remittances")
    client.force_login(alice)
    response = client.post(reverse("listening:dossier_terms", args=[dossier.pk]), {"delete": term.pk})
    assert response.status_code == 404 and WatchTerm.objects.filter(pk=term.pk).exists()


# --- demo terms -------------------------------------------------------------------------------

@pytest.mark.django_db
def test_demo_terms_load_once(theme):
    from hefboom.strategy.models import Dossier

    save_record(Dossier(theme=theme, code="klimaatfinanciering", name="Klimaatfinanciering"), None)
    added = demo_terms.load()
    assert added == len(demo_terms.OWN_NAMES) + len(demo_terms.DOSSIER_TERMS["klimaatfinanciering"])
    assert demo_terms.load() == 0
    assert set(WatchTerm.objects.filter(kind="dossier").values_list("language", flat=True)) == {
        "", "nl", "fr", "en"}


# --- validity ---------------------------------------------------------------------------------

def test_labelled_set_is_balanced_per_language():
    rows = validity.labelled_set()
    for lang in ("nl", "fr", "en"):
        labels = [r["label"] for r in rows if r["lang"] == lang]
        assert len(labels) >= 150 and {labels.count(x) for x in ("neg", "neu", "pos")} == {50}


def test_validity_scores_and_baseline():
    scores = validity.compare("d", "nl", "sentiment", "m", ["pos", "neg", "neu", "neu"],
                              ["pos", "neu", "neu", "neu"])
    assert scores.accuracy == 0.75 and scores.baseline == 0.5
    assert scores.confusion["neg"] == {"neu": 1}
    assert round(scores.macro_f1, 3) == round((1 + 0 + 0.8) / 3, 3)


def test_parlamint_sentences_pair_labels_with_text(tmp_path):
    tei = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div>'
           '<u xml:id="X.u1" xml:lang="nl"><seg xml:lang="nl">Dit is goed. Dat is slecht.</seg>'
           '<seg xml:lang="fr">La séance est levée.</seg></u>'
           '<u xml:id="X.u2"><seg xml:lang="nl">Een zin.</seg></u></div></body></text></TEI>')
    (tmp_path / "X.xml").write_text(tei, encoding="utf-8")
    meta = ["ID\tParent_ID\tElement\tLanguage\tSenti_3\tSenti_6",
            "X.u1\tX\tu\tNederlands\t-\t-",
            "X.s1\tX.u1\ts\tNederlands\tPositief\tpositief",
            "X.s2\tX.u1\ts\tNederlands\tNegatief\tnegatief",
            "X.s3\tX.u1\ts\tNederlands\tNeutraal\tneutraal-positief",
            "X.s4\tX.u2\ts\tNederlands\tNeutraal\tneutraal-positief",
            "X.s5\tX.u2\ts\tNederlands\tNeutraal\tneutraal-positief"]
    (tmp_path / "X-ana-meta.tsv").write_text("\n".join(meta) + "\n", encoding="utf-8")
    rows, skipped = validity.parlamint_sentences(tmp_path)
    assert [(r["lang"], r["label"], r["text"]) for r in rows] == [
        ("nl", "pos", "Dit is goed."), ("nl", "neg", "Dat is slecht."),
        ("fr", "neu", "La séance est levée.")]
    assert skipped == {"sentence count differs": 2}


def test_validity_command_refuses_a_folder_without_labels(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no -ana-meta.tsv"):
        call_command("listening-validity", "--parlamint", str(tmp_path))


def test_the_trained_tier_is_measured_by_grouped_cross_validation_and_beats_the_baseline():
    rows = validity.labelled_set()
    scores = validity.trained_tier(rows, "labelled", kinds=("hashing",))
    assert sorted(s.lang for s in scores) == ["en", "fr", "nl"]
    for s in scores:
        assert s.n == 150 and s.task == "sentiment" and "trained tier" in s.method
        assert s.accuracy > s.baseline + 0.1
