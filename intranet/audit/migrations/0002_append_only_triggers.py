"""Make the audit table append-only in PostgreSQL itself, not just in Python.

TRUNCATE stays possible for the database owner, which test runs rely on.
"""

from django.db import migrations

POSTGRES = [
    """
    CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION 'audit entries are append-only';
    END;
    $$ LANGUAGE plpgsql;
    """,
    """
    CREATE TRIGGER audit_entry_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_auditentry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
    """,
]
POSTGRES_REVERSE = [
    "DROP TRIGGER IF EXISTS audit_entry_no_update_or_delete ON audit_auditentry;",
    "DROP FUNCTION IF EXISTS audit_entry_append_only();",
]
def _run(statements_by_vendor):
    def run(apps, schema_editor):
        statements = statements_by_vendor.get(schema_editor.connection.vendor, [])
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRES}),
            _run({"postgresql": POSTGRES_REVERSE}),
        )
    ]
