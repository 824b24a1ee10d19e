"""The labelling queue: which corpus item a person labels next, and the counts so far.

Items are drawn from the store stratified over (language, the lexicon tier's label), the cell
with the fewest labels first, so that the three languages and the three lexicon labels all get
covered; items someone already labelled and near-duplicates are skipped.
"""

import secrets
from collections import Counter

from django.db.models import Count

from hefboom.listening import corpus
from hefboom.listening.models import ItemLabel
from hefboom.listening.models.labels import SENTIMENT_CLASSES

LANGUAGES = ("nl", "fr", "en")
_CANDIDATES = """
SELECT id, lang, title, text, source, kind, published, sentiment_label, sentiment_tier
FROM (
    SELECT *, row_number() OVER (PARTITION BY lang, coalesce(sentiment_label, '')
                                 ORDER BY hash(id || ?)) AS pick
    FROM items
    WHERE lang IN ({langs}) AND dup_of IS NULL AND NOT list_contains(?, id)
      AND length(trim(text)) > 0
) WHERE pick = 1
"""


def cell_counts() -> Counter:
    """Labels so far per (language, lexicon label)."""
    rows = ItemLabel.objects.values("lang", "lexicon_label").annotate(n=Count("id"))
    return Counter({(row["lang"], row["lexicon_label"]): row["n"] for row in rows})


def next_item(lang: str | None = None, *, seed: str | None = None) -> dict | None:
    """The next item to label (a dict of its columns), or None when there is none."""
    con = corpus.connect()
    if con is None:
        return None
    langs = [lang] if lang in LANGUAGES else list(LANGUAGES)
    done = list(ItemLabel.objects.values_list("item_id", flat=True).distinct())
    seed = seed or secrets.token_hex(4)
    query = _CANDIDATES.format(langs=", ".join("?" for _ in langs))
    cursor = con.execute(query, [seed, *langs, done])
    columns = [d[0] for d in cursor.description]
    candidates = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    if not candidates:
        return None
    counts = cell_counts()
    return min(candidates, key=lambda item: (
        counts[(item["lang"], item["sentiment_label"] or "")],
        item["sentiment_label"] is None, item["id"]))


def label_counts() -> dict:
    """{lang: {"neg": n, "neu": n, "pos": n, "none": n, "total": n}} for the status pages,
    counting one label per item and person."""
    table = {lang: dict.fromkeys([*SENTIMENT_CLASSES, "none", "total"], 0) for lang in LANGUAGES}
    for row in ItemLabel.objects.values("lang", "sentiment").annotate(n=Count("id")):
        entry = table.setdefault(row["lang"], dict.fromkeys([*SENTIMENT_CLASSES, "none",
                                                              "total"], 0))
        entry[row["sentiment"] or "none"] += row["n"]
        entry["total"] += row["n"]
    return table


def record_label(user, item: dict, sentiment: str, frames: list[str]) -> ItemLabel:
    """Save `user`'s label of `item` (one per item and person: a second one replaces it)."""
    lexicon = item.get("sentiment_label") if item.get("sentiment_tier") == "lexicon" else ""
    label, _created = ItemLabel.objects.update_or_create(
        item_id=item["id"], labelled_by=user,
        defaults={"lang": item.get("lang") or "", "text": item["text"],
                  "sentiment": sentiment, "frames": frames, "lexicon_label": lexicon or ""})
    return label
