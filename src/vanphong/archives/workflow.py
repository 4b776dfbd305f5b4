"""Who may do what in the archives: pure rules over scopes, asked by pages, API and services,
so a button shows exactly when the service would accept the action.

- compiling files, drafting the unit's file plan: the unit's clerks, specialists and leaders;
- approving a file plan: the unit's head (`org.selectors.leader_role`);
- receiving transfers, boxes and shelves, proposing disposals, fixity and OCR reports: the
  archivists (Cán bộ lưu trữ) of the archive unit (the committee's Office);
- approving a request to read an archived file, by its secrecy: Không mật the archivist,
  Mật the Office's leader, Tối mật and above a leader of the committee;
- approving a disposal: the head of the archive unit, after the council.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from vanphong.org.models import Clearance, Person, Role, Unit
from vanphong.org.selectors import committee_of, leader_role, scope_for

COMPILER_ROLES = (Role.CLERK, Role.SPECIALIST, Role.OFFICE_LEADER, Role.ARCHIVIST)


def may_compile(person: Person, unit: Unit) -> bool:
    return scope_for(person).holds(unit.pk, *COMPILER_ROLES)


def may_approve_plan(person: Person, unit: Unit) -> bool:
    return scope_for(person).holds(unit.pk, leader_role(unit))


def is_archivist(person: Person, archive_unit: Unit, level: int = Clearance.UNCLASSIFIED) -> bool:
    return scope_for(person).clearance_as(archive_unit.pk, Role.ARCHIVIST) >= level


def may_head_archive(person: Person, archive_unit: Unit) -> bool:
    return scope_for(person).holds(archive_unit.pk, leader_role(archive_unit))


def access_approver_role(level: int) -> str:
    if level <= Clearance.UNCLASSIFIED:
        return Role.ARCHIVIST
    if level == Clearance.SECRET:
        return Role.OFFICE_LEADER
    return Role.COMMITTEE_LEADER


def may_approve_access(person: Person, archive_unit: Unit, level: int) -> bool:
    """The approver the rules name for a file of `level`, cleared for it by that post."""
    role = access_approver_role(level)
    where = archive_unit
    if role == Role.COMMITTEE_LEADER:
        where = committee_of(archive_unit) or archive_unit
    return scope_for(person).clearance_as(where.pk, role) >= level


def require(allowed: bool, message: str | None = None) -> None:
    if not allowed:
        raise PermissionDenied(message or _("Anh/chị không có quyền thực hiện thao tác này."))


# --- file plans' flow (added by the plans helper) ------------------------------------------

RETENTION_EDITOR_ROLES = (Role.ARCHIVIST, Role.OFFICE_LEADER)


def may_edit_retention(person: Person) -> bool:
    """The retention tables are the installation's: edited by an archivist or an Office leader
    of the Office keeping a root committee's archive (Văn phòng Tỉnh ủy)."""
    # Imported here so the foundation's imports above stay as they were.
    from vanphong.archives.selectors import archive_unit_for

    scope = scope_for(person)
    held = scope.units_with_role(*RETENTION_EDITOR_ROLES)
    if not held:
        return False
    return any(
        archive_unit_for(root).pk in held for root in Unit.objects.filter(parent__isnull=True)
    )


def may_watch_preservation(person: Person) -> bool:
    """Fixity reports and OCR status: any archivist (what a finding names is then filtered by
    the files the person may see)."""
    return bool(scope_for(person).units_with_role(Role.ARCHIVIST))
