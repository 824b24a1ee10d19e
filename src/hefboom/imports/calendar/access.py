"""Permission-checked fetching of proposals: a user only ever sees their own."""

from django.shortcuts import get_object_or_404

from hefboom.core.access import require_record_editor
from hefboom.imports.calendar.models import ProposalStatus, ProposedContact


def proposals_for(user):
    require_record_editor(user)
    return ProposedContact.objects.filter(owner=user)


def open_proposals_for(user):
    return proposals_for(user).filter(status=ProposalStatus.PROPOSED).select_related(
        "calendar_import")


def get_proposal_for_user(user, pk) -> ProposedContact:
    """The proposal, or 404 when it does not exist or belongs to someone else."""
    return get_object_or_404(proposals_for(user).select_related("calendar_import"), pk=pk)
