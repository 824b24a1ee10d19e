"""Follow-ups: the writes (add, complete, reopen, reassign) and the personal list.

Every write goes through `save_record` (history, version check), is refused for viewers, and
works only on follow-ups of contacts the user may see: a confidential contact's follow-ups are
a 404 for everyone else, exactly like the contact itself.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from hefboom.accounts.models import record_editors
from hefboom.core.access import require_record_editor, visible_contacts
from hefboom.core.actions import save_record
from hefboom.monitoring.models import Contact, FollowUp

RECENTLY_DONE_DAYS = 14


def get_follow_up_for_user(user, pk) -> FollowUp:
    """The follow-up, or 404 when it does not exist or its contact is hidden from `user`."""
    return get_object_or_404(
        FollowUp.objects.visible_to(user).select_related("contact", "owner"), pk=pk)


def _check(user, follow_up: FollowUp) -> None:
    require_record_editor(user)
    # The contact must be one the user may see (and not in the bin): 404 otherwise.
    get_object_or_404(visible_contacts(user), pk=follow_up.contact_id)


def _check_owner(follow_up: FollowUp) -> None:
    """The owner must be able to act on it: an active editor who may see the contact."""
    owner = follow_up.owner
    if not (owner.is_active and owner.can_edit_records):
        raise ValidationError({"owner": ValidationError(
            _("%(user)s cannot own a follow-up: their role may only read, or their account is "
              "switched off. Choose a colleague who logs contacts."),
            params={"user": owner}, code="owner_cannot_edit")})
    contact = follow_up.contact
    if contact.is_confidential and not Contact.objects.visible_to(owner).filter(
            pk=contact.pk).exists():
        raise ValidationError({"owner": ValidationError(
            _("%(user)s may not see this confidential contact, so cannot own its follow-up. "
              "Add them as a participant first, or choose one of its participants."),
            params={"user": owner}, code="owner_cannot_see")})


def add_follow_up(user, follow_up: FollowUp, *, check_contact: bool = True) -> FollowUp:
    """Add a follow-up to a contact; its owner defaults to the user who adds it.

    `check_contact=False` is for a contact saved in the same action (logging a confidential
    contact for colleagues: the user need not be able to see it afterwards)."""
    if check_contact:
        _check(user, follow_up)
    else:
        require_record_editor(user)
    if follow_up.owner_id is None:
        follow_up.owner = user
    _check_owner(follow_up)
    return save_record(follow_up, user)


def complete_follow_up(user, follow_up: FollowUp, *, expected_version=None) -> FollowUp:
    _check(user, follow_up)
    if follow_up.is_done:
        raise ValidationError(_("This follow-up was already marked done by %(user)s.")
                              % {"user": follow_up.done_by or _("someone")})
    follow_up.done_at = timezone.now()
    follow_up.done_by = user
    return save_record(follow_up, user, expected_version=expected_version)


def reopen_follow_up(user, follow_up: FollowUp, *, expected_version=None) -> FollowUp:
    _check(user, follow_up)
    if not follow_up.is_done:
        raise ValidationError(_("This follow-up is still open."))
    follow_up.done_at = None
    follow_up.done_by = None
    return save_record(follow_up, user, expected_version=expected_version)


def reassign_follow_up(user, follow_up: FollowUp, *, owner, due_date,
                       expected_version=None) -> FollowUp:
    """Give the follow-up another owner and/or due date."""
    _check(user, follow_up)
    follow_up.owner = owner
    follow_up.due_date = due_date
    _check_owner(follow_up)
    return save_record(follow_up, user, expected_version=expected_version)


def owner_choices():
    return record_editors().order_by("first_name", "last_name", "username")


# The personal list: one query for the open follow-ups and one for the recently done.

@dataclass
class PersonalList:
    owner: object
    today: dt.date
    overdue: list = field(default_factory=list)
    due_today: list = field(default_factory=list)
    upcoming: list = field(default_factory=list)
    no_date: list = field(default_factory=list)
    recently_done: list = field(default_factory=list)

    @property
    def open_count(self) -> int:
        return len(self.overdue) + len(self.due_today) + len(self.upcoming) + len(self.no_date)


def personal_list(viewer, owner, *, today: dt.date | None = None) -> PersonalList:
    """`owner`'s follow-ups as `viewer` may see them, in the buckets of the personal list."""
    today = today or timezone.localdate()
    mine = (FollowUp.objects.visible_to(viewer).filter(owner=owner)
            .select_related("contact", "done_by"))
    result = PersonalList(owner=owner, today=today)
    for follow_up in mine.open():
        due = follow_up.due_date
        if due is None:
            result.no_date.append(follow_up)
        elif due < today:
            result.overdue.append(follow_up)
        elif due == today:
            result.due_today.append(follow_up)
        else:
            result.upcoming.append(follow_up)
    since = timezone.now() - dt.timedelta(days=RECENTLY_DONE_DAYS)
    result.recently_done = list(mine.filter(done_at__gte=since).order_by("-done_at", "-pk"))
    return result


def may_view_others(user) -> bool:
    """M&E officers and administrators may open a colleague's list (e.g. at a hand-over)."""
    if not (user.is_active and user.can_edit_strategy):
        raise PermissionDenied(_("Only the M&E officer or an administrator can open a "
                                 "colleague's follow-ups."))
    return True
