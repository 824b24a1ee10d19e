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
    text: Callable[[Any], str]


def register_taggable(kind: str, model, label, *, visible, url=None, text=None) -> Taggable:
    """`url(record)` defaults to `record.get_absolute_url()`; `text(record)` is the body of the
    record's page in the evidence pack (outcomes and evidence have their own pages)."""
    taggable = Taggable(kind, model, label, visible,
                        url or (lambda record: record.get_absolute_url()),
                        text or (lambda record: ""))
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

    from hefboom.monitoring.models import Evidence, Outcome

    register_taggable("outcome", Outcome, _("Outcome"), visible=lambda user: Outcome.objects.all())
    register_taggable("evidence", Evidence, _("Evidence"),
                      visible=lambda user: Evidence.objects.filter(outcome__deleted_at__isnull=True)
                      .select_related("outcome"),
                      url=lambda evidence: f"{evidence.outcome.get_absolute_url()}#evidence-{evidence.pk}")
