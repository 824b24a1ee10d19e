"""Which kinds of record can be tagged to evaluation questions, and who may see which.

Outcomes and evidence are registered here; the apps that own contribution claims and narratives
register theirs in `AppConfig.ready()`:

    from hefboom.evaluation.taggable import register_taggable
    register_taggable("claim", ContributionClaim, _("Contribution claim"),
                      visible=lambda user: ContributionClaim.objects.all())

`visible(user)` must return the records of that kind `user` may see (not in the bin, nothing
confidential they may not read); tags on any other record are ignored everywhere.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

_kinds: dict[str, "Taggable"] = {}


@dataclass(frozen=True)
class Taggable:
    kind: str
    model: type
    label: Any
    visible: Callable[[Any], Any]
    url: Callable[[Any], str]
    text: Callable[[Any, Any], str]


def register_taggable(kind: str, model, label, *, visible, url=None, text=None) -> Taggable:
    """`url(record)` defaults to `record.get_absolute_url()`; `text(record, user)` is the body
    of the record's page in the evidence pack, as `user` may read it (outcomes and evidence
    have their own pages)."""
    taggable = Taggable(kind, model, label, visible,
                        url or (lambda record: record.get_absolute_url()),
                        text or (lambda record, user: ""))
    _kinds[kind] = taggable
    return taggable


def taggables() -> list[Taggable]:
    return list(_kinds.values())


def taggable(kind: str) -> Taggable | None:
    return _kinds.get(kind)


def taggable_for_model(model) -> Taggable | None:
    return next((t for t in _kinds.values() if t.model is model._meta.concrete_model), None)


def register_core_taggables() -> None:
    from django.utils.translation import gettext_lazy as _

    from hefboom.core.access import visible_claims
    from hefboom.learning.models import Narrative
    from hefboom.learning.selectors import narrative_text
    from hefboom.monitoring.models import ContributionClaim, Evidence, Outcome

    register_taggable("outcome", Outcome, _("Outcome"), visible=lambda user: Outcome.objects.all())
    register_taggable("evidence", Evidence, _("Evidence"),
                      visible=lambda user: Evidence.objects.filter(outcome__deleted_at__isnull=True)
                      .select_related("outcome"),
                      url=lambda evidence: f"{evidence.outcome.get_absolute_url()}#evidence-{evidence.pk}")
    register_taggable("claim", ContributionClaim, _("Contribution claim"),
                      visible=lambda user: visible_claims(user).select_related("outcome"),
                      text=lambda claim, user: "\n\n".join(filter(None, [
                          claim.statement, claim.story, claim.alternatives,
                          f"{claim.confidence:.3f} ({claim.confidence_word})"])))
    register_taggable("narrative", Narrative, _("Narrative"),
                      visible=lambda user: Narrative.objects.all(),
                      # References are resolved for the pack's reader: none they may not see.
                      text=narrative_text)
