"""Who acts for which unit, and the tasks a person may see.

A person acts for the units where they hold a working role (not quản trị), and staff of a
committee's Office act for the committee too. A task is seen by the units that assigned it,
lead it or support it; a unit above sees the roll-up of its units' tasks (the dashboards),
not the sub-tasks a district made for itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from vanphong.core.access import get_visible_or_404
from vanphong.directives import stats
from vanphong.directives.models import Directive, ReportFile, Task
from vanphong.documents.models import OutgoingDocument
from vanphong.documents.selectors import outgoing_visible
from vanphong.org.models import Membership, Person, Role, Unit, UnitKind
from vanphong.org.selectors import _subtrees, scope_for, unit_subtree


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
        # A subquery, not a join: a task with several supporting units stays one row, so
        # the dashboards' grouped counts count it once.
        Task.objects.filter(
            Q(assigning_unit_id__in=units)
            | Q(lead_unit_id__in=units)
            | Q(
                pk__in=Task.supporting_units.through.objects.filter(unit_id__in=units).values(
                    "task_id"
                )
            )
        ).select_related("directive", "lead_unit", "assigning_unit")
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


def leaders_of(unit: Unit) -> QuerySet[Person]:
    """Who may follow a task for the unit that assigns it: its committee leaders, or the
    leaders of a board or an Office — by a membership current today."""
    today = timezone.localdate()
    current = (
        Membership.objects.filter(
            unit=unit,
            role__in=(Role.COMMITTEE_LEADER, Role.OFFICE_LEADER),
            starts_on__lte=today,
        )
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .values("person_id")
    )
    return Person.objects.filter(pk__in=current, is_active=True).order_by("full_name")


def units_below(unit: Unit) -> QuerySet[Unit]:
    """The units a unit may give a task to: those below it."""
    return (
        Unit.objects.filter(id__in=unit_subtree(unit) - {unit.pk}, is_active=True)
        .select_related("parent")
        .order_by("parent__sort_order", "sort_order", "name")
    )


def product_documents(person: Person, task: Task) -> QuerySet[OutgoingDocument]:
    """The documents that may stand as a task's product: issued by its lead unit (or a unit
    below it), and seen by the person."""
    return outgoing_visible(person).filter(
        issued_on__isnull=False, unit_id__in=unit_subtree(task.lead_unit)
    )


def product_document_find(person: Person, task: Task, number_symbol: str) -> OutgoingDocument:
    found = (
        product_documents(person, task)
        .filter(number_symbol__iexact=number_symbol.strip())
        .order_by("-issued_on")
        .first()
    )
    if found is None:
        raise OutgoingDocument.DoesNotExist
    return found


def report_file_get_visible(person: Person, file_uuid: str) -> ReportFile:
    files = ReportFile.objects.select_related("file", "report").filter(
        report__task__in=tasks_visible(person).values("pk")
    )
    return get_visible_or_404(files, file_uuid)


def tracking_unit(unit: Unit) -> Unit:
    """Who follows a document registered or issued by `unit`: an Office's documents are its
    committee's directives (the committee assigns the tasks)."""
    if unit.kind == UnitKind.OFFICE and unit.parent is not None:
        return unit.parent
    return unit


ANY_LEADER = "tat-ca"


@dataclass
class Behind:
    """The tasks behind a figure, and what they were narrowed by (for the page's heading)."""

    tasks: QuerySet[Task]
    unit: Unit | None = None
    directive: Directive | None = None
    leader: Person | None = None


def tasks_behind(
    person: Person,
    *,
    unit: str = "",
    directive: str = "",
    leader: str = "",
    year: int | None = None,
    kind: str = "",
    today: date,
) -> Behind:
    """The tasks behind a dashboard figure, among those the person sees: by lead unit,
    directive, leader (`ANY_LEADER`: any), year (due in it, or ongoing) and figure (`KINDS`).
    Unknown identifiers are 404s; narrowing never widens what the person sees (a supporting
    unit opens the lead unit's tasks it supports; a district's own sub-tasks stay its own)."""
    visible = tasks_visible(person)
    found = Behind(visible.order_by("deadline", "id"))
    if unit:
        # Units and leaders the person has reason to know: of the tasks they see.
        leading = Unit.objects.filter(pk__in=visible.values("lead_unit_id"))
        found.unit = get_visible_or_404(leading, unit)
        found.tasks = found.tasks.filter(lead_unit=found.unit)
    if directive:
        found.directive = get_visible_or_404(directives_visible(person), directive)
        found.tasks = found.tasks.filter(directive=found.directive)
    if leader == ANY_LEADER:
        found.tasks = found.tasks.filter(leader__isnull=False)
    elif leader:
        following = Person.objects.filter(pk__in=visible.values("leader_id"))
        found.leader = get_visible_or_404(following, leader)
        found.tasks = found.tasks.filter(leader=found.leader)
    if year is not None:
        found.tasks = found.tasks.filter(stats.due_in(year))
    if kind in stats.KINDS:
        found.tasks = found.tasks.annotate(kind=stats.kind_expression(today)).filter(kind=kind)
    return found


@dataclass
class UnitBoardSeen:
    """A unit's dashboard as one person may see it: the directives they may open, each with
    its figures, and the rest — the unit's own sub-tasks seen from above — summed as `own`."""

    year: int
    by_directive: list[tuple[Directive, stats.Counts]]
    own: stats.Counts
    total: stats.Counts
    all_years: stats.Counts


def unit_board_seen(person: Person, unit: Unit, *, year: int, today: date) -> UnitBoardSeen:
    shown = stats.unit_board(unit, year=year, today=today)
    board = shown.board
    opened = directives_visible(person).filter(pk__in=list(board.by_key)).in_bulk()
    own = stats.Counts()
    for key, counts in board.by_key.items():
        if key not in opened:
            for name, n in counts.items():
                own.add(name, n)
    rows = sorted(
        ((opened[key], counts) for key, counts in board.by_key.items() if key in opened),
        key=lambda row: -row[1].total,
    )
    return UnitBoardSeen(year, rows, own, board.total, shown.all_years)
