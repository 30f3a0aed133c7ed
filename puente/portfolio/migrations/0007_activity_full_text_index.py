"""A GIN index for full-text search of activities, on PostgreSQL only (SQLite has no such index)."""

from django.db import migrations

INDEX = "portfolio_activity_search_fts"
EXPRESSION = (
    "(to_tsvector('spanish'::regconfig, search_text) || to_tsvector('english'::regconfig, search_text))"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON portfolio_activity USING gin ({EXPRESSION})"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("portfolio", "0006_activity_search_text")]
    operations = [migrations.RunPython(create, drop)]
