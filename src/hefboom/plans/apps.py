"""Dossier plans across the services, following them, and the steering-group page."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "hefboom.plans"
    verbose_name = _("Plans")

    def ready(self):
        from hefboom.plans.models import DossierPlan, PlanObjective, PlanStep
        from hefboom.reporting.locks import dossier_programmes, register_scope, years_between

        # A plan whose period overlaps an approved (locked) year of its programme cannot be
        # created, changed or removed, nor can its objectives and steps.
        def plan_years(plan):
            return years_between(plan.period_start, plan.period_end) if plan else set()

        def plan_programmes(plan):
            return dossier_programmes([plan.dossier_id]) if plan and plan.dossier_id else set()

        def plan_of(record):
            return record.plan if record.plan_id else None

        register_scope(DossierPlan, plan_years, lambda r, links: plan_programmes(r))
        for model in (PlanObjective, PlanStep):
            register_scope(model, lambda r: plan_years(plan_of(r)),
                           lambda r, links: plan_programmes(plan_of(r)))
