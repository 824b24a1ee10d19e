"""A small, realistic corpus written as Parquet for the views' tests: three years, three
languages, speeches with speakers and parties, posts and articles, dossiers, tone and frames.
Names are invented except public office holders speaking in public."""

import datetime as dt
import hashlib
import random
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from hefboom.listening.schema import ITEM

SPEAKERS = [("Theo Francken", "N-VA"), ("Sammy Mahdi", "cd&v"), ("Nawal Farih", "cd&v"),
            ("Sarah Schlitz", "Ecolo"), ("Vicky Reynaert", "Vooruit")]
TEXTS = {
    "nl": ["De regering moet meer doen voor arbeidsmigratie en eerlijke werkvoorwaarden.",
           "Het rapport van 11.11.11 over pushbacks toont ernstige schendingen aan.",
           "Klimaatfinanciering blijft ver onder de beloofde bedragen."],
    "fr": ["Le gouvernement doit agir sur la migration de travail et les droits des travailleurs.",
           "Le rapport sur les refoulements montre des violations graves aux frontières.",
           "Le financement climatique reste insuffisant pour les pays du Sud."],
    "en": ["The government should do more on labour migration and fair working conditions.",
           "The report on pushbacks documents serious violations at the borders.",
           "Climate finance remains far below what was promised."],
}


def item(n: int, **values) -> dict:
    """One row of the ITEM schema with every column present (null unless given)."""
    row = {name: None for name in ITEM.names}
    row.update({"id": hashlib.sha1(f"test:{n}".encode()).hexdigest(), "source": "csv",
                "kind": "post", "text": "Tekst", "external_id": str(n), "meta": "{}",
                "published": dt.datetime(2024, 1, 1, tzinfo=dt.UTC), "frames": [],
                "dossiers": [], "themes": [], "mentions": []})
    row.update(values)
    return row


def make_items(dossiers: list[int], theme: int, n: int = 240, seed: int = 7,
               output: int | None = None) -> list[dict]:
    """`n` items over 2022-2024, each about one or two of `dossiers` (all in `theme`) or none."""
    rnd = random.Random(seed)
    rows = []
    start = dt.datetime(2022, 1, 3, 8, tzinfo=dt.UTC)
    for i in range(n):
        lang = ("nl", "fr", "en")[i % 3]
        kind = ("speech", "post", "article")[rnd.randrange(3)]
        speaker, party = SPEAKERS[rnd.randrange(len(SPEAKERS))] if kind == "speech" else (
            f"@account{rnd.randrange(20)}", None)
        about = [d for d in dossiers if rnd.random() < 0.5]
        score = round(rnd.uniform(-1, 1), 3) if rnd.random() < 0.9 else None
        label = None if score is None else ("neg" if score < -0.05 else "pos" if score > 0.05 else "neu")
        text = TEXTS[lang][i % 3]
        mentions = []
        if "11.11.11" in text:
            mentions.append({"kind": "organisation", "ref": "11.11.11", "text": "11.11.11",
                             "start": text.index("11.11.11")})
        if output and ("rapport" in text or "report" in text):
            word = "rapport" if "rapport" in text else "report"
            mentions.append({"kind": "report", "ref": f"monitoring.output:{output}", "text": word,
                             "start": text.index(word)})
        rows.append(item(
            i, source="parlamint" if kind == "speech" else rnd.choice(["csv", "rss"]), kind=kind,
            text=text, title=f"Item {i}", lang=lang, author=speaker, party=party,
            agenda=rnd.choice(["Vraag over arbeidsmigratie", "Débat sur le climat", None])
            if kind == "speech" else None,
            session=f"s{i // 10}" if kind == "speech" else None,
            published=start + dt.timedelta(days=i * 1095 // n, hours=rnd.randrange(12)),
            sentiment=score, sentiment_label=label, sentiment_tier="lexicon" if score is not None else None,
            frames=[f for f in ("economic", "human_rights", "legal") if rnd.random() < 0.3],
            dossiers=about, themes=[theme] if about else [], mentions=mentions,
            url=f"https://example.org/item/{i}", lemmas=text.lower().rstrip("."),
        ))
    return rows


def write(folder: Path, rows: list[dict], name: str = "batch-0001") -> Path:
    """`rows` as one Parquet file of the store under `folder` (DATA_DIR/corpus/items)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.parquet"
    pq.write_table(pa.Table.from_pylist(rows, schema=ITEM), path)
    return path
