"""On PostgreSQL, the planner told that the database is on solid-state storage
(random_page_cost 1.1, set on the database, so that it holds behind a connection pooler too).
With the server's default (4, for spinning disks) it read all 100,000 activities instead of the
search's trigram index (113 ms against 15 ms for one word). Where the database user may not
change the database's settings, the migration says so and goes on."""

import logging

from django.db import DatabaseError, migrations, transaction

log = logging.getLogger(__name__)
# %% because the statement goes through the driver's placeholders.
SET = "ALTER DATABASE %%I SET random_page_cost = 1.1"
RESET = "ALTER DATABASE %%I RESET random_page_cost"


def _alter(schema_editor, statement: str) -> None:  # noqa: ANN001
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute(
                f"DO $$ BEGIN EXECUTE format('{statement}', current_database()); END $$"
            )
    except DatabaseError as error:
        log.warning("The planner keeps the server's random_page_cost (%s).", error)


def tell(apps, schema_editor) -> None:  # noqa: ANN001
    _alter(schema_editor, SET)


def untell(apps, schema_editor) -> None:  # noqa: ANN001
    _alter(schema_editor, RESET)


class Migration(migrations.Migration):
    dependencies = [("portfolio", "0013_shared_indicators")]
    operations = [migrations.RunPython(tell, untell, elidable=False)]
