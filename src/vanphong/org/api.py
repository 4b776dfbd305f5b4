from __future__ import annotations

from uuid import UUID

from django.http import HttpRequest
from ninja import Router, Schema

from vanphong.org.models import Person
from vanphong.org.selectors import active_memberships, units_visible

router = Router(tags=["tổ chức"])


class UnitOut(Schema):
    uuid: UUID
    name: str
    kind: str
    symbol: str


class MembershipOut(Schema):
    uuid: UUID
    unit: UnitOut
    role: str
    role_label: str
    clearance: int
    clearance_label: str
    position: str


class ProfileOut(Schema):
    uuid: UUID
    username: str
    full_name: str
    email: str
    memberships: list[MembershipOut]
    visible_units: list[UnitOut]


@router.get("/me", response=ProfileOut, summary="Hồ sơ của người gọi, đơn vị và vai trò")
def me(request: HttpRequest) -> ProfileOut:
    person: Person = request.auth  # type: ignore[attr-defined]
    memberships = [
        MembershipOut(
            uuid=m.uuid,
            unit=UnitOut.model_validate(m.unit, from_attributes=True),
            role=m.role,
            role_label=str(m.get_role_display()),
            clearance=m.clearance,
            clearance_label=str(m.get_clearance_display()),
            position=m.position,
        )
        for m in active_memberships(person)
    ]
    units = [UnitOut.model_validate(u, from_attributes=True) for u in units_visible(person)]
    return ProfileOut(
        uuid=person.uuid,
        username=person.username,
        full_name=person.full_name,
        email=person.email,
        memberships=memberships,
        visible_units=units,
    )
