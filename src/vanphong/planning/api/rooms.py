"""`/api/v1/ke-hoach/phong-hop`: the meeting rooms."""

from __future__ import annotations

from uuid import UUID

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.core.inputs import CleanStr, Count
from vanphong.planning import selectors, services
from vanphong.planning.api.common import required_unit

router = Router()


class RoomOut(Schema):
    uuid: UUID
    committee: UUID
    name: str
    address: str
    capacity: int | None


class RoomIn(Schema):
    committee: UUID
    name: CleanStr = Field(min_length=1, max_length=200)
    address: CleanStr = Field("", max_length=300)
    capacity: Count | None = None


@router.get("/phong-hop", response={200: list[RoomOut], **ERRORS})
def rooms(request: HttpRequest) -> list[RoomOut]:
    return [
        RoomOut(
            uuid=r.uuid,
            committee=r.committee.uuid,
            name=r.name,
            address=r.address,
            capacity=r.capacity,
        )
        for r in selectors.rooms_visible(actor(request)).order_by("name")
    ]


@router.post("/phong-hop", response={201: RoomOut, **ERRORS})
def room_create(request: HttpRequest, payload: RoomIn) -> Status[RoomOut]:
    room = services.room_create(
        actor=actor(request),
        committee=required_unit(payload.committee, "committee"),
        name=payload.name,
        address=payload.address,
        capacity=payload.capacity,
    )
    return Status(
        201,
        RoomOut(
            uuid=room.uuid,
            committee=room.committee.uuid,
            name=room.name,
            address=room.address,
            capacity=room.capacity,
        ),
    )
