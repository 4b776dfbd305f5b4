"""The figures of a review (sơ kết, tổng kết) of a tracked directive, as of its end day.

Figures are taken **as of the end day**, from today's rows: a task assigned after it is not
counted; one reported done after it was still open on it; one that could not be done counts
so from the day it was closed. The classification is one SQL CASE (as in stats.py: a task
done on or after `late_from` is late, an open one due on or before the end day's
`overdue_through` is overdue), so the figures are one grouped query whatever the number of
tasks. Every number in the draft (reviews.py) comes from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Final

from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.utils import timezone

from vanphong.core.workdays import WorkCalendar
from vanphong.directives import selectors
from vanphong.directives.models import Directive, ProgressReport, Task, TaskState
from vanphong.org.models import Person
from vanphong.org.units import directory

# The state of a task on the end day, in the order of the report's table.
KINDS: Final = ("on_time", "late", "submitted", "open", "overdue", "cannot_do")
UNFINISHED: Final = ("overdue", "open", "cannot_do")


@dataclass
class Figures:
    on_time: int = 0
    late: int = 0
    submitted: int = 0  # reported done on or before the end day, not yet confirmed
    open: int = 0
    overdue: int = 0
    cannot_do: int = 0
    done_in_period: int = 0  # done (and confirmed) between the start and the end day
    assigned_in_period: int = 0

    @property
    def assigned(self) -> int:
        return sum(getattr(self, kind) for kind in KINDS)

    @property
    def done(self) -> int:
        return self.on_time + self.late

    def add(self, other: Figures) -> None:
        for name in (*KINDS, "done_in_period", "assigned_in_period"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class UnitFigures:
    unit_id: int
    name: str
    figures: Figures


@dataclass
class ReviewFigures:
    start: date
    end: date
    total: Figures = field(default_factory=Figures)
    units: list[UnitFigures] = field(default_factory=list)  # lead units, in the units' order


def _day_start(day: date) -> datetime:
    # Business days are Asia/Ho_Chi_Minh days whatever time zone a request activated.
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_default_timezone())


def _as_of(end: date) -> tuple[Case, datetime]:
    """The CASE that names a task's state on `end`, and the first instant after that day."""
    until = _day_start(end + timedelta(days=1))
    overdue_through = WorkCalendar.load(end).overdue_through(end)
    kind = Case(
        When(
            state=TaskState.DONE, done_on__lte=end, done_on__gte=F("late_from"), then=Value("late")
        ),
        When(state=TaskState.DONE, done_on__lte=end, then=Value("on_time")),
        When(state=TaskState.SUBMITTED, done_on__lte=end, then=Value("submitted")),
        When(state=TaskState.CANNOT_DO, closed_at__lt=until, then=Value("cannot_do")),
        When(deadline__lte=overdue_through, then=Value("overdue")),
        default=Value("open"),
        output_field=CharField(),
    )
    return kind, until


def _assigned_by(tasks: QuerySet[Task], until: datetime) -> QuerySet[Task]:
    # Through the primary keys: a visibility-scoped queryset joins the supporting units, and
    # grouping it would count a task once per supporting unit.
    return Task.objects.filter(pk__in=tasks.values("pk"), created_at__lt=until).order_by()


def review_figures(
    *, directive: Directive, tasks: QuerySet[Task], start: date, end: date
) -> ReviewFigures:
    """The directive's tasks among `tasks` by their state on `end`, in total and by lead
    unit, with those done and those assigned between `start` and `end`: one query for the
    working-day calendar, one grouped query and the unit tree's."""
    kind, until = _as_of(end)
    rows = (
        _assigned_by(tasks.filter(directive=directive), until)
        .annotate(kind=kind)
        .values_list("lead_unit_id", "kind")
        .annotate(
            n=Count("id"),
            since_start=Count("id", filter=Q(done_on__gte=start)),
            assigned_since=Count("id", filter=Q(created_at__gte=_day_start(start))),
        )
    )
    found = ReviewFigures(start=start, end=end)
    by_unit: dict[int, Figures] = {}
    for unit_id, state, n, since_start, assigned_since in rows:
        figures = by_unit.setdefault(unit_id, Figures())
        setattr(figures, state, getattr(figures, state) + n)
        # A task counted done on `end` was done on or before it: done on or after `start`
        # is done within the period.
        if state in ("on_time", "late"):
            figures.done_in_period += since_start
        figures.assigned_in_period += assigned_since
    units = directory()  # the organisation's order and the units' labels
    for unit_id, figures in sorted(by_unit.items(), key=lambda item: units.key(item[0])):
        found.units.append(UnitFigures(unit_id=unit_id, name=units.label(unit_id), figures=figures))
        found.total.add(figures)
    return found


@dataclass
class Listed:
    task: Task
    kind: str
    reason: str


def tasks_as_of(
    *, directive: Directive, tasks: QuerySet[Task], start: date, end: date
) -> tuple[list[Listed], list[Listed]]:
    """The tasks done within the period, and those not finished on `end` with their reason:
    the last progress report made by then, else the reason recorded on the task."""
    kind, until = _as_of(end)
    last_report = (
        ProgressReport.objects.filter(task=OuterRef("pk"), created_at__lt=until)
        .order_by("-created_at", "-id")
        .values("text")[:1]
    )
    found = (
        _assigned_by(tasks.filter(directive=directive), until)
        .annotate(kind=kind, last_report=Subquery(last_report))
        .filter(
            Q(kind__in=UNFINISHED) | Q(kind__in=("on_time", "late"), done_on__gte=start),
        )
        .select_related("lead_unit", "product_document")
        .order_by("deadline", "id")
    )
    units = directory()
    done, unfinished = [], []
    for task in sorted(found, key=lambda t: units.key(t.lead_unit_id)):  # stable: by deadline
        state: str = task.kind
        report: str = task.last_report or ""
        if state == "cannot_do":
            unfinished.append(Listed(task, state, task.state_reason or report))
        elif state in UNFINISHED:
            # A task closed since the end day has a reason from after it; one still open
            # may have none reported yet but a reason it was handed back with.
            still_open = task.state in (TaskState.NOT_STARTED, TaskState.IN_PROGRESS)
            reason = report or (task.state_reason if still_open else "")
            unfinished.append(Listed(task, state, reason))
        else:
            done.append(Listed(task, state, ""))
    return done, unfinished


def tasks_reviewed(person: Person, directive: Directive) -> QuerySet[Task]:
    """The tasks a review of `directive` covers: those its unit gave. A sub-task a lead unit
    made for itself is that unit's to review; counting it too would count the work twice."""
    return selectors.tasks_visible(person).filter(directive=directive, parent__isnull=True)
