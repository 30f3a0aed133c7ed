"""insert_rows stores what the ORM would store, column for column, and refuses unknown columns."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.db import DataError, connection

from puente.iati.fastinsert import allocate_ids, insert_rows
from puente.iati.models import ActivitySource
from puente.portfolio.models import ActivityText, Budget
from puente.portfolio.tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


def stored(model, pk: int, leave_out=("id",)) -> dict:  # noqa: ANN001
    """The row as the database holds it (raw columns, not read back through the fields)."""
    with connection.cursor() as cursor:
        table = connection.ops.quote_name(model._meta.db_table)
        cursor.execute(f"SELECT * FROM {table} WHERE id = %s", [pk])  # noqa: S608
        row = dict(zip([c[0] for c in cursor.description], cursor.fetchone(), strict=True))
    return {name: value for name, value in row.items() if name not in leave_out}


def test_dates_and_amounts_are_stored_as_the_orm_stores_them():
    activity = ActivityFactory()
    values = {
        "kind": "2",
        "period_start": date(2026, 1, 1),
        "period_end": date(2026, 12, 31),
        "amount": Decimal("750000.50"),
        "currency_id": "USD",
    }
    by_orm = Budget.objects.create(activity=activity, **values)
    insert_rows(Budget, [{"activity_id": activity.pk, **values}])
    fast = Budget.objects.exclude(pk=by_orm.pk).get(activity=activity)
    assert stored(Budget, fast.pk) == stored(Budget, by_orm.pk)
    assert (fast.period_end, fast.amount) == (date(2026, 12, 31), Decimal("750000.50"))


def test_times_and_left_out_columns_get_what_save_would_give():
    first, second = ActivityFactory(), ActivityFactory()
    moment = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)
    by_orm = ActivitySource.objects.create(
        activity=first, source="f.xml", fingerprint="x", last_updated=moment
    )
    insert_rows(
        ActivitySource,
        [{"activity_id": second.pk, "source": "f.xml", "fingerprint": "x", "last_updated": moment}],
    )
    fast = ActivitySource.objects.get(activity=second)
    assert fast.last_updated == by_orm.last_updated == moment
    assert fast.publisher_ref == "" and fast.run_id is None
    assert abs((fast.imported_at - by_orm.imported_at).total_seconds()) < 60  # auto_now stamped
    apart = ("id", "activity_id", "imported_at")
    assert stored(ActivitySource, fast.pk, apart) == stored(ActivitySource, by_orm.pk, apart)


def test_a_misspelt_column_is_refused_and_nothing_is_written():
    activity = ActivityFactory()
    with pytest.raises(ValueError, match="amout"):
        insert_rows(Budget, [{"activity_id": activity.pk, "amout": Decimal(1)}])
    assert not Budget.objects.filter(activity=activity).exists()


def test_allocated_ids_are_new_and_rows_can_carry_them():
    activity = ActivityFactory()
    ids = allocate_ids(Budget, 2)
    assert len(set(ids)) == 2 and not Budget.objects.filter(pk__in=ids).exists()
    row = {
        "activity_id": activity.pk,
        "period_start": date(2026, 1, 1),
        "period_end": date(2026, 6, 30),
        "amount": Decimal("10"),
        "currency_id": "EUR",
    }
    insert_rows(Budget, [{"id": pk, **row} for pk in ids], with_ids=True)
    assert sorted(Budget.objects.filter(activity=activity).values_list("id", flat=True)) == ids


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite does not enforce a column's width"
)
def test_a_row_the_database_refuses_raises_djangos_error_not_the_drivers():
    # The import retries a batch one activity at a time on django.db.DatabaseError; psycopg's
    # own errors from COPY slipped past that handler and stopped the whole run.
    activity = ActivityFactory()
    with pytest.raises(DataError, match="too long"):
        insert_rows(ActivityText, [{"activity_id": activity.pk, "kind": "title", "lang": "x" * 11}])
