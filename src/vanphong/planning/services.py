"""The writes every part of planning shares — who may compile and approve — and the
meeting rooms and calendar links (iCalendar feeds): one atomic, audited function per use case.

The programme and monthly plans are written in services_programme.py, the weekly schedules
in services_schedule.py."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import audit
from vanphong.core.vietnamese import clean, fold
from vanphong.org.models import Person, Role, Unit, UnitKind
from vanphong.org.selectors import scope_for
from vanphong.planning.models import FeedScope, FeedToken, Room
from vanphong.planning.selectors import can_approve, can_compile, office_of

ROOM_FIELDS = ("committee", "name", "address", "capacity", "is_active")


def require_compiler(actor: Person, committee: Unit) -> None:
    if not can_compile(actor, committee):
        raise PermissionDenied(_("Chỉ Văn phòng của cấp ủy này mới được tổng hợp, sửa lịch."))


def require_approver(actor: Person, committee: Unit) -> None:
    if not can_approve(actor, committee):
        raise PermissionDenied(_("Chỉ lãnh đạo Văn phòng của cấp ủy này mới được duyệt."))


def require_committee(unit: Unit) -> None:
    if not unit.is_committee:
        raise ValidationError({"committee": _("Chỉ cấp ủy mới có chương trình, lịch công tác.")})
    if office_of(unit) is None:
        raise ValidationError({"committee": _("Cấp ủy này chưa có Văn phòng trong hệ thống.")})


# --- rooms ----------------------------------------------------------------------------------


@transaction.atomic
def room_create(
    *,
    actor: Person,
    committee: Unit,
    name: str,
    address: str = "",
    capacity: int | None = None,
) -> Room:
    require_committee(committee)
    require_compiler(actor, committee)
    room = Room(committee=committee, name=clean(name), address=clean(address), capacity=capacity)
    _check_room(room)
    room.save()
    audit.record(
        actor=actor, action="room.create", target=room, after=audit.snapshot(room, ROOM_FIELDS)
    )
    return room


@transaction.atomic
def room_update(*, actor: Person, room: Room, **changes: Any) -> Room:
    room = Room.objects.select_for_update().get(pk=room.pk)
    require_compiler(actor, room.committee)
    before = audit.snapshot(room, ROOM_FIELDS)
    for name in ("name", "address", "capacity", "is_active"):
        if name in changes:
            value = changes[name]
            setattr(room, name, clean(value) if isinstance(value, str) else value)
    _check_room(room)
    room.save()
    audit.record(
        actor=actor,
        action="room.update",
        target=room,
        before=before,
        after=audit.snapshot(room, ROOM_FIELDS),
    )
    return room


def _check_room(room: Room) -> None:
    if not room.name:
        raise ValidationError({"name": _("Cần nhập tên phòng họp.")})
    room.name_folded = fold(room.name)
    clash = Room.objects.filter(committee=room.committee, name_folded=room.name_folded)
    if clash.exclude(pk=room.pk).exists():
        raise ValidationError({"name": _("Đã có phòng họp cùng tên.")})


# --- calendar feeds -------------------------------------------------------------------------


def feed_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class NewFeed:
    feed: FeedToken
    token: str = field(repr=False)


@transaction.atomic
def feed_create(
    *,
    actor: Person,
    scope: str,
    person: Person | None = None,
    room: Room | None = None,
    unit: Unit | None = None,
) -> NewFeed:
    """A secret calendar address. Anyone may subscribe to their own calendar, their units'
    and the rooms of a committee they see; another leader's calendar needs the Office."""
    if scope not in FeedScope.values:
        raise ValidationError({"scope": _("Loại lịch không hợp lệ.")})
    target: Any = {"leader": person, "room": room, "unit": unit}[scope]
    if target is None:
        raise ValidationError({"scope": _("Chọn lãnh đạo, phòng họp hoặc đơn vị.")})
    if scope == FeedScope.LEADER:
        allowed = person == actor or any(can_compile(actor, c) for c in _committees_led_by(person))
    else:
        allowed = _sees_unit(actor, room.committee if room is not None else unit)
    if not allowed:
        raise PermissionDenied(_("Bạn không được lấy lịch này."))
    token = secrets.token_urlsafe(32)
    feed = FeedToken.objects.create(
        owner=actor,
        scope=scope,
        person=person if scope == FeedScope.LEADER else None,
        room=room if scope == FeedScope.ROOM else None,
        unit=unit if scope == FeedScope.UNIT else None,
        digest=feed_digest(token),
    )
    audit.record(
        actor=actor,
        action="feed.create",
        target=feed,
        after={"scope": scope, "target": str(target)},
    )
    return NewFeed(feed, token)


def _sees_unit(actor: Person, unit: Unit | None) -> bool:
    """A unit's own members and those above see it; its Office's staff see it too."""
    if unit is None:
        return False
    scope = scope_for(actor)
    office = office_of(unit) if unit.is_committee else None
    return scope.sees(unit.pk) or (office is not None and scope.sees(office.pk))


def _committees_led_by(person: Person | None) -> list[Unit]:
    if person is None:
        return []
    scope = scope_for(person)
    units = [
        unit
        for unit, roles in scope.roles_by_unit.items()
        if roles & {Role.COMMITTEE_LEADER, Role.OFFICE_LEADER}
    ]
    found = Unit.objects.filter(id__in=units)
    return [u.parent if u.kind == UnitKind.OFFICE and u.parent else u for u in found]


@transaction.atomic
def feed_revoke(*, actor: Person, feed: FeedToken) -> FeedToken:
    feed = FeedToken.objects.select_for_update().get(pk=feed.pk)
    if feed.owner_id != actor.pk and not scope_for(actor).everything:
        raise PermissionDenied(_("Bạn không được thu hồi liên kết này."))
    if feed.revoked_at is not None:
        raise ValidationError(_("Liên kết này đã bị thu hồi."))
    feed.revoked_at = timezone.now()
    feed.save(update_fields=["revoked_at"])
    audit.record(actor=actor, action="feed.revoke", target=feed, after={"revoked": True})
    return feed
