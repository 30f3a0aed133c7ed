"""Inserts many rows of one model with one `executemany`, skipping Django's per-row SQL work.

For the part tables of an import (participations, transactions, locations, ...): rows whose
primary keys nobody needs back, no signals, no history. Values still go through each field's
`get_db_prep_save`, so dates, decimals and foreign keys are stored exactly as the ORM would.
"""

from collections.abc import Sequence

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
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch):
            chunk = rows[start : start + batch]
            cursor.executemany(
                sql,
                [
                    [f.get_db_prep_save(getattr(row, f.attname), connection) for f in fields]
                    for row in chunk
                ],
            )
