"""Listening terms: the organisation's own names, reports and campaigns, and each dossier's terms.

Everyone reads them; those who edit records (policy officers, M&E, administrators) add and remove
terms. A POST either adds a term (the form) or removes one (`delete` = the term's id). With HTMX
the list section is swapped in place; without it the page reloads."""

from django.contrib import messages
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from hefboom.core.access import require_record_editor
from hefboom.listening.models import TermKind, WatchTerm
from hefboom.listening.term_forms import WatchTermForm
from hefboom.strategy.models import Dossier


def _page(request, dossier):
    if dossier is None:
        terms = WatchTerm.objects.filter(dossier__isnull=True).select_related("output")
    else:
        terms = dossier.watch_terms.all()
    form = WatchTermForm(dossier=dossier)
    status = 200
    if request.method == "POST":
        require_record_editor(request.user)
        if "delete" in request.POST:
            try:
                pk = int(request.POST["delete"])
            except ValueError:
                return HttpResponseBadRequest(_("Which term should be removed?"))
            term = get_object_or_404(terms, pk=pk)
            term.delete()
            messages.success(request, _("Removed “%(term)s”.") % {"term": term.term})
        else:
            form = WatchTermForm(request.POST, dossier=dossier)
            if form.is_valid():
                term = form.save(user=request.user)
                messages.success(request, _("Added “%(term)s”.") % {"term": term.term})
                form = WatchTermForm(dossier=dossier)
            elif not request.headers.get("HX-Request"):
                status = 400  # HTMX swaps only 2xx answers: it gets the form with its errors as 200
        if not request.headers.get("HX-Request") and status == 200:
            return redirect(request.path)
    partial = bool(request.headers.get("HX-Request"))  # the base page shows messages otherwise
    template = "listening/_terms.html" if partial else "listening/terms.html"
    groups = []
    for kind in TermKind:
        rows = [t for t in terms if t.kind == kind]
        if rows:
            groups.append((kind.label, rows))
    return render(request, template, {
        "dossier": dossier, "groups": groups, "form": form,
        "can_edit": request.user.can_edit_records, "partial": partial,
    }, status=status)


@require_http_methods(["GET", "POST"])
def organisation_terms(request):
    """The organisation's own names and the names of its reports, studies and campaigns."""
    return _page(request, None)


@require_http_methods(["GET", "POST"])
def dossier_terms(request, pk):
    """The terms that place a text in this dossier."""
    return _page(request, get_object_or_404(Dossier.objects.select_related("theme"), pk=pk))
