"""Who may take which step of a document's workflow: pure rules over scopes and states.

Services call these before changing anything; pages call them to decide which buttons to show,
so a button is shown exactly when the service would accept the action.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from vanphong.documents.models import (
    Delivery,
    IncomingDocument,
    IncomingStatus,
    OutgoingDocument,
    OutgoingStatus,
)
from vanphong.org.models import Person, Role, Unit
from vanphong.org.selectors import committee_of, scope_for

LEADER_ROLES = (Role.OFFICE_LEADER, Role.COMMITTEE_LEADER)
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


def require_leader(person: Person, unit: Unit) -> None:
    if not is_leader_of(person, unit):
        raise PermissionDenied(_("Chỉ lãnh đạo mới làm được việc này."))


def may_receive(person: Person, delivery: Delivery) -> bool:
    """The recipient unit's clerk, cleared there for the sent document's secrecy, registers
    or refuses a delivery; nobody else learns that it exists (selectors filter the same way)."""
    unit_id = delivery.recipient_unit_id
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
