"""Who acts for which unit, who decides for it, and the tasks a person may see.

A person acts for the units where they hold a working role (not quản trị), and staff of a
committee's Office act for the committee too. A task is seen by the units that assigned it,
lead it or support it; a unit above sees the roll-up of its units' tasks (the dashboards),
not the sub-tasks a district made for itself.

Secrecy: a directive carries its document's confidentiality, and is named — title, tasks,
figures by directive, notices — only to someone who passes the documents' rule for it: who may
open the document itself, or who holds a clerk or leader role cleared at that level in the
directive's unit (a committee's Office counting for the committee). A task of a secret
directive follows the same rule in one of the task's units (assigning, lead, supporting): a
person who acts for the task but is not cleared does not see the task at all — never a task
without its directive's title (which would still tell what the secret directive asks).

Deciding for the assigning side (an extension, a deadline, accepting or returning a completion)
is for the unit's current leaders — a committee's Lãnh đạo cấp ủy, an Office's or a board's
Lãnh đạo Văn phòng — or someone a leader delegated to (`Delegation`), not for whoever acts
for the unit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from vanphong.core.access import get_visible_or_404
from vanphong.directives import stats
from vanphong.directives.models import (
    CLOSED_STATES,
    Delegation,
    Directive,
    ReportFile,
    Task,
    TaskState,
)
from vanphong.documents.models import OutgoingDocument
from vanphong.documents.selectors import incoming_visible, outgoing_visible, unit_grants
from vanphong.org.models import LEADER_ROLES, Clearance, Person, Role, Unit, UnitKind
from vanphong.org.selectors import (
    active_memberships,
    leader_role,
    people_holding,
    scope_for,
    subtrees,
    unit_leaders,
    unit_subtree,
)

# The roles that act for a unit: every one but quản trị (administration is not the work).
WORKING_ROLES = tuple(role for role in Role.values if role != Role.ADMIN)


def _office_committees(person: Person | None) -> dict[int, int]:
    """The Offices where the person holds a role, each with its committee: one query, kept
    with the person's scope for the rest of the request."""
    scope = scope_for(person)
    cached = getattr(person, "_vanphong_office_committees", None)
    if cached is not None and cached[0] is scope:
        return dict(cached[1])
    found: dict[int, int] = {}
    if scope.roles_by_unit:
        found = dict(
            Unit.objects.filter(
                id__in=list(scope.roles_by_unit), kind=UnitKind.OFFICE, parent__isnull=False
            )
            .order_by()
            .values_list("id", "parent_id")
        )
    if person is not None:
        person._vanphong_office_committees = (scope, found)  # type: ignore[attr-defined]
    return found


def acting_units(person: Person | None) -> frozenset[int]:
    scope = scope_for(person)
    direct = {unit for unit, roles in scope.roles_by_unit.items() if roles - {Role.ADMIN}}
    committees = {c for office, c in _office_committees(person).items() if office in direct}
    return frozenset(direct | committees)


def acts_for(person: Person | None, unit: Unit) -> bool:
    return unit.pk in acting_units(person)


DUE_SOON = "sap-den"  # the task list's `han` value for units_due (the home page's section)


def units_due(person: Person, *, horizon: date) -> Q:
    """Tasks the person's units lead that are due by `horizon` or overdue and still theirs to
    do: the home page's section and the task list behind its "Xem tất cả" link."""
    return Q(lead_unit_id__in=sorted(acting_units(person)), deadline__lte=horizon) & ~Q(
        # A reported completion waits on the assigning side, not on the lead unit.
        state__in=(*CLOSED_STATES, TaskState.SUBMITTED)
    )


def _in_units(units: Iterable[int]) -> Q:
    """Tasks that one of `units` assigned, leads or supports."""
    ids = sorted(units)
    # A subquery, not a join: a task with several supporting units stays one row, so the
    # dashboards' grouped counts count it once.
    supported = Task.supporting_units.through.objects.filter(unit_id__in=ids).values("task_id")
    return Q(assigning_unit_id__in=ids) | Q(lead_unit_id__in=ids) | Q(pk__in=supported)


def cleared_units(person: Person | None) -> dict[int, frozenset[int]]:
    """Confidentiality level (above không mật) -> the units where the person is cleared for a
    secret directive of that level: the documents' own grants (clearance there and a clerk or
    leader role, `unit_grants`), with the committee of a granted Office added — its staff act
    for the committee. (An Office granted from a unit above has its committee granted too:
    only an Office held directly adds its committee.)"""
    if person is None:
        return {}
    committees = _office_committees(person)
    return {
        level: frozenset(units) | {committees[u] for u in units if u in committees}
        for level, units in unit_grants(person).items()
        if level > Clearance.UNCLASSIFIED
    }


def _opened_by_document(person: Person) -> QuerySet[Directive]:
    """Secret directives whose document the person may open (the documents' selectors:
    participants included)."""
    return Directive.objects.filter(confidentiality__gt=Clearance.UNCLASSIFIED).filter(
        Q(incoming__in=incoming_visible(person).values("pk"))
        | Q(outgoing__in=outgoing_visible(person).values("pk"))
    )


def _task_secrecy(person: Person) -> Q:
    rule = Q(directive__confidentiality=Clearance.UNCLASSIFIED) | Q(
        directive__in=_opened_by_document(person).values("pk")
    )
    for level, units in cleared_units(person).items():
        rule |= Q(directive__confidentiality=level) & _in_units(units)
    return rule


def _directive_secrecy(person: Person) -> Q:
    rule = Q(confidentiality=Clearance.UNCLASSIFIED) | Q(
        pk__in=_opened_by_document(person).values("pk")
    )
    for level, units in cleared_units(person).items():
        rule |= Q(confidentiality=level, unit_id__in=sorted(units))
    return rule


def tasks_visible(person: Person) -> QuerySet[Task]:
    return (
        Task.objects.filter(_in_units(acting_units(person)))
        .filter(_task_secrecy(person))
        .select_related("directive", "lead_unit", "assigning_unit")
    )


def task_get_visible(person: Person, task_uuid: str) -> Task:
    return get_visible_or_404(tasks_visible(person), task_uuid)


def directives_visible(person: Person) -> QuerySet[Directive]:
    """The directives the person may see named: their unit's (within the secrecy rule), and
    those of the tasks they see."""
    units = acting_units(person)
    return Directive.objects.filter(
        (Q(unit_id__in=units) & _directive_secrecy(person)) | Q(tasks__in=tasks_visible(person))
    ).distinct()


def task_seen_by(task: Task, person_ids: Iterable[int]) -> list[int]:
    """Those of `person_ids` who see `task` (whom a notice or a reminder naming it may reach):
    all of them for a task of a directive that is not secret, else each by tasks_visible."""
    ids = sorted(set(person_ids))
    if not task.directive.confidentiality:
        return ids
    people = Person.objects.filter(pk__in=ids, is_active=True)
    return [person.pk for person in people if tasks_visible(person).filter(pk=task.pk).exists()]


# --- deciding for the assigning side -------------------------------------------------------


def decision_leaders(unit: Unit) -> QuerySet[Person]:
    """Who decides for a unit on the tasks it assigned: a committee's Lãnh đạo cấp ủy, an
    Office's or a board's Lãnh đạo Văn phòng — by a membership in the unit itself, current
    today (a leader of a unit above, or of the committee's Office, is not one)."""
    return unit_leaders(unit).order_by("full_name")


def delegations_in_force(unit: Unit, *, on: date | None = None) -> QuerySet[Delegation]:
    """The unit's delegations that hold on a day: begun, not past their last day, not ended,
    given by someone still a leader of the unit to someone still active."""
    on = on or timezone.localdate()
    return (
        Delegation.objects.filter(
            unit=unit,
            ended_at__isnull=True,
            starts_on__lte=on,
            leader__in=decision_leaders(unit),
            delegate__is_active=True,
        )
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))
        .select_related("leader", "delegate")
    )


@dataclass(frozen=True)
class Authority:
    """Why a person may decide for a unit: as its leader, or by a delegation."""

    delegation: Delegation | None = None

    def record(self) -> dict[str, Any]:
        """What the audit event of a decision keeps of it."""
        if self.delegation is None:
            return {"as": "leader"}
        return {
            "as": "delegate",
            "delegation": str(self.delegation.uuid),
            "for": self.delegation.leader_id,
        }


def decision_authority(person: Person | None, unit: Unit) -> Authority | None:
    """The person's right to decide for `unit` on tasks it assigned, or None. They must act
    for the unit (a delegate who has left it decides nothing)."""
    if person is None or not person.is_authenticated or not acts_for(person, unit):
        return None
    if decision_leaders(unit).filter(pk=person.pk).exists():
        return Authority()
    delegation = delegations_in_force(unit).filter(delegate=person).first()
    return Authority(delegation) if delegation is not None else None


def units_led(person: Person) -> QuerySet[Unit]:
    """The units the person decides for as a leader (and so may delegate for)."""
    held = active_memberships(person).filter(role__in=LEADER_ROLES)
    ids = [post.unit_id for post in held if post.role == leader_role(post.unit)]
    return Unit.objects.filter(pk__in=ids).order_by("name")


def delegate_candidates(unit: Unit) -> QuerySet[Person]:
    """Whom a leader may delegate to: people who act for the unit (a working role in it, or
    in its Office when it is a committee), current today."""
    return people_holding(
        units=Unit.objects.filter(Q(pk=unit.pk) | Q(parent=unit, kind=UnitKind.OFFICE)),
        roles=WORKING_ROLES,
    ).order_by("full_name")


def delegations_of(person: Person) -> QuerySet[Delegation]:
    """The delegations the person gave or received."""
    return Delegation.objects.filter(Q(leader=person) | Q(delegate=person)).select_related(
        "unit", "leader", "delegate", "ended_by"
    )


def delegation_get(person: Person, delegation_uuid: str) -> Delegation:
    return get_visible_or_404(delegations_of(person), delegation_uuid)


def unit_seen_or_404(person: Person, unit_uuid: str) -> Unit:
    """A unit whose dashboard the person may open: one they act for or belong to, or one
    below those (the roll-up: the province's Office sees its districts' figures)."""
    acting = acting_units(person)
    below = set().union(*subtrees(acting).values()) if acting else set()
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
    return people_holding(units=[unit.pk], roles=LEADER_ROLES).order_by("full_name")


def units_below(unit: Unit) -> QuerySet[Unit]:
    """The units a unit may give a task to: those below it."""
    return Unit.objects.filter(id__in=unit_subtree(unit) - {unit.pk}, is_active=True)


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
    due_by: date | None = None,
    today: date,
) -> Behind:
    """The tasks behind a dashboard figure, among those the person sees: by lead unit,
    directive, leader (`ANY_LEADER`: any), year (due in it, or ongoing), figure (`KINDS`) and
    the person's units' tasks due by `due_by` (`units_due`).
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
    if due_by is not None:
        found.tasks = found.tasks.filter(units_due(person, horizon=due_by))
    return found


@dataclass
class UnitBoardSeen:
    """A unit's dashboard as one person may see it: the directives they may open, each with
    its figures, and the rest summed without a name — the unit's own sub-tasks seen from
    above as `own`, the tasks of secret directives the person may not see named as `secret`.
    Whoever may open the unit's dashboard is entitled to its figures; a secret directive's
    title is still the documents' rule's."""

    year: int
    by_directive: list[tuple[Directive, stats.Counts]]
    own: stats.Counts
    secret: stats.Counts
    total: stats.Counts
    all_years: stats.Counts


def unit_board_seen(person: Person, unit: Unit, *, year: int, today: date) -> UnitBoardSeen:
    shown = stats.unit_board(unit, year=year, today=today)
    board = shown.board
    opened = directives_visible(person).filter(pk__in=list(board.by_key)).in_bulk()
    secret_ids = set(
        Directive.objects.filter(
            pk__in=[key for key in board.by_key if key not in opened],
            confidentiality__gt=Clearance.UNCLASSIFIED,
        ).values_list("pk", flat=True)
    )
    own, secret = stats.Counts(), stats.Counts()
    for key, counts in board.by_key.items():
        if key not in opened:
            for name, n in counts.items():
                (secret if key in secret_ids else own).add(name, n)
    rows = sorted(
        ((opened[key], counts) for key, counts in board.by_key.items() if key in opened),
        key=lambda row: -row[1].total,
    )
    return UnitBoardSeen(year, rows, own, secret, board.total, shown.all_years)
