"""Forms for plans, service objectives, steps and linking work to a step (copying a plan asks
for a period: `core.forms.PeriodForm`); saving goes through plans.actions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from hefboom.accounts.models import User
from hefboom.core.access import visible_contacts
from hefboom.monitoring.forms import DATE, RecordForm
from hefboom.monitoring.models import Activity, Contact, Output
from hefboom.plans.models import DossierPlan, PlanObjective, PlanStep
from hefboom.strategy.models import ChangeOutcome, ProgressMarker, Service, Theme

TICKS = forms.CheckboxSelectMultiple
TEXT = forms.Textarea(attrs={"rows": 5})
# Records offered for linking to a step: the newest of the dossier within the plan period.
LINK_CHOICES = 60


def _services(current=None):
    """Active services, plus the one already chosen if it has since become inactive."""
    query = Service.objects.filter(is_active=True)
    if current:
        query = Service.objects.filter(pk__in=[*query.values_list("pk", flat=True), *current])
    return query


class PlanForm(RecordForm):
    m2m_fields = ("change_outcomes", "progress_markers")

    class Meta:
        model = DossierPlan
        fields = ["period_start", "period_end", "status", "problem_analysis", "lobby_goals",
                  "change_outcomes", "progress_markers"]
        widgets = {"period_start": DATE, "period_end": DATE, "problem_analysis": TEXT,
                   "lobby_goals": TEXT, "change_outcomes": TICKS, "progress_markers": TICKS}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        dossier = self.instance.dossier
        self.fields["change_outcomes"].queryset = ChangeOutcome.objects.filter(
            theme_id=dossier.theme_id)
        self.fields["progress_markers"].queryset = ProgressMarker.objects.filter(
            dossier=dossier).select_related("boundary_partner")
        self.fields["problem_analysis"].help_text = _(
            "What is the problem, who decides, and what stands in the way?")
        self.fields["lobby_goals"].help_text = _("What we want decision makers to do this period.")


class ObjectiveForm(RecordForm):
    class Meta:
        model = PlanObjective
        fields = ["service", "objectives", "expected_results"]
        widgets = {"objectives": TEXT, "expected_results": TEXT}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = [self.instance.service_id] if self.instance.service_id else None
        self.fields["service"].queryset = _services(current)

    def clean(self):
        cleaned = super().clean()
        service = cleaned.get("service")
        plan = self.instance.plan
        if service and plan.objectives.filter(service=service).exclude(
                pk=self.instance.pk).exists():
            self.add_error("service", _("%(service)s already has objectives in this plan; "
                                        "edit those.") % {"service": service})
        return cleaned


class StepForm(RecordForm):
    m2m_fields = ("supporting_services", "change_outcomes", "progress_markers")

    class Meta:
        model = PlanStep
        fields = ["order", "title", "description", "responsible_service", "supporting_services",
                  "responsible_person", "due_date", "status", "change_outcomes",
                  "progress_markers"]
        widgets = {"due_date": DATE, "description": forms.Textarea(attrs={"rows": 3}),
                   "supporting_services": TICKS, "change_outcomes": TICKS,
                   "progress_markers": TICKS}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        plan = self.instance.plan
        step = self.instance
        current = [step.responsible_service_id] if step.responsible_service_id else None
        self.fields["responsible_service"].queryset = _services(current)
        self.fields["responsible_service"].error_messages["required"] = _(
            "Choose the service responsible for this step: every step has one service that "
            "answers for it.")
        self.fields["supporting_services"].queryset = _services(
            list(step.supporting_services.values_list("pk", flat=True)) if step.pk else None)
        self.fields["responsible_person"].queryset = User.objects.filter(is_active=True)
        self.fields["change_outcomes"].queryset = ChangeOutcome.objects.filter(
            theme_id=plan.dossier.theme_id)
        self.fields["progress_markers"].queryset = ProgressMarker.objects.filter(
            dossier_id=plan.dossier_id).select_related("boundary_partner")
        if step._state.adding and not self.is_bound:
            if user is not None and user.service_id:
                self.initial.setdefault("responsible_service", user.service_id)
            self.initial.setdefault("order", (plan.steps.count() + 1) * 10)

    def clean(self):
        cleaned = super().clean()
        due, plan = cleaned.get("due_date"), self.instance.plan
        if due and not plan.period_start <= due <= plan.period_end:
            self.add_error("due_date", _("The step is due outside the plan's period (%(period)s).")
                           % {"period": plan.period})
        return cleaned


def _choice_label(record) -> str:
    text = getattr(record, "title", None) or getattr(record, "summary", "")
    return f"{record.date:%Y-%m-%d} · {text[:90]}"


class LinkWorkForm(forms.Form):
    """Pick records of the plan's dossier to link to a step: the newest within the plan's
    period are offered (capped); any record of the dossier the user may see is accepted."""

    contacts = forms.ModelMultipleChoiceField(
        label=_("Contacts"), queryset=Contact.objects.none(), required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}))
    activities = forms.ModelMultipleChoiceField(
        label=_("Activities"), queryset=Activity.objects.none(), required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}))
    outputs = forms.ModelMultipleChoiceField(
        label=_("Outputs"), queryset=Output.objects.none(), required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}))

    def __init__(self, *args, step, user, **kwargs):
        super().__init__(*args, **kwargs)
        plan = step.plan
        querysets = {"contacts": visible_contacts(user), "activities": Activity.objects.all(),
                     "outputs": Output.objects.all()}
        for name, queryset in querysets.items():
            queryset = queryset.filter(dossiers=plan.dossier_id)
            field = self.fields[name]
            field.queryset = queryset
            text = "summary" if name == "contacts" else "title"
            offered = (queryset.filter(date__gte=plan.period_start, date__lte=plan.period_end)
                       .exclude(plan_steps=step).only("pk", "date", text)
                       .order_by("-date", "-pk")[:LINK_CHOICES])
            field.choices = [(record.pk, _choice_label(record)) for record in offered]
        self.offered = any(self.fields[name].choices for name in querysets)

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(name) for name in ("contacts", "activities", "outputs")):
            raise forms.ValidationError(_("Choose at least one record to link."))
        return cleaned


ALL_YEARS = "all"


class PlanFilterForm(forms.Form):
    """Theme and year; without a year the plans running this year are shown (a year holds one
    plan per dossier; all ten years of plans at once is asked for with "All years")."""

    theme = forms.ModelChoiceField(label=_("Theme"), queryset=Theme.objects.all(), required=False)
    year = forms.ChoiceField(label=_("Year"), required=False)

    def __init__(self, *args, years=(), current: int, **kwargs):
        super().__init__(*args, **kwargs)
        years = sorted({*years, current}, reverse=True)
        self.fields["year"].choices = [(str(y), str(y)) for y in years] + [
            (ALL_YEARS, _("All years"))]
        self.fields["year"].initial = str(current)
        self.current = current

    def chosen_year(self) -> int | None:
        """The year asked for, None for all years."""
        if not self.is_bound or not self.is_valid():
            return self.current
        year = self.cleaned_data.get("year") or str(self.current)
        return None if year == ALL_YEARS else int(year)
