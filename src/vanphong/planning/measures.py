"""Planning's yearly measures (core.yearly), registered from PlanningConfig.ready().

A unit's programme and weekly schedules are its committee's (`org.units.directory().committee`:
the nearest committee at or above it — an Office's is the committee it serves), so the Office
and its committee show the same figure.

- `planning.programme_done`: the items of the committee's approved work programmes of the year
  (every body: conference, standing committee, standing board). Counted: every item not
  dropped ("Không thực hiện", which always carries its reason) that is done or whose month (or
  quarter) has ended by `as_of`; items still ahead on `as_of` are not counted yet. Done: state
  "Đã thực hiện" with no `done_on` after `as_of`.
- `planning.schedules_on_time`: the committee's weekly schedules (leaders' and Office's) of the
  weeks whose Monday falls in the year, up to `as_of`. Done: a version was published before
  the week's Monday 00:00 local time (Asia/Ho_Chi_Minh) — published on the Monday is late.

One grouped query each, plus the unit tree's.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from typing import Any
from urllib.parse import urlencode

from django.db import connection
from django.db.models import (
    Case,
    CharField,
    Count,
    DateTimeField,
    Exists,
    OuterRef,
    Q,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils import timezone

from vanphong.core.yearly import Measure, Ratio, register_measure
from vanphong.org.units import directory
from vanphong.planning.models import (
    ItemState,
    ProgrammeItem,
    ProgrammeStatus,
    Schedule,
    ScheduleVersion,
)

PROGRAMME_DONE = "planning.programme_done"
SCHEDULES_ON_TIME = "planning.schedules_on_time"


def committees_of(unit_ids: Iterable[int]) -> dict[int, int]:
    """Each unit's committee (itself for a committee), from the one-query unit directory."""
    tree = directory()
    return {uid: tree.committee[uid] for uid in unit_ids if uid in tree.committee}


def _spread(by_committee: Mapping[int, Ratio], committees: Mapping[int, int]) -> dict[int, Ratio]:
    return {uid: by_committee[c] for uid, c in committees.items() if c in by_committee}


def period_end(year: int, month: int | None, quarter: int | None) -> date:
    """The last day of an item's month, or of its quarter's last month."""
    last_month = month if month else int(quarter or 4) * 3
    return date(year, last_month, calendar.monthrange(year, last_month)[1])


def programme_done(unit_ids: Iterable[int], year: int, as_of: date) -> Mapping[int, Ratio]:
    committees = committees_of(unit_ids)
    if not committees:
        return {}
    rows = (
        ProgrammeItem.objects.filter(
            programme__committee_id__in=set(committees.values()),
            programme__year=year,
            programme__status=ProgrammeStatus.APPROVED,
        )
        .exclude(state=ItemState.DROPPED)
        .annotate(
            done=Case(
                When(Q(state=ItemState.DONE) & ~Q(done_on__gt=as_of), then=Value("yes")),
                default=Value("no"),
                output_field=CharField(),
            )
        )
        .order_by()
        .values_list("programme__committee_id", "month", "quarter", "done")
        .annotate(n=Count("id"))
    )
    found: dict[int, Ratio] = {}
    for committee_id, month, quarter, done, n in rows:
        if done == "yes":
            line = Ratio(n, n)
        elif period_end(year, month, quarter) <= as_of:
            line = Ratio(0, n)
        else:
            continue
        found[committee_id] = found.get(committee_id, Ratio(0, 0)) + line
    return _spread(found, committees)


def schedules_on_time(unit_ids: Iterable[int], year: int, as_of: date) -> Mapping[int, Ratio]:
    committees = committees_of(unit_ids)
    last = min(date(year, 12, 31), as_of)
    if not committees or last < date(year, 1, 1):
        return {}
    first = date(year, 1, 1)
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    # A version counts if published before the Monday's local midnight: the moment is looked up
    # per day of the year (a CASE tree), so no row's time is converted to a local date.
    published_before = ScheduleVersion.objects.filter(
        schedule=OuterRef("pk"), published_at__lt=OuterRef("starts")
    )
    rows = (
        Schedule.objects.filter(
            committee_id__in=set(committees.values()),
            monday__gte=date(year, 1, 1),
            monday__lte=last,
        )
        .alias(starts=_midnight_of(days))
        .annotate(on_time=Exists(published_before))
        .order_by()
        .values("committee_id")
        .annotate(counted=Count("id"), done=Count("id", filter=Q(on_time=True)))
    )
    found = {row["committee_id"]: Ratio(row["done"], row["counted"]) for row in rows}
    return _spread(found, committees)


def _midnight_of(days: list[date]) -> RawSQL:
    """The local midnight starting the schedule's Monday, one of `days` (consecutive): a CASE
    nested as a balanced tree on the days (about nine comparisons a row), parameters only."""
    ops = connection.ops
    column = f"{ops.quote_name(Schedule._meta.db_table)}.{ops.quote_name('monday')}"
    zone = timezone.get_default_timezone()

    def tree(days: list[date]) -> tuple[str, list[Any]]:
        if len(days) == 1:
            moment = timezone.make_aware(datetime.combine(days[0], time.min), zone)
            return "%s", [ops.adapt_datetimefield_value(moment)]
        middle = len(days) // 2
        below, below_params = tree(days[:middle])
        above, above_params = tree(days[middle:])
        return (
            f"CASE WHEN {column} < %s THEN {below} ELSE {above} END",
            [ops.adapt_datefield_value(days[middle]), *below_params, *above_params],
        )

    sql, params = tree(days)
    # The text holds only the quoted column and placeholders; the values are parameters.
    return RawSQL(sql, params, output_field=DateTimeField())  # noqa: S611


def _url(name: str, unit_uuid: str, year: int) -> str:
    return f"{reverse(name)}?{urlencode({'don-vi': unit_uuid, 'nam': year})}"


def register() -> None:
    register_measure(
        Measure(
            key=PROGRAMME_DONE,
            title="Thực hiện chương trình công tác năm",
            counted=(
                "Các nội dung của chương trình công tác năm đã duyệt của cấp ủy (mọi chương "
                "trình: Hội nghị, Ban Thường vụ, Thường trực), trừ nội dung “Không thực "
                "hiện” có lý do; nội dung chưa đến tháng (quý) của nó tính đến ngày tính thì "
                "chưa tính, trừ khi đã thực hiện."
            ),
            done="Nội dung ở tình trạng “Đã thực hiện”, ngày thực hiện không sau ngày tính.",
            query=(
                "SELECT programme.committee_id, month, quarter,\n"
                "       (state = 'done' AND NOT done_on > :as_of) AS done, COUNT(*)\n"
                "FROM planning_programmeitem JOIN planning_workprogramme AS programme\n"
                "WHERE programme.committee_id IN (committee of each of :units)\n"
                "  AND programme.year = :year AND programme.status = 'approved'\n"
                "  AND state <> 'dropped'\n"
                "GROUP BY programme.committee_id, month, quarter, done\n"
                "-- counted = done OR last day of month (or quarter) <= :as_of"
            ),
            compute=programme_done,
            records_url=lambda unit_uuid, year: _url("planning:programmes", unit_uuid, year),
        )
    )
    register_measure(
        Measure(
            key=SCHEDULES_ON_TIME,
            title="Lịch công tác tuần phát hành trước tuần",
            counted=(
                "Lịch công tác tuần của cấp ủy (lịch lãnh đạo và lịch Văn phòng) của các tuần "
                "có thứ Hai trong năm, đến ngày tính."
            ),
            done="Có bản phát hành trước 0 giờ thứ Hai của tuần (giờ Việt Nam).",
            query=(
                "SELECT committee_id, COUNT(*) AS counted,\n"
                "       COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM planning_scheduleversion v\n"
                "         WHERE v.schedule_id = schedule.id\n"
                "           AND v.published_at < schedule.monday 00:00 +07)) AS done\n"
                "FROM planning_schedule AS schedule\n"
                "WHERE committee_id IN (committee of each of :units)\n"
                "  AND monday BETWEEN :year-01-01 AND MIN(:year-12-31, :as_of)\n"
                "GROUP BY committee_id"
            ),
            compute=schedules_on_time,
            records_url=lambda unit_uuid, year: _url("planning:schedules", unit_uuid, year),
        )
    )
