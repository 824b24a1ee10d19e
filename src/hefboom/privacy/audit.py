"""The audit of confidential records and of acts on personal data.

Two sources, shown as one list newest first: `AccessEvent` rows (views of confidential
contacts, exports, erasures, retention decisions) and the change history of confidential
contacts (their simple_history rows), so that a change is never logged twice.
"""

import getpass

from django.db.models import CharField, F, Value

from hefboom.privacy.models import AccessAction, AccessEvent


def command_line_actor() -> str:
    """Who ran a command: the operating-system account (the command line has no Hefboom user)."""
    try:
        account = getpass.getuser()
    except (KeyError, OSError):
        account = "unknown"
    return f"command line ({account})"


def log_access(user, record, action, note: str = "", *, actor: str = "") -> AccessEvent:
    """Record that `user` (or, without one, `actor`) did `action` to `record`."""
    if user is not None and not user.is_authenticated:
        user = None
    return AccessEvent.objects.create(
        user=user, actor=actor, action=action, object_type=record._meta.model_name,
        object_id=record.pk, note=note,
    )


def log_confidential_views(user, contacts, note: str = "") -> None:
    """A page that shows several contacts (a briefing) logs a view of each confidential one, in
    one insert; nothing at all when none is confidential."""
    seen = {c.pk: c for c in contacts if c.is_confidential}
    if seen:
        AccessEvent.objects.bulk_create([
            AccessEvent(user=user if user.is_authenticated else None, action=AccessAction.VIEW,
                        object_type=contact._meta.model_name, object_id=pk, note=note)
            for pk, contact in sorted(seen.items())])


def log_confidential_view(user, contact) -> None:
    """The contact page calls this: a view is logged only for a confidential contact."""
    if contact.is_confidential:
        log_access(user, contact, AccessAction.VIEW)


def audit_entries(*, user_id=None, record=None):
    """One queryset of dicts (at, user_id, actor, action, object_type, object_id, note), newest
    first, over both sources; `record` is (object_type, object_id)."""
    from hefboom.monitoring.models import Confidentiality, Contact

    events = AccessEvent.objects.all()
    changes = Contact.history.model.objects.filter(confidentiality=Confidentiality.CONFIDENTIAL)
    if user_id is not None:
        events = events.filter(user_id=user_id)
        changes = changes.filter(history_user_id=user_id)
    if record is not None:
        object_type, object_id = record
        events = events.filter(object_type=object_type, object_id=object_id)
        changes = (changes.filter(id=object_id) if object_type == "contact"
                   else changes.none())
    text = CharField()
    # No ordering inside a UNION (SQLite refuses it); the union is ordered as a whole.
    events = events.order_by().values_list("at", "user_id", "actor", "action", "object_type", "object_id",
                                "note")
    changes = changes.order_by().annotate(
        h_actor=Value("", output_field=text),
        h_action=Value(AccessAction.CHANGE.value, output_field=text),
        h_type=Value("contact", output_field=text),
        h_object=F("id"),
        h_note=F("history_change_reason"),
    ).values_list("history_date", "history_user_id", "h_actor", "h_action", "h_type", "h_object",
                  "h_note")
    return events.union(changes, all=True).order_by("-at")
