"""Contribution claims: Mia weighs the evidence behind an outcome and everyone can check the arithmetic."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse

from hefboom.core.actions import save_record
from hefboom.monitoring import actions
from hefboom.monitoring.claim_views import claims_for_outcome
from hefboom.monitoring.models import (
    ClaimEvidence,
    ContributionClaim,
    ContributionLink,
    Evidence,
    EvidenceTestType,
    Outcome,
)

# Hand-computed: prior 0.5; hoop 0.95/0.6 → 0.612903; straw 0.6/0.4 → 0.703704 (19/27);
# smoking gun 0.3/0.05 → 0.934426 (57/61).
AFTER_HOOP, AFTER_STRAW, AFTER_SMOKING_GUN = 0.612903, 0.703704, 0.934426


def make_outcome(user, dossier, title="Autonome opvangstructuur voor hervestiging", n_evidence=3):
    outcome = actions.record_outcome(
        user, Outcome(title=title, description="De staatssecretaris besliste.",
                      date=dt.date(2023, 7, 31), change_type="policy_content"),
        dossiers=[dossier])
    for reference in ["Lange vraag van de organisatie", "Erkenning door beleidsvoerders",
                      "De staatssecretaris zelf"][:n_evidence]:
        actions.add_evidence(user, Evidence(outcome=outcome, source_type="interview",
                                            reference=f"{reference} ({title})"))
    return outcome


@pytest.fixture
def outcome(mia, dossier):
    return make_outcome(mia, dossier)


@pytest.fixture
def claim(mia, outcome):
    return actions.record_claim(mia, ContributionClaim(
        outcome=outcome, statement="De structuur kwam er mee door onze lobby bij het kabinet",
        story="Jarenlange vraag, overleg met het kabinet.", alternatives="Druk van UNHCR."))


def assess(user, claim, evidence, test_type, **numbers):
    return actions.assess_evidence(user, ClaimEvidence(claim=claim, evidence=evidence,
                                                       test_type=test_type, **numbers))


def assess_three(user, claim):
    first, second, third = claim.outcome.evidence.all()
    assess(user, claim, first, EvidenceTestType.HOOP)
    assess(user, claim, second, EvidenceTestType.STRAW_IN_THE_WIND)
    assess(user, claim, third, EvidenceTestType.SMOKING_GUN)


# Actions

def test_confidence_follows_every_change_of_the_claim_and_its_evidence(mia, claim):
    assert claim.confidence == 0.5
    first, second, third = claim.outcome.evidence.all()
    hoop = assess(mia, claim, first, EvidenceTestType.HOOP)
    claim.refresh_from_db()
    assert claim.confidence == pytest.approx(AFTER_HOOP, abs=1e-6)
    straw = assess(mia, claim, second, EvidenceTestType.STRAW_IN_THE_WIND)
    assess(mia, claim, third, EvidenceTestType.SMOKING_GUN)
    claim.refresh_from_db()
    assert claim.confidence == pytest.approx(AFTER_SMOKING_GUN, abs=1e-6)
    assert [i.order for i in claim.evidence_items.all()] == [1, 2, 3]

    actions.remove_claim_evidence(mia, straw)  # odds 1 × 19/12 × 6 = 9.5 → 9.5 / 10.5 = 0.904762
    claim.refresh_from_db()
    assert claim.confidence == pytest.approx(0.904762, abs=1e-6)

    hoop.test_type = EvidenceTestType.CUSTOM
    hoop.p_if_true, hoop.p_if_false = Decimal("0.5"), Decimal("0.5")  # likelihood ratio 1
    actions.assess_evidence(mia, hoop, expected_version=1)
    claim.refresh_from_db()
    assert claim.confidence == pytest.approx(6 / 7, abs=1e-6)  # odds 6 → 0.857143

    claim.prior = Decimal("0.2")  # odds 0.25 × 6 = 1.5 → 0.6
    actions.record_claim(mia, claim, expected_version=claim.version)
    claim.refresh_from_db()
    assert claim.confidence == pytest.approx(0.6, abs=1e-9)
    assert claim.version == 2 and claim.updated_by == mia


def test_a_preset_fixes_both_numbers(mia, claim):
    item = assess(mia, claim, claim.outcome.evidence.first(), EvidenceTestType.HOOP,
                  p_if_true=Decimal("0.1"), p_if_false=Decimal("0.9"))
    item.refresh_from_db()
    assert (item.p_if_true, item.p_if_false) == (Decimal("0.95"), Decimal("0.6"))


def test_evidence_of_another_outcome_is_refused(mia, claim, dossier):
    other = make_outcome(mia, dossier, title="Ander beleid", n_evidence=1)
    with pytest.raises(ValidationError) as exc:
        assess(mia, claim, other.evidence.get(), EvidenceTestType.HOOP)
    assert "Choose evidence of this claim's outcome" in str(exc.value.message_dict["evidence"])
    assert not ClaimEvidence.objects.exists()


def test_both_likelihoods_zero_is_refused_and_nothing_is_saved(mia, claim):
    evidence = claim.outcome.evidence.first()
    with pytest.raises(ValidationError) as exc:
        assess(mia, claim, evidence, EvidenceTestType.CUSTOM, p_if_true=0, p_if_false=0)
    assert f"“{evidence}”: P(E|H) and P(E|¬H) cannot both be 0" in exc.value.message_dict["p_if_false"][0]
    assert not ClaimEvidence.objects.exists()
    claim.refresh_from_db()
    assert claim.confidence == 0.5


def test_contradictory_evidence_is_refused_and_the_item_not_saved(mia, claim):
    first, second, _third = claim.outcome.evidence.all()
    assess(mia, claim, first, EvidenceTestType.CUSTOM, p_if_true=0, p_if_false=Decimal("0.5"))
    claim.refresh_from_db()
    assert claim.confidence == 0  # a failed hoop test is legitimate
    with pytest.raises(ValidationError, match="contradicts"):
        assess(mia, claim, second, EvidenceTestType.CUSTOM, p_if_true=Decimal("0.5"), p_if_false=0)
    assert claim.evidence_items.count() == 1


@pytest.mark.parametrize("prior", [Decimal("0"), Decimal("1"), Decimal("1.5"), Decimal("-0.2")])
def test_a_prior_outside_the_open_interval_is_refused(mia, outcome, prior):
    with pytest.raises(ValidationError) as exc:
        actions.record_claim(mia, ContributionClaim(outcome=outcome, statement="x", prior=prior))
    assert "prior" in exc.value.message_dict
    assert not ContributionClaim.objects.exists()


def test_a_claim_rests_only_on_links_of_its_own_outcome(mia, claim, dossier, open_contact):
    other = make_outcome(mia, dossier, title="Ander", n_evidence=0)
    foreign = actions.link_contribution(mia, ContributionLink(outcome=other, contact=open_contact,
                                                              narrative="Elders"))
    with pytest.raises(ValidationError, match="its own outcome"):
        actions.record_claim(mia, claim, links=[foreign])
    assert not claim.links.exists()


def test_deleting_evidence_elsewhere_keeps_the_confidence_right(mia, claim):
    assess_three(mia, claim)
    claim.outcome.evidence.order_by("pk").last().delete()  # e.g. in the admin's evidence inline
    claim.refresh_from_db()
    assert claim.confidence == pytest.approx(AFTER_STRAW, abs=1e-6)


# Pages

def claim_data(**overrides):
    data = {"statement": "Mee door onze lobby", "story": "Overleg", "alternatives": "UNHCR",
            "prior": "0.5"}
    data.update(overrides)
    return data


def test_me_officer_makes_a_claim_from_the_outcome_and_assesses_evidence(client, mia, outcome):
    client.force_login(mia)
    response = client.post(reverse("monitoring:claim_create", args=[outcome.pk]), claim_data())
    claim = ContributionClaim.objects.get()
    assert response["Location"] == claim.get_absolute_url()
    assert claim.outcome == outcome and claim.created_by == mia

    url = reverse("monitoring:claim_evidence_create", args=[claim.pk])
    first, second, third = outcome.evidence.all()
    # Without JavaScript the numbers may be left empty or stale: the preset decides.
    client.post(url, {"evidence": first.pk, "test_type": "hoop", "p_if_true": "", "p_if_false": ""})
    client.post(url, {"evidence": second.pk, "test_type": "straw", "p_if_true": "0.95",
                      "p_if_false": "0.6", "reasoning": "Erkend in interviews"})
    response = client.post(url, {"evidence": third.pk, "test_type": "custom", "p_if_true": "0.3",
                                 "p_if_false": "0.05"})
    assert response.status_code == 302
    page = client.get(claim.get_absolute_url()).content.decode()
    assert "0.934" in page and "strong" in page
    assert "0.613" in page and "0.704" in page  # the steps in between
    assert "Erkend in interviews" in page


@pytest.mark.parametrize("data, field, message", [
    ({"test_type": "custom", "p_if_true": "", "p_if_false": "0.5"}, "p_if_true", "Enter a number"),
    ({"test_type": "custom", "p_if_true": "1.2", "p_if_false": "0.5"}, "p_if_true",
     "less than or equal to 1"),
    ({"test_type": "custom", "p_if_true": "0", "p_if_false": "0"}, "p_if_false", "cannot both be 0"),
    ({"test_type": "guess", "p_if_true": "0.5", "p_if_false": "0.5"}, "test_type", "valid choice"),
])
def test_bad_assessments_name_the_field_and_save_nothing(client, alice, claim, data, field, message):
    client.force_login(alice)
    evidence = claim.outcome.evidence.first()
    response = client.post(reverse("monitoring:claim_evidence_create", args=[claim.pk]),
                           {"evidence": evidence.pk, **data})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert message in " ".join(errors[field]), errors
    assert not ClaimEvidence.objects.exists()


def test_bad_prior_on_the_form(client, alice, outcome):
    client.force_login(alice)
    response = client.post(reverse("monitoring:claim_create", args=[outcome.pk]),
                           claim_data(prior="1"))
    assert "strictly between 0 and 1" in " ".join(response.context["form"].errors["prior"])
    assert not ContributionClaim.objects.exists()


def test_viewer_reads_claims_but_cannot_change_them(client, mia, victor, claim):
    assess_three(mia, claim)
    item = claim.evidence_items.first()
    client.force_login(victor)
    page = client.get(claim.get_absolute_url())
    assert page.status_code == 200 and "0.934" in page.content.decode()
    assert reverse("monitoring:claim_edit", args=[claim.pk]) not in page.content.decode()
    assert client.get(reverse("monitoring:claims")).status_code == 200
    for url in [reverse("monitoring:claim_create", args=[claim.outcome.pk]),
                reverse("monitoring:claim_edit", args=[claim.pk]),
                reverse("monitoring:claim_delete", args=[claim.pk]),
                reverse("monitoring:claim_evidence_create", args=[claim.pk]),
                reverse("monitoring:claim_evidence_edit", args=[claim.pk, item.pk])]:
        assert client.get(url).status_code == 403, url
        assert client.post(url, claim_data()).status_code == 403, url
    remove = reverse("monitoring:claim_evidence_remove", args=[claim.pk, item.pk])
    assert client.post(remove).status_code == 403
    assert claim.evidence_items.count() == 3


def test_an_item_of_another_claim_is_not_found(client, mia, claim, outcome):
    assess_three(mia, claim)
    other = actions.record_claim(mia, ContributionClaim(outcome=outcome, statement="Andere claim"))
    item = claim.evidence_items.first()
    client.force_login(mia)
    url = reverse("monitoring:claim_evidence_remove", args=[other.pk, item.pk])
    assert client.post(url).status_code == 404
    assert claim.evidence_items.count() == 3


def test_removing_an_item_from_the_page(client, alice, mia, claim):
    assess_three(mia, claim)
    straw = claim.evidence_items.get(test_type=EvidenceTestType.STRAW_IN_THE_WIND)
    client.force_login(alice)
    client.post(reverse("monitoring:claim_evidence_remove", args=[claim.pk, straw.pk]))
    claim.refresh_from_db()
    assert claim.confidence == pytest.approx(0.904762, abs=1e-6)


def test_second_editor_of_a_claim_is_refused(client, alice, bob, claim):
    url = reverse("monitoring:claim_edit", args=[claim.pk])
    client.force_login(bob)
    assert client.post(url, claim_data(statement="Bob's claim", expected_version=1)).status_code == 302
    client.force_login(alice)
    response = client.post(url, claim_data(statement="Alice's claim", expected_version=1))
    assert "Bob's claim" in " ".join(response.context["form"].non_field_errors())
    claim.refresh_from_db()
    assert claim.statement == "Bob's claim"


def test_a_confidential_link_stays_hidden_and_survives_an_edit(client, alice, bob, mia, claim,
                                                               open_contact, confidential_contact):
    secret = actions.link_contribution(alice, ContributionLink(
        outcome=claim.outcome, contact=confidential_contact, narrative="Het geheime overleg"))
    public = actions.link_contribution(alice, ContributionLink(
        outcome=claim.outcome, contact=open_contact, narrative="Het telefoontje"))
    actions.record_claim(alice, claim, links=[secret, public])

    client.force_login(bob)
    page = client.get(claim.get_absolute_url()).content.decode()
    assert "Telefoon over hervestigingsquota" in page
    assert "Vertrouwelijk" not in page
    form_page = client.get(reverse("monitoring:claim_edit", args=[claim.pk])).content.decode()
    assert "Het geheime overleg" not in form_page
    response = client.post(reverse("monitoring:claim_edit", args=[claim.pk]),
                           claim_data(links=[public.pk], expected_version=claim.version + 0))
    assert response.status_code == 302
    assert set(claim.links.all()) == {secret, public}  # Bob could not see it, so did not drop it


def make_claims(user, dossier, n, start=0):
    for i in range(start, start + n):
        outcome = make_outcome(user, dossier, title=f"Verandering {i}")
        claim = actions.record_claim(user, ContributionClaim(outcome=outcome, statement=f"Claim {i}"))
        assess_three(user, claim)


def test_claim_page_and_list_issue_a_fixed_number_of_queries(client, mia, dossier, claim,
                                                             open_contact, django_assert_num_queries):
    assess_three(mia, claim)
    link = actions.link_contribution(mia, ContributionLink(outcome=claim.outcome, contact=open_contact,
                                                           narrative="Telefoon"))
    actions.record_claim(mia, claim, links=[link], expected_version=claim.version)
    make_claims(mia, dossier, 3)
    client.force_login(mia)
    # session and user, claim with outcome and editors, its items, links, history count (footer),
    # its evaluation tags and the questions it could be tagged to
    with django_assert_num_queries(8):
        assert client.get(claim.get_absolute_url()).status_code == 200
    # session and user, count, page of claims with outcomes and item counts, filter choices (2)
    with django_assert_num_queries(6):
        assert client.get(reverse("monitoring:claims")).status_code == 200
    make_claims(mia, dossier, 5, start=3)
    with django_assert_num_queries(6):
        assert client.get(reverse("monitoring:claims")).status_code == 200


def test_claims_are_ranked_and_filtered_by_confidence_dossier_and_theme(
    client, mia, dossier, theme, claim
):
    assess_three(mia, claim)  # 0.934 strong
    other_dossier = save_record(type(dossier)(theme=theme, code="arbeid", name="Arbeidsmigratie"), None)
    weak = actions.record_claim(mia, ContributionClaim(
        outcome=make_outcome(mia, other_dossier, title="Zwak"), statement="Zwakke claim",
        prior=Decimal("0.3")))
    certain = actions.record_claim(mia, ContributionClaim(
        outcome=make_outcome(mia, dossier, title="Zeker"), statement="Zekere claim"))
    assess(mia, certain, certain.outcome.evidence.first(), EvidenceTestType.DOUBLY_DECISIVE)  # 0.95
    claim.outcome.dossiers.add(other_dossier)  # listed once even with two dossiers
    client.force_login(mia)

    def listed(**params):
        response = client.get(reverse("monitoring:claims"), params)
        return [c.statement for c in response.context["page"]]

    assert listed() == ["Zekere claim", claim.statement, "Zwakke claim"]
    assert listed(level="strong") == [claim.statement]
    assert listed(level="practically certain") == ["Zekere claim"]
    assert listed(level="weak") == ["Zwakke claim"]
    assert listed(min_confidence="0.9") == ["Zekere claim", claim.statement]
    assert listed(dossier=other_dossier.pk) == [claim.statement, "Zwakke claim"]
    assert listed(theme=theme.pk) == ["Zekere claim", claim.statement, "Zwakke claim"]
    assert listed(min_confidence="2") == []  # invalid: nothing rather than everything
    assert weak.confidence == pytest.approx(0.3)


def test_binned_claims_and_claims_of_binned_outcomes_disappear(client, mia, claim):
    client.force_login(mia)
    assert client.post(reverse("monitoring:claim_delete", args=[claim.pk])).status_code == 302
    assert client.get(claim.get_absolute_url()).status_code == 404
    assert claim.statement not in client.get(reverse("monitoring:claims")).content.decode()
    assert claim.statement in client.get(reverse("monitoring:bin")).content.decode()
    client.post(reverse("monitoring:restore", args=["claim", claim.pk]))
    assert client.get(claim.get_absolute_url()).status_code == 200

    client.post(reverse("monitoring:delete", args=["outcome", claim.outcome.pk]))
    assert client.get(claim.get_absolute_url()).status_code == 404
    assert claim.statement not in client.get(reverse("monitoring:claims")).content.decode()


def test_the_outcome_card_lists_claims_with_their_confidence(rf, mia, victor, claim):
    assess_three(mia, claim)
    for user, can_add in [(mia, True), (victor, False)]:
        html = render_to_string("monitoring/_outcome_claims.html", {
            "outcome": claim.outcome, "claims": claims_for_outcome(user, claim.outcome), "user": user})
        assert claim.statement in html and "0.934" in html and "strong" in html
        assert "3 evidence items" in html
        assert (reverse("monitoring:claim_create", args=[claim.outcome.pk]) in html) is can_add


def test_claim_history_keeps_its_links(mia, claim, open_contact):
    link = actions.link_contribution(mia, ContributionLink(outcome=claim.outcome, contact=open_contact,
                                                           narrative="Telefoon"))
    actions.record_claim(mia, claim, links=[link])
    assert claim.history.count() == 2
    assert [row.contributionlink_id for row in claim.history.first().links.all()] == [link.pk]


def test_the_demo_case_weighs_the_resettlement_claim(db):
    from hefboom.demo.loader import load_demo_case

    load_demo_case()
    claim = ContributionClaim.objects.get(outcome__title="Autonome opvangstructuur voor hervestiging")
    assert [i.test_type for i in claim.evidence_items.all()] == ["hoop", "straw", "smoking_gun"]
    assert claim.confidence == pytest.approx(AFTER_SMOKING_GUN, abs=1e-6)
    assert claim.confidence_word == "strong"
    assert claim.links.exists()
    assert claim.source_reference.startswith("Evaluatierapport")
    load_demo_case()
    assert ContributionClaim.objects.count() == 1 and ClaimEvidence.objects.count() == 3


def test_admin_shows_claims_read_only(client, mia, claim):
    assess_three(mia, claim)
    client.force_login(mia)
    mia.is_staff = True
    mia.save()
    page = client.get(reverse("admin:monitoring_contributionclaim_change", args=[claim.pk]))
    assert page.status_code == 200 and claim.statement in page.content.decode()
    assert client.get(reverse("admin:monitoring_contributionclaim_add")).status_code == 403
