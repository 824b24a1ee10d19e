"""Writes of the coverage app: the parties' positions on the political spectrum."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from hefboom.actors.models import OrganisationType
from hefboom.core.actions import save_record


@transaction.atomic
def set_spectrum_positions(user, positions: dict) -> list:
    """Give parties their position (0 far left .. 10 far right, None unknown); `positions`
    maps party organisations to positions. All or nothing: one bad value changes no party.
    Returns the parties that changed."""
    if not user.can_edit_strategy:
        raise PermissionDenied(_("Only the M&E officer or an administrator can place parties "
                                 "on the spectrum."))
    errors, changed = [], []
    for party, position in positions.items():
        if party.type != OrganisationType.PARTY:
            errors.append(_("%(name)s is not a political party.") % {"name": party})
        elif position is not None and (not isinstance(position, int) or not 0 <= position <= 10):
            errors.append(_("%(name)s: give a position from 0 (far left) to 10 (far right), or "
                            "leave it empty; %(value)s is not one.")
                          % {"name": party, "value": position})
        elif party.spectrum_position != position:
            party.spectrum_position = position
            changed.append(party)
    if errors:
        raise ValidationError(errors)
    for party in changed:
        save_record(party, user)
    return changed
