"""Who may take which step of a document's workflow: pure rules over scopes and states.

Services call these before changing anything; pages call them to decide which buttons to show,
so a button is shown exactly when the service would accept the action.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from vanphong.documents.models import (
    Assignment,
    AssignmentStatus,
    Delivery,
    IncomingDocument,
    IncomingStatus,
    OutgoingDocument,
    OutgoingStatus,
)
from vanphong.org.models import COMMITTEE_KINDS, LEADER_ROLES, Person, Role, Unit
from vanphong.org.selectors import (
    committee_of,
    office_of,
    people_holding,
    scope_for,
    unit_subtree,
)

# Administering a unit (a technical role) opens none of its documents.
DOCUMENT_ROLES = tuple(role for role in Role.values if role != Role.ADMIN)
DEFAULT_CHAIN: list[dict[str, str]] = [{"role": Role.OFFICE_LEADER, "at": "unit"}]

# Legal moves of an incoming document; anything else is refused with the state's name.
INCOMING_MOVES: dict[str, set[str]] = {
    IncomingStatus.REGISTERED: {
        IncomingStatus.PRESENTED,
        IncomingStatus.ASSIGNED,
        IncomingStatus.FILED,
        IncomingStatus.CANCELLED,
        IncomingStatus.RECALLED,
    },
    IncomingStatus.PRESENTED: {
        IncomingStatus.PRESENTED,  # forwarded by the leader to another leader
        IncomingStatus.ASSIGNED,
        IncomingStatus.REGISTERED,  # returned by the leader
        IncomingStatus.FILED,
        IncomingStatus.RECALLED,
    },
    IncomingStatus.ASSIGNED: {
        IncomingStatus.ASSIGNED,
        IncomingStatus.DONE,
        IncomingStatus.RECALLED,
    },
    IncomingStatus.DONE: {IncomingStatus.ASSIGNED, IncomingStatus.RECALLED},
    IncomingStatus.FILED: {IncomingStatus.ASSIGNED, IncomingStatus.RECALLED},
    IncomingStatus.RECALLED: set(),
    IncomingStatus.CANCELLED: set(),
}

OUTGOING_MOVES: dict[str, set[str]] = {
    OutgoingStatus.DRAFT: {OutgoingStatus.IN_REVIEW, OutgoingStatus.CANCELLED},
    OutgoingStatus.RETURNED: {OutgoingStatus.IN_REVIEW, OutgoingStatus.CANCELLED},
    OutgoingStatus.IN_REVIEW: {
        OutgoingStatus.IN_REVIEW,
        OutgoingStatus.APPROVED,
        OutgoingStatus.RETURNED,
    },
    OutgoingStatus.APPROVED: {OutgoingStatus.SIGNED, OutgoingStatus.RETURNED},
    OutgoingStatus.SIGNED: {OutgoingStatus.ISSUED, OutgoingStatus.RETURNED},
    OutgoingStatus.ISSUED: {OutgoingStatus.WITHDRAWN},
    OutgoingStatus.WITHDRAWN: set(),
    OutgoingStatus.CANCELLED: set(),
}


def require_incoming_move(document: IncomingDocument, target: str) -> None:
    if target not in INCOMING_MOVES[document.status]:
        raise ValidationError(
            _("Không thể chuyển văn bản đang ở trạng thái “%(state)s” sang “%(target)s”.")
            % {
                "state": IncomingStatus(document.status).label,
                "target": IncomingStatus(target).label,
            }
        )


def require_outgoing_move(document: OutgoingDocument, target: str) -> None:
    if target not in OUTGOING_MOVES[document.status]:
        raise ValidationError(
            _("Không thể chuyển văn bản đang ở trạng thái “%(state)s” sang “%(target)s”.")
            % {
                "state": OutgoingStatus(document.status).label,
                "target": OutgoingStatus(target).label,
            }
        )


def is_clerk_of(person: Person, unit: Unit) -> bool:
    return scope_for(person).holds(unit.id, Role.CLERK)


def is_leader_of(person: Person, unit: Unit) -> bool:
    return scope_for(person).holds(unit.id, *LEADER_ROLES)


def require_clerk(person: Person, unit: Unit) -> None:
    if not is_clerk_of(person, unit):
        raise PermissionDenied(_("Chỉ văn thư của đơn vị mới làm được việc này."))


def is_chief_of_office(person: Person, unit: Unit) -> bool:
    """A current Lãnh đạo Văn phòng post in the Office that keeps the unit's books
    (org.selectors.office_of): the Chief of Office, who answers for the clerical work."""
    office = office_of(unit)
    return office is not None and scope_for(person).has_role(office.id, Role.OFFICE_LEADER)


def may_issue(person: Person, unit: Unit) -> bool:
    """The unit's clerk numbers, issues and sends its documents; so may the Chief of Office,
    the one who may also date an issue before the last number of its series."""
    return is_clerk_of(person, unit) or is_chief_of_office(person, unit)


def require_issuer(person: Person, unit: Unit) -> None:
    if not may_issue(person, unit):
        raise PermissionDenied(
            _("Chỉ văn thư của đơn vị hoặc Chánh Văn phòng mới làm được việc này.")
        )


def require_leader(person: Person, unit: Unit) -> None:
    if not is_leader_of(person, unit):
        raise PermissionDenied(_("Chỉ lãnh đạo mới làm được việc này."))


def may_receive(person: Person, delivery: Delivery) -> bool:
    """The receiving unit's clerk (a committee's Office's for the committee: Delivery.
    receiving_unit), cleared there for the sent document's secrecy, registers or refuses a
    delivery; nobody else learns that it exists (selectors filter the same way)."""
    unit_id = delivery.receiving_unit_id
    if unit_id is None:
        return False
    scope = scope_for(person)
    return scope.holds(unit_id, Role.CLERK) and scope.sees(
        unit_id, delivery.document.confidentiality
    )


def may_allow_self_approval(person: Person, unit: Unit) -> bool:
    """Only a current leader of the committee itself (a membership in the committee, not one
    inherited from a committee above, nor an administrator) lets drafters approve their own
    drafts in the unit's chain."""
    committee = committee_of(unit) or unit
    return scope_for(person).has_role(committee.id, Role.COMMITTEE_LEADER)


def may_sign(person: Person, document: OutgoingDocument) -> bool:
    """A leader of the drafting unit or of a unit above it (its committee) signs. The signer
    recorded is always the person who acts: nobody records someone else's signature."""
    return is_leader_of(person, document.unit)


def may_present(person: Person, document: IncomingDocument) -> bool:
    """The clerk presents a document; the leader it was presented to may forward it."""
    return (
        not document.is_frozen
        and IncomingStatus.PRESENTED in INCOMING_MOVES[document.status]
        and (is_clerk_of(person, document.unit) or document.presented_to_id == person.pk)
    )


def step_unit(
    document: OutgoingDocument,
    step: dict[str, str],
    *,
    committees: dict[int, Unit | None] | None = None,
) -> Unit:
    """The unit whose role-holders take a step: the drafting unit, or its committee.

    `committees` memoises the committee of each drafting unit across calls, so a list of
    drafts costs one tree lookup per unit rather than one per draft."""
    if step.get("at") == "committee":
        memo = committees if committees is not None else {}
        if document.unit_id not in memo:
            memo[document.unit_id] = committee_of(document.unit)
        committee = memo[document.unit_id]
        if committee is not None:
            return committee
    return document.unit


def can_decide(
    person: Person,
    document: OutgoingDocument,
    *,
    committees: dict[int, Unit | None] | None = None,
) -> bool:
    """Whether the person may approve or return the draft at its current step."""
    if document.status != OutgoingStatus.IN_REVIEW or document.current_step >= len(document.chain):
        return False
    step = document.chain[document.current_step]
    if step.get("role") not in LEADER_ROLES:
        return False  # only leaders approve, whatever a stored chain says
    if person.pk == document.drafter_id and not step.get("allow_self", False):
        return False
    unit = step_unit(document, step, committees=committees)
    return scope_for(person).holds(unit.id, step["role"])


# --- which steps a page offers ---------------------------------------------------------------


@dataclass(frozen=True)
class IncomingActions:
    """The workflow steps offered on an incoming document's page; each mirrors the checks of
    the service it calls, so a button is shown exactly when the service would accept it."""

    present: bool = False
    direct: bool = False
    give_back: bool = False
    file: bool = False
    cancel: bool = False

    @property
    def any(self) -> bool:
        return self.present or self.direct or self.give_back or self.file or self.cancel


def incoming_actions(actor: Person, document: IncomingDocument) -> IncomingActions:
    moves = INCOMING_MOVES[document.status]
    clerk = is_clerk_of(actor, document.unit)
    leader = is_leader_of(actor, document.unit)
    live = not document.is_frozen
    return IncomingActions(
        present=may_present(actor, document),
        direct=leader and live and IncomingStatus.ASSIGNED in moves,
        give_back=document.presented_to_id == actor.pk and IncomingStatus.REGISTERED in moves,
        file=(clerk or leader) and live and IncomingStatus.FILED in moves,
        cancel=clerk
        and IncomingStatus.CANCELLED in moves
        and not document.assignments.exclude(status=AssignmentStatus.CANCELLED).exists(),
    )


def may_handle(actor: Person, assignment: Assignment) -> bool:
    """Mirrors services_handling._lock_assignment: one's own open part of a live document."""
    return (
        assignment.assignee_id == actor.pk
        and assignment.is_open
        and not assignment.document.is_frozen
    )


@dataclass(frozen=True)
class OutgoingActions:
    revise: bool = False
    submit: bool = False
    decide: bool = False  # approve or return at the current step
    send_back: bool = False  # return an approved or signed document
    sign: bool = False
    issue: bool = False
    distribute: bool = False
    recall: bool = False
    cancel: bool = False

    @property
    def any(self) -> bool:
        return any(vars(self).values())


def outgoing_actions(
    person: Person, document: OutgoingDocument, committee: Unit | None
) -> OutgoingActions:
    """The actions the services would accept from `person` now (see services_outgoing and
    services_delivery); `committee` is the drafting unit's (committee_of), looked up once."""
    status = document.status
    unit = document.unit
    drafter = person.pk == document.drafter_id
    editable = status in {OutgoingStatus.DRAFT, OutgoingStatus.RETURNED}
    leader = is_leader_of(person, unit)
    clerk = is_clerk_of(person, unit)
    # The Office is looked up only where it matters: a signed or issued document, no clerk.
    issuer = clerk or (
        status in {OutgoingStatus.SIGNED, OutgoingStatus.ISSUED}
        and is_chief_of_office(person, unit)
    )
    return OutgoingActions(
        revise=drafter and editable,
        submit=drafter and editable,
        decide=can_decide(person, document, committees={unit.pk: committee}),
        send_back=leader and status in {OutgoingStatus.APPROVED, OutgoingStatus.SIGNED},
        sign=status == OutgoingStatus.APPROVED and may_sign(person, document),
        issue=status == OutgoingStatus.SIGNED and issuer,
        distribute=status == OutgoingStatus.ISSUED and issuer,
        recall=status == OutgoingStatus.ISSUED and clerk,
        cancel=editable and (drafter or leader),
    )


def may_configure_chain(person: Person, unit: Unit) -> bool:
    """The unit's leaders and administrators set how its drafts are approved."""
    return scope_for(person).administers(unit.id) or is_leader_of(person, unit)


# --- whom a direction may name ---------------------------------------------------------------
#
# Naming someone in a direction opens the document to them. Three rules, from the widest offer
# to the last word: the page offers the committee's people and bodies (`nameable_units`), the
# API looks a person up among the caller's units (`nameable_people`), and the service accepts
# only what `check_named` allows.


def nameable_units(unit: Unit) -> list[int]:
    """The committee of the unit and its own bodies (not the committees below it): whom a
    leader's direction on the unit's document may name, as the page offers them."""
    top = committee_of(unit) or unit
    children: dict[int | None, list[tuple[int, bool]]] = {}
    for unit_id, parent_id, kind in Unit.objects.filter(is_active=True).values_list(
        "id", "parent_id", "kind"
    ):
        children.setdefault(parent_id, []).append((unit_id, kind in COMMITTEE_KINDS))
    found = [top.id]
    stack = [top.id]
    while stack:
        for child, is_committee in children.get(stack.pop(), []):
            if not is_committee:
                found.append(child)
                stack.append(child)
    if unit.id not in found:
        found.append(unit.id)
    return found


def nameable_people(actor: Person) -> QuerySet[Person]:
    """The people `actor` may name by reference (the API): active, with a post in force in a
    unit the actor sees, so nobody outside the actor's units."""
    return people_holding(units=sorted(scope_for(actor).unit_ids))


def check_named(
    actor: Person, document: IncomingDocument, *, person: Person | None, unit: Unit | None
) -> None:
    """The service's rule: a direction names only people who work where the document is and
    units the actor sees or of the document's committee; ValidationError on `lead` if not."""
    if person is not None:
        if not person.is_active:
            raise ValidationError({"lead": _("%(name)s đã bị vô hiệu hóa.") % {"name": person}})
        # Clearance is not required: the leader's direction is what opens a secret document
        # to the person it names; working in the document's unit is.
        if not scope_for(person).holds(document.unit_id, *DOCUMENT_ROLES):
            raise ValidationError(
                {"lead": _("%(name)s không thuộc đơn vị của văn bản.") % {"name": person}}
            )
    if unit is not None and not scope_for(actor).sees(unit.id):
        committee = committee_of(document.unit)
        if committee is None or unit.id not in unit_subtree(committee):
            raise ValidationError({"lead": _("Chỉ giao cho các đơn vị thuộc cấp ủy của văn bản.")})
