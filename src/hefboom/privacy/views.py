"""The privacy pages: a person's export and erasure, the retention review, the audit and the
processing register. Views check the role, call one action and render."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hefboom.accounts.models import User
from hefboom.actors.models import Person
from hefboom.monitoring.models import Contact, Outcome
from hefboom.privacy import actions, register, retention
from hefboom.privacy.audit import audit_entries
from hefboom.privacy.forms import AuditFilterForm, EraseForm
from hefboom.privacy.models import AccessAction
from hefboom.privacy.texts import find_mentions

PAGE = 50


def _refused(request, message):
    return render(request, "privacy/refused.html", {"message": message}, status=403)


def person_overview(request, pk):
    if not actions.may_manage_personal_data(request.user):
        return _refused(request, _("Only an administrator may export or erase a person's data."))
    person = get_object_or_404(Person.objects.select_related("user"), pk=pk)
    return _overview(request, person, EraseForm())


def _overview(request, person, form, status=200):
    erasable = None
    try:
        actions.check_erasable(person)
    except ValidationError as exc:
        erasable = " ".join(exc.messages)
    return render(request, "privacy/person.html", {
        "person": person,
        "form": form,
        "not_erasable": erasable,
        "counts": {
            "roles": person.roles.count(),
            "contacts": Contact.all_objects.filter(persons=person).count(),
            "outcomes": Outcome.all_objects.filter(social_actor_persons=person).count(),
            "versions": person.history.count(),
        },
    }, status=status)


def person_mentions(request, pk):
    """The number of free texts naming the person: a fragment the overview loads after it is shown,
    since finding them reads every text of every record (a few hundred ms on 100,000 contacts)."""
    if not actions.may_manage_personal_data(request.user):
        return _refused(request, _("Only an administrator may export or erase a person's data."))
    person = get_object_or_404(Person, pk=pk)
    count = 0 if person.erased_at else len(find_mentions(str(person)))
    return render(request, "privacy/_mentions.html", {"counter": count})


def person_export(request, pk, fmt):
    if not actions.may_manage_personal_data(request.user):
        return _refused(request, _("Only an administrator may export a person's data."))
    person = get_object_or_404(Person, pk=pk)
    try:
        content = actions.export_person(person, request.user, fmt)
    except ValidationError as exc:
        return _refused(request, " ".join(exc.messages))
    content_type = "application/json" if fmt == "json" else "text/html"
    response = HttpResponse(content, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="person-{person.pk}.{fmt}"'
    return response


@require_POST
def person_erase(request, pk):
    if not actions.may_manage_personal_data(request.user):
        return _refused(request, _("Only an administrator may erase a person."))
    person = get_object_or_404(Person.objects.select_related("user"), pk=pk)
    form = EraseForm(request.POST)
    if not form.is_valid():
        return _overview(request, person, form, status=400)
    try:
        actions.erase_person(person, request.user, form.cleaned_data["reason"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("privacy:person", person.pk)
    messages.success(request, _("The person's data were erased; the record is now “%(name)s”.")
                     % {"name": actions.pseudonym(person)})
    return redirect("actors:person", person.pk)


def retention_list(request):
    if not actions.may_review_retention(request.user):
        return _refused(request, _("Only administrators and M&E officers may read the retention "
                                   "review."))
    persons = retention.due_for_review(user=request.user)
    page = Paginator(persons, PAGE).get_page(request.GET.get("page"))
    return render(request, "privacy/retention.html", {
        "page": page,
        "years": settings.HEFBOOM_RETENTION_YEARS,
        "cutoff": retention.cutoff(),
        "may_decide": actions.may_manage_personal_data(request.user),
    })


RETENTION_DECISIONS = {"keep": actions.keep_after_review, "erase_notes": actions.erase_notes}


@require_POST
def retention_decide(request, pk):
    if not actions.may_manage_personal_data(request.user):
        return _refused(request, _("Only an administrator may decide on retention."))
    person = get_object_or_404(Person, pk=pk)
    decision = request.POST.get("decision")
    if decision not in RETENTION_DECISIONS:
        messages.error(request, _("Choose “keep” or “erase notes”."))
        return redirect("privacy:retention")
    try:
        RETENTION_DECISIONS[decision](person, request.user)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    else:
        messages.success(request, _("%(person)s: reviewed, off the list for %(years)s years.")
                         % {"person": person, "years": settings.HEFBOOM_RETENTION_YEARS})
    return redirect("privacy:retention")


RECORD_URLS = {"contact": "monitoring:contact", "person": "actors:person"}


def audit(request):
    if not actions.may_manage_personal_data(request.user):
        return _refused(request, _("Only an administrator may read the audit."))
    users = User.objects.order_by("username")
    form = AuditFilterForm(request.GET or None, users=users)
    user_id = record = None
    if form.is_valid():
        user_id = form.cleaned_data["user"]
        record = form.record_key()
    elif form.is_bound:
        return render(request, "privacy/audit.html", {"form": form, "page": None}, status=400)
    page = Paginator(audit_entries(user_id=user_id, record=record), PAGE).get_page(
        request.GET.get("page"))
    names = {u.pk: str(u) for u in users}
    labels = dict(AccessAction.choices)
    rows = [{
        "at": at, "who": names.get(uid) or actor or "—", "action": labels.get(action, action),
        "record": f"{kind} {number}",
        "url": reverse(RECORD_URLS[kind], args=[number]) if kind in RECORD_URLS else "",
        "note": note or "",
    } for at, uid, actor, action, kind, number, note in page]
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "privacy/audit.html", {
        "form": form, "page": page, "rows": rows, "query": query.urlencode(),
    })


def processing_register(request):
    return render(request, "privacy/register.html", {
        "categories": register.categories(),
        "years": settings.HEFBOOM_RETENTION_YEARS,
        "is_administrator": actions.may_manage_personal_data(request.user),
        "may_review": actions.may_review_retention(request.user),
    })
