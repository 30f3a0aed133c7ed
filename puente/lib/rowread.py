"""One row into a model through raw SQL, for the reads that every signed-in request makes."""

from functools import cache

from django.db import connection
from django.db.models import Model


@cache
def _select(model: type[Model], where: str) -> str:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(str(field.column)) for field in model._meta.concrete_fields)
    return f"SELECT {columns} FROM {quote(model._meta.db_table)} WHERE {where}"  # noqa: S608


def first_row[M: Model](model: type[M], where: str, params: list[object]) -> M | None:
    """The instance whose row matches `where` (SQL with %s placeholders), or None.

    `objects.get()` spends most of its time building its query (0.17 ms against 0.05 ms here,
    measured on SQLite); a raw query skips that and still converts each value as the ORM does.
    The session and the user are read this way on every signed-in request.
    """
    return next(iter(model._default_manager.raw(_select(model, where), params)), None)
