"""A trigram index for the staff search (search_text LIKE '%word%'), on PostgreSQL only.

Measured on 100,000 activities: counting the matches of 'salud' took 116 ms as a scan and 13 ms
through this index. SQLite has no such index and keeps scanning.
"""

from django.db import migrations

INDEX = "portfolio_activity_search_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        # pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may add it.
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON portfolio_activity "
            "USING gin (search_text gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("portfolio", "0008_public_list_order")]
    operations = [migrations.RunPython(create, drop)]
