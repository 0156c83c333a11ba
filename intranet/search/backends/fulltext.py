"""Full-text engines of the database backend: PostgreSQL, SQLite FTS5, plain LIKE.

Each engine keeps its own index in step with `SearchEntry` rows and answers
"which entries match, best first" with typo corrections; filtering, facets,
pagination and highlighting are shared by the backend.
"""

import difflib

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce

from intranet.models import SearchEntry

from ..query import SearchRequest

CANDIDATES = 500
FTS_TABLE = "intranet_searchentry_fts"
VOCAB_TABLE = "intranet_searchentry_vocab"
EVERYTHING = Q()


def engine():
    """Return the engine for the default database."""
    if connection.vendor == "postgresql":
        return PostgresEngine()
    if connection.vendor == "sqlite" and _has_table(FTS_TABLE):
        return SqliteFtsEngine()
    return ContainsEngine()


def _has_table(name: str) -> bool:
    return name in connection.introspection.table_names()


class PostgresEngine:
    """Weighted full text (title A, summary B, body C) plus pg_trgm typo tolerance."""

    config = "english"
    title_similarity = 0.5
    correction_similarity = 0.4

    def write(self, pks: list[int]) -> None:
        SearchEntry.objects.filter(pk__in=pks).update(
            search_vector=SearchVector("title", weight="A", config=self.config)
            + SearchVector("summary", weight="B", config=self.config)
            + SearchVector("body", weight="C", config=self.config)
        )

    def delete(self, pks: list[int]) -> None:
        """Rows carry their own vectors, so deleting them is enough."""

    def candidates(
        self, request: SearchRequest, *, allowed: Q = EVERYTHING
    ) -> tuple[list[int], dict[str, str]]:
        """Return the best entries among those ``allowed``, and typo corrections.

        Filtering before the cut at `CANDIDATES` keeps a user's own matches from
        being crowded out by entries they may not see, and lets the indexes do it.
        """
        corrections = self._corrections(request.words)
        words = [corrections.get(w, w) for w in request.words]
        query = self._or(
            [SearchQuery(w, config=self.config) for w in words]
            + [
                SearchQuery(p, config=self.config, search_type="phrase")
                for p in request.phrases
            ]
        )
        similarity = TrigramWordSimilarity(Value(" ".join(words)), "title")
        matches = Q(title_sim__gte=self.title_similarity)
        rank = F("title_sim")
        if query is not None:
            matches |= Q(search_vector=query)
            rank = Coalesce(SearchRank(F("search_vector"), query), 0.0) + F(
                "title_sim"
            ) * Value(0.5)
        pks = (
            SearchEntry.objects.filter(allowed)
            .annotate(title_sim=similarity)
            .filter(matches)
            .annotate(score=rank)
            .order_by("-score", "title", "pk")
            .values_list("pk", flat=True)[:CANDIDATES]
        )
        return list(pks), corrections

    @staticmethod
    def _or(queries):
        combined = None
        for q in queries:
            combined = q if combined is None else combined | q
        return combined

    def _corrections(self, words) -> dict[str, str]:
        corrections = {}
        for word in words:
            if (
                len(word) < 4
                or SearchEntry.objects.filter(
                    search_vector=SearchQuery(word, config=self.config)
                ).exists()
                or self._is_stop_word(word)
            ):
                continue
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT word FROM ts_stat("
                    "'SELECT search_vector FROM intranet_searchentry') "
                    "WHERE similarity(word, %s) >= %s "
                    "ORDER BY similarity(word, %s) DESC, ndoc DESC LIMIT 1",
                    [word, self.correction_similarity, word],
                )
                row = cursor.fetchone()
            if row:
                corrections[word] = row[0]
        return corrections

    def _is_stop_word(self, word: str) -> bool:
        """Return whether full text ignores the word, as it does "about".

        Such a word matches nothing however it is spelt, and looking for a
        correction would read every entry's vector.
        """
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT numnode(plainto_tsquery(%s::regconfig, %s)) = 0",
                [self.config, word],
            )
            return cursor.fetchone()[0]


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

    def candidates(
        self, request: SearchRequest, *, allowed: Q = EVERYTHING
    ) -> tuple[list[int], dict[str, str]]:
        """Return the best FTS5 matches; ``allowed`` is applied by the caller."""
        corrections = self._corrections(request.words)
        words = [corrections.get(w, w) for w in request.words]
        expression = " OR ".join(_quote(t) for t in [*words, *request.phrases])
        if not expression:
            return [], corrections
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "  # noqa: S608
                f"ORDER BY bm25({FTS_TABLE}, %s, %s, %s) LIMIT %s",
                [expression, *self.weights, CANDIDATES],
            )
            return [row[0] for row in cursor.fetchall()], corrections

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

    def candidates(
        self, request: SearchRequest, *, allowed: Q = EVERYTHING
    ) -> tuple[list[int], dict[str, str]]:
        needles = [*request.words, *request.phrases]
        if not needles:
            return [], {}
        any_match = Q()
        for needle in needles:
            any_match |= (
                Q(title__icontains=needle)
                | Q(summary__icontains=needle)
                | Q(body__icontains=needle)
            )
        rows = SearchEntry.objects.filter(allowed, any_match).values_list(
            "pk", "title", "summary", "body"
        )[: CANDIDATES * 4]
        scored = []
        for pk, title, summary, body in rows:
            fields = ((title.lower(), 10), (summary.lower(), 4), (body.lower(), 1))
            score = sum(w for n in needles for f, w in fields if n in f)
            scored.append((-score, title, pk))
        return [pk for *_, pk in sorted(scored)[:CANDIDATES]], {}


def _quote(term: str) -> str:
    """Return a term as an FTS5 string, so no character is read as syntax."""
    return '"' + term.replace('"', '""') + '"'
