"""A GIN index for full-text search of the studies library, on PostgreSQL only."""

from django.db import migrations

INDEX = "border_study_search_fts"
EXPRESSION = (
    "(to_tsvector('spanish'::regconfig, search_text) || to_tsvector('english'::regconfig, search_text))"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON border_study USING gin ({EXPRESSION})")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("border", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
