"""What happened and what changed: contacts, activities, outputs, outcomes and their evidence."""

from hefboom.monitoring.models.claims import PRESETS, ClaimEvidence, ContributionClaim, EvidenceTestType
from hefboom.monitoring.models.contacts import Channel, Confidentiality, Contact
from hefboom.monitoring.models.followups import FollowUp
from hefboom.monitoring.models.observations import ProgressMarkerObservation, Rating
from hefboom.monitoring.models.outcomes import (
    ChangeType,
    ContributionLink,
    Evidence,
    EvidenceSource,
    Outcome,
    Reliability,
    Substantiation,
)
from hefboom.monitoring.models.work import Activity, ActivityType, Output, OutputType

__all__ = [
    "Activity",
    "ActivityType",
    "ChangeType",
    "Channel",
    "ClaimEvidence",
    "Confidentiality",
    "Contact",
    "ContributionClaim",
    "ContributionLink",
    "Evidence",
    "EvidenceSource",
    "FollowUp",
    "Outcome",
    "Output",
    "OutputType",
    "PRESETS",
    "ProgressMarkerObservation",
    "Rating",
    "Reliability",
    "Substantiation",
    "EvidenceTestType",
]
