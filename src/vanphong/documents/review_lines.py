"""The documents' section of an Office's annual review (tổng kết năm): the year's books and
how the incoming documents were handled, as of a day (31/12), for many units at once.

- incoming: the entries of the unit's incoming book of the year (the book's year is the local
  year of receipt: a document received at 23:30 on 31/12 in Tây Ninh is the old year's, one
  received at 00:10 on 1/1 the new year's), by medium, and those recalled by their sender;
- outgoing: the documents numbered and issued in the year (issue date), and those recalled
  (withdrawn) since;
- handling: the lead and supporting parts assigned on the year's incoming documents (neither
  handed over nor cancelled), each in one column as of the day, lateness in working days as
  in documents.stats: done on time, done late, not done and still within its deadline, not
  done and overdue. A part done after the day counts as not done on it.

Recalls are counted by the documents' state today (the registry keeps no date of the recall on
the document itself). Four queries (three grouped ones and the working-day calendar) whatever
the number of units and documents. Registered from DocumentsConfig.ready().
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Any, Final

from django.db.models import Case, Count, DateTimeField, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vanphong.core.workdays import WorkCalendar
from vanphong.core.yearly import Line, ReviewSection, register_section
from vanphong.documents.models import (
    Assignment,
    AssignmentRole,
    AssignmentStatus,
    IncomingDocument,
    IncomingStatus,
    Medium,
    OutgoingDocument,
    OutgoingStatus,
)

KEY: Final = "documents"
COUNTED_ROLES: Final = (AssignmentRole.LEAD, AssignmentRole.SUPPORT)


def day_start(day: date) -> datetime:
    """The first instant of a business day (Asia/Ho_Chi_Minh), whatever zone is active."""
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_default_timezone())


LABELS: Final = {
    "incoming": _("Văn bản đến đã vào sổ"),
    "incoming_paper": _("- Văn bản giấy"),
    "incoming_electronic": _("- Văn bản điện tử"),
    "incoming_internal": _("- Liên thông nội bộ"),
    "incoming_recalled": _("- Bị cơ quan gửi thu hồi"),
    "outgoing": _("Văn bản đi đã phát hành"),
    "outgoing_recalled": _("- Đã thu hồi"),
    "parts": _("Phần việc xử lý văn bản đến được giao (chủ trì, phối hợp)"),
    "on_time": _("- Hoàn thành đúng hạn"),
    "late": _("- Hoàn thành trễ hạn"),
    "open": _("- Chưa hoàn thành, còn hạn"),
    "overdue": _("- Quá hạn chưa hoàn thành"),
}
_MEDIUM_KEYS: Final = {
    Medium.PAPER: "incoming_paper",
    Medium.ELECTRONIC: "incoming_electronic",
    Medium.INTERNAL: "incoming_internal",
}


def lines(unit_ids: Iterable[int], year: int, as_of: date) -> list[Line]:
    ids = sorted(set(unit_ids))
    counts: dict[str, defaultdict[int, int]] = {key: defaultdict(int) for key in LABELS}
    until = day_start(as_of + timedelta(days=1))
    if ids:
        _incoming(counts, ids, year, until)
        _outgoing(counts, ids, year, as_of)
        _handling(counts, ids, year, as_of, until)
    return [Line(str(LABELS[key]), dict(values)) for key, values in counts.items()]


def _incoming(
    counts: dict[str, defaultdict[int, int]], ids: list[int], year: int, until: datetime
) -> None:
    rows = (
        IncomingDocument.objects.filter(unit_id__in=ids, year=year, received_at__lt=until)
        .order_by()
        .values("unit_id", "medium")
        .annotate(n=Count("id"), recalled=Count("id", filter=Q(status=IncomingStatus.RECALLED)))
    )
    for row in rows:
        unit = row["unit_id"]
        counts["incoming"][unit] += row["n"]
        counts["incoming_recalled"][unit] += row["recalled"]
        medium = _MEDIUM_KEYS.get(row["medium"])
        if medium is not None:
            counts[medium][unit] += row["n"]


def _outgoing(
    counts: dict[str, defaultdict[int, int]], ids: list[int], year: int, as_of: date
) -> None:
    rows = (
        OutgoingDocument.objects.filter(
            unit_id__in=ids,
            status__in=[OutgoingStatus.ISSUED, OutgoingStatus.WITHDRAWN],
            issued_on__gte=date(year, 1, 1),
            issued_on__lte=as_of,
        )
        .order_by()
        .values("unit_id")
        .annotate(n=Count("id"), withdrawn=Count("id", filter=Q(status=OutgoingStatus.WITHDRAWN)))
    )
    for row in rows:
        counts["outgoing"][row["unit_id"]] += row["n"]
        counts["outgoing_recalled"][row["unit_id"]] += row["withdrawn"]


def _handling(
    counts: dict[str, defaultdict[int, int]],
    ids: list[int],
    year: int,
    as_of: date,
    until: datetime,
) -> None:
    done_by_then = Q(status=AssignmentStatus.DONE, completed_at__lt=until)
    counted = (
        Assignment.objects.filter(
            document__unit_id__in=ids,
            document__year=year,
            document__received_at__lt=until,
            role__in=COUNTED_ROLES,
            assigned_at__lt=until,
        )
        .exclude(status__in=[AssignmentStatus.HANDED_OVER, AssignmentStatus.CANCELLED])
        .order_by()
    )
    # This year and the next, where a year's deadlines fall: one query.
    calendar = WorkCalendar.load(date(year, 1, 1), date(as_of.year + 1, 12, 31))
    overdue_through = calendar.overdue_through(as_of)
    # A part done is late when completed on or after the first day it was late: the working
    # day after its deadline (a deadline on a day off runs to the next working day). That day
    # is the calendar's, so the first late moment of each deadline the year's documents
    # usually have (this year to March of the next) is handed to the database with the query.
    usual = [date(year, 1, 1) + timedelta(days=n) for n in range(_USUAL_DAYS)]
    rows = list(
        counted.values("document__unit_id", "deadline").annotate(
            n=Count("id"),
            done=Count("id", filter=done_by_then),
            late=Count(
                "id",
                filter=done_by_then
                & Q(deadline__gte=usual[0], deadline__lte=usual[-1])
                & Q(completed_at__gte=_late_at_span(calendar, usual)),
            ),
        )
    )
    for row in rows:
        unit, deadline = row["document__unit_id"], row["deadline"]
        waiting = row["n"] - row["done"]
        counts["parts"][unit] += row["n"]
        counts["late"][unit] += row["late"]
        counts["on_time"][unit] += row["done"] - row["late"]
        if deadline is not None and deadline <= overdue_through:
            counts["overdue"][unit] += waiting
        else:
            counts["open"][unit] += waiting
    # Deadlines outside that span (rare): one more query for them.
    unusual = sorted(
        {r["deadline"] for r in rows if r["done"] and r["deadline"] and r["deadline"] not in usual}
    )
    if unusual:
        late = counted.filter(done_by_then, deadline__in=unusual).filter(
            completed_at__gte=_late_at(calendar, unusual)
        )
        for unit, n in late.values_list("document__unit_id").annotate(n=Count("id")):
            counts["late"][unit] += n
            counts["on_time"][unit] -= n


_USUAL_DAYS: Final = 456  # 1 January to 31 March of the next year


def _late_at_span(calendar: WorkCalendar, days: list[date]) -> Any:
    """The first late moment of a deadline among consecutive `days`, as a balanced tree of
    CASEs (about nine comparisons a row, where a flat CASE would make hundreds)."""
    if len(days) == 1:
        return Value(day_start(_late_day(calendar, days[0])), output_field=DateTimeField())
    middle = len(days) // 2
    return Case(
        When(deadline__lt=days[middle], then=_late_at_span(calendar, days[:middle])),
        default=_late_at_span(calendar, days[middle:]),
        output_field=DateTimeField(),
    )


def _late_at(calendar: WorkCalendar, deadlines: list[date]) -> Case:
    """Each deadline's first late moment (None for a deadline not listed)."""
    return Case(
        *(
            When(deadline=deadline, then=Value(day_start(_late_day(calendar, deadline))))
            for deadline in deadlines
        ),
        output_field=DateTimeField(),
    )


def _late_day(calendar: WorkCalendar, deadline: date) -> date:
    return calendar.add_working_days(calendar.add_working_days(deadline, 0), 1)


SECTION: Final = ReviewSection(
    key=KEY,
    order=30,
    title=str(_("Công tác văn bản, văn thư")),
    lines=lines,
    notes=str(
        _(
            "Văn bản đến theo năm của sổ đến (ngày đến, giờ Việt Nam); văn bản đi theo ngày ban "
            "hành; phần việc xử lý theo tình trạng tại ngày cuối kỳ, tính trễ hạn theo ngày làm "
            "việc. Văn bản thu hồi tính theo tình trạng hiện nay."
        )
    ),
)
register_section(SECTION)
