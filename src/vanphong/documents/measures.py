"""The documents' yearly measures (core.yearly), registered from DocumentsConfig.ready().

- `documents.incoming_on_time`: of the lead assignments given in the year on the documents of
  the unit's incoming book, those handled on time — classified as the handling statistics do
  (documents.stats: working days, a deadline on a day off runs to the next working day), as
  of `as_of`. Counted: on time, late and overdue; an open assignment not yet past its deadline
  is not counted. One done after `as_of` counts as not done yet on `as_of`.
- `documents.outgoing_not_recalled`: of the documents the unit issued in the year (issued_on
  up to `as_of`), those not withdrawn (thu hồi).

The incoming measure classifies in the database, exactly as documents.stats does in Python: one
query fetches the distinct deadlines of what was done, Python finds on the working-day calendar
the first late moment of each (00:00 local of the working day after the deadline rolled to a
working day), and the grouped query compares each completion with it through a CASE nested as a
balanced tree on the deadlines (about log2(n) comparisons a row) — one row per unit comes back.
Each measure is a fixed number of queries (plus the working-day calendar's) whatever the number
of units or assignments.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from typing import Any
from urllib.parse import urlencode

from django.db import connections
from django.db.backends.base.operations import BaseDatabaseOperations
from django.db.models import Count, DateTimeField, F, Q
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils import timezone

from vanphong.core.workdays import WorkCalendar
from vanphong.core.yearly import Measure, Ratio, register_measure
from vanphong.documents.models import (
    Assignment,
    AssignmentRole,
    AssignmentStatus,
    OutgoingDocument,
    OutgoingStatus,
)
from vanphong.documents.registers import Period
from vanphong.documents.stats import OPEN_STATES

INCOMING_ON_TIME = "documents.incoming_on_time"
OUTGOING_NOT_RECALLED = "documents.outgoing_not_recalled"


def _year_until(year: int, as_of: date) -> date:
    return min(date(year, 12, 31), as_of)


def _local_midnight_after(day: date) -> datetime:
    zone = timezone.get_default_timezone()
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min), zone)


def _late_from(deadlines: list[date], calendar: WorkCalendar) -> list[datetime]:
    """For each deadline, the first local midnight from which a completion is late: the start
    of the working day after the deadline (rolled to a working day first), as documents.stats
    counts it (`WorkCalendar.days_late(deadline, day) >= 1` exactly from that day on)."""
    zone = timezone.get_default_timezone()
    return [
        timezone.make_aware(
            datetime.combine(
                calendar.add_working_days(calendar.add_working_days(d, 0), 1), time.min
            ),
            zone,
        )
        for d in deadlines
    ]


def _by_deadline(
    column: str, deadlines: list[date], values: list[datetime], ops: BaseDatabaseOperations
) -> tuple[str, list[Any]]:
    """SQL giving, for a deadline among the sorted `deadlines`, its value: a CASE nested as a
    balanced tree on ranges of deadlines, so the database makes about log2(n) comparisons a
    row instead of n. Written as text (built in well under a millisecond; as Django
    expressions, resolving a few hundred nested When would take tens)."""
    if len(deadlines) == 1:
        return "%s", [ops.adapt_datetimefield_value(values[0])]
    middle = len(deadlines) // 2
    below, below_params = _by_deadline(column, deadlines[:middle], values[:middle], ops)
    above, above_params = _by_deadline(column, deadlines[middle:], values[middle:], ops)
    return (
        f"CASE WHEN {column} < %s THEN {below} ELSE {above} END",
        [ops.adapt_datefield_value(deadlines[middle]), *below_params, *above_params],
    )


def incoming_on_time(unit_ids: Iterable[int], year: int, as_of: date) -> Mapping[int, Ratio]:
    ids = list(unit_ids)
    last = _year_until(year, as_of)
    if not ids or last < date(year, 1, 1):
        return {}
    since, until = Period(date(year, 1, 1), last).bounds()
    done_by = _local_midnight_after(as_of)
    counted = Assignment.objects.filter(
        document__unit_id__in=ids,
        role=AssignmentRole.LEAD,
        assigned_at__gte=since,
        assigned_at__lt=until,
        status__in=[AssignmentStatus.DONE, *OPEN_STATES],
    ).order_by()
    done = Q(status=AssignmentStatus.DONE, completed_at__lt=done_by)
    still_open = (
        Q(status__in=OPEN_STATES)
        | Q(status=AssignmentStatus.DONE, completed_at__gte=done_by)
        | Q(status=AssignmentStatus.DONE, completed_at__isnull=True)
    )
    # The deadlines of what was done (one query): each gets its first late day in Python, on
    # the working-day calendar, and the database compares the completion time against it.
    deadlines = sorted(
        d
        for d in counted.filter(done, deadline__isnull=False)
        .values_list("deadline", flat=True)
        .distinct()
        if d is not None
    )
    calendar = WorkCalendar.load(date(year, 1, 1), max(as_of, last))
    tallies: dict[str, Any] = {
        "done": Count("id", filter=done),
        "overdue": Count(
            "id", filter=still_open & Q(deadline__lte=calendar.overdue_through(as_of))
        ),
    }
    if deadlines:
        ops = connections[counted.db].ops
        column = f"{ops.quote_name(Assignment._meta.db_table)}.{ops.quote_name('deadline')}"
        sql, params = _by_deadline(column, deadlines, _late_from(deadlines, calendar), ops)
        # The text holds only the quoted column and placeholders; the values are parameters.
        late_from = RawSQL(sql, params, output_field=DateTimeField())  # noqa: S611
        counted = counted.alias(late_from=late_from)
        late = Q(deadline__isnull=False, completed_at__gte=F("late_from"))
        tallies["late"] = Count("id", filter=done & late)
    rows = counted.values("document__unit_id").annotate(**tallies)
    found: dict[int, Ratio] = {}
    for row in rows:
        total = row["done"] + row["overdue"]
        if total:
            on_time = row["done"] - row.get("late", 0)
            found[row["document__unit_id"]] = Ratio(done=on_time, counted=total)
    return found


def outgoing_not_recalled(unit_ids: Iterable[int], year: int, as_of: date) -> Mapping[int, Ratio]:
    ids = list(unit_ids)
    last = _year_until(year, as_of)
    if not ids or last < date(year, 1, 1):
        return {}
    rows = (
        OutgoingDocument.objects.filter(
            unit_id__in=ids,
            issued_on__gte=date(year, 1, 1),
            issued_on__lte=last,
            status__in=[OutgoingStatus.ISSUED, OutgoingStatus.WITHDRAWN],
        )
        .order_by()
        .values("unit_id")
        .annotate(counted=Count("id"), done=Count("id", filter=Q(status=OutgoingStatus.ISSUED)))
    )
    return {row["unit_id"]: Ratio(done=row["done"], counted=row["counted"]) for row in rows}


def _book_url(name: str, unit_uuid: str, year: int) -> str:
    return f"{reverse(name)}?{urlencode({'don-vi': unit_uuid, 'nam': year})}"


def register() -> None:
    register_measure(
        Measure(
            key=INCOMING_ON_TIME,
            title="Văn bản đến được giải quyết đúng hạn",
            counted=(
                "Các phần việc chủ trì giao trong năm trên văn bản đến của sổ đơn vị (trừ việc "
                "đã chuyển người khác, đã hủy), đã xong hoặc đã quá hạn tính đến ngày tính; "
                "việc chưa xong và chưa đến hạn không tính."
            ),
            done=(
                "Hoàn thành không sau ngày tính và không chậm ngày làm việc nào so với hạn xử lý "
                "(hạn rơi vào ngày nghỉ được lùi sang ngày làm việc kế tiếp; không có hạn: "
                "đúng hạn)."
            ),
            query=(
                "SELECT DISTINCT deadline FROM documents_assignment ... -- the same rows, "
                "done by :as_of\n"
                "-- late_from(deadline) = 00:00 +07 of the working day after the deadline "
                "(rolled to a working day)\n"
                "SELECT document.unit_id,\n"
                "       COUNT(*) FILTER (WHERE done) AS done,\n"
                "       COUNT(*) FILTER (WHERE done AND completed_at >= late_from(deadline)) "
                "AS late,\n"
                "       COUNT(*) FILTER (WHERE NOT done AND deadline <= :overdue_through) "
                "AS overdue\n"
                "FROM documents_assignment JOIN documents_incomingdocument AS document\n"
                "WHERE document.unit_id IN (:units) AND role = 'lead'\n"
                "  AND assigned_at >= :year-01-01 00:00 +07\n"
                "  AND assigned_at < (MIN(:year-12-31, :as_of) + 1 day) 00:00 +07\n"
                "  AND status IN ('done', 'open', 'in_progress')\n"
                "GROUP BY document.unit_id\n"
                "-- done = status 'done' AND completed_at < (:as_of + 1 day) 00:00 +07\n"
                "-- :overdue_through = the latest deadline one working day past on :as_of\n"
                "-- counted = done + overdue; on time = done - late"
            ),
            compute=incoming_on_time,
            records_url=lambda unit_uuid, year: _book_url(
                "documents:incoming_book", unit_uuid, year
            ),
        )
    )
    register_measure(
        Measure(
            key=OUTGOING_NOT_RECALLED,
            title="Văn bản đi ban hành không phải thu hồi",
            counted="Văn bản đi đơn vị ban hành trong năm (ngày ban hành đến ngày tính).",
            done="Văn bản không bị thu hồi (tình trạng “Đã phát hành”).",
            query=(
                "SELECT unit_id, COUNT(*) AS counted,\n"
                "       COUNT(*) FILTER (WHERE status = 'issued') AS done\n"
                "FROM documents_outgoingdocument\n"
                "WHERE unit_id IN (:units)\n"
                "  AND issued_on BETWEEN :year-01-01 AND MIN(:year-12-31, :as_of)\n"
                "  AND status IN ('issued', 'withdrawn')\n"
                "GROUP BY unit_id"
            ),
            compute=outgoing_not_recalled,
            records_url=lambda unit_uuid, year: _book_url(
                "documents:outgoing_book", unit_uuid, year
            ),
        )
    )
