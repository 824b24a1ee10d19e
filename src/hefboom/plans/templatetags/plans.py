"""`{% dossier_plan_box dossier %}`: the current plan of a dossier, for the dossier page."""

from django import template
from django.utils import timezone

from hefboom.plans.selectors import current_plans

register = template.Library()


@register.inclusion_tag("plans/_dossier_box.html", takes_context=True)
def dossier_plan_box(context, dossier):
    today = timezone.localdate()
    plan = current_plans([dossier.pk], today).get(dossier.pk)
    return {"dossier": dossier, "plan": plan, "is_current": plan is not None and plan.covers(today),
            "user": context.get("user")}
