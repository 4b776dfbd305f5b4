"""Dashboard figures: on time, late, overdue, open, cannot be done — counted by the database.

One grouped query per dashboard, classified in SQL: done on or after `late_from` is late (a
deadline on a day off runs to the next working day; late means at least one working day
after it); open with a deadline on or before the day's `overdue_through` is overdue.
A completion reported and awaiting confirmation is open, or overdue if it was reported late.
`kind_of` is the same rule for one task in Python (the task list behind a figure).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Case, CharField, Count, F, Max, Min, Q, QuerySet, Value, When

from vanphong.core.workdays import WorkCalendar
from vanphong.directives.models import Task, TaskState
from vanphong.org.models import Unit

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
    if state == TaskState.SUBMITTED and deadline is not None and done_on is not None:
        # Reported done and waiting for the assigning side: overdue only if reported late.
        return "overdue" if calendar.days_late(deadline, done_on) > 0 else "open"
    if deadline is not None and deadline <= calendar.overdue_through(today):
        return "overdue"
    return "open"


def statuses(tasks: list[Task], today: date) -> list[str]:
    """`kind_of` for a list of tasks, with one calendar for all of them."""
    dates = [d for t in tasks for d in (t.deadline, t.done_on) if d] + [today]
    calendar = WorkCalendar.load(min(dates), max(dates))
    return [kind_of(t.state, t.deadline, t.done_on, today, calendar) for t in tasks]


@dataclass
class Dashboard:
    total: Counts = field(default_factory=Counts)
    by_key: dict[Any, Counts] = field(default_factory=dict)


def kind_expression(today: date) -> Case:
    """The SQL that names a task's figure on `today` (one of KINDS)."""
    overdue_through = WorkCalendar.load(today).overdue_through(today)
    return Case(
        When(state=TaskState.CANNOT_DO, then=Value("cannot_do")),
        When(state=TaskState.DONE, done_on__gte=F("late_from"), then=Value("late")),
        When(state=TaskState.DONE, then=Value("on_time")),
        # Reported done, awaiting confirmation: overdue only if reported late.
        When(state=TaskState.SUBMITTED, done_on__gte=F("late_from"), then=Value("overdue")),
        When(state=TaskState.SUBMITTED, done_on__isnull=False, then=Value("open")),
        When(deadline__lte=overdue_through, then=Value("overdue")),
        default=Value("open"),
        output_field=CharField(),
    )


def totals(tasks: QuerySet[Task], *, kind: Case) -> Counts:
    found = Counts()
    for name, n in tasks.order_by().annotate(kind=kind).values_list("kind").annotate(n=Count("id")):
        found.add(name, n)
    return found


def due_in(year: int) -> Q:
    """A year's tasks: due in it, or ongoing (no deadline: due every year)."""
    return Q(deadline__year=year) | Q(deadline__isnull=True)


def default_year(unit: Unit, today: date) -> int:
    """The year a unit's dashboard opens on: this year if it has tasks due in it (or open
    ongoing ones), otherwise the latest year before that had some (an office looking back,
    the demo's 2011), otherwise the first year after."""
    led = Task.objects.filter(lead_unit=unit)
    ongoing = Q(deadline__isnull=True) & ~Q(state__in=(TaskState.DONE, TaskState.CANNOT_DO))
    if led.filter(Q(deadline__year=today.year) | ongoing).exists():
        return today.year
    before = led.filter(deadline__lt=date(today.year, 1, 1)).aggregate(day=Max("deadline"))
    if before["day"] is not None:
        return int(before["day"].year)
    after = led.filter(deadline__gt=date(today.year, 12, 31)).aggregate(day=Min("deadline"))
    return int(after["day"].year) if after["day"] is not None else today.year


@dataclass
class UnitBoard:
    year: int
    board: Dashboard  # the year's tasks, by directive
    all_years: Counts


def unit_board(unit: Unit, *, year: int, today: date) -> UnitBoard:
    """A unit's dashboard: the tasks it leads that fall in `year`, by directive, and the
    totals of all its years. A year at a time keeps the page a year's size however many
    years the unit has (the benchmark measures this function)."""
    led = Task.objects.filter(lead_unit=unit)
    kind = kind_expression(today)
    return UnitBoard(
        year=year,
        board=dashboard(led.filter(due_in(year)), by="directive_id", today=today, kind=kind),
        all_years=totals(led, kind=kind),
    )


def dashboard(
    tasks: QuerySet[Task], *, by: str, today: date, kind: Case | None = None
) -> Dashboard:
    """Counts of `tasks` in total and per value of `by` (a field name, e.g. "directive_id"):
    classified by the database (Task.late_from carries the working-day calendar), so the work
    is one indexed, grouped query whatever the number of tasks."""
    rows = (
        tasks.order_by()
        .annotate(kind=kind_expression(today))
        .values_list(by, "kind")
        .annotate(n=Count("id"))
    )
    found = Dashboard()
    for key, name, n in rows:
        found.total.add(name, n)
        found.by_key.setdefault(key, Counts()).add(name, n)
    return found
