"""The page of one programme year on its way to the funder: status, log, and the steps the
reader may take (submit, approve, return or unlock with a reason)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from hefboom.reporting import periods
from hefboom.reporting.models import PeriodAction, PeriodEvent, check_year_in_programme
from hefboom.strategy.models import Programme

STEPS = {
    PeriodAction.SUBMIT: periods.submit_period,
    PeriodAction.APPROVE: periods.approve_period,
    PeriodAction.RETURN: periods.return_period,
    PeriodAction.UNLOCK: periods.unlock_period,
}
# The label of each step's button.
BUTTONS = {
    PeriodAction.SUBMIT: gettext_lazy("Submit for approval"),
    PeriodAction.APPROVE: gettext_lazy("Approve and lock"),
    PeriodAction.RETURN: gettext_lazy("Return to draft"),
    PeriodAction.UNLOCK: gettext_lazy("Unlock"),
}
NEEDS_REASON = {PeriodAction.RETURN, PeriodAction.UNLOCK}


class StepForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Reason"), required=False, max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}))


def _programme_year(programme_id, year):
    programme = get_object_or_404(Programme, pk=programme_id)
    try:
        check_year_in_programme(programme, year)
    except ValidationError as exc:
        raise Http404(" ".join(exc.messages)) from exc
    return programme


def period_detail(request, programme_id, year):
    programme = _programme_year(programme_id, year)
    period = periods.get_period(programme, year)
    events = (PeriodEvent.objects.filter(period=period).select_related("user")
              if period.pk else PeriodEvent.objects.none())
    approval = None
    if period.is_locked:
        approval = events.filter(action=PeriodAction.APPROVE).order_by("-at", "-pk").first()
    steps = [{"action": action, "label": BUTTONS[action], "needs_reason": action in NEEDS_REASON,
              "form": StepForm(auto_id=f"id_{action}_%s")}
             for action in periods.allowed_actions(request.user, period)]
    return render(request, "reporting/period.html", {
        "programme": programme, "year": year, "period": period, "events": events,
        "approval": approval, "steps": steps,
    })


@require_POST
def period_step(request, programme_id, year, action):
    programme = _programme_year(programme_id, year)
    if action not in STEPS:
        raise Http404
    form = StepForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        STEPS[action](request.user, programme, year, reason)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("%(year)s of “%(programme)s”: %(step)s.") % {
            "year": year, "programme": programme,
            "step": PeriodAction(action).label.lower()})
    return redirect("reporting:period", programme.pk, year)
