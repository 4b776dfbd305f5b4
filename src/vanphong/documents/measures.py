"""The documents' yearly measures (core.yearly), registered from DocumentsConfig.ready().

- `documents.incoming_on_time`: of the lead assignments given in the year on the documents of
  the unit's incoming book, those handled on time — classified as the handling statistics do
  (documents.stats: working days, a deadline on a day off runs to the next working day), as
  of `as_of`. Counted: on time, late and overdue; an open assignment not yet past its deadline
  is not counted. One done after `as_of` counts as not done yet on `as_of`.
- `documents.outgoing_not_recalled`: of the documents the unit issued in the year (issued_on
  up to `as_of`), those not withdrawn (thu hồi).

Each is one grouped query (plus the working-day calendar's) whatever the number of units.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from typing import Any
from urllib.parse import urlencode

from django.db.models import Case, CharField, Count, Q, Value, When
from django.db.models.functions import TruncDate
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
from vanphong.documents.stats import OPEN_STATES, _Classifier

INCOMING_ON_TIME = "documents.incoming_on_time"
OUTGOING_NOT_RECALLED = "documents.outgoing_not_recalled"

_DONE, _OPEN = "done", "open"


def _year_until(year: int, as_of: date) -> date:
    return min(date(year, 12, 31), as_of)


def _local_midnight_after(day: date) -> datetime:
    zone = timezone.get_default_timezone()
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min), zone)


def incoming_on_time(unit_ids: Iterable[int], year: int, as_of: date) -> Mapping[int, Ratio]:
    ids = list(unit_ids)
    last = _year_until(year, as_of)
    if not ids or last < date(year, 1, 1):
        return {}
    since, until = Period(date(year, 1, 1), last).bounds()
    done_by = _local_midnight_after(as_of)
    rows = (
        Assignment.objects.filter(
            document__unit_id__in=ids,
            role=AssignmentRole.LEAD,
            assigned_at__gte=since,
            assigned_at__lt=until,
            status__in=[AssignmentStatus.DONE, *OPEN_STATES],
        )
        .annotate(
            completed_on=TruncDate("completed_at", tzinfo=timezone.get_default_timezone()),
            state=Case(
                When(status=AssignmentStatus.DONE, completed_at__lt=done_by, then=Value(_DONE)),
                default=Value(_OPEN),
                output_field=CharField(),
            ),
        )
        .order_by()
        .values("document__unit_id", "state", "deadline", "completed_on")
        .annotate(n=Count("id"))
    )
    groups: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[row["document__unit_id"]].append(row)
    if not groups:
        return {}
    classify = _Classifier(WorkCalendar.load(date(year, 1, 1), max(as_of, last)), as_of)
    found: dict[int, Ratio] = {}
    for unit_id, unit_groups in groups.items():
        tally = classify.tally(unit_groups)
        counted = tally.on_time + tally.late + tally.overdue
        if counted:
            found[unit_id] = Ratio(done=tally.on_time, counted=counted)
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
                "SELECT document.unit_id, status, deadline, DATE(completed_at, +07) AS "
                "completed_on, COUNT(*)\n"
                "FROM documents_assignment JOIN documents_incomingdocument AS document\n"
                "WHERE document.unit_id IN (:units) AND role = 'lead'\n"
                "  AND assigned_at >= :year-01-01 00:00 +07\n"
                "  AND assigned_at < (MIN(:year-12-31, :as_of) + 1 day) 00:00 +07\n"
                "  AND status IN ('done', 'open', 'in_progress')\n"
                "GROUP BY document.unit_id, state, deadline, completed_on\n"
                "-- state = 'done' if status = 'done' AND completed_at < (:as_of + 1 day) "
                "00:00 +07, else 'open'\n"
                "-- counted = done + open with (deadline + 1 working day) <= :as_of\n"
                "-- done = 'done' with working days late(deadline, completed_on) = 0"
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
