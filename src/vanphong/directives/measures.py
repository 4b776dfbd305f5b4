"""The directives' yearly measure (core.yearly), registered from DirectivesConfig.ready().

`directives.tasks_on_time`: the tasks the unit leads with a deadline in the year. Counted: those
done by `as_of` and those past due on `as_of` (`late_from`, the first late day on the
working-day calendar — see lateness.py — on or before `as_of`); a task not done and not yet
late is not counted, nor one that cannot be done ("Không thực hiện được", with its reason).
Done: accepted as done ("Hoàn thành") on a `done_on` before `late_from` and not after `as_of`
— classified as the dashboards do (stats.kind_expression). A completion reported and still
awaiting acceptance is not done. One grouped query whatever the number of units.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from urllib.parse import urlencode

from django.db.models import Count, F, Q
from django.urls import reverse

from vanphong.core.yearly import Measure, Ratio, register_measure
from vanphong.directives.models import Task, TaskState

TASKS_ON_TIME = "directives.tasks_on_time"


def tasks_on_time(unit_ids: Iterable[int], year: int, as_of: date) -> Mapping[int, Ratio]:
    ids = list(unit_ids)
    if not ids:
        return {}
    done_by = Q(state=TaskState.DONE, done_on__lte=as_of)
    on_time = done_by & (Q(late_from__isnull=True) | Q(done_on__lt=F("late_from")))
    rows = (
        Task.objects.filter(
            lead_unit_id__in=ids,
            deadline__gte=date(year, 1, 1),
            deadline__lte=date(year, 12, 31),
        )
        .exclude(state=TaskState.CANNOT_DO)
        .filter(done_by | Q(late_from__lte=as_of))
        .order_by()
        .values("lead_unit_id")
        .annotate(counted=Count("id"), done=Count("id", filter=on_time))
    )
    return {row["lead_unit_id"]: Ratio(row["done"], row["counted"]) for row in rows}


def register() -> None:
    register_measure(
        Measure(
            key=TASKS_ON_TIME,
            title="Nhiệm vụ được giao hoàn thành đúng hạn",
            counted=(
                "Nhiệm vụ đơn vị chủ trì có thời hạn trong năm, đã hoàn thành hoặc đã quá hạn "
                "tính đến ngày tính (trừ nhiệm vụ “Không thực hiện được”); nhiệm vụ chưa "
                "đến hạn chưa tính."
            ),
            done=(
                "Được xác nhận “Hoàn thành” không sau ngày tính và không chậm ngày làm việc "
                "nào so với thời hạn (hạn rơi vào ngày nghỉ được lùi sang ngày làm việc kế "
                "tiếp)."
            ),
            query=(
                "SELECT lead_unit_id, COUNT(*) AS counted,\n"
                "       COUNT(*) FILTER (WHERE state = 'done' AND done_on <= :as_of\n"
                "         AND (late_from IS NULL OR done_on < late_from)) AS done\n"
                "FROM directives_task\n"
                "WHERE lead_unit_id IN (:units)\n"
                "  AND deadline BETWEEN :year-01-01 AND :year-12-31\n"
                "  AND state <> 'cannot_do'\n"
                "  AND ((state = 'done' AND done_on <= :as_of) OR late_from <= :as_of)\n"
                "GROUP BY lead_unit_id\n"
                "-- late_from: the first working day after the deadline (lateness.py)"
            ),
            compute=tasks_on_time,
            records_url=lambda unit_uuid, year: (
                f"{reverse('directives:tasks')}?{urlencode({'don-vi': unit_uuid, 'nam': year})}"
            ),
        )
    )
