"""Dashboard figures: on time, late, overdue, open, cannot be done — counted by the database.

One grouped query per dashboard: tasks of the unit (or directive) counted by state, deadline
and completion day; each group is then classified with one working-day calendar (a deadline on
a day off runs to the next working day; late means at least one working day after it). The
number of groups is bounded by the unit's own tasks, never the installation's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, QuerySet

from vanphong.core.workdays import WorkCalendar
from vanphong.directives.models import Task, TaskState

KINDS = ("on_time", "late", "overdue", "open", "cannot_do")


@dataclass
class Counts:
    on_time: int = 0
    late: int = 0
    overdue: int = 0
    open: int = 0
    cannot_do: int = 0

    @property
    def total(self) -> int:
        return self.on_time + self.late + self.overdue + self.open + self.cannot_do

    def add(self, kind: str, n: int) -> None:
        setattr(self, kind, getattr(self, kind) + n)

    def items(self) -> list[tuple[str, int]]:
        return [(kind, getattr(self, kind)) for kind in KINDS]


def kind_of(
    state: str, deadline: date | None, done_on: date | None, today: date, calendar: WorkCalendar
) -> str:
    if state == TaskState.CANNOT_DO:
        return "cannot_do"
    if state == TaskState.DONE:
        if deadline is None or done_on is None:
            return "on_time"
        return "late" if calendar.days_late(deadline, done_on) > 0 else "on_time"
    if deadline is not None and deadline <= calendar.overdue_through(today):
        return "overdue"
    return "open"


@dataclass
class Dashboard:
    total: Counts = field(default_factory=Counts)
    by_key: dict[Any, Counts] = field(default_factory=dict)


def dashboard(tasks: QuerySet[Task], *, by: str, today: date) -> Dashboard:
    """Counts of `tasks` in total and per value of `by` (a field name, e.g. "directive_id")."""
    rows = list(
        tasks.order_by().values_list(by, "state", "deadline", "done_on").annotate(n=Count("id"))
    )
    days = [d for _, _, deadline, done_on, _ in rows for d in (deadline, done_on) if d]
    calendar = WorkCalendar.load(min(days, default=today), max([*days, today]))
    found = Dashboard()
    for key, state, deadline, done_on, n in rows:
        kind = kind_of(state, deadline, done_on, today, calendar)
        found.total.add(kind, n)
        found.by_key.setdefault(key, Counts()).add(kind, n)
    return found
