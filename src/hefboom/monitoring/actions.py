"""Writes of monitoring records; forms, imports and the demo all go through these."""

from hefboom.core.actions import save_record
from hefboom.monitoring.models import Activity, Contact, ContributionLink, Evidence, Outcome, Output


def record_contact(user, contact: Contact, *, our_participants, dossiers, persons=(),
                   organisations=(), expected_version=None) -> Contact:
    return save_record(
        contact,
        user,
        expected_version=expected_version,
        m2m={
            "our_participants": list(our_participants),
            "dossiers": list(dossiers),
            "persons": list(persons),
            "organisations": list(organisations),
        },
        required_m2m=("our_participants", "dossiers"),
    )


def record_activity(user, activity: Activity, *, dossiers, organisations=(),
                    our_participants=(), expected_version=None) -> Activity:
    return save_record(
        activity,
        user,
        expected_version=expected_version,
        m2m={
            "dossiers": list(dossiers),
            "organisations": list(organisations),
            "our_participants": list(our_participants),
        },
        required_m2m=("dossiers",),
    )


def record_output(user, output: Output, *, dossiers, expected_version=None) -> Output:
    return save_record(output, user, m2m={"dossiers": list(dossiers)}, required_m2m=("dossiers",),
                       expected_version=expected_version)


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


def add_evidence(user, evidence: Evidence) -> Evidence:
    return save_record(evidence, user)


def link_contribution(user, link: ContributionLink) -> ContributionLink:
    return save_record(link, user)
