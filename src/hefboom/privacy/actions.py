"""The writes of the privacy app: export (logged), erasure, and retention decisions.

Each action checks who acts: a Hefboom user must be an administrator (the data-protection
role); `user=None` is the command line, which names the operating-system account instead.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hefboom.core.actions import save_record
from hefboom.privacy import export
from hefboom.privacy.audit import command_line_actor, log_access
from hefboom.privacy.models import AccessAction, RetentionReview
from hefboom.privacy.texts import replace_name


def may_manage_personal_data(user) -> bool:
    """Export, erasure and the audit are for administrators."""
    return bool(user and user.is_authenticated and user.is_active and user.is_administrator)


def may_review_retention(user) -> bool:
    """The retention list may be read by administrators and M&E officers."""
    return bool(user and user.is_authenticated and user.is_active
                and (user.is_administrator or user.can_edit_strategy))


def _check(user, message):
    if user is not None and not may_manage_personal_data(user):
        raise PermissionDenied(message)


def _actor(user):
    return "" if user is not None else command_line_actor()


def pseudonym(person) -> str:
    # Stored data, not UI text: the same in every language so that it can be searched for.
    return f"Erased person {person.pk}"


def export_person(person, user, fmt: str = "json") -> str:
    """The export of `person` as JSON or HTML text; logged as an export by `user`."""
    _check(user, _("Only an administrator may export a person's data."))
    if fmt not in ("json", "html"):
        raise ValidationError(_("Choose the format json or html."))
    document = export.collect(person)
    content = export.as_json(document) if fmt == "json" else export.as_html(document)
    log_access(user, person, AccessAction.EXPORT, fmt, actor=_actor(user))
    return content


def check_erasable(person) -> None:
    if person.erased_at:
        raise ValidationError(_("This person was already erased on %(day)s; there is nothing "
                                "left to erase.") % {"day": f"{person.erased_at:%Y-%m-%d}"})
    if person.user_id:
        raise ValidationError(_(
            "This person is a Hefboom user (%(user)s): deactivate or delete the user account "
            "first, and unlink it from the person, then erase the person.")
            % {"user": person.user.username})


@transaction.atomic
def erase_person(person, user, reason: str = ""):
    """Pseudonymise `person` and every trace of their name, keeping roles and links.

    Contacts, outcomes, roles and merges stay linked, so counts, coverage and outcomes do not
    change; the name, e-mail, phone and notes go, from the record, its history, the free texts
    that named them (and their history) and the merge log. The audit entry holds no name.
    """
    from hefboom.actors.models import Person
    from hefboom.search.indexing import index_record

    _check(user, _("Only an administrator may erase a person."))
    person = Person.objects.select_for_update().get(pk=person.pk)
    check_erasable(person)
    name = str(person)
    alias = pseudonym(person)
    changed = replace_name(name, alias) if name else []
    person.merges.update(merged_name=alias)
    person.history.all().delete()
    person.first_name = ""
    person.last_name = alias
    person.email = person.phone = person.notes = ""
    person.source_reference = ""
    person.erased_at = timezone.now()
    save_record(person, user)
    for record in changed:
        index_record(record)
    log_access(user, person, AccessAction.ERASE, reason, actor=_actor(user))
    return person


@transaction.atomic
def keep_after_review(person, user):
    """The person was reviewed and is kept: off the retention list for another period."""
    _check(user, _("Only an administrator may decide on retention."))
    review = RetentionReview.objects.create(person=person, reviewed_by=user, decision="keep")
    log_access(user, person, AccessAction.REVIEW, "keep", actor=_actor(user))
    return review


@transaction.atomic
def erase_notes(person, user):
    """Clear the person's notes, also from the history of their record, and record the review."""
    _check(user, _("Only an administrator may decide on retention."))
    if person.erased_at:
        raise ValidationError(_("This person was already erased."))
    person.notes = ""
    save_record(person, user)
    person.history.exclude(notes="").update(notes="")
    review = RetentionReview.objects.create(person=person, reviewed_by=user,
                                            decision="erase_notes")
    log_access(user, person, AccessAction.ERASE_NOTES, "", actor=_actor(user))
    return review
