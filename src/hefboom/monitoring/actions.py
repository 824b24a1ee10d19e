"""Writes of monitoring records; forms, imports and the demo all go through these."""

import contextlib

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from hefboom.core.actions import save_record
from hefboom.monitoring.confidence import update_steps
from hefboom.monitoring.models import (
    Activity,
    ClaimEvidence,
    Contact,
    ContributionClaim,
    ContributionLink,
    Evidence,
    Outcome,
    Output,
)

# A follow-up's errors, named after the contact form's fields that carry them.
FOLLOW_UP_FIELDS = {"description": "follow_up", "due_date": "follow_up_due",
                    "owner": "follow_up_owner"}


def _links(m2m: dict, **optional) -> dict:
    """`m2m` plus the optional links that were given: services and partners left out (None)
    keep what an edited record has (its stored partners are still checked against its date)."""
    return m2m | {name: list(values) for name, values in optional.items() if values is not None}


@transaction.atomic
def record_contact(user, contact: Contact, *, our_participants, dossiers, persons=(),
                   organisations=(), services=None, partners=None, follow_ups=(),
                   expected_version=None) -> Contact:
    """Save a contact and (optionally) new follow-ups of it, all or nothing. A partner must
    have been a member organisation or a coalition of ours on the contact's date."""
    contact = save_record(
        contact,
        user,
        expected_version=expected_version,
        m2m=_links({
            "our_participants": list(our_participants),
            "dossiers": list(dossiers),
            "persons": list(persons),
            "organisations": list(organisations),
        }, services=services, partners=partners),
        required_m2m=("our_participants", "dossiers"),
    )
    from hefboom.monitoring.followups import add_follow_up

    for follow_up in follow_ups:
        follow_up.contact = contact
        try:
            add_follow_up(user, follow_up, check_contact=False)
        except ValidationError as exc:
            if not hasattr(exc, "error_dict"):
                raise
            raise ValidationError({FOLLOW_UP_FIELDS.get(name, name): errors
                                   for name, errors in exc.error_dict.items()}) from None
    return contact


def record_activity(user, activity: Activity, *, dossiers, organisations=(),
                    our_participants=(), services=None, partners=None,
                    expected_version=None) -> Activity:
    return save_record(
        activity,
        user,
        expected_version=expected_version,
        m2m=_links({
            "dossiers": list(dossiers),
            "organisations": list(organisations),
            "our_participants": list(our_participants),
        }, services=services, partners=partners),
        required_m2m=("dossiers",),
    )


def record_output(user, output: Output, *, dossiers, services=None, partners=None,
                  expected_version=None) -> Output:
    """Add or change an output; an uploaded file must fit the same limit as evidence files."""
    _check_file_size(output.file)
    return save_record(output, user,
                       m2m=_links({"dossiers": list(dossiers)}, services=services,
                                  partners=partners),
                       required_m2m=("dossiers",), expected_version=expected_version)


def record_outcome(user, outcome: Outcome, *, dossiers, social_actor_organisations=(),
                   social_actor_persons=(), expected_version=None) -> Outcome:
    return save_record(
        outcome,
        user,
        expected_version=expected_version,
        m2m={
            "dossiers": list(dossiers),
            "social_actor_organisations": list(social_actor_organisations),
            "social_actor_persons": list(social_actor_persons),
        },
        required_m2m=("dossiers",),
    )


def evidence_max_bytes() -> int:
    """The largest evidence or output file (HEFBOOM_EVIDENCE_MAX_MB)."""
    return settings.HEFBOOM_EVIDENCE_MAX_BYTES


def record_evidence(user, evidence: Evidence, *, expected_version=None) -> Evidence:
    """Add or change an evidence item of an outcome; an uploaded file must fit the limit."""
    _check_file_size(evidence.file)
    return save_record(evidence, user, expected_version=expected_version)


def _check_file_size(upload) -> None:
    if upload and not upload._committed and upload.size > evidence_max_bytes():
        raise ValidationError({"file": ValidationError(
            _("%(file)s is %(size)s; attached files can be at most %(limit)s "
              "(HEFBOOM_EVIDENCE_MAX_MB). Upload a smaller file or give a link to it instead."),
            params={"file": upload.name, "size": filesizeformat(upload.size),
                    "limit": filesizeformat(evidence_max_bytes())},
            code="file_too_large",
        )})


def add_evidence(user, evidence: Evidence) -> Evidence:
    return record_evidence(user, evidence)


def link_contribution(user, link: ContributionLink, *, evidence=None,
                      expected_version=None) -> ContributionLink:
    """Save a contribution link and, when given, the evidence items that back it.

    The model refuses a link without exactly one source, an outcome contributing to itself and
    a circle of outcomes; evidence must belong to the link's own outcome.
    """
    m2m = None
    if evidence is not None:
        evidence = list(evidence)
        foreign = [item for item in evidence if item.outcome_id != link.outcome_id]
        if foreign:
            raise ValidationError({"evidence": ValidationError(
                _("Only evidence of this outcome can back the link; “%(item)s” belongs to "
                  "another outcome."),
                params={"item": foreign[0]}, code="evidence_of_other_outcome",
            )})
        m2m = {"evidence": evidence}
    return save_record(link, user, m2m=m2m, expected_version=expected_version)


@transaction.atomic
def unlink_contribution(user, link: ContributionLink) -> None:
    """Remove a contribution link (its history keeps who removed it and when)."""
    if not user.can_edit_records:
        raise PermissionDenied(_("Your role may read but not change records."))
    link._history_user = user
    link.delete()


# Contribution claims: every write recomputes the stored confidence in the same transaction.

def claim_steps(claim: ContributionClaim, items=None):
    """The Bayesian update of a claim, one step per assessed evidence item in order."""
    items = claim.evidence_items.select_related("evidence") if items is None else items
    return update_steps(claim.prior, [(str(i.evidence), i.p_if_true, i.p_if_false) for i in items])


def _confidence(claim, items=None) -> float:
    steps = claim_steps(claim, items)
    return steps[-1].posterior if steps else float(claim.prior)


def refresh_confidence(claim_id) -> float | None:
    """Store the claim's confidence as its evidence now says (a derived value: no new version)."""
    claim = ContributionClaim.all_objects.filter(pk=claim_id).first()
    if claim is None:
        return None
    confidence = _confidence(claim)
    ContributionClaim.all_objects.filter(pk=claim_id).update(confidence=confidence)
    return confidence


@transaction.atomic
def record_claim(user, claim: ContributionClaim, *, links=(), expected_version=None) -> ContributionClaim:
    links = list(links)
    foreign = [link for link in links if link.outcome_id != claim.outcome_id]
    if foreign:
        raise ValidationError({"links": _(
            "A claim can only rest on contribution links of its own outcome; “%(link)s” is not one."
        ) % {"link": foreign[0]}})
    # A prior out of range is left to save_record's validation, which names the field.
    with contextlib.suppress(ValidationError, TypeError, ValueError):
        claim.confidence = _confidence(claim) if claim.pk else float(claim.prior)
    return save_record(claim, user, m2m={"links": links}, expected_version=expected_version)


@transaction.atomic
def assess_evidence(user, item: ClaimEvidence, *, expected_version=None) -> ClaimEvidence:
    """Add or change an assessed evidence item; a preset test type fixes both likelihoods."""
    item.apply_preset()
    if item._state.adding and not item.order and item.claim_id:
        last = item.claim.evidence_items.order_by("-order").values_list("order", flat=True).first()
        item.order = (last or 0) + 1
    save_record(item, user, expected_version=expected_version)
    refresh_confidence(item.claim_id)  # contradictory evidence raises here and undoes the save
    return item


@transaction.atomic
def remove_claim_evidence(user, item: ClaimEvidence) -> None:
    claim_id = item.claim_id
    item._history_user = user
    item.delete()
    refresh_confidence(claim_id)
