"""Handling statistics: how the assignments given on incoming documents fared, per unit and per
person, over what the asking person sees.

An assignment counts when it is a lead or supporting part (parts given "for information" have
nothing to handle), was given within the period (local dates), and was neither handed over (its
successor counts instead) nor cancelled. Each falls in exactly one column, lateness counted in
working days (core.workdays: a deadline on a day off runs to the next working day):

- on time — done, and no working day had passed after its deadline (or it had none);
- late — done after at least one working day past its deadline (local date of completion);
- open — not done yet and not past its deadline;
- overdue — not done yet and at least one working day has passed after its deadline.

The database groups the assignments by unit (or person), state, deadline and completion day,
and counts them; each group is then classified with one working-day calendar, so the cost does
not grow with the number of assignments sharing a deadline.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID

from django.db.models import Case, CharField, Count, QuerySet, Value, When
from django.db.models.functions import TruncDate
from django.utils import timezone

from vanphong.core.workdays import WorkCalendar
from vanphong.documents.models import Assignment, AssignmentRole, AssignmentStatus
from vanphong.documents.registers import Period, report_units
from vanphong.documents.selectors import incoming_visible
from vanphong.org.models import Person, Unit
from vanphong.org.units import directory

OPEN_STATES = (AssignmentStatus.OPEN, AssignmentStatus.IN_PROGRESS)
COUNTED_ROLES = (AssignmentRole.LEAD, AssignmentRole.SUPPORT)


@dataclass(frozen=True)
class Tally:
    on_time: int = 0
    late: int = 0
    open: int = 0
    overdue: int = 0

    @property
    def total(self) -> int:
        return self.on_time + self.late + self.open + self.overdue

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.on_time + other.on_time,
            self.late + other.late,
            self.open + other.open,
            self.overdue + other.overdue,
        )


@dataclass(frozen=True)
class UnitLine:
    uuid: UUID
    name: str
    tally: Tally


@dataclass(frozen=True)
class PersonLine:
    uuid: UUID
    name: str
    tally: Tally


@dataclass(frozen=True)
class HandlingStats:
    period: Period
    today: date
    by_unit: list[UnitLine] = field(default_factory=list)
    by_person: list[PersonLine] = field(default_factory=list)

    @property
    def total(self) -> Tally:
        return sum((line.tally for line in self.by_unit), Tally())


def _below(units: QuerySet[Unit], root: Unit) -> list[int]:
    """`root` and the units under it, among `units` (one query over the tree)."""
    children: dict[int | None, list[int]] = defaultdict(list)
    for unit_id, parent_id in Unit.objects.values_list("id", "parent_id"):
        children[parent_id].append(unit_id)
    found = {root.id}
    stack = [root.id]
    while stack:
        for child in children.get(stack.pop(), ()):
            if child not in found:
                found.add(child)
                stack.append(child)
    allowed = set(units.values_list("id", flat=True))
    return sorted(found & allowed)


def assignments_counted(
    person: Person, *, unit: Unit | None, period: Period
) -> QuerySet[Assignment]:
    """The assignments the statistics count, on documents the person sees, of `unit` and the
    units under it (or of every unit the person reports on)."""
    units = report_units(person)
    unit_ids = _below(units, unit) if unit is not None else list(units.values_list("id", flat=True))
    since, until = period.bounds()
    return Assignment.objects.filter(
        document__in=incoming_visible(person),
        document__unit_id__in=unit_ids,
        role__in=COUNTED_ROLES,
        assigned_at__gte=since,
        assigned_at__lt=until,
    ).exclude(status__in=[AssignmentStatus.HANDED_OVER, AssignmentStatus.CANCELLED])


_DONE, _OPEN = "done", "open"


class _Classifier:
    """Puts groups of assignments in their column, against one calendar and one day."""

    def __init__(self, calendar: WorkCalendar, today: date) -> None:
        self.calendar = calendar
        self.overdue_through = calendar.overdue_through(today)

    def tally(self, groups: Iterable[dict[str, Any]]) -> Tally:
        on_time = late = still_open = overdue = 0
        for group in groups:
            deadline: date | None = group["deadline"]
            count: int = group["n"]
            if group["state"] == _DONE:
                completed: date | None = group["completed_on"]
                if deadline and completed and self.calendar.days_late(deadline, completed):
                    late += count
                else:
                    on_time += count
            elif deadline is not None and deadline <= self.overdue_through:
                overdue += count
            else:
                still_open += count
        return Tally(on_time, late, still_open, overdue)


def _grouped(
    counted: QuerySet[Assignment], *keys: str
) -> Iterator[tuple[tuple[Any, ...], list[dict[str, Any]]]]:
    """The groups of `counted` by `keys` (in the queryset's order), each with its rows per
    state, deadline and completion day."""
    rows = counted.values(*keys, "state", "deadline", "completed_on").annotate(n=Count("id"))
    current: tuple[Any, ...] | None = None
    bucket: list[dict[str, Any]] = []
    for row in rows:
        key = tuple(row[k] for k in keys)
        if key != current:
            if current is not None:
                yield current, bucket
            current, bucket = key, []
        bucket.append(row)
    if current is not None:
        yield current, bucket


def handling_stats(
    person: Person, *, unit: Unit | None, period: Period, today: date | None = None
) -> HandlingStats:
    """Per unit (the unit whose book the document is in) and per person (assignments given to a
    person, not to a unit); two grouped queries, the calendar's and the unit tree's, whatever
    the number of assignments."""
    today = today or timezone.localdate()
    counted = (
        assignments_counted(person, unit=unit, period=period)
        .filter(status__in=[AssignmentStatus.DONE, *OPEN_STATES])
        .annotate(
            completed_on=TruncDate("completed_at", tzinfo=timezone.get_default_timezone()),
            state=Case(
                When(status=AssignmentStatus.DONE, then=Value(_DONE)),
                default=Value(_OPEN),
                output_field=CharField(),
            ),
        )
    )
    calendar = WorkCalendar.load(min(period.start, today), max(period.end, today))
    classify = _Classifier(calendar, today)
    # Units in the organisation's order under their labels (org.units: one query more).
    tree = directory()
    per_unit = _grouped(
        counted.order_by("document__unit__id"), "document__unit__id", "document__unit__uuid"
    )
    per_person = _grouped(
        counted.filter(assignee__isnull=False).order_by(
            "assignee__name_folded", "assignee__username", "assignee__id"
        ),
        "assignee__uuid",
        "assignee__full_name",
        "assignee__username",
    )
    return HandlingStats(
        period=period,
        today=today,
        by_unit=[
            UnitLine(unit_uuid, tree.label(unit_id), classify.tally(groups))
            for (unit_id, unit_uuid), groups in sorted(per_unit, key=lambda g: tree.key(g[0][0]))
        ],
        by_person=[
            PersonLine(person_uuid, full_name or username, classify.tally(groups))
            for (person_uuid, full_name, username), groups in per_person
        ],
    )
