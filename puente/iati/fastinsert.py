"""Inserts many rows of one model at once (COPY on PostgreSQL, executemany on SQLite).

For the part tables of an import (participations, transactions, locations, ...): rows whose
primary keys nobody needs back, no signals, no history. Values still go through each field's
`get_db_prep_save`, so dates, decimals and foreign keys are stored exactly as the ORM would.
"""

from collections.abc import Sequence
from typing import Any

from django.db import connection, models


def insert_rows(model: type[models.Model], rows: Sequence[models.Model], batch: int = 5000) -> None:
    if not rows:
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column or f.name) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608 - names from the model
    for row in rows:
        for field in fields:
            # Foreign keys set as objects become ids; defaults fill what the loader left unset.
            if isinstance(field, models.ForeignKey):
                related = getattr(row, field.name, None) if field.is_cached(row) else None
                if related is not None and getattr(row, field.attname) is None:
                    setattr(row, field.attname, related.pk)
    values = (
        [f.get_db_prep_save(getattr(row, f.attname), connection) for f in fields] for row in rows
    )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY streams the rows in one command; executemany would cost a round trip each.
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row_values in values:
                    copy.write_row(row_values)
            return
        chunk: list[Any] = []
        for row_values in values:
            chunk.append(row_values)
            if len(chunk) >= batch:
                cursor.executemany(sql, chunk)
                chunk = []
        if chunk:
            cursor.executemany(sql, chunk)
