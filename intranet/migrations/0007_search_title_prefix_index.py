"""Index search entry titles for the suggestions' case-insensitive prefix match.

Suggestions match ``UPPER(title) LIKE 'PAY%'`` (Django's ``istartswith``), which
the plain trigram index on ``title`` cannot serve; without this index every
keystroke reads every entry. PostgreSQL only: SQLite has no trigram indexes.
"""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS search_entry_title_upper_trgm_idx "
    "ON intranet_searchentry USING gin (UPPER(title) gin_trgm_ops)"
)
DROP = "DROP INDEX IF EXISTS search_entry_title_upper_trgm_idx"


def _run(statement):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("intranet", "0006_search")]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP))]
