"""`hefboom uptake scan`: find our outputs' passages in the policy corpus and save the matches.

Incremental: a scan compares every output with the documents that wait for a scan, and the
outputs whose text changed since their last scan with the documents analysed before; `full`
compares everything again. Matches are saved once per pair of passages (a rescan updates them);
a match that is no longer found is removed, unless it was attached as evidence.

The detector is `hefboom.uptake.detect.detect` over passages from `hefboom.uptake.segment`.
"""

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from hefboom.listening.store import Store
from hefboom.monitoring.models import Output
from hefboom.uptake.detect import detect as _detect
from hefboom.uptake.extract import detect_language
from hefboom.uptake.models import (
    Direction,
    DocumentStatus,
    Method,
    OutputScan,
    PolicyDocument,
    ReuseMatch,
    ScanRun,
)
from hefboom.uptake.segment import segment
from hefboom.uptake.types import Alignment, Passage, Reuse

# The outputs whose words may be taken up in policy (not social posts, petitions, events).
OUR_TYPES = ("study", "report", "input_paper", "position_paper", "parliamentary_question",
             "resolution", "press_release", "op_ed")
BATCH = 25  # documents per call of the detector


def passages_of(text, prefix, *, date, lang):
    return segment(text, prefix, date=date, lang=lang, doc_key=prefix)


def passage_start(passage: Passage, document_text: str) -> int | None:
    """Where the passage begins in its document's text (None when it cannot be placed)."""
    span = _span(passage)
    if span is not None:
        return span[0]
    found = document_text.find(passage.text)
    return found if found >= 0 else None


# -- progress ----------------------------------------------------------------------------------

@dataclass
class Progress:
    """Documents done of total, their rate and the time left, on one line of stderr."""

    total: int
    stream: object = None
    started: float = 0.0
    done: int = 0

    def __post_init__(self):
        self.started = time.monotonic()

    def step(self, n: int) -> None:
        self.done += n
        if self.stream is None:
            return
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate else 0
        self.stream.write(_("documents %(done)s/%(total)s, %(rate).1f/s, about %(left)s s left")
                          % {"done": self.done, "total": self.total, "rate": rate,
                             "left": round(left)} + "\n")
        self.stream.flush()


# -- the scan ----------------------------------------------------------------------------------

def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()


def eligible_outputs():
    return Output.objects.filter(type__in=OUR_TYPES).exclude(full_text="").order_by("pk")


def _our_passages(outputs) -> list[Passage]:
    passages = []
    for output in outputs:
        lang = detect_language(output.full_text) or None
        passages += passages_of(output.full_text, f"output:{output.pk}", date=output.date,
                                lang=lang)
    return passages


def _document_passages(documents) -> list[Passage]:
    passages = []
    for document in documents:
        passages += passages_of(document.text, document.passage_prefix, date=document.date,
                                lang=document.language or None)
    return passages


def _span(passage: Passage) -> tuple[int, int] | None:
    return (passage.start, passage.end) if passage.end >= 0 else None


def _overlap(a, b) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _one_per_overlap(reuses: list[Reuse]) -> list[Reuse]:
    """One match where the engine found the same reuse at two levels (a paragraph and its
    sentence, on either side): the one with the most matched words, then the shortest texts."""
    def rank(r):
        return (-r.alignment.matched_words, len(r.ours.text) + len(r.theirs.text))

    groups: dict[tuple[str, str], list[Reuse]] = {}
    for reuse in reuses:
        groups.setdefault((reuse.ours.doc_key, reuse.theirs.doc_key), []).append(reuse)
    kept = []
    for group in groups.values():
        chosen: list[Reuse] = []
        for reuse in sorted(group, key=rank):
            if not any(_overlap(_span(reuse.ours), _span(c.ours))
                       and _overlap(_span(reuse.theirs), _span(c.theirs)) for c in chosen):
                chosen.append(reuse)
        kept += chosen
    return kept


class _Saver:
    """Writes the matches of one run, once per pair, and remembers which pairs it found."""

    def __init__(self, run: ScanRun, outputs: dict, documents: dict, items: dict):
        self.run, self.outputs, self.documents, self.items = run, outputs, documents, items
        self.found: set[tuple[str, str]] = set()

    def save(self, reuses: list[Reuse]) -> None:
        by_pair = {(r.ours.key, r.theirs.key): r for r in _one_per_overlap(reuses)}
        existing = {(m.our_key, m.their_key): m for m in ReuseMatch.objects.filter(
            our_key__in={k[0] for k in by_pair}, their_key__in={k[1] for k in by_pair})}
        for pair, reuse in by_pair.items():
            output = self.outputs.get(reuse.ours.doc_key)
            if output is None:
                continue
            match = existing.get(pair) or ReuseMatch(our_key=pair[0], their_key=pair[1])
            new = match.pk is None
            self._fill(match, reuse, output)
            if match.document_id is None and not match.item_id:
                continue
            match.save()
            self.found.add(pair)
            self.run.matches_found += 1
            self.run.matches_new += new

    def _fill(self, match, reuse, output):
        alignment = reuse.alignment
        match.output = output
        match.our_text = reuse.ours.text
        match.our_start = passage_start(reuse.ours, output.full_text)
        match.their_text = reuse.theirs.text
        document = self.documents.get(reuse.theirs.doc_key)
        if document is not None:
            match.document = document
            match.their_start = passage_start(reuse.theirs, document.text)
        else:
            item = self.items.get(reuse.theirs.doc_key)
            if item is not None:
                match.item_id, match.item_label, match.item_date = (
                    item["id"], item["label"], item["date"])
                match.their_start = passage_start(reuse.theirs, item["text"])
        match.alignment = _alignment_dict(alignment)
        match.method = (Method.CROSSLINGUAL if reuse.method == "crosslingual"
                        else Method.LEXICAL)
        match.direction = (Direction.REVERSE if reuse.direction == "reverse"
                           else Direction.UPTAKE)
        match.score = float(alignment.score)
        match.share_reused = float(alignment.share_reused)
        match.matched_words = alignment.matched_words
        match.longest_match = alignment.longest_match


def _alignment_dict(alignment: Alignment) -> dict:
    if hasattr(alignment, "as_dict"):
        return alignment.as_dict()
    return {"ours": [list(s) for s in alignment.ours],
            "theirs": [list(s) for s in alignment.theirs],
            "matched_words": alignment.matched_words, "our_words": alignment.our_words,
            "longest_match": alignment.longest_match,
            "share_reused": round(alignment.share_reused, 4), "score": round(alignment.score, 4)}


def _speeches(since):
    """Speeches of the listening corpus ingested after `since`:
    ({passage doc_key: item}, newest ingested_at, error message or "")."""
    try:
        connection = Store().connect()
        query = ("select id, title, text, published, author, party, ingested_at from items "
                 "where kind = 'speech' and dup_of is null")
        params = []
        if since is not None:
            query += " and ingested_at > ?"
            params.append(since)
        rows = connection.execute(query, params).fetchall()
    except Exception as exc:  # a missing or unreadable store must not stop the scan
        return {}, since, _("debates of the listening corpus were skipped: %(error)s") % {
            "error": exc}
    items, newest = {}, since
    for item_id, title, text, published, author, party, ingested in rows:
        if not text or published is None:
            continue
        who = f"{author} ({party})" if author and party else (author or "")
        label = " — ".join(part for part in (who, title) if part) or item_id
        items[f"item:{item_id}"] = {"id": item_id, "label": label[:300], "text": text,
                                    "date": published.date() if hasattr(published, "date")
                                    else published}
        if ingested is not None and (newest is None or ingested > newest):
            newest = ingested
    return items, newest, ""


def _item_passages(items: dict) -> list[Passage]:
    passages = []
    for key, item in items.items():
        passages += passages_of(item["text"], key, date=item["date"], lang=None)
    return passages


def run_scan(*, full: bool = False, crosslingual: bool = False, stream=None,
             detect: Callable | None = None) -> ScanRun:
    """One scan (see the module's docstring); progress lines go to `stream` (e.g. stderr)."""
    detect = detect or _detect
    run = ScanRun.objects.create(full=full, crosslingual=crosslingual)
    outputs = list(eligible_outputs())
    stored = dict(OutputScan.objects.values_list("output_id", "text_hash"))
    changed = [o for o in outputs if full or stored.get(o.pk) != text_hash(o.full_text)]
    waiting = PolicyDocument.objects.filter(status=DocumentStatus.PENDING)
    if full:
        waiting = PolicyDocument.objects.filter(
            status__in=[DocumentStatus.PENDING, DocumentStatus.ANALYSED])
    new_docs = list(waiting.order_by("pk"))
    old_docs = [] if full else list(
        PolicyDocument.objects.filter(status=DocumentStatus.ANALYSED).order_by("pk"))
    last = ScanRun.objects.exclude(pk=run.pk).filter(finished__isnull=False).first()
    items, newest, error = _speeches(None if full or last is None else last.items_until)
    if error:
        run.errors.append(error)

    by_key = {f"output:{o.pk}": o for o in outputs}
    documents = {d.passage_prefix: d for d in new_docs + old_docs}
    saver = _Saver(run, by_key, documents, items)
    ours_all = _our_passages(outputs) if new_docs or items else []
    ours_changed = ([p for p in ours_all if p.doc_key in {f"output:{o.pk}" for o in changed}]
                    if ours_all else _our_passages(changed))
    progress = Progress(total=len(new_docs) + (len(old_docs) if changed else 0) + len(items),
                        stream=stream)

    def compare(ours, docs):
        for start in range(0, len(docs), BATCH):
            batch = docs[start:start + BATCH]
            try:
                theirs = _document_passages(batch)
                with transaction.atomic():
                    saver.save(detect(ours, theirs, crosslingual=crosslingual) if ours else [])
            except Exception as exc:  # one bad batch never stops the scan
                run.errors.append(_("documents %(titles)s: %(error)s") % {
                    "titles": ", ".join(d.title for d in batch), "error": exc})
                for document in batch:
                    if document in new_docs:
                        document.status = DocumentStatus.NOT_ANALYSED
                        document.status_reason = (_("the scan failed: %(error)s")
                                                  % {"error": exc})[:400]
                        document.save(update_fields=["status", "status_reason"])
            progress.step(len(batch))

    compare(ours_all, new_docs)
    now = timezone.now()
    scanned_new = [d for d in new_docs if d.status != DocumentStatus.NOT_ANALYSED]
    PolicyDocument.objects.filter(pk__in=[d.pk for d in scanned_new]).update(
        status=DocumentStatus.ANALYSED, status_reason="", scanned_at=now)
    if changed and old_docs:
        compare(ours_changed, old_docs)
    if items:
        keys = list(items)
        for start in range(0, len(keys), BATCH * 20):
            chunk = {k: items[k] for k in keys[start:start + BATCH * 20]}
            try:
                with transaction.atomic():
                    saver.save(detect(ours_all, _item_passages(chunk), crosslingual=crosslingual))
            except Exception as exc:
                run.errors.append(_("debate items: %(error)s") % {"error": exc})
            progress.step(len(chunk))

    # Pairs compared again but not found again are gone, unless they became evidence.
    compared = Q(output__in=changed) | Q(document__in=new_docs)
    (ReuseMatch.objects.filter(compared).filter(evidence_links__isnull=True)
     .exclude(pk__in=[m.pk for m in ReuseMatch.objects.filter(compared)
                      if (m.our_key, m.their_key) in saver.found])
     .delete())
    for output in changed:
        OutputScan.objects.update_or_create(
            output=output, defaults={"text_hash": text_hash(output.full_text), "scanned_at": now})

    run.documents_scanned = len(scanned_new) + (len(old_docs) if changed else 0)
    run.outputs_scanned = len(changed)
    run.items_scanned = len(items)
    run.items_until = newest
    run.finished = timezone.now()
    run.save()
    return run


def summary(run: ScanRun) -> str:
    lines = [_("%(docs)s document(s) and %(outputs)s changed output(s) scanned; %(found)s match(es) "
               "found, %(new)s new.") % {"docs": run.documents_scanned,
                                          "outputs": run.outputs_scanned,
                                          "found": run.matches_found, "new": run.matches_new}]
    if run.items_scanned:
        lines.append(_("%(n)s debate item(s) of the listening corpus scanned.")
                     % {"n": run.items_scanned})
    not_analysed = PolicyDocument.objects.filter(status=DocumentStatus.NOT_ANALYSED).count()
    if not_analysed:
        lines.append(_("%(n)s document(s) not analysed; `hefboom uptake list` says why.")
                     % {"n": not_analysed})
    lines += [_("error: %(error)s") % {"error": e} for e in run.errors]
    return "\n".join(lines)

