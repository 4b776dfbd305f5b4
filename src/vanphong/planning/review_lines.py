"""Planning's sections of an Office's annual review (tổng kết năm), as of a day (31/12), for
many committees at once. Plans and schedules belong to a committee (its Office compiles them):
an Office's review asks for its committee's id; any other unit simply has none.

- advising and the work programme: the items of the committee's programmes of the year (every
  body: Hội nghị, Ban Thường vụ, Thường trực) — done by the day, moved, postponed, dropped;
  the monthly plans of the year approved by the day;
- schedules: the weeks (Mondays in the year) with a version published by the day, the
  amendments published by the day, and the entries of the weeks' published versions held in
  the year up to the day (meetings and activities in the schedule).

An item moved, postponed or dropped counts by its state today (the programme keeps no date of
those moves). Four grouped queries whatever the number of committees. Registered from
PlanningConfig.ready().
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Final

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vanphong.core.yearly import Line, ReviewSection, register_section
from vanphong.planning.models import (
    Entry,
    ItemState,
    MonthlyPlan,
    ProgrammeItem,
    ProgrammeStatus,
    ScheduleVersion,
    VersionStatus,
)

PROGRAMME_KEY: Final = "planning.programme"
SCHEDULES_KEY: Final = "planning.schedules"

PROGRAMME_LABELS: Final = {
    "items": _("Nội dung trong chương trình công tác năm"),
    "done": _("- Đã thực hiện"),
    "moved": _("- Chuyển thời gian"),
    "postponed": _("- Hoãn"),
    "dropped": _("- Không thực hiện"),
    "monthly": _("Kế hoạch công tác tháng đã duyệt"),
}
SCHEDULE_LABELS: Final = {
    "weeks": _("Lịch công tác tuần đã phát hành"),
    "amendments": _("Lần điều chỉnh lịch đã phát hành"),
    "entries": _("Cuộc họp, hoạt động trong lịch đã phát hành"),
}


def _until(as_of: date) -> datetime:
    return timezone.make_aware(
        datetime.combine(as_of + timedelta(days=1), time.min), timezone.get_default_timezone()
    )


def programme_lines(unit_ids: Iterable[int], year: int, as_of: date) -> list[Line]:
    ids = sorted(set(unit_ids))
    counts: dict[str, defaultdict[int, int]] = {key: defaultdict(int) for key in PROGRAMME_LABELS}
    if ids:
        items = (
            ProgrammeItem.objects.filter(programme__committee_id__in=ids, programme__year=year)
            .order_by()
            .values("programme__committee_id")
            .annotate(
                n=Count("id"),
                done=Count("id", filter=Q(state=ItemState.DONE, done_on__lte=as_of)),
                moved=Count("id", filter=Q(state=ItemState.MOVED)),
                postponed=Count("id", filter=Q(state=ItemState.POSTPONED)),
                dropped=Count("id", filter=Q(state=ItemState.DROPPED)),
            )
        )
        for row in items:
            unit = row["programme__committee_id"]
            counts["items"][unit] += row["n"]
            for key in ("done", "moved", "postponed", "dropped"):
                counts[key][unit] += row[key]
        plans = (
            MonthlyPlan.objects.filter(
                committee_id__in=ids,
                year=year,
                status=ProgrammeStatus.APPROVED,
                approved_at__lt=_until(as_of),
            )
            .order_by()
            .values("committee_id")
            .annotate(n=Count("id"))
        )
        for row in plans:
            counts["monthly"][row["committee_id"]] += row["n"]
    return [Line(str(PROGRAMME_LABELS[key]), dict(values)) for key, values in counts.items()]


def schedule_lines(unit_ids: Iterable[int], year: int, as_of: date) -> list[Line]:
    ids = sorted(set(unit_ids))
    counts: dict[str, defaultdict[int, int]] = {key: defaultdict(int) for key in SCHEDULE_LABELS}
    if ids:
        until = _until(as_of)
        published = ScheduleVersion.objects.filter(
            schedule__committee_id__in=ids,
            schedule__monday__gte=date(year, 1, 1),
            schedule__monday__lte=min(as_of, date(year, 12, 31)),
            published_at__lt=until,
        ).order_by()
        for row in published.values("schedule__committee_id").annotate(
            weeks=Count("schedule_id", distinct=True),
            amendments=Count("id", filter=Q(number__gt=1)),
        ):
            unit = row["schedule__committee_id"]
            counts["weeks"][unit] += row["weeks"]
            counts["amendments"][unit] += row["amendments"]
        # The live version of each week: published, not superseded since.
        entries = (
            Entry.objects.filter(
                version__schedule__committee_id__in=ids,
                version__status=VersionStatus.PUBLISHED,
                day__gte=date(year, 1, 1),
                day__lte=as_of,
            )
            .order_by()
            .values("version__schedule__committee_id")
            .annotate(n=Count("id"))
        )
        for row in entries:
            counts["entries"][row["version__schedule__committee_id"]] += row["n"]
    return [Line(str(SCHEDULE_LABELS[key]), dict(values)) for key, values in counts.items()]


PROGRAMME_SECTION: Final = ReviewSection(
    key=PROGRAMME_KEY,
    order=10,
    title=str(_("Công tác tham mưu, thực hiện chương trình công tác")),
    lines=programme_lines,
    notes=str(
        _(
            "Nội dung chương trình công tác năm của cấp ủy (Hội nghị, Ban Thường vụ, Thường "
            "trực); nội dung chuyển thời gian, hoãn, không thực hiện tính theo tình trạng hiện "
            "nay."
        )
    ),
)
SCHEDULES_SECTION: Final = ReviewSection(
    key=SCHEDULES_KEY,
    order=20,
    title=str(_("Xây dựng và thực hiện lịch công tác")),
    lines=schedule_lines,
    notes=str(_("Tuần tính theo ngày thứ Hai trong năm; cuộc họp theo bản lịch đang hiệu lực.")),
)
register_section(PROGRAMME_SECTION)
register_section(SCHEDULES_SECTION)
