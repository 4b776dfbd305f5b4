"""Who may do what in emulation: the predicates the pages, the API and the services all ask.

- Everyone working in a member unit or in the convenor (or above them) sees the movement.
- The convenor's emulation officers and Office leaders run it: blocs, criteria, launching,
  measuring, the provincial council's round, ranking, proposals, decisions.
- A member's emulation officers and Office leaders register its pledge, score its own sheet and
  (in the members' bloc round) the other members' sheets; the bloc leader's, the bloc council's.
- Nobody scores a sheet in which they are both reviewer and reviewed outside the self round.
"""

from __future__ import annotations

from django.db.models import Q

from vanphong.emulation.models import Bloc
from vanphong.org.models import Person, Role, Unit, UnitKind
from vanphong.org.selectors import scope_for

EMULATION_ROLES = (Role.EMULATION, Role.OFFICE_LEADER)
# Who sees emulation at all (a post in the unit or above); administration opens nothing here.
READER_ROLES = (
    Role.EMULATION,
    Role.OFFICE_LEADER,
    Role.COMMITTEE_LEADER,
    Role.SPECIALIST,
    Role.CLERK,
    Role.RECEPTION,
)


def reads_unit(person: Person | None, unit_id: int) -> bool:
    return scope_for(person).holds(unit_id, *READER_ROLES)


def acts_for(person: Person | None, unit_id: int) -> bool:
    """May act in emulation for the unit (its pledge, its sheets; the convenor's running)."""
    return scope_for(person).holds(unit_id, *EMULATION_ROLES)


def runs_bloc(person: Person | None, convenor_id: int) -> bool:
    """Runs the bloc's emulation (members, movements, the council round, the ranking)."""
    return acts_for(person, convenor_id)


def acting_units(person: Person | None) -> frozenset[int]:
    """The units a person acts for in emulation (their posts and every unit below)."""
    return scope_for(person).units_with_role(*EMULATION_ROLES)


def edits_criteria(person: Person | None) -> bool:
    """Criteria sets are the province's: edited by who runs a bloc, or by the emulation
    officers and leaders of a provincial committee's Office (who set up the first bloc)."""
    units = acting_units(person)
    if not units:
        return False
    return (
        Unit.objects.filter(id__in=units)
        .filter(
            Q(kind=UnitKind.OFFICE, parent__kind=UnitKind.PROVINCIAL_COMMITTEE)
            | Q(id__in=Bloc.objects.values("convenor_id"))
        )
        .exists()
    )
