"""Bayes' rule for contribution claims, checked against numbers worked out by hand."""

import math
from decimal import Decimal

import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError

from hefboom.monitoring.confidence import (
    DEFAULT_RUBRIC,
    describe,
    parse_rubric,
    posterior,
    rubric_bounds,
    update_steps,
)

HOOP = ("the organisation had asked for it for years", 0.95, 0.6)
STRAW = ("policymakers acknowledged the contribution", 0.6, 0.4)
SMOKING_GUN = ("the state secretary said she answered our request", 0.3, 0.05)


def test_one_hoop_test_from_an_even_prior():
    # 0.5·0.95 / (0.5·0.95 + 0.5·0.6) = 0.475 / 0.775 = 0.612903…
    [step] = update_steps(0.5, [HOOP])
    assert step.prior == 0.5
    assert (step.p_if_true, step.p_if_false) == (0.95, 0.6)
    assert step.likelihood_ratio == pytest.approx(1.583333, abs=1e-6)  # 0.95 / 0.6
    assert step.posterior == pytest.approx(0.612903, abs=1e-6)


def test_three_items_step_by_step_the_resettlement_example():
    steps = update_steps(Decimal("0.5"), [HOOP, STRAW, SMOKING_GUN])
    # 1. hoop:        0.475 / (0.475 + 0.5·0.6)                    = 0.612903
    # 2. straw:       0.612903·0.6 / (0.612903·0.6 + 0.387097·0.4) = 0.367742 / 0.522581
    #                                                              = 0.703704 (19/27)
    # 3. smoking gun: 0.703704·0.3 / (0.703704·0.3 + 0.296296·0.05) = 0.211111 / 0.225926
    #                                                               = 0.934426 (57/61)
    assert [round(s.posterior, 6) for s in steps] == [0.612903, 0.703704, 0.934426]
    assert steps[1].prior == steps[0].posterior and steps[2].prior == steps[1].posterior
    assert steps[2].posterior == pytest.approx(57 / 61, abs=1e-12)
    assert [s.label for s in steps] == [HOOP[0], STRAW[0], SMOKING_GUN[0]]


def test_the_order_of_the_evidence_does_not_change_the_result():
    # In odds: 1 × 0.95/0.6 × 0.6/0.4 × 0.3/0.05 = 14.25, and 14.25 / 15.25 = 57/61 in any order.
    forward = posterior(0.5, [HOOP, STRAW, SMOKING_GUN])
    backward = posterior(0.5, [SMOKING_GUN, STRAW, HOOP])
    assert forward == backward == pytest.approx(57 / 61, abs=1e-12)


def test_doubly_decisive_from_a_sceptical_prior():
    # 0.2·0.95 / (0.2·0.95 + 0.8·0.05) = 0.19 / 0.23 = 0.826087
    assert posterior(0.2, [("minutes", 0.95, 0.05)]) == pytest.approx(0.826087, abs=1e-6)


def test_no_evidence_leaves_the_prior():
    assert update_steps(0.3, []) == []
    assert posterior(0.3, []) == 0.3


def test_a_failed_hoop_test_drives_the_confidence_to_zero_and_it_stays_there():
    steps = update_steps(0.9, [("no trace of our request in the file", 0, 0.5), STRAW])
    assert steps[0].posterior == 0
    assert steps[0].likelihood_ratio == 0
    assert steps[1].posterior == 0  # 0·0.6 / (0·0.6 + 1·0.4)


def test_evidence_impossible_without_the_claim_makes_it_certain():
    [step] = update_steps(0.1, [("signed statement", 0.5, 0)])
    assert step.posterior == 1
    assert math.isinf(step.likelihood_ratio)


def test_likelihoods_of_one_are_allowed():
    # 0.5·1 / (0.5·1 + 0.5·1) = 0.5: evidence that is certain either way changes nothing.
    assert posterior(0.5, [("press release", 1, 1)]) == 0.5


def test_both_likelihoods_zero_is_refused_naming_the_item():
    message = "“the minutes”: P\\(E\\|H\\) and P\\(E\\|¬H\\) cannot both be 0"
    with pytest.raises(ValidationError, match=message):
        update_steps(0.5, [HOOP, ("the minutes", 0, 0)])


def test_contradictory_evidence_is_refused_in_either_order():
    ruled_out = ("no trace", 0, 0.5)
    proven = ("signed statement", 0.5, 0)
    with pytest.raises(ValidationError, match="“signed statement” contradicts “no trace”"):
        update_steps(0.5, [ruled_out, STRAW, proven])
    with pytest.raises(ValidationError, match="“no trace” contradicts “signed statement”"):
        update_steps(0.5, [proven, ruled_out])


@pytest.mark.parametrize("prior", [0, 1, -0.1, 1.5, "abc", None])
def test_the_prior_lies_strictly_between_zero_and_one(prior):
    with pytest.raises(ValidationError, match="The prior must"):
        update_steps(prior, [HOOP])


@pytest.mark.parametrize("p_if_true, p_if_false, name", [
    (1.2, 0.5, "P\\(E\\|H\\) of “x”"), (0.5, -0.01, "P\\(E\\|¬H\\) of “x”"),
    ("much", 0.5, "P\\(E\\|H\\) of “x” must be a number"),
])
def test_likelihoods_lie_between_zero_and_one(p_if_true, p_if_false, name):
    with pytest.raises(ValidationError, match=name):
        update_steps(0.5, [("x", p_if_true, p_if_false)])


@pytest.mark.parametrize("value, words", [
    (0.99, "practically certain"), (0.95, "practically certain"), (0.934426, "strong"),
    (0.85, "strong"), (0.7037, "plausible"), (0.6129, "uncertain"), (0.5, "uncertain"),
    (0.4999, "weak"), (0, "weak"),
])
def test_default_rubric(value, words):
    assert describe(value) == words


def test_rubric_from_the_setting(settings):
    settings.HEFBOOM_CONFIDENCE_RUBRIC = "0.9:convincing, 0.6:likely ,0:not shown"
    assert describe(0.934426) == "convincing"
    assert describe(0.7) == "likely"
    assert describe(0.2) == "not shown"
    assert [(w, str(lo), hi and str(hi)) for w, lo, hi in rubric_bounds()] == [
        ("convincing", "0.9", None), ("likely", "0.6", "0.9"), ("not shown", "0", "0.6")]
    settings.HEFBOOM_CONFIDENCE_RUBRIC = [(0.5, "more likely than not"), (0, "not shown")]
    assert describe(0.51) == "more likely than not"


@pytest.mark.parametrize("text", ["0.9:a,0.5:b", "0.5:a,0.9:b,0:c", "1.5:a,0:b", "x:a,0:b", "0.9,0:b",
                                  "0.9:a,0.9:b,0:c"])
def test_a_bad_rubric_setting_fails_loudly(text):
    with pytest.raises(ImproperlyConfigured, match="HEFBOOM_CONFIDENCE_RUBRIC"):
        parse_rubric(text)


def test_the_default_rubric_is_valid():
    assert DEFAULT_RUBRIC[-1][0] == 0
    assert describe(0.5, DEFAULT_RUBRIC) == "uncertain"


def test_a_bad_rubric_fails_the_start_up_checks(settings):
    from django.core.checks import run_checks

    settings.HEFBOOM_CONFIDENCE_RUBRIC = "0.9:strong"
    assert [e.id for e in run_checks() if e.id == "hefboom.E010"] == ["hefboom.E010"]
    settings.HEFBOOM_CONFIDENCE_RUBRIC = "0.9:strong,0:weak"
    assert not [e for e in run_checks() if e.id == "hefboom.E010"]
