"""Writes of the uptake app: importing policy documents and turning a match into evidence.

The command line, the upload form and the demo all import through `import_document`; one bad
document gets a "not analysed because ..." status and never stops the others.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from hefboom.core.access import require_record_editor
from hefboom.monitoring import actions as monitoring_actions
from hefboom.monitoring.models import ClaimEvidence, Evidence, EvidenceSource, Reliability
from hefboom.monitoring.models.claims import EvidenceTestType
from hefboom.uptake.extract import (
    ANALYSED_LANGUAGES,
    ExtractionError,
    detect_language,
    extract,
    language_name,
)
from hefboom.uptake.models import DocumentStatus, MatchEvidence, Method, PolicyDocument, PolicyKind


def max_chars() -> int:
    """The longest text analysed (HEFBOOM_UPTAKE_MAX_CHARS; default about 1,500 pages)."""
    return settings.HEFBOOM_UPTAKE_MAX_CHARS


def assess(document: PolicyDocument) -> PolicyDocument:
    """Set the document's status from its text, date and language (not saved)."""
    reason = ""
    if not document.text.strip():
        reason = document.status_reason or _("no text could be extracted")
    elif len(document.text) > max_chars():
        reason = _("too long: %(n)s characters, more than the %(limit)s that are analysed "
                   "(HEFBOOM_UPTAKE_MAX_CHARS); split it into parts") % {
            "n": f"{len(document.text):,}", "limit": f"{max_chars():,}"}
    elif document.date is None:
        reason = _("no date: reuse direction unknown; give the document's date")
    else:
        if not document.language:
            document.language = detect_language(document.text)
        if document.language not in ANALYSED_LANGUAGES:
            reason = _("language not in nl/fr/en (it looks %(language)s)") % {
                "language": language_name(document.language)}
    if reason:
        document.status, document.status_reason = DocumentStatus.NOT_ANALYSED, reason
    else:
        document.status, document.status_reason = DocumentStatus.PENDING, ""
    return document


def import_document(user, *, name: str = "", data: bytes | None = None, text: str = "",
                    title: str = "", kind: str = PolicyKind.OTHER, institution: str = "",
                    level: str = "", date=None, url: str = "", language: str = "",
                    source_reference: str = "", keep_file: bool = True) -> PolicyDocument:
    """Store one policy document from a file (`name`, `data`) or a `text`; it waits for the
    next scan, or says why it will not be analysed."""
    document = PolicyDocument(
        title=(title or name or _("Untitled document"))[:300], kind=kind or PolicyKind.OTHER,
        institution=institution, level=level, date=date, url=url, language=language,
        source_reference=source_reference,
        created_by=user if user is not None and user.is_authenticated else None)
    if data is not None:
        try:
            extracted = extract(name, data)
            document.text, document.pages = extracted.text, extracted.pages
        except ExtractionError as exc:
            document.text, document.status_reason = "", str(exc)
        if keep_file and data:
            document.file.save(name, ContentFile(data), save=False)
    else:
        document.text = text
    assess(document)
    document.save()
    return document


def update_document(user, document: PolicyDocument) -> PolicyDocument:
    """Save changed details (a date given later, a corrected language): the status is assessed
    again and the document rescanned when it can be analysed now."""
    require_record_editor(user)
    assess(document)
    document.save()
    return document


def _reference(match) -> str:
    source = match.source_label
    parts = [source]
    if match.document_id and match.document.institution:
        parts.append(match.document.institution)
    if match.source_date:
        parts.append(match.source_date.isoformat())
    return (_("%(source)s — reuses “%(output)s”") % {
        "source": ", ".join(parts), "output": match.output.title})[:400]


def _assessment(match) -> tuple[str, str]:
    """A sensible default test type and its reasoning for a claim."""
    detail = _("%(share)s%% of our passage (%(words)s words, longest run %(longest)s words) "
               "appears in %(source)s.") % {
        "share": round(100 * match.share_reused), "words": match.matched_words,
        "longest": match.longest_match, "source": match.source_label}
    if match.method == Method.CROSSLINGUAL:
        return EvidenceTestType.STRAW_IN_THE_WIND, detail + " " + _(
            "Found across languages: a translation or a common source could explain it.")
    return EvidenceTestType.SMOKING_GUN, detail + " " + _(
        "The same words are unlikely to appear there had our text not been read.")


@transaction.atomic
def add_match_as_evidence(user, match, outcome, *, claim=None, test_type="") -> Evidence:
    """Evidence of `outcome` made from `match` (the quote, source, date and link), kept with the
    alignment; with a `claim` of that outcome, also assessed for the claim. A match already
    attached to the outcome is refused."""
    require_record_editor(user)
    if claim is not None and claim.outcome_id != outcome.pk:
        raise ValidationError({"claim": _("The claim must belong to the chosen outcome.")})
    existing = MatchEvidence.objects.filter(match=match, evidence__outcome=outcome).first()
    if existing is not None:
        raise ValidationError(_("This match is already evidence of “%(outcome)s”.")
                              % {"outcome": outcome})
    document = match.document
    speech = not match.document_id or document.kind == PolicyKind.DEBATE
    evidence = monitoring_actions.add_evidence(user, Evidence(
        outcome=outcome,
        source_type=EvidenceSource.PARLIAMENTARY_RECORD if speech else EvidenceSource.DOCUMENT,
        reference=_reference(match),
        url=(document.url if document else "") or "",
        quote=match.their_text,
        date=match.source_date,
        reliability=Reliability.MEDIUM if match.is_weaker else Reliability.HIGH,
        source_reference=_("Uptake match %(pk)s (%(method)s)") % {
            "pk": match.pk, "method": match.get_method_display()},
    ))
    MatchEvidence.objects.create(
        match=match, evidence=evidence, alignment=match.alignment, our_text=match.our_text,
        their_text=match.their_text, method=match.method, direction=match.direction,
        created_by=user)
    if claim is not None:
        default_type, reasoning = _assessment(match)
        item = ClaimEvidence(claim=claim, evidence=evidence,
                             test_type=test_type or default_type, reasoning=reasoning)
        if item.test_type == EvidenceTestType.CUSTOM:
            item.p_if_true, item.p_if_false = Decimal("0.5"), Decimal("0.5")
        monitoring_actions.assess_evidence(user, item)
    return evidence
