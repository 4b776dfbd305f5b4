"""The holdings summary (`HoldingCount`): how many files each unit has, by archive, year,
retention kind (permanent or not), secrecy and status — what the holdings statistics read
instead of counting a million files at each request.

Kept exact by the services: each one that changes a counted column of a file (`unit`,
`archive_unit`, `year`, `retention_years`, `confidentiality`, `status`) — opening, updating,
filing or removing a document, closing, reopening, receiving a transfer, executing a disposal —
calls `touch(file)`; when the transaction commits, the file's unit is recounted from
`RecordFile` in one grouped query and its summary rows replaced (`recount`). A unit touched many
times in one transaction is recounted once. Recounts of a unit take turns (its row locked), so
the last one counts what every writer before it committed. Nothing else writes `RecordFile`'s
counted columns; code that does (a data fix, the demo's back-dating, a bulk import) calls
`recount` for the units it wrote, or `rebuild()` (`vanphong archives_holdings_rebuild`). The
daily job (`archives_remind`) rebuilds too, which repairs a summary left behind if a recount
ever failed after its commit.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import BooleanField, Count, ExpressionWrapper, Q, QuerySet

from vanphong.archives.models import HoldingCount, RecordFile
from vanphong.org.models import Unit

COLUMNS = ("unit_id", "archive_unit_id", "year", "permanent", "confidentiality", "status")


def grouped(files: QuerySet[RecordFile]) -> list[dict[str, Any]]:
    """The summary rows of `files`: one grouped query."""
    permanent = ExpressionWrapper(Q(retention_years__isnull=True), output_field=BooleanField())
    return list(
        files.annotate(permanent=permanent).values(*COLUMNS).annotate(n=Count("pk")).order_by()
    )


@transaction.atomic
def recount(unit_ids: Iterable[int]) -> int:
    """Count the units' files again and replace their summary rows; the number of rows."""
    ids = sorted(set(unit_ids))
    if not ids:
        return 0
    # One recount of a unit at a time: the second waits, then counts what was committed
    # (NO KEY UPDATE: files referring to the unit may still be written meanwhile).
    list(
        Unit.objects.select_for_update(no_key=True)
        .filter(pk__in=ids)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    rows = grouped(RecordFile.objects.filter(unit_id__in=ids))
    HoldingCount.objects.filter(unit_id__in=ids).delete()
    HoldingCount.objects.bulk_create([HoldingCount(**row) for row in rows], batch_size=1000)
    return len(rows)


def rebuild() -> int:
    """The whole summary counted again (after a bulk write outside the services, or to repair
    it); the number of rows."""
    with transaction.atomic():
        units = set(RecordFile.objects.values_list("unit_id", flat=True).distinct().order_by())
        units |= set(HoldingCount.objects.values_list("unit_id", flat=True).distinct().order_by())
        return recount(units)


class _Pending:
    """The units a transaction touched, recounted once when it commits."""

    def __init__(self) -> None:
        self.units: set[int] = set()
        self.done = False

    def __call__(self) -> None:
        self.done = True
        recount(self.units)


def touch(file_or_unit_id: RecordFile | int) -> None:
    """Have the file's unit (or the unit of that id) recounted when the transaction commits;
    at once outside a transaction."""
    unit_id = (
        file_or_unit_id.unit_id if isinstance(file_or_unit_id, RecordFile) else int(file_or_unit_id)
    )
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        recount([unit_id])
        return
    # Join a callback already waiting in this transaction, unless it waits inside a savepoint
    # we are not in (rolling that savepoint back would drop our unit with it).
    current = set(connection.savepoint_ids)
    for sids, func, _robust in connection.run_on_commit:
        if isinstance(func, _Pending) and not func.done and sids <= current:
            func.units.add(unit_id)
            return
    pending = _Pending()
    pending.units.add(unit_id)
    transaction.on_commit(pending, robust=True)
