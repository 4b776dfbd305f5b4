"""When finishing a task becomes late, on the working-day calendar (see Task.late_from)."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import models, transaction

from vanphong.core.workdays import WorkCalendar
from vanphong.directives.models import Task

# A change to the calendar on a day moves `late_from` only for deadlines shortly before it
# (a day off runs a deadline on to the next working day; Tết is the longest run).
REACH = timedelta(days=31)


def late_from(deadline: date | None, calendar: WorkCalendar | None = None) -> date | None:
    if deadline is None:
        return None
    calendar = calendar or WorkCalendar.load(deadline, deadline + REACH)
    return calendar.add_working_days(calendar.add_working_days(deadline, 0), 1)


def calendar_changed(target: models.Model, action: str) -> None:
    """Audit listener: a day of the working-day calendar was added, changed or removed. The
    tasks around it are recomputed once the change has committed (a removal is audited
    before the row goes)."""
    if not action.startswith("calendar_day.") or not hasattr(target, "day"):
        return
    day: date = target.day
    transaction.on_commit(lambda: recompute_around(day))


def recompute_around(day: date) -> None:
    affected = Task.objects.filter(deadline__gte=day - REACH, deadline__lte=day)
    calendar = WorkCalendar.load(day - REACH, day + REACH)
    for task in affected.only("pk", "deadline", "late_from"):
        fresh = late_from(task.deadline, calendar)
        if fresh != task.late_from:
            Task.objects.filter(pk=task.pk).update(late_from=fresh)
