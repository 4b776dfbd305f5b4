"""Who acts for which unit, and the tasks a person may see.

A person acts for the units where they hold a working role (not quản trị), and staff of a
committee's Office act for the committee too. A task is seen by the units that assigned it,
lead it or support it; a unit above sees the roll-up of its units' tasks (the dashboards),
not the sub-tasks a district made for itself.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from vanphong.core.access import get_visible_or_404
from vanphong.directives.models import Directive, Task
from vanphong.org.models import Person, Role, Unit, UnitKind
from vanphong.org.selectors import _subtrees, scope_for


def acting_units(person: Person | None) -> frozenset[int]:
    scope = scope_for(person)
    direct = {unit for unit, roles in scope.roles_by_unit.items() if roles - {Role.ADMIN}}
    committees = Unit.objects.filter(id__in=direct, kind=UnitKind.OFFICE).values_list(
        "parent_id", flat=True
    )
    return frozenset(direct | {unit for unit in committees if unit is not None})


def acts_for(person: Person | None, unit: Unit) -> bool:
    return unit.pk in acting_units(person)


def tasks_visible(person: Person) -> QuerySet[Task]:
    units = acting_units(person)
    return (
        Task.objects.filter(
            Q(assigning_unit_id__in=units)
            | Q(lead_unit_id__in=units)
            | Q(supporting_units__id__in=units)
        )
        .distinct()
        .select_related("directive", "lead_unit", "assigning_unit")
    )


def task_get_visible(person: Person, task_uuid: str) -> Task:
    return get_visible_or_404(tasks_visible(person), task_uuid)


def directives_visible(person: Person) -> QuerySet[Directive]:
    units = acting_units(person)
    return Directive.objects.filter(
        Q(unit_id__in=units) | Q(tasks__in=tasks_visible(person))
    ).distinct()


def unit_seen_or_404(person: Person, unit_uuid: str) -> Unit:
    """A unit whose dashboard the person may open: one they act for or belong to, or one
    below those (the roll-up: the province's Office sees its districts' figures)."""
    acting = acting_units(person)
    below = set().union(*_subtrees(acting).values()) if acting else set()
    return get_visible_or_404(
        Unit.objects.filter(id__in=below | set(scope_for(person).unit_ids)), unit_uuid
    )


def tasks_led_by(unit: Unit) -> QuerySet[Task]:
    return Task.objects.filter(lead_unit=unit).select_related(
        "directive", "lead_unit", "assigning_unit"
    )
