"""Handling statistics: how the assignments given on incoming documents fared, per unit and per
person, counted in the database (conditional aggregates), over what the asking person sees.

An assignment counts when it is a lead or supporting part (parts given "for information" have
nothing to handle), was given within the period (local dates), and was neither handed over (its
successor counts instead) nor cancelled. Each falls in exactly one column:

- on time — done, on or before its deadline (or it had none);
- late — done after its deadline (the local date of completion is later);
- open — not done yet and not past its deadline;
- overdue — not done yet and its deadline is before today.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from vanphong.documents.models import Assignment, AssignmentRole, AssignmentStatus
from vanphong.documents.registers import Period, report_units
from vanphong.documents.selectors import incoming_visible
from vanphong.org.models import Person, Unit

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


def _tally_aggregates(today: date) -> dict[str, Count]:
    done = Q(status=AssignmentStatus.DONE)
    late = done & Q(deadline__isnull=False, completed_on__gt=F("deadline"))
    still_open = Q(status__in=OPEN_STATES)
    overdue = still_open & Q(deadline__lt=today)
    return {
        "on_time": Count("id", filter=done & ~late),
        "late": Count("id", filter=late),
        "open": Count("id", filter=still_open & ~overdue),
        "overdue": Count("id", filter=overdue),
    }


def _tally(row: dict[str, Any]) -> Tally:
    return Tally(row["on_time"], row["late"], row["open"], row["overdue"])


def handling_stats(
    person: Person, *, unit: Unit | None, period: Period, today: date | None = None
) -> HandlingStats:
    """Per unit (the unit whose book the document is in) and per person (assignments given to a
    person, not to a unit); two grouped queries, whatever the number of assignments."""
    today = today or timezone.localdate()
    counted = assignments_counted(person, unit=unit, period=period).annotate(
        completed_on=TruncDate("completed_at", tzinfo=timezone.get_default_timezone())
    )
    aggregates = _tally_aggregates(today)
    per_unit = (
        counted.values("document__unit__uuid", "document__unit__name")
        .annotate(**aggregates)
        .order_by("document__unit__sort_order", "document__unit__name")
    )
    per_person = (
        counted.filter(assignee__isnull=False)
        .values("assignee__uuid", "assignee__full_name", "assignee__username")
        .annotate(**aggregates)
        .order_by("assignee__name_folded", "assignee__username")
    )
    return HandlingStats(
        period=period,
        today=today,
        by_unit=[
            UnitLine(row["document__unit__uuid"], row["document__unit__name"], _tally(row))
            for row in per_unit
        ],
        by_person=[
            PersonLine(
                row["assignee__uuid"],
                row["assignee__full_name"] or row["assignee__username"],
                _tally(row),
            )
            for row in per_person
        ],
    )
