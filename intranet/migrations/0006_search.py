"""The database search index: entries, the zero-result log and full-text support.

PostgreSQL gets pg_trgm and GIN indexes; SQLite gets an FTS5 table (when the
build has FTS5) and a vocabulary view of it for typo tolerance.
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.conf import settings
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

SQLITE_FTS = [
    "CREATE VIRTUAL TABLE intranet_searchentry_fts USING fts5("
    "title, summary, body, tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE intranet_searchentry_vocab "
    "USING fts5vocab(intranet_searchentry_fts, 'row')",
]
SQLITE_FTS_DROP = [
    "DROP TABLE IF EXISTS intranet_searchentry_vocab",
    "DROP TABLE IF EXISTS intranet_searchentry_fts",
]
POSTGRES_INDEXES = [
    "CREATE INDEX search_entry_vector_idx ON intranet_searchentry "
    "USING gin (search_vector)",
    "CREATE INDEX search_entry_title_trgm_idx ON intranet_searchentry "
    "USING gin (title gin_trgm_ops)",
]
POSTGRES_INDEXES_DROP = [
    "DROP INDEX IF EXISTS search_entry_title_trgm_idx",
    "DROP INDEX IF EXISTS search_entry_vector_idx",
]


def _fts5_available(cursor) -> bool:
    cursor.execute("SELECT sqlite_compileoption_used('ENABLE_FTS5')")
    return bool(cursor.fetchone()[0])


def create_full_text(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            statements = POSTGRES_INDEXES
        elif connection.vendor == "sqlite" and _fts5_available(cursor):
            statements = SQLITE_FTS
        else:
            statements = []
        for statement in statements:
            cursor.execute(statement)


def drop_full_text(apps, schema_editor):
    connection = schema_editor.connection
    statements = {
        "postgresql": POSTGRES_INDEXES_DROP,
        "sqlite": SQLITE_FTS_DROP,
    }.get(connection.vendor, [])
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("intranet", "0005_outboxmessage"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        TrigramExtension(),
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("object_type", models.CharField(max_length=40)),
                ("object_id", models.PositiveBigIntegerField()),
                ("title", models.CharField(max_length=255)),
                ("summary", models.TextField(blank=True)),
                ("body", models.TextField(blank=True)),
                ("url", models.CharField(max_length=500)),
                ("service_area", models.CharField(blank=True, help_text="Slug of the service area, if any.", max_length=50)),
                ("topics", models.JSONField(blank=True, default=list)),
                ("facets", models.JSONField(blank=True, default=dict, help_text="Display labels of the facet values, such as the service area name.")),
                ("scope", models.CharField(choices=[("public", "Everyone"), ("agent-case", "Agents who may see the case")], default="public", max_length=20)),
                ("updated_at", models.DateTimeField(blank=True, null=True)),
                ("indexed_at", models.DateTimeField(auto_now=True)),
                ("search_vector", django.contrib.postgres.search.SearchVectorField(editable=False, null=True)),
            ],
            options={
                "verbose_name_plural": "search entries",
                "indexes": [models.Index(fields=["scope", "object_type"], name="search_entry_scope_idx")],
                "constraints": [models.UniqueConstraint(fields=("object_type", "object_id"), name="search_entry_unique_object")],
            },
        ),
        migrations.CreateModel(
            name="SearchQueryLog",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("query", models.CharField(help_text="Lower case, spaces collapsed.", max_length=200)),
                ("results_count", models.PositiveIntegerField(default=0)),
                ("backend", models.CharField(blank=True, max_length=20)),
                ("created_at", models.DateTimeField()),
                ("user", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
            ],
            options={
                "ordering": ["-created_at"],
                "indexes": [models.Index(fields=["created_at"], name="search_log_created_idx")],
            },
        ),
        migrations.RunPython(create_full_text, drop_full_text),
    ]
