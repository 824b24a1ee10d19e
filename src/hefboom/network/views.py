"""Briefings, who knows whom, and hand-over reports. Views parse the request, fetch through
permission-checked helpers and hand the work to `selectors`, `knowledge` and `handover`."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify

from hefboom.accounts.models import User
from hefboom.actors.models import Organisation, Person
from hefboom.network import knowledge, selectors
from hefboom.network.handover import check_handover_reader, handover, may_read_handover
from hefboom.privacy.audit import log_confidential_views
from hefboom.strategy.models import Dossier


def _year(value):
    try:
        return int(value) if value else None
    except ValueError:
        return None


def _briefing(request, subject):
    order = "oldest" if request.GET.get("order") == "oldest" else "newest"
    data = selectors.briefing(request.user, subject, order=order,
                              year=_year(request.GET.get("year")), page=request.GET.get("page"))
    # Confidential contacts shown here (as interactions or positions) are views for the audit.
    log_confidential_views(request.user, [*data.page.object_list, *data.positions],
                           note=f"briefing of {subject._meta.model_name} {subject.pk}")
    return render(request, "network/briefing.html", {"briefing": data})


def person_briefing(request, pk):
    return _briefing(request, get_object_or_404(Person, pk=pk))


def organisation_briefing(request, pk):
    return _briefing(request, get_object_or_404(Organisation, pk=pk))


def overview(request):
    data = knowledge.overview(request.user, knowledge.parse_months(request.GET.get("months")))
    return render(request, "network/overview.html", {
        "overview": data, "may_read_handovers": may_read_handover(request.user, User()),
    })


def dossier_network(request, pk):
    dossier = get_object_or_404(Dossier.objects.select_related("theme"), pk=pk)
    data = knowledge.dossier_network(request.user, dossier,
                                     knowledge.parse_months(request.GET.get("months")))
    return render(request, "network/dossier.html", {"network": data})


def handover_report(request, user_pk):
    staff_member = get_object_or_404(User, pk=user_pk)
    check_handover_reader(request.user, staff_member)
    report = handover(request.user, staff_member,
                      knowledge.parse_months(request.GET.get("months")))
    if request.GET.get("format") == "pdf":
        from hefboom.network.pdf import render_pdf

        response = HttpResponse(render_pdf(report), content_type="application/pdf")
        name = slugify(staff_member.username) or "staff"
        response["Content-Disposition"] = f'attachment; filename="handover-{name}.pdf"'
        return response
    return render(request, "network/handover.html", {"report": report})
