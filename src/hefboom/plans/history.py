"""The versions of a plan, its service objectives and its steps (removed steps included): who
saved which version when, and what changed since the version before. A fixed number of queries
for the whole plan, whatever its history holds."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from hefboom.accounts.models import User
from hefboom.plans.models import DossierPlan, PlanObjective, PlanStep
from hefboom.strategy.models import Service

# Bookkeeping fields a reader does not need to see as changes.
SKIP = {"id", "created_at", "created_by", "updated_at", "updated_by", "version", "plan",
        "dossier", "copied_from", "source_reference"}
LONG_TEXT = 80
KIND_LABELS = {DossierPlan: _("Plan"), PlanObjective: _("Service objectives"),
               PlanStep: _("Step")}
TYPES = {"+": _("created"), "~": _("changed"), "-": _("removed")}


@dataclass
class Change:
    field: str
    before: str = ""
    after: str = ""


@dataclass
class Version:
    kind: str
    label: str
    row: object
    type: str
    changes: list = field(default_factory=list)

    @property
    def when(self):
        return self.row.history_date

    @property
    def who(self):
        return self.row.history_user


def _m2m_state(model, rows) -> dict:
    """history id → field name → set of linked ids, for the model's tracked links."""
    state = defaultdict(dict)
    ids = [row.history_id for row in rows]
    for model_field, m2m_model in model._tracked_history.m2m_models.items():
        if model_field.model is not model:
            continue
        target = f"{model_field.m2m_reverse_field_name()}_id"
        for history_id in ids:
            state[history_id][model_field.name] = set()
        for history_id, linked in (m2m_model.objects.filter(history_id__in=ids)
                                   .values_list("history_id", target)):
            state[history_id][model_field.name].add(linked)
    return state


def _show(model_field, value, names) -> str:
    if value is None or value == "":
        return "—"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if model_field.is_relation:
        return names.get((model_field.related_model, value), str(value))
    text = str(value)
    return text if len(text) <= LONG_TEXT else text[:LONG_TEXT] + "…"


def _versions(model, rows, names) -> list[Version]:
    rows = sorted(rows, key=lambda r: (r.id, r.history_date, r.history_id))
    links = _m2m_state(model, rows)
    fields = [f for f in model._meta.concrete_fields if f.name not in SKIP]
    m2m = [f for f in model._meta.many_to_many if f.name in model._history_m2m_fields]
    versions, previous = [], {}
    for row in rows:
        before = previous.get(row.id)
        changes = []
        if before is not None and row.history_type == "~":
            for model_field in fields:
                old, new = getattr(before, model_field.attname), getattr(row, model_field.attname)
                if old != new:
                    changes.append(Change(str(model_field.verbose_name),
                                          _show(model_field, old, names),
                                          _show(model_field, new, names)))
            for model_field in m2m:
                old = links[before.history_id].get(model_field.name, set())
                new = links[row.history_id].get(model_field.name, set())
                if old != new:
                    changes.append(Change(
                        str(model_field.verbose_name),
                        _("%(count)s removed") % {"count": len(old - new)} if old - new else "",
                        _("%(count)s added") % {"count": len(new - old)} if new - old else ""))
        label = (str(row.title) if model is PlanStep
                 else names.get((Service, row.service_id), "") if model is PlanObjective
                 else str(_("the plan")))
        versions.append(Version(str(KIND_LABELS[model]), label, row,
                                str(TYPES.get(row.history_type, row.history_type)), changes))
        previous[row.id] = row
    return versions


def plan_history(plan: DossierPlan) -> list[Version]:
    """Every version of the plan, its objectives and steps, newest first."""
    histories = {
        DossierPlan: list(DossierPlan.history.filter(id=plan.pk).select_related("history_user")),
        PlanObjective: list(PlanObjective.history.filter(plan_id=plan.pk)
                            .select_related("history_user")),
        PlanStep: list(PlanStep.history.filter(plan_id=plan.pk).select_related("history_user")),
    }
    names = {(Service, s.pk): str(s) for s in Service.objects.all()}
    people = {row.responsible_person_id for row in histories[PlanStep]} - {None}
    names |= {(User, u.pk): str(u) for u in User.objects.filter(pk__in=people)}
    versions = []
    for model, rows in histories.items():
        versions += _versions(model, rows, names)
    versions.sort(key=lambda v: (v.when, v.row.history_id), reverse=True)
    return versions
