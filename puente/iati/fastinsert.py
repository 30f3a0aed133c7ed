"""Inserts many rows of one model at once (COPY on PostgreSQL, executemany on SQLite).

For the part tables of an import (participations, transactions, locations, ...): rows whose
primary keys nobody needs back, no signals, no history. A row is a dict of column values by
attribute name ("activity_id", "amount", ...), not a model instance: building ~20 instances per
activity was most of an import's time (bench/iati.py). What a row leaves out gets the field's
default, as a new instance would; dates, decimals and times still go through each field's
`get_db_prep_save`, so they are stored exactly as the ORM would store them.
"""

from collections.abc import Callable, Sequence
from typing import Any

from django.db import connection, models
from django.utils import timezone

# Fields whose values the database driver cannot take as they are.
_PREPARED = (models.DecimalField, models.DateField, models.TimeField, models.JSONField)


def _converter(field: models.Field) -> Callable[[Any], Any] | None:  # type: ignore[type-arg]
    if isinstance(field, _PREPARED):
        return lambda value: None if value is None else field.get_db_prep_save(value, connection)
    return None


def insert_rows(
    model: type[models.Model],
    rows: Sequence[dict[str, Any]],
    batch: int = 5000,
    with_ids: bool = False,
) -> None:
    """`with_ids`: the rows carry their own primary keys (from allocate_ids)."""
    if not rows:
        return
    fields = [f for f in model._meta.concrete_fields if with_ids or not f.primary_key]
    now = timezone.now()
    stamped = {
        f.attname
        for f in fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    }
    defaults = {f.attname: now if f.attname in stamped else f.get_default() for f in fields}
    convert = [
        (f.attname, defaults[f.attname], _converter(f), f.attname in stamped) for f in fields
    ]
    known = set(defaults)
    for row in rows:
        if not row.keys() <= known:  # a misspelt column would be dropped silently
            raise ValueError(f"{model.__name__} has no column {sorted(row.keys() - known)}")
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column or f.attname) for f in fields)

    def values(row: dict[str, Any]) -> list[Any]:
        out = []
        for attname, default, prepare, is_stamp in convert:
            value = row.get(attname, default)
            if is_stamp and value is None:
                value = now  # created/updated times, as save() would set them
            out.append(prepare(value) if prepare else value)
        return out

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY streams the rows in one command; executemany would cost a round trip each.
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(values(row))
            return
        placeholders = ", ".join(["%s"] * len(fields))
        sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608 - names from the model
        for start in range(0, len(rows), batch):
            cursor.executemany(sql, [values(row) for row in rows[start : start + batch]])


def allocate_ids(model: type[models.Model], count: int) -> list[int]:
    """`count` new primary keys for `model`, to insert rows with insert_rows(with_ids=True)
    and know their ids without reading them back. Call inside the transaction that inserts."""
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The table's own sequence: safe whatever else inserts at the same time.
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [table, model._meta.pk.column, count],  # type: ignore[union-attr]
            )
            return [row[0] for row in cursor.fetchall()]
        # SQLite: writes are serialised (Puente opens every transaction IMMEDIATE), so nobody
        # else can take these ids before the insert; the sequence also remembers deleted ones.
        quoted = connection.ops.quote_name(table)
        cursor.execute(
            f"SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = %s), 0), "  # noqa: S608
            f"COALESCE((SELECT MAX(id) FROM {quoted}), 0))",
            [table],
        )
        last = cursor.fetchone()[0]
        return list(range(last + 1, last + count + 1))
