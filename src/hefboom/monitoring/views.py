"""Lists, detail pages and edit forms for contacts, activities, outputs and outcomes."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import F
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hefboom.core.access import (
    BIN_KINDS,
    get_activity_for_user,
    get_contact_for_user,
    get_outcome_for_user,
    get_output_for_user,
    get_record_for_user,
    require_record_editor,
    visible_contacts,
    visible_contributions,
)
from hefboom.core.actions import delete_record, restore_record
from hefboom.core.forms import attempt, run_action
from hefboom.monitoring import actions
from hefboom.monitoring.exports import export_response
from hefboom.monitoring.filters import ActivityFilter, ContactFilter, OutcomeFilter, OutputFilter
from hefboom.monitoring.forms import ActivityForm, ContactForm, OutcomeForm, OutputForm
from hefboom.monitoring.models import Activity, Outcome, Output
from hefboom.monitoring.pathway_views import outcome_detail  # noqa: F401  (the page and its pathway)
from hefboom.privacy.audit import log_confidential_view

PAGE_SIZE = 50


def _record_list(request, kind, filterset_class, queryset, template):
    """A filtered, sorted, paginated list, or its export when ?export=csv|xlsx is asked."""
    filterset = filterset_class(request.GET or None, queryset=queryset, request=request)
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        return export_response(kind, filterset.qs, export)
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, template, {
        "filter": filterset,
        "page": Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page")),
        "query": query.urlencode(),
        "kind": kind,
    })


def contact_list(request):
    contacts = visible_contacts(request.user).prefetch_related(
        "dossiers", "persons", "organisations", "our_participants", "services"
    )
    return _record_list(request, "contacts", ContactFilter, contacts,
                        "monitoring/contact_list.html")


def activity_list(request):
    activities = Activity.objects.prefetch_related("dossiers", "organisations", "our_participants",
                                                   "services")
    return _record_list(request, "activities", ActivityFilter, activities,
                        "monitoring/activity_list.html")


def output_list(request):
    outputs = Output.objects.prefetch_related("dossiers", "services")
    return _record_list(request, "outputs", OutputFilter, outputs, "monitoring/output_list.html")


def outcome_list(request):
    outcomes = Outcome.objects.prefetch_related(
        "dossiers", "social_actor_organisations", "social_actor_persons")
    return _record_list(request, "outcomes", OutcomeFilter, outcomes,
                        "monitoring/outcome_list.html")


def contact_detail(request, pk):
    contact = get_contact_for_user(request.user, pk)
    log_confidential_view(request.user, contact)  # the GDPR audit (privacy app)
    return render(request, "monitoring/contact_detail.html", {
        "contact": contact,
        "contributions": visible_contributions(
            request.user, contact.contributions.select_related("outcome")),
        # Open first (by due date), then done ones; the contact is visible, so are these.
        "follow_ups": contact.follow_ups.select_related("owner", "done_by").order_by(
            F("done_at").desc(nulls_first=True), F("due_date").asc(nulls_last=True), "pk"),
    })


def activity_detail(request, pk):
    activity = get_activity_for_user(request.user, pk)
    return render(request, "monitoring/activity_detail.html", {
        "activity": activity,
        "contributions": visible_contributions(
            request.user, activity.contributions.select_related("outcome")),
    })


def output_detail(request, pk):
    output = get_output_for_user(request.user, pk)
    return render(request, "monitoring/output_detail.html", {
        "output": output,
        "contributions": visible_contributions(
            request.user, output.contributions.select_related("outcome")),
    })


# Editing: one form view shape for every record type.

def _edit(request, form_class, action, instance, template_title):
    require_record_editor(request.user)
    form = form_class(request.POST or None, request.FILES or None, instance=instance,
                      user=request.user)
    if request.method == "POST" and form.is_valid():
        record = run_action(form, action, request.user, form.save(commit=False),
                            **form.action_arguments())
        if record:
            return redirect(record)
    return render(request, "monitoring/record_form.html", {"form": form, "title": template_title,
                                                           "instance": instance})


def contact_create(request):
    return _edit(request, ContactForm, actions.record_contact, None, _("Log a contact"))


def contact_edit(request, pk):
    contact = get_contact_for_user(request.user, pk)
    return _edit(request, ContactForm, actions.record_contact, contact, _("Edit contact"))


def activity_create(request):
    return _edit(request, ActivityForm, actions.record_activity, None, _("Log an activity"))


def activity_edit(request, pk):
    activity = get_activity_for_user(request.user, pk)
    return _edit(request, ActivityForm, actions.record_activity, activity, _("Edit activity"))


def output_create(request):
    return _edit(request, OutputForm, actions.record_output, None, _("Log an output"))


def output_edit(request, pk):
    output = get_output_for_user(request.user, pk)
    return _edit(request, OutputForm, actions.record_output, output, _("Edit output"))


def outcome_create(request):
    return _edit(request, OutcomeForm, actions.record_outcome, None, _("Log an outcome"))


def outcome_edit(request, pk):
    outcome = get_outcome_for_user(request.user, pk)
    return _edit(request, OutcomeForm, actions.record_outcome, outcome, _("Edit outcome"))


# The bin: deleting only moves a record there; the M&E officer can restore it.

def record_delete(request, kind, pk):
    require_record_editor(request.user)
    record = get_record_for_user(request.user, kind, pk)
    if request.method == "POST":
        if not attempt(request, delete_record, record, request.user):
            return redirect(record)
        messages.success(request, _("“%(record)s” was moved to the bin.") % {"record": record})
        return redirect("home")
    return render(request, "monitoring/record_delete.html", {"record": record, "kind": kind})


def bin_list(request):
    entries = []
    for kind, (model, queryset) in BIN_KINDS.items():
        for record in queryset(request.user).deleted().select_related("deleted_by"):
            entries.append((kind, model._meta.verbose_name, record))
    entries.sort(key=lambda entry: entry[2].deleted_at, reverse=True)
    return render(request, "monitoring/bin.html", {"entries": entries})


@require_POST
def record_restore(request, kind, pk):
    record = get_record_for_user(request.user, kind, pk, deleted=True)
    if not attempt(request, restore_record, record, request.user):
        return redirect("monitoring:bin")
    messages.success(request, _("“%(record)s” was restored.") % {"record": record})
    return redirect(record)
