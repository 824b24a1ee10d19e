"""Which records are searchable, and how each becomes one row of the search index.

Apps register their models in `AppConfig.ready()`:

    from hefboom.search import registry
    registry.register(Narrative, kind="narrative", label=_("Narrative"), fields=("title", "text"))

A registration says which text fields to index, how to title and date a row, where it links to,
whether the record is alive (not in the bin, nor hanging off a record in the bin), which
confidential contact (if any) hides it, and which related records to re-index when it changes.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

_registry: dict[type, "Registration"] = {}


def _default_alive(record) -> bool:
    return getattr(record, "deleted_at", None) is None


@dataclass(frozen=True)
class Registration:
    model: type
    kind: str
    label: Any
    fields: tuple[str, ...]
    title: Callable[[Any], str]
    url: Callable[[Any], str]
    date: Callable[[Any], Any]
    alive: Callable[[Any], bool]
    confidential_contact: Callable[[Any], int | None]
    language: Callable[[Any], str]
    dependents: tuple[str, ...] = field(default=())
    queryset: Callable[[], Any] | None = None

    def body(self, record) -> str:
        parts = (str(getattr(record, name, "") or "") for name in self.fields)
        return "\n".join(part for part in parts if part.strip())

    def records(self):
        """All records to index when rebuilding (callers still check `alive`)."""
        if self.queryset is not None:
            return self.queryset()
        return self.model._default_manager.all()


def register(model, *, kind: str, label, fields, title=None, url=None, date="date", alive=None,
             confidential_contact=None, language=None, dependents=(), queryset=None) -> Registration:
    """Make `model` searchable.

    fields: attribute names whose text is indexed (the body); title: attribute name or callable
    (default `str(record)`); url: callable (default `get_absolute_url`); date: attribute name,
    callable or None; alive: callable (default: not soft-deleted); confidential_contact:
    callable returning the id of a confidential contact that hides the row from those who may not
    see that contact (or None); language: callable returning "nl", "fr", "en" or "";
    dependents: related managers to re-index when the record changes (e.g. an outcome's evidence,
    which leaves the index when the outcome goes to the bin); queryset: callable giving the
    records to index on a full rebuild (default: the model's default manager).
    """
    if any(r.kind == kind and r.model is not model for r in _registry.values()):
        raise ValueError(f"search kind {kind!r} is already registered")
    registration = Registration(
        model=model,
        kind=kind,
        label=label,
        fields=tuple(fields),
        title=_getter(title) if title else str,
        url=url or (lambda record: record.get_absolute_url()),
        date=_getter(date) if date else (lambda record: None),
        alive=alive or _default_alive,
        confidential_contact=confidential_contact or (lambda record: None),
        language=language or (lambda record: ""),
        dependents=tuple(dependents),
        queryset=queryset,
    )
    _registry[model] = registration
    from hefboom.search import indexing  # here: indexing needs the app registry to be ready

    indexing.connect(model)
    return registration


def _getter(spec):
    return spec if callable(spec) else (lambda record: getattr(record, spec))


def registration_for(model) -> Registration | None:
    return _registry.get(model)


def registrations() -> list[Registration]:
    return list(_registry.values())


def kinds() -> list[tuple[str, Any]]:
    """(kind, label) of every registered model, in registration order."""
    return [(r.kind, r.label) for r in _registry.values()]
