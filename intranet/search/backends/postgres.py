"""PostgreSQL full text for the database backend: weighted vectors and a word list.

Entries carry a weighted vector (title A, summary B, body C) searched through
its GIN index. Approximate matching goes through `VOCAB_TABLE`, the distinct
words (runs of letters) the entries use, each with its full-text lexeme: the
trigram index of those few thousand short words corrects typos and finds the
title words a one-word query resembles (a word typed in part, a near spelling),
which become one more indexed full-text condition. No search compares the
query with every title or reads every entry's vector.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.db import connection, transaction
from django.db.models import F, QuerySet
from django.db.models.functions import Coalesce

from intranet.models import SearchEntry

from ..query import SearchRequest
from .visibility import Part

VOCAB_TABLE = "intranet_searchentry_vocab"
TITLE_TABLE = "intranet_searchentry_title"
CONFIG = "english"
RANDOM_PAGE_COST = 1.1
# Numbers and references are not words here: they only ever match exactly.
_VOCABULARY = f"""
    INSERT INTO {VOCAB_TABLE} (term, lexeme, in_title)
    SELECT
        w.term,
        coalesce((tsvector_to_array(to_tsvector('{CONFIG}', w.term)))[1], ''),
        bool_or(w.in_title)
    FROM intranet_searchentry e, LATERAL (
        SELECT lexeme, true
        FROM unnest(tsvector_to_array(to_tsvector('simple', e.title))) lexeme
        UNION ALL
        SELECT lexeme, false
        FROM unnest(tsvector_to_array(
            to_tsvector('simple', e.summary || ' ' || e.body))) lexeme
    ) AS w(term, in_title)
    WHERE {{entries}} AND w.term ~ '^[[:alpha:]]{{{{2,40}}}}$'
    GROUP BY w.term
    ORDER BY w.term
    ON CONFLICT (term) DO UPDATE SET in_title = true
    WHERE NOT {VOCAB_TABLE}.in_title AND excluded.in_title
"""  # noqa: S608
VOCABULARY_OF_ENTRIES = _VOCABULARY.format(entries="e.id = ANY(%s)")
VOCABULARY_OF_ALL = _VOCABULARY.format(entries="true")
# Suggestions read titles from this narrow copy: a few thousand matching
# titles fit in a few pages of it, against thousands of pages of entries.
_TITLES = f"""
    INSERT INTO {TITLE_TABLE} (entry_id, object_type, object_id, scope, sort_title)
    SELECT id, object_type, object_id, scope, lower(title)
    FROM intranet_searchentry e WHERE {{entries}}
    ON CONFLICT (entry_id) DO UPDATE SET
        object_type = excluded.object_type,
        object_id = excluded.object_id,
        scope = excluded.scope,
        sort_title = excluded.sort_title
    WHERE ({TITLE_TABLE}.object_type, {TITLE_TABLE}.object_id,
           {TITLE_TABLE}.scope, {TITLE_TABLE}.sort_title)
        IS DISTINCT FROM (excluded.object_type, excluded.object_id,
                          excluded.scope, excluded.sort_title)
"""  # noqa: S608
TITLES_OF_ENTRIES = _TITLES.format(entries="e.id = ANY(%s)")
TITLES_OF_ALL = _TITLES.format(entries="true")
# For each query word (n, word, may be corrected): the word or its correction,
# that word's lexeme, and the lexemes of the title words resembling it. A word
# is corrected only when no entry uses its lexeme. `%%` and `<%%` are pg_trgm's
# similarity operators, served by the word list's trigram index.
LOOKUP = f"""
    WITH w (n, word, correctable) AS (VALUES {{words}}),
    c AS MATERIALIZED (
        SELECT w.n, coalesce(CASE
            WHEN w.correctable AND o.own IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM {VOCAB_TABLE} known WHERE known.lexeme = o.own
            )
            THEN (
                SELECT term FROM {VOCAB_TABLE}
                WHERE term %% w.word
                ORDER BY similarity(term, w.word) DESC, in_title DESC, term
                LIMIT 1
            )
        END, w.word) AS word
        FROM w, LATERAL (
            SELECT (tsvector_to_array(to_tsvector(%(config)s::regconfig, w.word)))[1]
        ) AS o (own)
    )
    SELECT
        c.word,
        tsvector_to_array(to_tsvector(%(config)s::regconfig, c.word)),
        ARRAY(
            SELECT DISTINCT lexeme FROM (
                SELECT lexeme FROM {VOCAB_TABLE}
                WHERE in_title AND lexeme <> '' AND c.word <%% term
                ORDER BY word_similarity(c.word, term) DESC, term
                LIMIT %(expansions)s
            ) alike
        )
    FROM c
    ORDER BY c.n
"""  # noqa: S608


class PostgresEngine:
    """Weighted full text with typo and prefix tolerance from the word list."""

    config = CONFIG
    # Thresholds of pg_trgm's operators, set for each search's transaction.
    correction_similarity = 0.4
    title_similarity = 0.5
    correct_from = 4
    expansions = 30
    # However few entries are wanted, this many of each part get the full score.
    rescored = 100

    def write(self, pks: list[int]) -> None:
        SearchEntry.objects.filter(pk__in=pks).update(
            search_vector=SearchVector("title", weight="A", config=self.config)
            + SearchVector("summary", weight="B", config=self.config)
            + SearchVector("body", weight="C", config=self.config)
        )
        with connection.cursor() as cursor:
            cursor.execute(VOCABULARY_OF_ENTRIES, [list(pks)])
            cursor.execute(TITLES_OF_ENTRIES, [list(pks)])

    def delete(self, pks: list[int]) -> None:
        """Drop the entries' titles; rows carry their own vectors.

        Their words stay in the word list until the next rebuild; meanwhile a
        word no entry uses any more can only fail to match.
        """
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {TITLE_TABLE} WHERE entry_id = ANY(%s)",  # noqa: S608
                [list(pks)],
            )

    def resync(self) -> None:
        """Rebuild the word list and titles from the entries, dropping the rest."""
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {VOCAB_TABLE}")  # noqa: S608
            cursor.execute(VOCABULARY_OF_ALL)
            cursor.execute(
                f"DELETE FROM {TITLE_TABLE} t WHERE NOT EXISTS ("  # noqa: S608
                "SELECT 1 FROM intranet_searchentry e WHERE e.id = t.entry_id)"
            )
            cursor.execute(TITLES_OF_ALL)

    def candidates(
        self, request: SearchRequest, *, parts: list[Part], limit: int
    ) -> tuple[list[dict], dict[str, str]]:
        """Return the best entries of ``parts``, best first, and typo corrections.

        Each part is a slice of entries the user may see (the public ones, the
        cases they may open). Searching each on its own lets every part use the
        full-text index, and a user's matches are never crowded out by entries
        they may not see. Each part's matches are cut to ``limit`` (at least
        `rescored`) by the quick full-text rank, newest first among equals;
        only those get the full score, whose title similarity costs far more
        to work out.
        """
        with _settings(self):
            return self._candidates(request, parts=parts, limit=limit)

    def _candidates(
        self, request: SearchRequest, *, parts: list[Part], limit: int
    ) -> tuple[list[dict], dict[str, str]]:
        corrections, alike = self._lookup(request.words)
        words = [corrections.get(w, w) for w in request.words]
        query = self._any(
            [SearchQuery(w, config=self.config) for w in words]
            + [
                SearchQuery(p, config=self.config, search_type="phrase")
                for p in request.phrases
            ]
        )
        rank = Coalesce(SearchRank(F("search_vector"), query), 0.0)
        if alike:
            query = query | SearchQuery(
                " | ".join(f"{_quote(lexeme)}:A" for lexeme in sorted(alike)),
                config="simple",
                search_type="raw",
            )
        if not parts:
            return [], corrections
        best = [
            _first_visible(
                SearchEntry.objects.filter(part.where, search_vector=query).values(
                    entry=F("pk"),
                    ref=F("object_id"),
                    kind=F("object_type"),
                    area=F("service_area"),
                    labels=F("topics"),
                    name=F("title"),
                    rank=rank,
                    quick=SearchRank(F("search_vector"), query),
                ),
                order=("-quick", "-entry"),
                ids=part.ids,
                limit=max(limit, self.rescored),
            )
            for part in parts
        ]
        sql, params = _union(best)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT entry, kind, area, labels FROM ("  # noqa: S608
                f"{sql}) AS best ORDER BY "
                "rank + word_similarity(%s, name) * 0.5 DESC, name, entry LIMIT %s",
                [*params, " ".join(words), limit],
            )
            rows = cursor.fetchall()
        return [
            {"pk": pk, "object_type": kind, "service_area": area, "topics": topics}
            for pk, kind, area, topics in rows
        ], corrections

    def suggest(self, *, prefix: str, parts: list[Part], limit: int) -> list[dict]:
        """Return entries of ``parts`` with a title word starting with ``prefix``.

        Titles starting with it come first, then the rest, alphabetically. The
        rest are looked for only when fewer than ``limit`` titles start with it,
        and of restricted entries (cases) the newest of the rest are taken:
        finding the alphabetically first a user may see could mean checking
        every case that matches.
        """
        lowered = prefix.lower()
        starts, rest = [], []
        for part in parts:
            if part.ids is None:
                where, params = "scope = 'public'", []
                # Public titles are few: their trigram index serves both.
                first = ("sort_title LIKE %s", [_like(lowered) + "%"])
                then_order = ("sort_title", "entry")
            else:
                where, params = (
                    "object_type = %s AND scope <> 'public'",
                    [part.object_type],
                )
                # The same titles as "starts with", as a range the ordered
                # index serves in order.
                first = (
                    "sort_title >= %s AND sort_title < %s",
                    [lowered, _successor(lowered)],
                )
                then_order = ("-entry",)
            starts.append(
                _titles(
                    f"{where} AND {first[0]}",
                    [*params, *first[1]],
                    order=("sort_title", "entry"),
                    ids=part.ids,
                    limit=limit,
                )
            )
            rest.append(
                _titles(
                    f"{where} AND sort_title LIKE %s AND sort_title NOT LIKE %s",
                    [*params, "% " + _like(lowered) + "%", _like(lowered) + "%"],
                    order=then_order,
                    ids=part.ids,
                    limit=limit,
                )
            )
        first_sql, first_params = _union(starts)
        then_sql, then_params = _union(rest)
        with connection.cursor() as cursor:
            cursor.execute(
                f"WITH starts AS MATERIALIZED ({first_sql}), "  # noqa: S608
                f"found AS (SELECT 0 AS bucket, * FROM starts UNION ALL "
                f"SELECT 1, * FROM ({then_sql}) AS rest "
                "WHERE (SELECT count(*) FROM starts) < %s) "
                "SELECT found.bucket, found.sort_title, found.entry, "
                "e.title, e.url, e.object_type FROM found "
                # A title row left behind by a flush must not stand for an
                # entry that has since taken its id.
                "JOIN intranet_searchentry e ON e.id = found.entry "
                "AND e.object_type = found.kind AND e.object_id = found.ref",
                [*first_params, *then_params, limit],
            )
            found = sorted(cursor.fetchall())[:limit]
        return [
            {"title": title, "url": url, "object_type": kind}
            for *_, title, url, kind in found
        ]

    def _lookup(self, words) -> tuple[dict[str, str], set[str]]:
        """Return corrections of unknown words, and lexemes of title words alike.

        The lexemes exclude the words' own, which full text matches anyway.
        """
        if not words:
            return {}, set()
        # A title need only resemble a one-word query: the words of a longer
        # one are matched as they are, or as corrected.
        rows, params = (
            [],
            {
                "config": self.config,
                "expansions": self.expansions if len(words) == 1 else 0,
            },
        )
        for n, word in enumerate(words):
            params[f"w{n}"] = word
            correctable = word.isalpha() and len(word) >= self.correct_from
            rows.append(f"({n}, %(w{n})s::text, {'true' if correctable else 'false'})")
        with connection.cursor() as cursor:
            cursor.execute(LOOKUP.format(words=", ".join(rows)), params)
            found = cursor.fetchall()
        corrections = {
            word: corrected
            for word, (corrected, _, _) in zip(words, found, strict=True)
            if corrected != word
        }
        own = {lexeme for _, lexemes, _ in found for lexeme in lexemes}
        alike = {lexeme for _, _, lexemes in found for lexeme in lexemes}
        return corrections, alike - own

    @staticmethod
    def _any(queries):
        combined = None
        for q in queries:
            combined = q if combined is None else combined | q
        return combined


@contextmanager
def _settings(engine: PostgresEngine) -> Iterator[None]:
    """Run a search's statements in one transaction with its own settings.

    The trigram operators get the engine's thresholds. The planner is told
    that reading a page out of order costs little more than in order, as it
    does for a table in memory: with the default it would rather read every
    entry than fetch the few thousand a full-text index points at.
    """
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('pg_trgm.similarity_threshold', %s, true), "
            "set_config('pg_trgm.word_similarity_threshold', %s, true), "
            "set_config('random_page_cost', %s, true)",
            [
                str(engine.correction_similarity),
                str(engine.title_similarity),
                str(RANDOM_PAGE_COST),
            ],
        )
        yield


def _first_visible(
    rows: QuerySet, *, order: tuple[str, ...], ids: QuerySet | list | None, limit: int
) -> tuple[str, list]:
    """Return SQL for the first ``limit`` rows in ``order`` whose ``ref`` is in ``ids``.

    ``rows`` selects named columns, ``entry`` and ``ref`` among them, and so
    does the SQL. Rows are checked in order, each by one index look-up of its
    object, until ``limit`` pass: the first few usually come early, whereas
    working out every object a user may see would read them all. Only compiled
    querysets and column names go into the SQL; every value is a parameter.
    """
    if ids is None:
        return rows.order_by(*order)[:limit].query.sql_with_params()
    by = _order_by(order)
    source, params = rows.order_by(*order).query.sql_with_params()
    check, ids_params = _visible_check(ids)
    return (
        f"SELECT m.* FROM ({source}) AS m {check} ORDER BY {by} LIMIT %s",  # noqa: S608
        [*params, *ids_params, limit],
    )


def _titles(
    where: str, params: list, *, order: tuple[str, ...], ids, limit: int
) -> tuple[str, list]:
    """Return SQL for the first ``limit`` titles matching ``where`` in ``order``.

    A restricted title's object is checked against ``ids`` as a condition of
    the same scan, so an index giving the order lets the scan stop once
    ``limit`` titles pass, as `_first_visible` does after sorting.
    """
    if ids is None:
        allowed, ids_params = "true", []
    elif isinstance(ids, QuerySet):
        ids_sql, ids_params = ids.order_by().query.sql_with_params()
        allowed = (
            f"(SELECT true FROM ({ids_sql}) AS allowed (id) "  # noqa: S608
            "WHERE allowed.id = t.object_id LIMIT 1)"
        )
    else:
        allowed, ids_params = "t.object_id = ANY(%s)", [list(ids)]
    return (
        "SELECT t.entry_id AS entry, t.object_type AS kind, "  # noqa: S608
        f"t.object_id AS ref, t.sort_title FROM {TITLE_TABLE} t "
        f"WHERE {where} AND {allowed} ORDER BY {_order_by(order)} LIMIT %s",
        [*params, *ids_params, limit],
    )


def _visible_check(ids) -> tuple[str, list]:
    """Return SQL keeping rows of ``m`` whose ``ref`` is among ``ids``."""
    if isinstance(ids, QuerySet):
        ids_sql, ids_params = ids.order_by().query.sql_with_params()
        return (
            f"CROSS JOIN LATERAL (SELECT 1 FROM ({ids_sql}) AS allowed (id) "  # noqa: S608
            "WHERE allowed.id = m.ref LIMIT 1) AS seen",
            list(ids_params),
        )
    return "WHERE m.ref = ANY(%s)", [list(ids)]


def _order_by(order: tuple[str, ...]) -> str:
    return ", ".join(
        f'"{name.lstrip("-")}"' + (" DESC" if name.startswith("-") else "")
        for name in order
    )


def _like(text: str) -> str:
    """Return text for a LIKE pattern, its wildcards matching only themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _successor(prefix: str) -> str:
    """Return the first string after every string starting with ``prefix``."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _union(queries: list[tuple[str, list]]) -> tuple[str, list]:
    return (
        " UNION ALL ".join(f"({sql})" for sql, _ in queries),
        [param for _, params in queries for param in params],
    )


def _quote(lexeme: str) -> str:
    """Return a lexeme as a quoted tsquery operand, so nothing in it is syntax."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"
