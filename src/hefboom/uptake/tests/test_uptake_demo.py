"""Done when (issue 8): in the demo, the IMC decision of 7 July 2023 reuses passages of the study
and of the recommendations, and the match shows side by side."""

import pytest
from django.urls import reverse

from hefboom.uptake.models import DocumentStatus, PolicyDocument, ReuseMatch


@pytest.fixture
def demo(demo_module, db):
    assert demo_module.loaded
    return demo_module


def test_the_imc_decision_reuses_the_study_and_the_recommendations(demo):
    imc = PolicyDocument.objects.get(date="2023-07-07", kind="ministerial_decision")
    assert imc.status == DocumentStatus.ANALYSED and imc.language == "nl"
    assert imc.source_reference.startswith("Evaluatierapport §4.1.1.1")
    matches = ReuseMatch.objects.filter(document=imc, direction="uptake", method="lexical")
    titles = set(matches.values_list("output__title", flat=True))
    assert titles == {"VUB-studie naar de uitbuiting van arbeidsmigranten",
                      "Aanbevelingen van de Werkgroep Arbeidsmigratie voor de IMC"}
    days = matches.get(their_text__contains="180 dagen")
    assert days.output.type == "study" and days.share_reused > 0.8


def test_the_imc_match_shows_side_by_side(demo, client):
    from hefboom.accounts.models import User

    client.force_login(User.objects.get(username="evaluator"))
    match = ReuseMatch.objects.get(their_text__contains="180 dagen")
    page = client.get(reverse("uptake:match", args=[match.pk])).content.decode()
    assert "VUB-studie naar de uitbuiting van arbeidsmigranten" in page
    assert "Interministeriële Conferentie van 7 juli 2023" in page
    assert page.count("<mark>") >= 4
    output_page = client.get(reverse("uptake:output", args=[match.output.pk])).content.decode()
    assert match.get_absolute_url() in output_page
