"""Writes of political moments: through `save_record` (one transaction, a version per save,
edits on an older version refused), with at least one dossier."""

from django.db import transaction

from hefboom.core.access import require_record_editor
from hefboom.core.actions import check_write, save_record
from hefboom.plans.models import Moment


def save_moment(user, moment: Moment, *, dossiers, expected_version=None) -> Moment:
    require_record_editor(user)
    return save_record(moment, user, m2m={"dossiers": list(dossiers)},
                       required_m2m=("dossiers",), expected_version=expected_version)


@transaction.atomic
def delete_moment(user, moment: Moment) -> None:
    """Remove a moment; its history keeps who removed it and when."""
    require_record_editor(user)
    check_write(moment, user)
    moment._history_user = user
    moment.delete()
