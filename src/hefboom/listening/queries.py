"""The corpus as the views read it: trends, the texts behind a chart point, exports, keywords.

Every query runs in DuckDB over the Parquet store and reads only the columns it needs. User input
never becomes SQL text: values are bound parameters, and the names that do shape the SQL (grain,
slicing column, measure) come from the fixed tables below, never from the request.
"""

import datetime as dt
from dataclasses import dataclass, field, replace

import duckdb

from hefboom.listening.store import Store

GRAINS = ("week", "month", "year")
# What a trend can be sliced by -> the column it reads.
BY_COLUMNS = {"source": "source", "party": "party", "speaker": "author", "lang": "lang"}
MEASURES = ("volume", "sentiment", "frames")
TOP_GROUPS = 8  # slices drawn in a sliced trend; the rest are counted in the total only
SNIPPET = 280
EXPORT_LIMIT = 200_000
OWN_MENTION_KINDS = ("organisation", "report", "campaign")
TIERS = ("lexicon", "trained", "onnx")  # the sentiment tiers (schema.ANALYSIS, sentiment_tier)


def _connection() -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with a view `items` over the whole store."""
    con = Store().connect()
    con.execute("SET TimeZone = 'UTC'")
    return con


@dataclass(frozen=True)
class Scope:
    """Which texts: a dossier or theme, a date range, and (for a drill-down) one chart point."""

    dossier: int | None = None
    theme: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None  # inclusive
    grain: str = "week"
    period: dt.date | None = None  # the start of one period of `grain`
    by: str | None = None
    group: str | None = None  # a value of the `by` column; "" means "not known"
    frame: str | None = None
    tone: str | None = None  # neg, neu, pos

    def __post_init__(self):
        if self.grain not in GRAINS:
            raise ValueError(f"grain must be one of {GRAINS}")
        if self.by is not None and self.by not in BY_COLUMNS:
            raise ValueError(f"by must be one of {tuple(BY_COLUMNS)}")

    def point(self, period: dt.date | None, group: str | None = None, frame: str | None = None,
              tone: str | None = None) -> "Scope":
        """This scope narrowed to one chart point (or, with None, widened to the whole chart)."""
        return replace(self, period=period, group=group if self.by else None, frame=frame, tone=tone)


def _utc(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def period_end(start: dt.date, grain: str) -> dt.date:
    if grain == "week":
        return start + dt.timedelta(days=7)
    if grain == "month":
        return dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return dt.date(start.year + 1, 1, 1)


def period_start(day: dt.date, grain: str) -> dt.date:
    if grain == "week":
        return day - dt.timedelta(days=day.weekday())
    if grain == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def _where(scope: Scope) -> tuple[str, list]:
    clauses, params = [], []
    if scope.dossier is not None:
        clauses.append("list_contains(dossiers, ?)")
        params.append(int(scope.dossier))
    if scope.theme is not None:
        clauses.append("list_contains(themes, ?)")
        params.append(int(scope.theme))
    if scope.date_from:
        clauses.append("published >= ?")
        params.append(_utc(scope.date_from))
    if scope.date_to:
        clauses.append("published < ?")
        params.append(_utc(scope.date_to + dt.timedelta(days=1)))
    if scope.period:
        clauses.append("published >= ? AND published < ?")
        params += [_utc(scope.period), _utc(period_end(scope.period, scope.grain))]
    if scope.by and scope.group is not None:
        column = BY_COLUMNS[scope.by]
        if scope.group == "":
            clauses.append(f"({column} IS NULL OR {column} = '')")
        else:
            clauses.append(f"{column} = ?")
            params.append(scope.group)
    if scope.frame:
        clauses.append("list_contains(frames, ?)")
        params.append(scope.frame)
    if scope.tone:
        clauses.append("sentiment_label = ?")
        params.append(scope.tone)
    return (" AND ".join(clauses) or "TRUE"), params


@dataclass
class TrendPoint:
    period: dt.date
    group: str | None  # the slice (source, party, speaker, language) or the frame; None: all
    items: int
    scored: int = 0
    mean_sentiment: float | None = None
    negative: int = 0
    neutral: int = 0
    positive: int = 0


@dataclass
class Trend:
    scope: Scope
    measure: str
    points: list[TrendPoint] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)  # slices drawn, largest first
    total: int = 0
    tiers: dict[str, int] = field(default_factory=dict)  # sentiment tier -> texts


def trend(scope: Scope, measure: str = "volume") -> Trend:
    """Volume, mean sentiment (with tone counts) or frame counts per period of `scope.grain`,
    sliced by `scope.by` if set (the TOP_GROUPS largest slices)."""
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {MEASURES}")
    where, params = _where(scope)
    period = f"CAST(date_trunc('{scope.grain}', published) AS DATE)"
    result = Trend(scope=scope, measure=measure)
    con = _connection()
    try:
        if measure == "frames":
            rows = con.execute(
                f"SELECT {period} AS period, frame, count(*) FROM "
                f"(SELECT published, unnest(frames) AS frame FROM items WHERE {where}) "
                "GROUP BY ALL ORDER BY 1, 2", params).fetchall()
            result.points = [TrendPoint(p, f, n) for p, f, n in rows]
            totals: dict[str, int] = {}
            for point in result.points:
                totals[point.group] = totals.get(point.group, 0) + point.items
            result.groups = sorted(totals, key=lambda g: (-totals[g], g))
            result.total = con.execute(f"SELECT count(*) FROM items WHERE {where}", params).fetchone()[0]
            result.tiers = dict(con.execute(
                f"SELECT coalesce(sentiment_tier, ''), count(*) FROM items WHERE {where} "
                "AND sentiment IS NOT NULL GROUP BY 1 ORDER BY 2 DESC", params).fetchall())
        else:
            # One pass over the store: points, total and tiers together (the 1-second target).
            group = f"coalesce({BY_COLUMNS[scope.by]}, '')" if scope.by else "NULL"
            tiers = ", ".join(f"count(*) FILTER (sentiment IS NOT NULL AND sentiment_tier = '{t}')"
                              for t in TIERS)
            rows = con.execute(
                f"SELECT {period} AS period, {group} AS slice, count(*), count(sentiment), "
                "avg(sentiment), count(*) FILTER (sentiment_label = 'neg'), "
                "count(*) FILTER (sentiment_label = 'neu'), count(*) FILTER (sentiment_label = 'pos'), "
                f"{tiers} FROM items WHERE {where} GROUP BY ALL ORDER BY 1, 2", params).fetchall()
            points = [TrendPoint(*row[:8]) for row in rows]
            result.total = sum(p.items for p in points)
            scored = sum(p.scored for p in points)
            for i, tier in enumerate(TIERS):
                n = sum(row[8 + i] for row in rows)
                if n:
                    result.tiers[tier] = n
            if scored > sum(result.tiers.values()):
                result.tiers[""] = scored - sum(result.tiers.values())
            result.tiers = dict(sorted(result.tiers.items(), key=lambda t: -t[1]))
            if scope.by:
                totals = {}
                for point in points:
                    totals[point.group] = totals.get(point.group, 0) + point.items
                result.groups = sorted(totals, key=lambda g: (-totals[g], g))[:TOP_GROUPS]
                shown = set(result.groups)
                points = [p for p in points if p.group in shown]
            result.points = points
    finally:
        con.close()
    return result


ITEM_COLUMNS = ("id", "published", "source", "kind", "channel", "title", "author", "party", "lang",
                "sentiment", "sentiment_label", "sentiment_tier", "url", "frames")


def items_at(scope: Scope, page: int = 1, page_size: int = 25) -> tuple[list[dict], int]:
    """The texts behind one chart point (or any scope), newest first, one page of them, and how
    many there are in all."""
    where, params = _where(scope)
    page = max(1, int(page))
    con = _connection()
    try:
        total = con.execute(f"SELECT count(*) FROM items WHERE {where}", params).fetchone()[0]
        cursor = con.execute(
            f"SELECT {', '.join(ITEM_COLUMNS)}, left(text, {SNIPPET}) AS snippet FROM items "
            f"WHERE {where} ORDER BY published DESC, id LIMIT ? OFFSET ?",
            [*params, int(page_size), (page - 1) * int(page_size)])
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    finally:
        con.close()
    return rows, total


EXPORT_COLUMNS = ("id", "published", "source", "kind", "channel", "author", "party", "role",
                  "lang", "title", "text", "url", "sentiment", "sentiment_label", "sentiment_tier",
                  "frames", "dossiers", "themes")


def items_for_export(scope: Scope, limit: int = EXPORT_LIMIT):
    """(column names, rows) of the underlying texts of `scope`, oldest first, at most `limit`."""
    where, params = _where(scope)
    con = _connection()
    try:
        cursor = con.execute(
            f"SELECT {', '.join(EXPORT_COLUMNS)} FROM items WHERE {where} "
            "ORDER BY published, id LIMIT ?", [*params, int(limit)])
        return list(EXPORT_COLUMNS), cursor.fetchall()
    finally:
        con.close()


def own_mentions(scope: Scope, limit: int = 20) -> list[dict]:
    """Who mentions the organisation, its reports or campaigns in the texts of `scope`: per
    author, party and source, how often and in what tone (from the corpus itself)."""
    where, params = _where(scope)
    con = _connection()
    try:
        cursor = con.execute(
            "SELECT author, party, source, count(DISTINCT id) AS n, avg(sentiment) AS tone, "
            "max(published) AS latest FROM (SELECT id, author, party, source, sentiment, published, "
            f"unnest(mentions) AS m FROM items WHERE {where}) "
            "WHERE m.kind IN (SELECT unnest(?)) GROUP BY ALL ORDER BY n DESC, latest DESC LIMIT ?",
            [*params, list(OWN_MENTION_KINDS), int(limit)])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    finally:
        con.close()


def keywords_by_period(scope: Scope, periods: int = 6, per_period: int = 2000, top: int = 12):
    """The most distinctive words of the last `periods` periods (TF-IDF over lemmas)."""
    from hefboom.listening.keywords import keywords

    where, params = _where(scope)
    period = f"CAST(date_trunc('{scope.grain}', published) AS DATE)"
    con = _connection()
    try:
        rows = con.execute(
            f"WITH p AS (SELECT {period} AS period, lemmas, row_number() OVER "
            f"(PARTITION BY {period} ORDER BY id) AS r FROM items WHERE {where} AND lemmas IS NOT NULL), "
            "last AS (SELECT DISTINCT period FROM p ORDER BY period DESC LIMIT ?) "
            "SELECT period, lemmas FROM p WHERE r <= ? AND period IN (SELECT period FROM last)",
            [*params, int(periods), int(per_period)]).fetchall()
    finally:
        con.close()
    docs: dict[dt.date, list[str]] = {}
    for day, lemmas in rows:
        docs.setdefault(day, []).append(lemmas)
    if not docs:
        return {}
    found = keywords(docs, top=top)
    return {day: [w[0] if isinstance(w, tuple | list) else str(w) for w in words]
            for day, words in sorted(found.items(), reverse=True)}


def week_aggregates(dossier_ids, weeks) -> list[tuple]:
    """(dossier, week, items, scored, mean, neg, neu, pos, {tier: n}) for the given dossiers and
    week starts, computed over the whole store: what `records.write_back` stores."""
    dossier_ids, weeks = sorted(set(dossier_ids)), sorted(set(weeks))
    if not dossier_ids or not weeks:
        return []
    con = _connection()
    try:
        rows = con.execute(
            "SELECT d, CAST(date_trunc('week', published) AS DATE) AS w, count(*), count(sentiment), "
            "avg(sentiment), count(*) FILTER (sentiment_label = 'neg'), "
            "count(*) FILTER (sentiment_label = 'neu'), count(*) FILTER (sentiment_label = 'pos'), "
            "list(sentiment_tier) FILTER (sentiment IS NOT NULL) "
            "FROM (SELECT published, sentiment, sentiment_label, sentiment_tier, unnest(dossiers) AS d "
            "FROM items WHERE published >= ? AND published < ? AND len(dossiers) > 0) "
            "WHERE d IN (SELECT unnest(?)) GROUP BY ALL",
            [_utc(weeks[0]), _utc(weeks[-1] + dt.timedelta(days=7)), dossier_ids]).fetchall()
    finally:
        con.close()
    wanted = set(weeks)
    result = []
    for d, w, n, scored, mean, neg, neu, pos, tiers in rows:
        if w not in wanted:
            continue
        counts: dict[str, int] = {}
        for tier in tiers or []:
            counts[tier or ""] = counts.get(tier or "", 0) + 1
        result.append((d, w, n, scored, mean, neg, neu, pos, counts))
    return result
