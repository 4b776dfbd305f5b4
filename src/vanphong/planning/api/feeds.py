"""`/api/v1/ke-hoach/lien-ket-lich`: the caller's iCalendar addresses."""

from __future__ import annotations

from typing import Literal
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS, ErrorOut
from vanphong.core.access import get_visible_or_404
from vanphong.org.models import Person
from vanphong.planning import services
from vanphong.planning.api.common import optional_unit
from vanphong.planning.models import FeedToken, Room

router = Router()


class FeedIn(Schema):
    scope: Literal["leader", "room", "unit"]
    target: UUID = Field(description="Mã cán bộ, phòng họp hoặc đơn vị.")


class FeedOut(Schema):
    uuid: UUID
    scope: str
    revoked: bool
    url: str = Field("", description="Chỉ trả về một lần, khi tạo.")


@router.get(
    "/lien-ket-lich",
    response={200: list[FeedOut], **ERRORS},
    summary="Các địa chỉ lịch iCalendar của người gọi",
)
def feeds(request: HttpRequest) -> list[FeedOut]:
    mine = FeedToken.objects.filter(owner=actor(request)).order_by("-created_at")
    return [
        FeedOut(uuid=f.uuid, scope=f.scope, revoked=f.revoked_at is not None, url="") for f in mine
    ]


@router.post(
    "/lien-ket-lich",
    response={201: FeedOut, 404: ErrorOut, **ERRORS},
    summary="Tạo địa chỉ lịch iCalendar (trả một lần)",
)
def feed_create(request: HttpRequest, payload: FeedIn) -> Status[FeedOut]:
    person = room = unit = None
    if payload.scope == "leader":
        person = Person.objects.filter(uuid=payload.target, is_active=True).first()
    elif payload.scope == "room":
        room = Room.objects.filter(uuid=payload.target).first()
    else:
        unit = optional_unit(payload.target, "target")
    if person is None and room is None and unit is None:
        raise ValidationError({"target": _("Không tìm thấy đối tượng có mã này.")})
    created = services.feed_create(
        actor=actor(request), scope=payload.scope, person=person, room=room, unit=unit
    )
    url = request.build_absolute_uri(reverse("planning:ical", args=[created.token]))
    return Status(
        201, FeedOut(uuid=created.feed.uuid, scope=created.feed.scope, revoked=False, url=url)
    )


@router.post("/lien-ket-lich/{feed_uuid}/thu-hoi", response={200: FeedOut, **ERRORS})
def feed_revoke(request: HttpRequest, feed_uuid: UUID) -> FeedOut:
    feed = get_visible_or_404(FeedToken.objects.filter(owner=actor(request)), feed_uuid)
    feed = services.feed_revoke(actor=actor(request), feed=feed)
    return FeedOut(uuid=feed.uuid, scope=feed.scope, revoked=True, url="")
