"""`/api/v1/nhiem-vu/uy-quyen`: the delegations a leader gives to decide for their unit."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.core.access import get_visible_or_404
from vanphong.directives import (
    selectors,
    services_decisions,
)
from vanphong.directives.models import (
    Delegation,
)
from vanphong.org.models import Person, Unit

router = Router()


class DelegationIn(Schema):
    unit: UUID = Field(description="Đơn vị giao nhiệm vụ mà người gọi là lãnh đạo.")
    delegate: UUID = Field(description="Người được ủy quyền (công tác tại đơn vị đó).")
    starts_on: date | None = Field(None, description="Từ ngày; mặc định hôm nay.")
    ends_on: date | None = Field(None, description="Đến ngày; để trống: đến khi kết thúc.")
    note: str = ""


class DelegationOut(Schema):
    uuid: UUID
    unit: UUID
    leader: UUID
    delegate: UUID
    starts_on: date
    ends_on: date | None
    note: str
    ended_at: datetime | None


def _delegation_out(found: Delegation) -> DelegationOut:
    return DelegationOut(
        uuid=found.uuid,
        unit=found.unit.uuid,
        leader=found.leader.uuid,
        delegate=found.delegate.uuid,
        starts_on=found.starts_on,
        ends_on=found.ends_on,
        note=found.note,
        ended_at=found.ended_at,
    )


@router.get(
    "/uy-quyen",
    response={200: list[DelegationOut], **ERRORS},
    summary="Các ủy quyền quyết định người gọi đã giao hoặc được nhận",
)
def delegations(request: HttpRequest) -> list[DelegationOut]:
    return [_delegation_out(d) for d in selectors.delegations_of(actor(request))]


@router.post(
    "/uy-quyen",
    response={201: DelegationOut, **ERRORS},
    summary="Ủy quyền quyết định (gia hạn, thời hạn, xác nhận, trả lại) — lãnh đạo đơn vị giao",
)
def delegation_create(request: HttpRequest, payload: DelegationIn) -> Status[DelegationOut]:
    person = actor(request)
    # A unit the caller acts for; whether they may delegate for it is the service's to say.
    unit = get_visible_or_404(
        Unit.objects.filter(pk__in=selectors.acting_units(person)), payload.unit
    )
    delegate = Person.objects.filter(uuid=payload.delegate, is_active=True).first()
    if delegate is None:
        raise ValidationError({"delegate": _("Không tìm thấy cán bộ có mã này.")})
    made = services_decisions.delegation_create(
        actor=person,
        unit=unit,
        delegate=delegate,
        starts_on=payload.starts_on,
        ends_on=payload.ends_on,
        note=payload.note,
    )
    return Status(201, _delegation_out(made))


@router.post(
    "/uy-quyen/{delegation_uuid}/ket-thuc",
    response={200: DelegationOut, **ERRORS},
    summary="Kết thúc một ủy quyền (lãnh đạo đã ủy quyền)",
)
def delegation_end(request: HttpRequest, delegation_uuid: UUID) -> DelegationOut:
    person = actor(request)
    found = selectors.delegation_get(person, str(delegation_uuid))
    return _delegation_out(services_decisions.delegation_end(actor=person, delegation=found))
