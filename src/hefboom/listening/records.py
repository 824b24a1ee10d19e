"""Writing back to the web database what the web app lists: mentions, alerts, per-week aggregates.

Ingest calls `write_back(items, run)` after each batch is safely stored. Every row has a natural
unique key and is written with bulk inserts that skip what exists (aggregates are recomputed
from the store and upserted), so writing the same batch twice changes nothing.

Alert rule (see docs/listening-views.md, "Alerts"): only items published in the last
`HEFBOOM_ALERT_DAYS` days (default 30) before now make alerts, so loading ten years of archive
does not flood the list; near-duplicates (`dup_of` set) never do.
"""

import datetime as dt
import hashlib
import re

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from hefboom.listening.models import Alert, DossierWeek, Mention
from hefboom.listening.models.records import AlertKind, TargetKind
from hefboom.listening.queries import period_start, week_aggregates
from hefboom.monitoring.models import Output
from hefboom.strategy.models import Dossier

# Mentions kept as records: the organisation's own names, reports and campaigns. Persons and
# parties are named in nearly every speech; they stay in the corpus and are queried there.
RECORDED_MENTION_KINDS = {TargetKind.ORGANISATION, TargetKind.REPORT, TargetKind.CAMPAIGN}

QUESTION = re.compile(
    r"\b(vra(a)?g(en)?|question(s)?|interpellatie(s)?|interpellation(s)?|interpelatie)\b", re.I)
DEBATE = re.compile(r"\b(debat(ten)?|débat(s)?|debate(s)?|bespreking|discussion)\b", re.I)
SNIPPET_SIDE = 140
OUTPUT_REF = re.compile(r"^monitoring\.output:(\d+)$")


def alert_days() -> int:
    return settings.HEFBOOM_ALERT_DAYS


def parliamentary_kind(item: dict) -> str | None:
    """Whether a speech is part of a parliamentary question or interpellation, or of a debate,
    judged from its agenda item and title."""
    if item.get("kind") != "speech":
        return None
    words = " ".join(filter(None, (item.get("agenda"), item.get("title"))))
    if QUESTION.search(words):
        return AlertKind.PARLIAMENTARY_QUESTION
    if DEBATE.search(words):
        return AlertKind.DEBATE
    return None


def snippet(text: str, start: int | None = None, side: int = SNIPPET_SIDE) -> str:
    text = text or ""
    if start is None or start < 0:
        return text[: 2 * side].strip() + ("…" if len(text) > 2 * side else "")
    left, right = max(0, start - side), min(len(text), start + side)
    return ("…" if left else "") + text[left:right].strip() + ("…" if right < len(text) else "")


def _key(*parts) -> str:
    return hashlib.sha1("\x1f".join(str(p or "") for p in parts).encode(),
                        usedforsecurity=False).hexdigest()


def _clip(value, length: int) -> str:
    return (value or "")[:length]


def write_back(items: list[dict], run=None, *, now: dt.datetime | None = None,
               weeks: set | None = None) -> dict:
    """Mentions, alerts and dossier weeks for `items` (already stored). Returns counts of rows
    offered per kind (existing rows are skipped, not counted apart).

    A dossier week is counted over the whole store, which costs a scan of it. A long ingest
    passes a set as `weeks`: the (dossier, week) pairs the batch touched are added to it, and
    the caller counts them with `refresh_weeks` now and then and at the end, instead of once
    per batch (a backfill over ten years touches every week in every batch)."""
    if not items:
        return {"mentions": 0, "alerts": 0, "weeks": 0}
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=alert_days())
    referenced_dossiers = {d for item in items for d in (item.get("dossiers") or [])}
    referenced_outputs = {int(m.group(1)) for item in items for mention in (item.get("mentions") or [])
                          if (m := OUTPUT_REF.match(mention.get("ref") or ""))}
    dossiers = set(Dossier.objects.filter(pk__in=referenced_dossiers).values_list("pk", flat=True))
    outputs = set(Output.all_objects.filter(pk__in=referenced_outputs).values_list("pk", flat=True))

    mentions, alerts = [], {}
    for item in items:
        item_dossiers = sorted(d for d in (item.get("dossiers") or []) if d in dossiers)
        mentions += _mentions(item, item_dossiers, outputs)
        published = item["published"]
        if item.get("dup_of") or published < cutoff:
            continue
        for alert in _alerts(item, item_dossiers, outputs):
            key = (alert.thread, alert.kind, alert.subject)
            if key not in alerts or alert.published < alerts[key].published:
                alerts[key] = alert  # the first speech of a question stands for it

    touched = {(d, period_start(item["published"].date(), "week"))
               for item in items for d in (item.get("dossiers") or []) if d in dossiers}
    with transaction.atomic():
        Mention.objects.bulk_create(mentions, batch_size=500, ignore_conflicts=True)
        Alert.objects.bulk_create(list(alerts.values()), batch_size=500, ignore_conflicts=True)
        if weeks is None:
            counted = refresh_weeks(touched)
        else:
            weeks.update(touched)
            counted = 0
    return {"mentions": len(mentions), "alerts": len(alerts), "weeks": counted}


def refresh_weeks(pairs) -> int:
    """Count the (dossier, week) pairs again over the whole store and save them; returns how
    many rows were written. Counting from the store keeps it right when a batch is written
    back twice or `hefboom analyse` changed the sentiment."""
    pairs = set(pairs)
    if not pairs:
        return 0
    rows = [DossierWeek(dossier_id=d, week=w, items=n, scored=scored, mean_sentiment=mean,
                        negative=neg, neutral=neu, positive=pos, tiers=tiers)
            for d, w, n, scored, mean, neg, neu, pos, tiers in
            week_aggregates({d for d, _w in pairs}, {w for _d, w in pairs})
            if (d, w) in pairs]
    DossierWeek.objects.bulk_create(
        rows, batch_size=500, update_conflicts=True, unique_fields=["dossier", "week"],
        update_fields=["items", "scored", "mean_sentiment", "negative", "neutral", "positive",
                       "tiers"])
    return len(rows)


def _mentions(item: dict, item_dossiers: list[int], outputs: set[int]) -> list[Mention]:
    found = []
    for mention in item.get("mentions") or []:
        kind = mention.get("kind")
        if kind not in RECORDED_MENTION_KINDS:
            continue
        ref = mention.get("ref") or ""
        output = OUTPUT_REF.match(ref)
        output_id = int(output.group(1)) if output and int(output.group(1)) in outputs else None
        found.append(Mention(
            item_id=item["id"], published=item["published"], source=_clip(item.get("source"), 40),
            kind=_clip(item.get("kind"), 20), channel=_clip(item.get("channel"), 200),
            lang=_clip(item.get("lang") or item.get("lang_declared"), 8),
            url=_clip(item.get("url"), 1000), title=_clip(item.get("title"), 500),
            snippet=snippet(item.get("text"), mention.get("start")),
            author=_clip(item.get("author"), 200), party=_clip(item.get("party"), 80),
            target_kind=kind, ref=_clip(ref, 200), start=mention.get("start") or 0,
            matched=_clip(mention.get("text"), 200), output_id=output_id,
            dossier_id=item_dossiers[0] if item_dossiers else None,
            sentiment=item.get("sentiment"), sentiment_label=item.get("sentiment_label") or "",
            sentiment_tier=_clip(item.get("sentiment_tier"), 20),
        ))
    return found


def _alerts(item: dict, item_dossiers: list[int], outputs: set[int]) -> list[Alert]:
    common = dict(
        item_id=item["id"], published=item["published"], title=_clip(item.get("title")
                                                                     or item.get("agenda"), 500),
        author=_clip(item.get("author"), 200), party=_clip(item.get("party"), 80),
        source=_clip(item.get("source"), 40), url=_clip(item.get("url"), 1000))
    found = []
    kind = parliamentary_kind(item)
    if kind:
        thread = _key(item.get("source"), item.get("session"), item.get("agenda") or item.get("title"))
        for dossier in item_dossiers:
            found.append(Alert(kind=kind, thread=thread, dossier_id=dossier,
                               subject=f"dossier:{dossier}", snippet=snippet(item.get("text")),
                               title=_clip(item.get("agenda") or item.get("title"), 500),
                               **{k: v for k, v in common.items() if k != "title"}))
    for mention in item.get("mentions") or []:
        if mention.get("kind") != TargetKind.REPORT:
            continue
        output = OUTPUT_REF.match(mention.get("ref") or "")
        output_id = int(output.group(1)) if output and int(output.group(1)) in outputs else None
        subject = f"output:{output_id}" if output_id else f"report:{_clip(mention.get('ref'), 30)}"
        found.append(Alert(kind=AlertKind.REPORT_MENTION, thread=item["id"], subject=subject[:40],
                           output_id=output_id,
                           dossier_id=item_dossiers[0] if item_dossiers else None,
                           snippet=snippet(item.get("text"), mention.get("start")), **common))
    # One alert per report and item, even when the report is named twice.
    unique = {}
    for alert in found:
        unique.setdefault((alert.thread, alert.kind, alert.subject), alert)
    return list(unique.values())
