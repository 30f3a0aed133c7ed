"""Inserts many rows of one model at once (COPY on PostgreSQL, executemany on SQLite).

For the part tables of an import (participations, transactions, locations, ...): rows whose
primary keys nobody needs back, no signals, no history. A row is a dict of column values by
attribute name ("activity_id", "amount", ...), not a model instance: building ~20 instances per
activity was most of an import's time (bench/iati.py). What a row leaves out gets the field's
default, as a new instance would; dates, decimals and times are stored exactly as the ORM
would store them (each field's `get_db_prep_save`, or its known result for the common types:
iati/tests/test_fastinsert compares the two).
"""

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connection, connections, models
from django.utils import timezone

# Fields whose values the database driver cannot take as they are.
_PREPARED = (models.DecimalField, models.DateField, models.TimeField, models.JSONField)


def _converter(field: models.Field, db: Any) -> Callable[[Any], Any] | None:  # type: ignore[type-arg]
    """How a value of `field` becomes what the driver takes, as the field itself would do it;
    the common cases (a Decimal, a plain date) skip the field's generic path, which cost
    more than the insert itself."""
    if not isinstance(field, _PREPARED):
        return None

    def generic(value: Any) -> Any:
        return None if value is None else field.get_db_prep_save(value, db)

    if isinstance(field, models.DecimalField):
        # to_python of a finite Decimal is the Decimal; both drivers take it as it is.
        return lambda value: (
            value if type(value) is Decimal and value.is_finite() else generic(value)
        )
    if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
        if db.vendor == "postgresql":
            return lambda value: value if type(value) is date else generic(value)
        return lambda value: value.isoformat() if type(value) is date else generic(value)
    return generic


def insert_rows(
    model: type[models.Model],
    rows: Sequence[dict[str, Any]],
    batch: int = 5000,
    with_ids: bool = False,
) -> None:
    """`with_ids`: the rows carry their own primary keys (from allocate_ids)."""
    if not rows:
        return
    db = connections[DEFAULT_DB_ALIAS]  # the connection itself, not the per-call proxy
    fields = [f for f in model._meta.concrete_fields if with_ids or not f.primary_key]
    names = [f.attname for f in fields]
    known = set(names)
    for row in rows:
        if not row.keys() <= known:  # a misspelt column would be dropped silently
            raise ValueError(f"{model.__name__} has no column {sorted(row.keys() - known)}")
    now = timezone.now()
    converters = [_converter(f, db) for f in fields]
    stamped = [getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False) for f in fields]
    # A column a row leaves out gets the field's default (created/updated times: now, as
    # save() would set them), prepared once for the whole call.
    defaults = {}
    for name, field, prepare, is_stamp in zip(names, fields, converters, stamped, strict=True):
        default = now if is_stamp else field.get_default()
        defaults[name] = prepare(default) if prepare else default
    # Only the columns a row does give need converting, each by its field's converter.
    to_convert = [
        (name, prepare, defaults[name] if is_stamp else None)
        for name, prepare, is_stamp in zip(names, converters, stamped, strict=True)
        if prepare or is_stamp
    ]

    def values(row: dict[str, Any]) -> list[Any]:
        given = {**defaults, **row}
        for name, prepare, stamp in to_convert:
            if name in row:
                value = row[name]
                if value is None and stamp is not None:
                    given[name] = stamp
                elif prepare:
                    given[name] = prepare(value)
        return [given[name] for name in names]

    table = db.ops.quote_name(model._meta.db_table)
    columns = ", ".join(db.ops.quote_name(f.column or f.attname) for f in fields)
    with db.cursor() as cursor:
        if db.vendor == "postgresql":
            # COPY streams the rows in one command; executemany would cost a round trip each.
            # It is psycopg's own call: its errors are turned into Django's here, so that the
            # import's handler (DatabaseError: retry one by one) sees a refused row as one.
            with (
                db.wrap_database_errors,
                cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
            ):
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
