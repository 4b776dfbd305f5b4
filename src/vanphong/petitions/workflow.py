"""Who may do what with letters and visits: the predicates the pages, the API and the services
all ask.

A letter belongs to the unit keeping the book (an Office, receiving for its committee). It is
seen by the unit's reception officers and leaders, and by leaders of the units above (their
posts cover the units below). Acting on it is for its handler, the unit's reception officers
while it has no handler, and the unit's leaders.

A denouncer's identity (Luật Tố cáo 2018 điều 47–48) is narrower: only the letter's handler
and the leaders of the handler — a Lãnh đạo Văn phòng of the letter's unit or a Lãnh đạo cấp
ủy of its committee, by a post held there, not by a post above — read it. A letter that is not
a denunciation protects no identity.
"""

from __future__ import annotations

from vanphong.org.models import Person, Role, Unit
from vanphong.org.selectors import administers_root, scope_for

# The posts that see a unit's letters and visits.
PETITION_ROLES = (Role.RECEPTION, Role.OFFICE_LEADER, Role.COMMITTEE_LEADER)
PETITION_LEADERS = (Role.OFFICE_LEADER, Role.COMMITTEE_LEADER)


def may_see_unit(person: Person, unit_id: int) -> bool:
    return unit_id in scope_for(person).units_with_role(*PETITION_ROLES)


def may_register(person: Person, unit: Unit) -> bool:
    """Registering letters and visits in a unit's books: its reception officers."""
    return scope_for(person).holds(unit.pk, Role.RECEPTION)


def may_lead(person: Person, unit: Unit) -> bool:
    """Choosing a letter's handler: the unit's leaders (by a post there or above)."""
    return scope_for(person).holds(unit.pk, *PETITION_LEADERS)


def may_take(person: Person, unit: Unit, handler_id: int | None) -> bool:
    """Taking a letter nobody handles yet: a reception officer of its unit."""
    return handler_id is None and scope_for(person).holds(unit.pk, Role.RECEPTION)


def may_manage_fields(person: Person) -> bool:
    """The fields (lĩnh vực) are shared by every unit of the province: its administrators and
    the Lãnh đạo Văn phòng of the provincial committee's Office (an Office right below a unit
    at the top) keep them."""
    if administers_root(person):
        return True
    scope = scope_for(person)
    offices = [
        unit_id for unit_id, roles in scope.roles_by_unit.items() if Role.OFFICE_LEADER in roles
    ]
    return Unit.objects.filter(
        pk__in=offices, parent__isnull=False, parent__parent__isnull=True
    ).exists()


def is_leader_for(person: Person, unit: Unit) -> bool:
    """A leader of the unit by a post in it, or of its committee when it is an Office."""
    scope = scope_for(person)
    if scope.has_role(unit.pk, *PETITION_LEADERS):
        return True
    return unit.parent_id is not None and scope.has_role(unit.parent_id, Role.COMMITTEE_LEADER)


def may_act(person: Person, *, unit: Unit, handler_id: int | None) -> bool:
    """Classifying, handling, recording results: the handler, the unit's reception officers
    while nobody handles it, and the unit's leaders."""
    if handler_id is not None and handler_id == person.pk:
        return True
    scope = scope_for(person)
    if handler_id is None and scope.holds(unit.pk, Role.RECEPTION):
        return True
    return scope.holds(unit.pk, *PETITION_LEADERS)


def protects_identity(*, denunciation: bool) -> bool:
    return denunciation


def may_read_identity(
    person: Person, *, unit: Unit, handler_id: int | None, denunciation: bool
) -> bool:
    """Whether `person` reads the petitioners' names, numbers, addresses, phones and scans."""
    if not protects_identity(denunciation=denunciation):
        return may_see_unit(person, unit.pk)
    if handler_id is not None and handler_id == person.pk:
        return True
    return is_leader_for(person, unit)
