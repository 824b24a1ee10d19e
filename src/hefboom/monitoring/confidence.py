"""Confidence in a contribution claim: Bayes' rule one evidence item at a time, and the words for it.

Pure functions (Contribution Tracing, Befani & Stedman-Bryce): each evidence item carries
P(E|H), how likely we would be to find it if the claim is true, and P(E|¬H), how likely if it is
false. Arithmetic is exact (fractions), so the order of the items never changes the result.
See docs/contribution.md.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# The words for a probability, from the highest threshold down; the last must start at 0.
DEFAULT_RUBRIC = (
    (Decimal("0.95"), _("practically certain")),
    (Decimal("0.85"), _("strong")),
    (Decimal("0.70"), _("plausible")),
    (Decimal("0.50"), _("uncertain")),
    (Decimal("0"), _("weak")),
)


@dataclass(frozen=True)
class Step:
    """One application of Bayes' rule: the confidence before and after one evidence item."""

    label: str
    prior: float
    p_if_true: float
    p_if_false: float
    likelihood_ratio: float  # math.inf when P(E|¬H) = 0
    posterior: float


def _exact(value) -> Fraction:
    # str() first: 0.95 as a float is not exactly 95/100, and users mean 95/100.
    return Fraction(str(value))


def check_probability(value, name: str, *, open_interval: bool = False) -> Fraction:
    """The value as an exact fraction, or a ValidationError naming `name` when it is no probability."""
    try:
        p = _exact(value)
    except (TypeError, ValueError, ArithmeticError):
        raise ValidationError(
            gettext("%(name)s must be a number between 0 and 1.") % {"name": name},
            code="not_a_probability",
        ) from None
    if open_interval and not 0 < p < 1:
        raise ValidationError(
            gettext("%(name)s must lie strictly between 0 and 1; 0 or 1 would mean evidence can "
                    "never change it.") % {"name": name},
            code="prior_out_of_range",
        )
    if not 0 <= p <= 1:
        raise ValidationError(
            gettext("%(name)s must lie between 0 and 1.") % {"name": name},
            code="probability_out_of_range",
        )
    return p


def check_likelihoods(label: str, p_if_true, p_if_false) -> tuple[Fraction, Fraction]:
    """Both likelihoods of one evidence item, checked; refuses a pair that makes the update undefined."""
    sensitivity = check_probability(p_if_true, gettext("P(E|H) of “%(item)s”") % {"item": label})
    type_one = check_probability(p_if_false, gettext("P(E|¬H) of “%(item)s”") % {"item": label})
    if sensitivity == 0 and type_one == 0:
        raise ValidationError(
            gettext("“%(item)s”: P(E|H) and P(E|¬H) cannot both be 0. That would mean the evidence "
                    "could not exist whether the claim is true or not, yet it was found.")
            % {"item": label},
            code="both_likelihoods_zero",
        )
    return sensitivity, type_one


def update_steps(prior, items: Iterable[tuple[str, object, object]]) -> list[Step]:
    """Bayes' rule once per (label, P(E|H), P(E|¬H)) item, in order, starting from `prior`.

    posterior = p·P(E|H) / (p·P(E|H) + (1−p)·P(E|¬H)). An item with P(E|H) = 0 (a failed hoop
    test) drives the confidence to 0 and one with P(E|¬H) = 0 to 1; both kinds in one claim
    contradict each other and are refused, whatever their order.
    """
    p = check_probability(prior, gettext("The prior"), open_interval=True)
    steps = []
    ruled_out_by = proven_by = None
    for label, p_if_true, p_if_false in items:
        sensitivity, type_one = check_likelihoods(label, p_if_true, p_if_false)
        other = proven_by if sensitivity == 0 else ruled_out_by if type_one == 0 else None
        if other is not None:
            raise ValidationError(
                gettext("“%(item)s” contradicts “%(other)s”: one says the evidence is impossible if "
                        "the claim is true, the other that it is impossible if the claim is false. "
                        "Both cannot have been found; revisit one of the two assessments.")
                % {"item": label, "other": other},
                code="contradictory_evidence",
            )
        if sensitivity == 0 and ruled_out_by is None:
            ruled_out_by = label
        if type_one == 0 and proven_by is None:
            proven_by = label
        posterior = p * sensitivity / (p * sensitivity + (1 - p) * type_one)
        steps.append(Step(
            label=label, prior=float(p), p_if_true=float(sensitivity), p_if_false=float(type_one),
            likelihood_ratio=math.inf if type_one == 0 else float(sensitivity / type_one),
            posterior=float(posterior),
        ))
        p = posterior
    return steps


def posterior(prior, items: Iterable[tuple[str, object, object]]) -> float:
    """The confidence after all items (the prior itself when there are none)."""
    steps = update_steps(prior, items)
    return steps[-1].posterior if steps else float(check_probability(prior, "prior", open_interval=True))


# The rubric: from a probability to words.

def parse_rubric(text: str) -> tuple[tuple[Decimal, str], ...]:
    """Reads "0.95:practically certain,0.85:strong,...,0:weak" (the environment variable format)."""
    levels = []
    for part in text.split(","):
        threshold, sep, word = part.partition(":")
        if not sep or not word.strip():
            raise ImproperlyConfigured(
                f"HEFBOOM_CONFIDENCE_RUBRIC: {part.strip()!r} should read THRESHOLD:WORDS, e.g. 0.85:strong."
            )
        try:
            levels.append((Decimal(threshold.strip()), word.strip()))
        except ArithmeticError:
            raise ImproperlyConfigured(
                f"HEFBOOM_CONFIDENCE_RUBRIC: {threshold.strip()!r} is not a number."
            ) from None
    return check_rubric(levels)


def check_rubric(levels) -> tuple[tuple[Decimal, str], ...]:
    """Thresholds between 0 and 1, strictly decreasing, the last one 0 so every value gets a word."""
    levels = tuple((Decimal(str(threshold)), word) for threshold, word in levels)
    thresholds = [threshold for threshold, _word in levels]
    if not levels or thresholds[-1] != 0:
        raise ImproperlyConfigured("HEFBOOM_CONFIDENCE_RUBRIC must end with a level starting at 0.")
    if any(not 0 <= t <= 1 for t in thresholds) or thresholds != sorted(set(thresholds), reverse=True):
        raise ImproperlyConfigured(
            "HEFBOOM_CONFIDENCE_RUBRIC thresholds must lie between 0 and 1, from high to low, each once."
        )
    return levels


def confidence_rubric() -> tuple[tuple[Decimal, str], ...]:
    """The rubric in use: the setting HEFBOOM_CONFIDENCE_RUBRIC (text or pairs) or the default."""
    configured = settings.HEFBOOM_CONFIDENCE_RUBRIC
    if not configured:
        return DEFAULT_RUBRIC
    if isinstance(configured, str):
        return parse_rubric(configured)
    return check_rubric(configured)


def rubric_bounds(rubric=None) -> list[tuple[str, Decimal, Decimal | None]]:
    """(word, lowest, next level's threshold or None) for each level, highest first: for filtering."""
    rubric = rubric or confidence_rubric()
    bounds, upper = [], None
    for threshold, word in rubric:
        bounds.append((str(word), threshold, upper))
        upper = threshold
    return bounds


def describe(probability, rubric=None) -> str:
    """The rubric's words for a probability, e.g. 0.93 → "strong"."""
    value = _exact(probability)
    for threshold, word in rubric or confidence_rubric():
        if value >= threshold:
            return str(word)
    return str((rubric or confidence_rubric())[-1][1])


def check_rubric_setting(app_configs=None, **kwargs):
    """System check: a malformed HEFBOOM_CONFIDENCE_RUBRIC stops start-up with its reason."""
    from django.core.checks import Error

    try:
        confidence_rubric()
    except ImproperlyConfigured as exc:
        return [Error(str(exc), id="hefboom.E010")]
    return []
