"""Where a person's full name appears in free text: the export lists these places and the
erasure replaces the name there (and in those records' change history) with the pseudonym.

One list of (model, text fields), so the export shows exactly what the erasure will rewrite.
"""

import re
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Q

EXCERPT = 80  # characters of context either side of a mention


def text_fields():
    """[(model, kind, fields)] for every free text that may name a person."""
    from hefboom.learning.models import Journal, Narrative
    from hefboom.monitoring.models import (
        Activity,
        Contact,
        ContributionClaim,
        ContributionLink,
        Evidence,
        FollowUp,
        Outcome,
        Output,
    )

    spec = [
        (Contact, "contact", ("summary", "arguments", "their_position")),
        (FollowUp, "follow-up", ("description",)),
        (Outcome, "outcome", ("title", "description", "significance", "contribution")),
        (Evidence, "evidence", ("reference", "quote")),
        (ContributionLink, "contribution", ("narrative",)),
        (ContributionClaim, "claim", ("statement", "story", "alternatives")),
        (Activity, "activity", ("title", "description")),
        (Output, "output", ("title", "description")),
        (Narrative, "narrative", ("title", "text")),
        (Journal, "journal", ("narrative",)),
    ]
    return spec


def _manager(model):
    # Records in the bin hold the name too.
    return getattr(model, "all_objects", model._default_manager)


def name_pattern(name: str) -> re.Pattern:
    """The name as a whole phrase, any case: "Jan Peeters" is not found in "Jan Peetersen"."""
    return re.compile(r"(?<!\w)" + re.escape(name.strip()) + r"(?!\w)", re.IGNORECASE)


def _condition(fields, name) -> Q:
    return reduce(or_, (Q(**{f"{field}__icontains": name}) for field in fields))


@dataclass(frozen=True)
class Mention:
    kind: str
    pk: int
    field: str
    label: str  # the field's verbose name
    excerpt: str
    url: str


def find_mentions(name: str) -> list[Mention]:
    """Every free text that contains `name` (case-insensitive), with an excerpt around it."""
    if not name.strip():
        return []
    pattern = name_pattern(name)
    mentions = []
    for model, kind, fields in text_fields():
        for record in _manager(model).filter(_condition(fields, name)).order_by("pk"):
            url = record.get_absolute_url() if hasattr(record, "get_absolute_url") else ""
            for field in fields:
                text = getattr(record, field) or ""
                match = pattern.search(text)
                if match:
                    start, end = max(0, match.start() - EXCERPT), match.end() + EXCERPT
                    excerpt = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
                    mentions.append(Mention(kind, record.pk, field,
                                            str(model._meta.get_field(field).verbose_name),
                                            excerpt, url))
    return mentions


def replace_name(name: str, pseudonym: str) -> list:
    """Replace `name` with `pseudonym` in every free text and in those records' change history.

    Writes with `update()`: no new version, no write checks. An erasure is a legal duty that a
    locked reporting year does not stop, and it changes no count. Returns the changed records
    (for the search index)."""
    if not name.strip():
        return []
    pattern = name_pattern(name)
    changed = []
    for model, _kind, fields in text_fields():
        for record in _manager(model).filter(_condition(fields, name)):
            values = {f: pattern.sub(pseudonym, getattr(record, f) or "") for f in fields}
            if all(values[f] == (getattr(record, f) or "") for f in fields):
                continue  # the name only as part of a longer word
            _manager(model).filter(pk=record.pk).update(**values)
            for field, value in values.items():
                setattr(record, field, value)
            changed.append(record)
        history = getattr(model, "history", None)
        if history is not None:
            for row in history.model.objects.filter(_condition(fields, name)):
                history.model.objects.filter(pk=row.pk).update(
                    **{f: pattern.sub(pseudonym, getattr(row, f) or "") for f in fields})
    return changed
