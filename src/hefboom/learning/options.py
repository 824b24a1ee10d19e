"""Search of records for `@` references and the journal's search fields (JSON suggestions)."""

from django.utils.translation import gettext as _

from hefboom.actors.matching import persons_named
from hefboom.actors.models import Organisation, Person
from hefboom.core.access import visible_contacts
from hefboom.core.widgets import words_match
from hefboom.learning.references import Kind, token
from hefboom.monitoring.models import Activity, Evidence, Outcome, Output

PER_KIND = 5
ONE_KIND = 20
# The journal's evidence field searches evidence too; narratives do not refer to it.
SEARCHABLE = [Kind.CONTACT, Kind.OUTCOME, Kind.OUTPUT, Kind.ACTIVITY, Kind.PERSON,
              Kind.ORGANISATION, "evidence"]


def _words(field_names, query):
    return words_match(query, *field_names)


def _search(kind, user, query):
    """(records, hint per record) of one kind matching the query, newest first."""
    if kind == Kind.CONTACT:
        records = visible_contacts(user).filter(_words(["summary"], query))
        return records, lambda c: c.get_channel_display()
    if kind == Kind.OUTCOME:
        return (Outcome.objects.filter(_words(["title"], query)),
                lambda o: o.date.isoformat())
    if kind == Kind.OUTPUT:
        return Output.objects.filter(_words(["title"], query)), lambda o: o.get_type_display()
    if kind == Kind.ACTIVITY:
        return Activity.objects.filter(_words(["title"], query)), lambda a: a.get_type_display()
    if kind == Kind.PERSON:
        records = persons_named(query) if query.strip() else Person.objects.all()
        return records.order_by("last_name", "first_name"), lambda p: ""
    if kind == Kind.ORGANISATION:
        records = Organisation.objects.filter(_words(["name", "short_name"], query))
        return records, lambda o: o.get_type_display()
    records = (Evidence.objects.filter(outcome__deleted_at__isnull=True)
               .filter(_words(["reference", "quote", "outcome__title"], query))
               .select_related("outcome").order_by("-date", "-pk"))
    return records, lambda e: str(e.outcome)


def record_options(user, query: str, kind: str | None = None) -> list[dict]:
    """Suggestions as {kind, value, text, hint, token}: a few per kind, or more of one kind."""
    kinds = [kind] if kind in SEARCHABLE else [k for k in SEARCHABLE if k != "evidence"]
    if kind is not None and kind not in SEARCHABLE:
        return []
    limit = ONE_KIND if len(kinds) == 1 else PER_KIND
    results = []
    for name in kinds:
        records, hint = _search(name, user, query.strip())
        label = str(Kind(name).label) if name in Kind.values else _("Evidence")
        for record in records[:limit]:
            results.append({"kind": name, "kind_label": label, "value": record.pk,
                            "text": str(record), "hint": hint(record), "token": token(name, record.pk)})
    return results
