"""Gap-free numbers from locked counter rows.

A document number is legal evidence: a number may never be skipped or handed out twice, so it
cannot come from a database sequence (sequences skip on rollback). The counter row is updated
inside the caller's transaction: the row lock (PostgreSQL) or the database write lock taken at
BEGIN IMMEDIATE (SQLite) holds every other allocator of the series until that transaction ends,
and a rollback gives the number back.
"""

from __future__ import annotations

from django.db import connection, transaction

from vanphong.core import rows
from vanphong.core.models import Counter, NumberAllocation


class NotInTransaction(RuntimeError):
    pass


def _bump(series: str) -> int:
    if not transaction.get_connection().in_atomic_block:
        raise NotInTransaction("numbers are allocated only inside the transaction that uses them")
    table = connection.ops.quote_name(Counter._meta.db_table)
    sql = f"UPDATE {table} SET value = value + 1 WHERE series = %s RETURNING value"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [series])
        row = cursor.fetchone()
        if row is None:
            # First number of a new series: create the row without racing a concurrent creator.
            Counter.objects.bulk_create([Counter(series=series)], ignore_conflicts=True)
            cursor.execute(sql, [series])
            row = cursor.fetchone()
    if row is None:
        raise RuntimeError(f"counter row for {series!r} vanished inside the transaction")
    return int(row[0])


def allocate(series: str) -> int:
    """Take the next number of `series`; it is used only if the caller's transaction commits."""
    number = _bump(series)
    rows.insert(NumberAllocation(series=series, number=number))
    return number


def peek(series: str) -> int:
    """The last number handed out in `series` (0 when none), for display only."""
    value = Counter.objects.filter(series=series).values_list("value", flat=True).first()
    return int(value or 0)
