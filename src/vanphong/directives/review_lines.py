"""The directives' section of an Office's annual review (tổng kết năm), as of a day (31/12),
for many units at once.

- directives: those the unit began tracking in the year (local dates);
- tasks: those the unit assigned in the year, each by its state on the day, as a review of a
  directive counts them (review_figures.py: a task done on or after `late_from` is late, an
  open one due on or before the day's `overdue_through` is overdue; reported done but not yet
  confirmed counts as still open);
- reviews: the sơ kết and tổng kết drafts generated in the year for the unit's directives
  (each directive, kind and end day once), read from the audit events `directive.review`.

Five queries (two grouped ones, the working-day calendar, the review events and the
directives they name) whatever the number of units. Registered from DirectivesConfig.ready().
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Final

from django.db.models import Case, CharField, Count, F, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vanphong.core.models import AuditEvent
from vanphong.core.workdays import WorkCalendar
from vanphong.core.yearly import Line, ReviewSection, register_section
from vanphong.directives.models import Directive, Task, TaskState

KEY: Final = "directives"
LABELS: Final = {
    "directives": _("Văn bản chỉ đạo đưa vào theo dõi"),
    "tasks": _("Nhiệm vụ đã giao"),
    "on_time": _("- Hoàn thành đúng hạn"),
    "late": _("- Hoàn thành trễ hạn"),
    "open": _("- Đang thực hiện, còn hạn"),
    "overdue": _("- Quá hạn"),
    "cannot_do": _("- Không thực hiện được"),
    "reviews": _("Báo cáo sơ kết, tổng kết đã lập"),
}


def _start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_default_timezone())


def lines(unit_ids: Iterable[int], year: int, as_of: date) -> list[Line]:
    ids = sorted(set(unit_ids))
    counts: dict[str, defaultdict[int, int]] = {key: defaultdict(int) for key in LABELS}
    if not ids:
        return [Line(str(label), {}) for label in LABELS.values()]
    since, until = _start(date(year, 1, 1)), _start(as_of + timedelta(days=1))
    for unit, n in (
        Directive.objects.filter(unit_id__in=ids, created_at__gte=since, created_at__lt=until)
        .order_by()
        .values_list("unit_id")
        .annotate(n=Count("id"))
    ):
        counts["directives"][unit] += n
    overdue_through = WorkCalendar.load(as_of).overdue_through(as_of)
    kind = Case(
        When(
            state=TaskState.DONE,
            done_on__lte=as_of,
            done_on__gte=F("late_from"),
            then=Value("late"),
        ),
        When(state=TaskState.DONE, done_on__lte=as_of, then=Value("on_time")),
        When(state=TaskState.CANNOT_DO, closed_at__lt=until, then=Value("cannot_do")),
        When(deadline__lte=overdue_through, then=Value("overdue")),
        default=Value("open"),
        output_field=CharField(),
    )
    for unit, state, n in (
        Task.objects.filter(assigning_unit_id__in=ids, created_at__gte=since, created_at__lt=until)
        .order_by()
        .annotate(kind=kind)
        .values_list("assigning_unit_id", "kind")
        .annotate(n=Count("id"))
    ):
        counts["tasks"][unit] += n
        counts[state][unit] += n
    events = AuditEvent.objects.filter(
        action="directive.review", occurred_at__gte=since, occurred_at__lt=until
    ).values_list("object_id", "after")
    drafts: set[tuple[str, str, str]] = set()
    for object_id, after in events:
        facts = after if isinstance(after, dict) else {}
        drafts.add((object_id, str(facts.get("kind", "")), str(facts.get("end", ""))))
    if drafts:
        units = dict(
            Directive.objects.filter(
                unit_id__in=ids, uuid__in={object_id for object_id, _k, _e in drafts}
            ).values_list("uuid", "unit_id")
        )
        by_text = {str(uuid): unit for uuid, unit in units.items()}
        for object_id, _kind, _end in drafts:
            if object_id in by_text:
                counts["reviews"][by_text[object_id]] += 1
    return [Line(str(LABELS[key]), dict(values)) for key, values in counts.items()]


SECTION: Final = ReviewSection(
    key=KEY,
    order=40,
    title=str(_("Theo dõi, đôn đốc thực hiện nghị quyết, chỉ thị, kết luận")),
    lines=lines,
    notes=str(
        _(
            "Nhiệm vụ do cấp ủy, Văn phòng giao trong năm, theo tình trạng tại ngày cuối kỳ; "
            "báo cáo sơ kết, tổng kết là bản dự thảo lập từ hệ thống trong năm."
        )
    ),
)
register_section(SECTION)
