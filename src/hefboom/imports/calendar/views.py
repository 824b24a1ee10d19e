"""One screen: upload an .ics file, then confirm, edit or discard the proposed contacts.

Plain form posts do all the work; with htmx loaded, the row buttons swap only their row
(`review.html#row`), so the same view serves both.
"""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from hefboom.actors.models import Organisation, Person
from hefboom.core.access import require_record_editor
from hefboom.imports.calendar import actions, errors
from hefboom.imports.calendar.access import get_proposal_for_user, open_proposals_for
from hefboom.imports.calendar.errors import CalendarImportError
from hefboom.imports.calendar.forms import DossierChoices, ProposalForm, UploadForm
from hefboom.imports.calendar.models import CalendarImport, ProposalStatus
from hefboom.imports.calendar.reader import check_size, max_bytes


class Rows:
    """Builds the row forms of a page with one query for persons and one for organisations."""

    def __init__(self, user, proposals):
        self.dossiers = DossierChoices(user)
        person_ids, organisation_ids = set(), set()
        for proposal in proposals:
            for attendee in proposal.attendees:
                person_ids.update(attendee.get("candidate_ids", []))
                organisation_ids.update(attendee.get("organisation_ids", []))
        self.persons = Person.objects.in_bulk(person_ids)
        self.organisations = Organisation.objects.in_bulk(organisation_ids)

    def form(self, proposal, data=None) -> ProposalForm:
        return ProposalForm(proposal, data, dossiers=self.dossiers, persons=self.persons,
                            organisations=self.organisations)


def _page(request, *, upload_form=None, bound: dict | None = None, status=200):
    bound = bound or {}
    proposals = list(open_proposals_for(request.user))
    rows = Rows(request.user, proposals)
    forms = [bound.get(p.pk) or rows.form(p) for p in proposals]
    return render(request, "calendar_import/review.html", {
        "upload_form": upload_form or UploadForm(),
        "forms": forms,
        "recent_imports": CalendarImport.objects.filter(owner=request.user)[:5],
        "max_size": max_bytes(),
    }, status=status)


def review(request):
    require_record_editor(request.user)
    return _page(request)


@require_POST
def upload(request):
    require_record_editor(request.user)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, upload_form=form, status=400)
    upload = form.cleaned_data["file"]
    since, until = form.cleaned_data["since"], form.cleaned_data["until"]
    zone = timezone.get_current_timezone()
    try:
        check_size(upload.size, upload.name)  # before reading a huge file into memory
        calendar_import = actions.import_calendar(
            request.user, upload.read(), upload.name,
            since=dt.datetime.combine(since, dt.time.min, zone) if since else None,
            until=dt.datetime.combine(until, dt.time.max, zone) if until else None,
        )
    except CalendarImportError as exc:
        form.add_error("file", str(exc))
        return _page(request, upload_form=form, status=400)
    messages.success(request, calendar_import.summary())
    for problem in calendar_import.problems:
        messages.warning(request, problem)
    return redirect("calendar_import:review")


@require_POST
def decide(request):
    """Confirm one row, discard one row, or confirm the selected rows."""
    require_record_editor(request.user)
    if "discard" in request.POST:
        return _discard(request, request.POST["discard"])
    one = request.POST.get("confirm")
    pks = [one] if one else request.POST.getlist("selected")
    proposals = [get_proposal_for_user(request.user, pk) for pk in pks if str(pk).isdigit()]
    rows = Rows(request.user, proposals)
    failed, confirmed = {}, []
    for proposal in proposals:
        if proposal.status != ProposalStatus.PROPOSED and not request.htmx:
            # e.g. the same row posted twice (back button, double click): say so, change nothing
            messages.info(request, errors.message(errors.ALREADY_HANDLED,
                                                  status=proposal.get_status_display()))
            continue
        form = rows.form(proposal, request.POST)
        if form.is_valid():
            try:
                confirmed.append(actions.confirm_proposal(request.user, proposal,
                                                          **form.decisions()))
                continue
            except ValidationError as exc:
                form.add_action_errors(exc)
        failed[proposal.pk] = form
    if request.htmx and len(proposals) == 1:
        form = failed.get(proposals[0].pk)
        proposal = proposals[0]
        proposal.refresh_from_db()
        return render(request, "calendar_import/review.html#row",
                      {"form": form, "proposal": proposal, "contact": proposal.contact})
    if confirmed:
        messages.success(request, ngettext("%(count)s contact logged.", "%(count)s contacts logged.",
                                           len(confirmed)) % {"count": len(confirmed)})
    if failed:
        return _page(request, bound=failed, status=400)
    return redirect("calendar_import:review")


def _discard(request, pk):
    proposal = get_proposal_for_user(request.user, pk)
    try:
        actions.discard_proposal(request.user, proposal)
    except ValidationError as exc:
        problem = " ".join(exc.messages)
    else:
        problem = None
    if request.htmx:
        proposal.refresh_from_db()
        return render(request, "calendar_import/review.html#row",
                      {"form": None, "proposal": proposal, "contact": proposal.contact,
                       "problem": problem})
    if problem:
        messages.error(request, problem)
    else:
        messages.success(request, _("Discarded: %(summary)s") % {"summary": proposal.summary})
    return redirect("calendar_import:review")
