"""Full-text engines of the database backend: PostgreSQL, SQLite FTS5, plain LIKE.

Each engine keeps its own index in step with `SearchEntry` rows and answers
"which entries the user may see match, best first" with typo corrections;
facets, pagination and highlighting are shared by the backend.
"""

import difflib

from django.db import connection
from django.db.models import Case, Q, Value, When
from django.db.models.functions import Lower

from intranet.models import SearchEntry

from ..query import SearchRequest
from .postgres import VOCAB_TABLE, PostgresEngine
from .visibility import Part, visible

FTS_TABLE = "intranet_searchentry_fts"
ROW_FIELDS = ("pk", "object_type", "service_area", "topics")


def engine():
    """Return the engine for the default database."""
    if connection.vendor == "postgresql":
        return PostgresEngine()
    if connection.vendor == "sqlite" and _has_table(FTS_TABLE):
        return SqliteFtsEngine()
    return ContainsEngine()


def _has_table(name: str) -> bool:
    return name in connection.introspection.table_names()


def _rows(pks: list[int], parts: list[Part]) -> list[dict]:
    """Return the rows of those entries in ``parts``, in the order of ``pks``."""
    by_pk = {
        row["pk"]: row
        for row in SearchEntry.objects.filter(visible(parts), pk__in=pks).values(
            *ROW_FIELDS
        )
    }
    return [by_pk[pk] for pk in pks if pk in by_pk]


def suggest(*, prefix: str, parts: list[Part], limit: int) -> list[dict]:
    """Return entries of ``parts`` with a title word starting with ``prefix``.

    Titles starting with it come first, then the rest, alphabetically.
    """
    return list(
        SearchEntry.objects.filter(
            visible(parts),
            Q(title__istartswith=prefix) | Q(title__icontains=f" {prefix}"),
        )
        .annotate(
            starts=Case(
                When(title__istartswith=prefix, then=Value(0)), default=Value(1)
            )
        )
        .order_by("starts", Lower("title"), "pk")
        .values("title", "url", "object_type")[:limit]
    )


class SqliteFtsEngine:
    """FTS5 with the porter stemmer and BM25; difflib corrects unknown words."""

    weights = (10.0, 4.0, 1.0)
    cutoff = 0.78

    def write(self, pks: list[int]) -> None:
        rows = SearchEntry.objects.filter(pk__in=pks).values_list(
            "pk", "title", "summary", "body"
        )
        with connection.cursor() as cursor:
            self._delete(cursor, pks)
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE} (rowid, title, summary, body) "  # noqa: S608
                "VALUES (%s, %s, %s, %s)",
                list(rows),
            )

    def delete(self, pks: list[int]) -> None:
        with connection.cursor() as cursor:
            self._delete(cursor, pks)

    def _delete(self, cursor, pks) -> None:
        cursor.executemany(
            f"DELETE FROM {FTS_TABLE} WHERE rowid = %s",  # noqa: S608
            [(pk,) for pk in pks],
        )

    def resync(self) -> None:
        """FTS5 keeps its table and vocabulary in step by itself."""

    def candidates(
        self, request: SearchRequest, *, parts: list[Part], limit: int
    ) -> tuple[list[dict], dict[str, str]]:
        """Return the best FTS5 matches among ``parts``, and typo corrections.

        Entries outside ``parts`` are left out before the cut at ``limit``, so
        they never crowd out the user's own matches.
        """
        corrections = self._corrections(request.words)
        words = [corrections.get(w, w) for w in request.words]
        expression = " OR ".join(_quote(t) for t in [*words, *request.phrases])
        if not expression:
            return [], corrections
        allowed, allowed_params = (
            SearchEntry.objects.filter(visible(parts))
            .values("pk")
            .query.sql_with_params()
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "  # noqa: S608
                f"AND rowid IN ({allowed}) "
                f"ORDER BY bm25({FTS_TABLE}, %s, %s, %s) LIMIT %s",
                [expression, *allowed_params, *self.weights, limit],
            )
            pks = [row[0] for row in cursor.fetchall()]
        return _rows(pks, parts), corrections

    def suggest(self, *, prefix: str, parts: list[Part], limit: int) -> list[dict]:
        return suggest(prefix=prefix, parts=parts, limit=limit)

    def _known(self, cursor, word: str) -> bool:
        cursor.execute(
            f"SELECT 1 FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s LIMIT 1",  # noqa: S608
            [_quote(word)],
        )
        return cursor.fetchone() is not None

    def _corrections(self, words) -> dict[str, str]:
        corrections: dict[str, str] = {}
        vocabulary = None
        with connection.cursor() as cursor:
            for word in words:
                if len(word) < 4 or self._known(cursor, word):
                    continue
                if vocabulary is None:
                    cursor.execute(f"SELECT term FROM {VOCAB_TABLE}")  # noqa: S608
                    vocabulary = [row[0] for row in cursor.fetchall()]
                close = difflib.get_close_matches(word, vocabulary, 1, self.cutoff)
                if close:
                    corrections[word] = close[0]
        return corrections


class ContainsEngine:
    """Substring matching for databases without full text: weighted word counts."""

    def write(self, pks: list[int]) -> None:
        """Entries are searched as they are stored."""

    def delete(self, pks: list[int]) -> None:
        """Entries are searched as they are stored."""

    def resync(self) -> None:
        """There is nothing besides the entries to keep in step."""

    def suggest(self, *, prefix: str, parts: list[Part], limit: int) -> list[dict]:
        return suggest(prefix=prefix, parts=parts, limit=limit)

    def candidates(
        self, request: SearchRequest, *, parts: list[Part], limit: int
    ) -> tuple[list[dict], dict[str, str]]:
        needles = [*request.words, *request.phrases]
        if not needles or not parts:
            return [], {}
        any_match = Q()
        for needle in needles:
            any_match |= (
                Q(title__icontains=needle)
                | Q(summary__icontains=needle)
                | Q(body__icontains=needle)
            )
        rows = SearchEntry.objects.filter(visible(parts), any_match).values_list(
            "pk", "title", "summary", "body"
        )[: limit * 4]
        scored = []
        for pk, title, summary, body in rows:
            fields = ((title.lower(), 10), (summary.lower(), 4), (body.lower(), 1))
            score = sum(w for n in needles for f, w in fields if n in f)
            scored.append((-score, title, pk))
        return _rows([pk for *_, pk in sorted(scored)[:limit]], parts), {}


def _quote(term: str) -> str:
    """Return a term as an FTS5 string, so no character is read as syntax."""
    return '"' + term.replace('"', '""') + '"'
