"""Vendor-specific full-text search, one class per database, with the same behaviour on both.

The user's query is never handed to the database's query language: `terms()` keeps only words
(letters and digits, accents folded), so quotes, operators (AND, OR, NEAR, *, -, :) and other
special characters cannot raise errors or change the query. Every word must match, as a prefix
("hervestiging" finds "hervestigingsquota"); rows whose title matches rank above rows whose text
does. PostgreSQL also matches Dutch and French stems ("lobbyen" finds "lobby"); SQLite's FTS5
has no stemmers, so there only the prefix rule applies (see docs/search.md).

Snippets come back with private-use markers around matched words; `highlight()` escapes the
text first and only then turns the markers into <mark>, so record text can never inject HTML.
"""

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.db import connection as default_connection
from django.db.models import Count, F, Func
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from hefboom.search import registry
from hefboom.search.models import SearchEntry

START, STOP = "\ue000", "\ue001"
MAX_TERMS = 12
MAX_TERM_LENGTH = 60
SNIPPET_WORDS = 24


def fold(text: str) -> str:
    """Lower case without diacritics: "Étude" -> "etude" (what FTS5's remove_diacritics does)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def terms(query: str) -> list[str]:
    """The words of a user's query, folded, without duplicates; never anything else."""
    seen = []
    for word in re.findall(r"[^\W_]+", fold(query or "")):
        word = word[:MAX_TERM_LENGTH]
        if word not in seen:
            seen.append(word)
    return seen[:MAX_TERMS]


def clean_text(text: str) -> str:
    """Text as stored in the index: without our snippet markers."""
    return (text or "").replace(START, "").replace(STOP, "")


def highlight(snippet: str) -> SafeString:
    escaped = escape(snippet or "")  # first escape everything, then add our own markup only
    return mark_safe(escaped.replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308


@dataclass(frozen=True)
class Hit:
    kind: str
    title: str
    url: str
    date: dt.date | None
    snippet: SafeString

    @property
    def label(self):
        return dict(registry.kinds()).get(self.kind, self.kind)


class SQLiteEngine:
    """SQLite FTS5 over the index table (external content, kept in step by triggers)."""

    vendor = "sqlite"
    fts = "search_fts"

    def __init__(self, connection):
        self.connection = connection

    # Schema (called from migration 0001 and by `hefboom reindex`).
    def install(self, cursor) -> None:
        table = SearchEntry._meta.db_table
        fts = self.fts
        cursor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5(title, body, "
            f"content='{table}', content_rowid='id', tokenize='unicode61 remove_diacritics 2')")
        cursor.execute(
            f"CREATE TRIGGER IF NOT EXISTS {fts}_ai AFTER INSERT ON {table} BEGIN "  # noqa: S608
            f"INSERT INTO {fts}(rowid, title, body) VALUES (new.id, new.title, new.body); END")
        cursor.execute(
            f"CREATE TRIGGER IF NOT EXISTS {fts}_ad AFTER DELETE ON {table} BEGIN "  # noqa: S608
            f"INSERT INTO {fts}({fts}, rowid, title, body) "
            f"VALUES ('delete', old.id, old.title, old.body); END")
        cursor.execute(
            f"CREATE TRIGGER IF NOT EXISTS {fts}_au AFTER UPDATE ON {table} BEGIN "  # noqa: S608
            f"INSERT INTO {fts}({fts}, rowid, title, body) "
            f"VALUES ('delete', old.id, old.title, old.body); "
            f"INSERT INTO {fts}(rowid, title, body) VALUES (new.id, new.title, new.body); END")

    def uninstall(self, cursor) -> None:
        for suffix in ("ai", "ad", "au"):
            cursor.execute(f"DROP TRIGGER IF EXISTS {self.fts}_{suffix}")
        cursor.execute(f"DROP TABLE IF EXISTS {self.fts}")

    def index(self, entry_ids) -> None:
        """Nothing to do: the triggers index every insert, update and delete."""

    def rebuild(self) -> None:
        with self.connection.cursor() as cursor:
            # Recreate the triggers too: a later migration that remakes the index table drops them.
            self.install(cursor)
            cursor.execute(f"INSERT INTO {self.fts}({self.fts}) VALUES ('rebuild')")  # noqa: S608

    # Queries.
    def _match(self, words) -> str:
        # Each word is letters and digits only, quoted as an FTS5 string and matched as a prefix.
        return " ".join(f'"{word}"*' for word in words)

    def _visible(self, entries) -> tuple[str, list]:
        """A condition on the index table (named `e`) that keeps the rows of `entries`.

        The queryset's own WHERE is used on `e` directly when it needs no join (as
        `visible_entries` does): `e.id IN (SELECT id ...)` would make SQLite read the whole index
        table into a list first (≈130 ms for 150,000 rows, even for a word with ten hits)."""
        query = entries.query
        joined = [alias for alias, count in query.alias_refcount.items()
                  if count and alias != query.base_table]
        if not joined and not query.where.contains_aggregate:
            compiler = query.get_compiler(connection=self.connection)
            where_sql, where_params = compiler.compile(query.where) if query.where else ("", [])
            table = self.connection.ops.quote_name(SearchEntry._meta.db_table)
            if where_sql:
                return where_sql.replace(f"{table}.", "e."), list(where_params)
            return "1 = 1", []
        visible_sql, visible_params = entries.values("pk").query.sql_with_params()
        return f"e.id IN ({visible_sql})", list(visible_params)

    def counts(self, entries, words) -> dict[str, int]:
        visible_sql, visible_params = self._visible(entries)
        table = SearchEntry._meta.db_table
        # Only constants and the ORM's own SQL are formatted in; the user's words are parameters.
        sql = (f"SELECT e.kind, COUNT(*) FROM {self.fts} JOIN {table} e ON e.id = {self.fts}.rowid "  # noqa: S608
               f"WHERE {self.fts} MATCH %s AND {visible_sql} GROUP BY e.kind")
        with self.connection.cursor() as cursor:
            cursor.execute(sql, [self._match(words), *visible_params])
            return dict(cursor.fetchall())

    def page(self, entries, words, offset: int, limit: int) -> list[Hit]:
        visible_sql, visible_params = self._visible(entries)
        table = SearchEntry._meta.db_table
        sql = (f"SELECT e.kind, e.title, e.url, e.date, "  # noqa: S608
               f"snippet({self.fts}, 1, %s, %s, '…', {SNIPPET_WORDS}) "
               f"FROM {self.fts} JOIN {table} e ON e.id = {self.fts}.rowid "
               f"WHERE {self.fts} MATCH %s AND {visible_sql} "
               f"ORDER BY bm25({self.fts}, 5.0, 1.0), e.date DESC, e.id DESC LIMIT %s OFFSET %s")
        params = [START, STOP, self._match(words), *visible_params, limit, offset]
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        return [Hit(kind, title, url, dt.date.fromisoformat(day) if isinstance(day, str) else day,
                    highlight(snippet)) for kind, title, url, day, snippet in rows]


class Unaccent(Func):
    function = "unaccent"


class PostgreSQLEngine:
    """PostgreSQL full-text search on the stored `search_vector` (GIN-indexed)."""

    vendor = "postgresql"
    gin_index = "searchentry_vector_gin"

    def __init__(self, connection):
        self.connection = connection

    def install(self, cursor) -> None:
        cursor.execute(f"CREATE INDEX IF NOT EXISTS {self.gin_index} ON "
                       f"{SearchEntry._meta.db_table} USING gin (search_vector)")

    def uninstall(self, cursor) -> None:
        cursor.execute(f"DROP INDEX IF EXISTS {self.gin_index}")

    @staticmethod
    def _vector():
        from django.contrib.postgres.search import SearchVector

        vector = None
        for column, weight in (("title", "A"), ("body", "B")):
            for part in (SearchVector(column, config="dutch", weight=weight),
                         SearchVector(column, config="french", weight=weight),
                         SearchVector(Unaccent(F(column)), config="simple", weight=weight)):
                vector = part if vector is None else vector + part
        return vector

    def index(self, entry_ids) -> None:
        SearchEntry.objects.filter(pk__in=list(entry_ids)).update(search_vector=self._vector())

    def rebuild(self) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [self.gin_index])
            if cursor.fetchone() is None:
                self.install(cursor)
        SearchEntry.objects.update(search_vector=self._vector())

    def _query(self, words):
        from django.contrib.postgres.search import SearchQuery

        query = None
        for word in words:
            # Stems in Dutch and French, or the accent-folded word as a prefix.
            either = (SearchQuery(word, config="dutch") | SearchQuery(word, config="french")
                      | SearchQuery(f"'{word}':*", config="simple", search_type="raw"))
            query = either if query is None else query & either
        return query

    def counts(self, entries, words) -> dict[str, int]:
        rows = (entries.filter(search_vector=self._query(words)).order_by()
                .values_list("kind").annotate(n=Count("pk")))
        return dict(rows)

    def page(self, entries, words, offset: int, limit: int) -> list[Hit]:
        from django.contrib.postgres.search import SearchHeadline, SearchRank

        query = self._query(words)
        rows = (
            entries.filter(search_vector=query)
            .annotate(
                rank=SearchRank(F("search_vector"), query),
                snippet=SearchHeadline("body", query, config="simple", start_sel=START,
                                       stop_sel=STOP, max_words=SNIPPET_WORDS, min_words=12,
                                       max_fragments=2, fragment_delimiter=" … "),
            )
            .order_by("-rank", F("date").desc(nulls_last=True), "-pk")
            .values_list("kind", "title", "url", "date", "snippet")[offset:offset + limit]
        )
        return [Hit(kind, title, url, day, highlight(snippet))
                for kind, title, url, day, snippet in rows]


ENGINES = {engine.vendor: engine for engine in (SQLiteEngine, PostgreSQLEngine)}


def get_engine(connection=None):
    connection = connection or default_connection
    try:
        return ENGINES[connection.vendor](connection)
    except KeyError:
        raise ImproperlyConfigured(
            f"Search supports SQLite and PostgreSQL, not {connection.vendor}.") from None
