"""The corpus item as stored in Parquet: the contract between sources, steps, store and views.

See docs/listening.md for what each column means. Sources fill the RAW columns; ingest fills
the INGEST columns; pipeline steps fill the ANALYSIS columns. A column a step did not fill is
null, never absent, so every Parquet file of the store has exactly this schema.
"""

import pyarrow as pa

MENTION = pa.struct(
    [
        pa.field("kind", pa.string()),  # organisation, report, campaign, person, party, actor_org, dossier
        pa.field("ref", pa.string()),  # "actors.person:12", "monitoring.output:3", or the term
        pa.field("text", pa.string()),  # the words as they occur in the item
        pa.field("start", pa.int32()),  # character offset in `text`
    ]
)

RAW = [
    pa.field("id", pa.string(), nullable=False),
    pa.field("source", pa.string(), nullable=False),
    pa.field("kind", pa.string(), nullable=False),
    pa.field("channel", pa.string()),
    pa.field("external_id", pa.string()),
    pa.field("url", pa.string()),
    pa.field("title", pa.string()),
    pa.field("text", pa.string(), nullable=False),
    pa.field("published", pa.timestamp("us", tz="UTC"), nullable=False),
    pa.field("author", pa.string()),
    pa.field("author_ref", pa.string()),
    pa.field("party", pa.string()),
    pa.field("party_ref", pa.string()),
    pa.field("role", pa.string()),
    pa.field("session", pa.string()),
    pa.field("agenda", pa.string()),
    pa.field("lang_declared", pa.string()),
    pa.field("meta", pa.string()),  # JSON
]

INGEST = [
    pa.field("content_hash", pa.string()),
    pa.field("dup_of", pa.string()),
    pa.field("run_id", pa.int64()),
    pa.field("ingested_at", pa.timestamp("us", tz="UTC")),
]

ANALYSIS = [
    pa.field("lang", pa.string()),
    pa.field("lang_confidence", pa.float32()),
    pa.field("n_sentences", pa.int32()),
    pa.field("n_tokens", pa.int32()),
    pa.field("lemmas", pa.string()),  # space-separated, lower case
    pa.field("sentiment", pa.float32()),  # -1 .. 1
    pa.field("sentiment_label", pa.string()),  # neg, neu, pos
    pa.field("sentiment_tier", pa.string()),  # lexicon, trained, onnx
    pa.field("frames", pa.list_(pa.string())),
    pa.field("dossiers", pa.list_(pa.int64())),
    pa.field("themes", pa.list_(pa.int64())),
    pa.field("mentions", pa.list_(MENTION)),
]

ITEM = pa.schema(RAW + INGEST + ANALYSIS)
RAW_COLUMNS = tuple(f.name for f in RAW)
ANALYSIS_COLUMNS = tuple(f.name for f in ANALYSIS)
KINDS = ("speech", "post", "article", "document")
