"""Uptake's pages: the policy documents, where our passages appear, a match side by side, and
the match attached as evidence. Everyone who may log in may read them; adding documents and
evidence takes a role that may change records."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hefboom.core.access import get_output_for_user, require_record_editor
from hefboom.core.forms import add_refusal
from hefboom.uptake import actions
from hefboom.uptake.forms import MatchEvidenceForm, PolicyDocumentForm, PolicyDocumentUploadForm
from hefboom.uptake.highlight import context, pieces, spans_for
from hefboom.uptake.models import DocumentStatus, PolicyDocument, ReuseMatch, ScanRun
from hefboom.uptake.tasks import scan_policy_documents


def visible_matches(user):
    """Matches whose output is not in the bin (outputs are not confidential)."""
    return ReuseMatch.objects.filter(output__deleted_at__isnull=True).select_related(
        "output", "document")


def get_match_for_user(user, pk) -> ReuseMatch:
    return get_object_or_404(visible_matches(user), pk=pk)


def get_document_for_user(user, pk) -> PolicyDocument:
    return get_object_or_404(PolicyDocument.objects.all(), pk=pk)


def document_list(request):
    documents = PolicyDocument.objects.annotate(
        match_count=Count("matches", filter=Q(matches__output__deleted_at__isnull=True)))
    return render(request, "uptake/document_list.html", {
        "documents": documents,
        "not_analysed": documents.filter(status=DocumentStatus.NOT_ANALYSED).count(),
        "last_scan": ScanRun.objects.filter(finished__isnull=False).first(),
    })


def document_upload(request):
    require_record_editor(request.user)
    form = PolicyDocumentUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload = data.get("upload")
        fields = {name: data.get(name) or "" for name in ("kind", "institution", "level", "url",
                                                         "language")}
        document = actions.import_document(
            request.user, name=upload.name if upload else "",
            data=upload.read() if upload else None, text=data.get("pasted") or "",
            title=data.get("title") or (upload.name.rsplit(".", 1)[0] if upload else ""),
            date=data.get("date"), **fields)
        _announce(request, document)
        return redirect(document)
    return render(request, "uptake/document_form.html", {
        "form": form, "title": _("Add a policy document")})


def _announce(request, document):
    if document.status == DocumentStatus.NOT_ANALYSED:
        messages.error(request, _("“%(title)s” was added but will not be analysed: %(reason)s")
                       % {"title": document, "reason": document.status_reason})
    else:
        scan_policy_documents.enqueue()
        messages.success(request, _("“%(title)s” was added; its passages are compared with our "
                                    "outputs now.") % {"title": document})


def document_edit(request, pk):
    require_record_editor(request.user)
    document = get_document_for_user(request.user, pk)
    form = PolicyDocumentForm(request.POST or None, instance=document)
    if request.method == "POST" and form.is_valid():
        document = actions.update_document(request.user, form.save(commit=False))
        _announce(request, document)
        return redirect(document)
    return render(request, "uptake/document_form.html", {
        "form": form, "title": _("Edit policy document"), "instance": document})


def document_detail(request, pk):
    document = get_document_for_user(request.user, pk)
    matches = visible_matches(request.user).filter(document=document).order_by(
        "their_start", "-score")
    return render(request, "uptake/document_detail.html", {
        "document": document, "matches": matches})


def output_matches(request, pk):
    output = get_output_for_user(request.user, pk)
    matches = list(visible_matches(request.user).filter(output=output).order_by(
        "document__date", "item_date", "document", "our_start", "-score"))
    groups: dict = {}
    for match in matches:
        groups.setdefault((match.document_id, match.item_id), []).append(match)
    return render(request, "uptake/output_matches.html", {
        "output": output, "groups": list(groups.values()), "count": len(matches)})


def _side(match, side):
    text = match.our_text if side == "ours" else match.their_text
    full = match.output.full_text if side == "ours" else (
        match.document.text if match.document_id else "")
    start = match.our_start if side == "ours" else match.their_start
    before, after = context(full, start, len(text))
    return {"pieces": pieces(text, spans_for(match.alignment, side)),
            "before": before, "after": after}


def match_detail(request, pk):
    match = get_match_for_user(request.user, pk)
    form = None
    if request.user.can_edit_records:
        form = MatchEvidenceForm(user=request.user, match=match)
    return _match_page(request, match, form)


def _match_page(request, match, form, status=200):
    return render(request, "uptake/match_detail.html", {
        "match": match, "ours": _side(match, "ours"), "theirs": _side(match, "theirs"),
        "form": form,
        "evidence_links": match.evidence_links.select_related("evidence__outcome").filter(
            evidence__outcome__deleted_at__isnull=True),
    }, status=status)


@require_POST
def match_add_evidence(request, pk):
    require_record_editor(request.user)
    match = get_match_for_user(request.user, pk)
    form = MatchEvidenceForm(request.POST, user=request.user, match=match)
    if form.is_valid():
        try:
            evidence = actions.add_match_as_evidence(
                request.user, match, form.cleaned_data["outcome"],
                claim=form.cleaned_data.get("claim"),
                test_type=form.cleaned_data.get("test_type") or "")
        except ValidationError as exc:
            add_refusal(form, exc)
        else:
            messages.success(request, _("The match was added as evidence of “%(outcome)s”.")
                             % {"outcome": evidence.outcome})
            return redirect(evidence.outcome)
    return _match_page(request, match, form, status=400)
