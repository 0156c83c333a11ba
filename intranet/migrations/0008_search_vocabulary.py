"""PostgreSQL search: a word list, a narrow copy of titles and a public index.

Comparing a query with every title (pg_trgm's word similarity) or reading every
entry's vector for typo corrections (ts_stat) costs a pass over all entries on
each search. The word list holds the distinct words of the entries (runs of
letters) with their lexemes, trigram-indexed, so both become index look-ups
among a few thousand short words.

Suggestions match lower-case titles. A narrow copy of them (with the type,
object and scope that decide who may see them) lets thousands of matching
titles be read from a few pages instead of thousands of pages of entries;
public and restricted titles have trigram indexes of their own, restricted
titles an ordered index too, to find a user's first few in order.

Public entries get a full-text index of their own: searched apart from the
restricted ones, they need not share the much larger index of every case. The
full-text indexes merge changes as they are written (no pending list for each
search to read), and the title indexes no search uses any more are dropped.
PostgreSQL only: SQLite keeps its FTS5 table and vocabulary.
"""

from django.db import migrations

VOCAB_TABLE = "intranet_searchentry_vocab"
TITLE_TABLE = "intranet_searchentry_title"
CREATE = [
    f"CREATE TABLE IF NOT EXISTS {VOCAB_TABLE} ("
    "term varchar(40) PRIMARY KEY, lexeme varchar(40) NOT NULL, "
    "in_title boolean NOT NULL DEFAULT false)",
    f"CREATE INDEX IF NOT EXISTS search_vocab_term_trgm_idx ON {VOCAB_TABLE} "
    "USING gin (term gin_trgm_ops) WITH (fastupdate = off)",
    f"CREATE INDEX IF NOT EXISTS search_vocab_lexeme_idx ON {VOCAB_TABLE} (lexeme)",
    f"""
    INSERT INTO {VOCAB_TABLE} (term, lexeme, in_title)
    SELECT
        w.term,
        coalesce((tsvector_to_array(to_tsvector('english', w.term)))[1], ''),
        bool_or(w.in_title)
    FROM intranet_searchentry e, LATERAL (
        SELECT lexeme, true
        FROM unnest(tsvector_to_array(to_tsvector('simple', e.title))) lexeme
        UNION ALL
        SELECT lexeme, false
        FROM unnest(tsvector_to_array(
            to_tsvector('simple', e.summary || ' ' || e.body))) lexeme
    ) AS w(term, in_title)
    WHERE w.term ~ '^[[:alpha:]]{{2,40}}$'
    GROUP BY w.term
    ON CONFLICT (term) DO NOTHING
    """,  # noqa: S608
    # No foreign key: a flush truncating the entries must not need this table.
    f"CREATE TABLE IF NOT EXISTS {TITLE_TABLE} ("
    "entry_id bigint PRIMARY KEY, object_type varchar(40) NOT NULL, "
    "object_id bigint NOT NULL, scope varchar(20) NOT NULL, "
    'sort_title text COLLATE "C" NOT NULL)',
    f"INSERT INTO {TITLE_TABLE} (entry_id, object_type, object_id, scope, sort_title) "  # noqa: S608
    "SELECT id, object_type, object_id, scope, lower(title) "
    "FROM intranet_searchentry ON CONFLICT (entry_id) DO NOTHING",
    "CREATE INDEX IF NOT EXISTS search_title_public_trgm_idx "
    f"ON {TITLE_TABLE} USING gin (sort_title gin_trgm_ops) "
    "WITH (fastupdate = off) WHERE scope = 'public'",
    "CREATE INDEX IF NOT EXISTS search_title_restricted_trgm_idx "
    f"ON {TITLE_TABLE} USING gin (sort_title gin_trgm_ops) "
    "WITH (fastupdate = off) WHERE scope <> 'public'",
    "CREATE INDEX IF NOT EXISTS search_title_restricted_idx "
    f"ON {TITLE_TABLE} (sort_title, entry_id) WHERE scope <> 'public'",
    "CREATE INDEX IF NOT EXISTS search_entry_public_vector_idx "
    "ON intranet_searchentry USING gin (search_vector) "
    "WITH (fastupdate = off) WHERE scope = 'public'",
    # Entries are searched far more often than written: every search would
    # otherwise read the list of recent changes not yet merged into the index.
    "ALTER INDEX search_entry_vector_idx SET (fastupdate = off)",
    "SELECT gin_clean_pending_list('search_entry_vector_idx'::regclass)",
    "DROP INDEX IF EXISTS search_entry_title_trgm_idx",
    "DROP INDEX IF EXISTS search_entry_title_upper_trgm_idx",
    f"ANALYZE {VOCAB_TABLE}",
    f"ANALYZE {TITLE_TABLE}",
]
DROP = [
    "ALTER INDEX search_entry_vector_idx RESET (fastupdate)",
    "CREATE INDEX IF NOT EXISTS search_entry_title_upper_trgm_idx "
    "ON intranet_searchentry USING gin (UPPER(title) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS search_entry_title_trgm_idx "
    "ON intranet_searchentry USING gin (title gin_trgm_ops)",
    "DROP INDEX IF EXISTS search_entry_public_vector_idx",
    f"DROP TABLE IF EXISTS {TITLE_TABLE}",
    f"DROP TABLE IF EXISTS {VOCAB_TABLE}",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("intranet", "0007_search_title_prefix_index")]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP))]
