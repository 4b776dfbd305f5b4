"""What every planning write shares (only a committee with an Office has plans; its Office
compiles, its Office's leader approves), the meeting rooms, and the calendar links."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.support.planning import PlanWorld
from vanphong.core.models import AuditEvent
from vanphong.planning import services
from vanphong.planning.models import FeedToken, Room


def test_only_a_committee_with_an_office_has_plans(world: PlanWorld) -> None:
    services.require_committee(world.province)
    with pytest.raises(ValidationError) as refused:
        services.require_committee(world.province_office)
    assert "committee" in refused.value.message_dict
    world.hoa_thanh_office.is_active = False
    world.hoa_thanh_office.save(update_fields=["is_active"])
    with pytest.raises(ValidationError) as refused:
        services.require_committee(world.hoa_thanh)
    assert refused.value.message_dict["committee"] == [
        "Cấp ủy này chưa có Văn phòng trong hệ thống."
    ]


def test_the_office_compiles_and_its_leader_approves_for_its_own_committee_only(
    world: PlanWorld,
) -> None:
    services.require_compiler(world.specialist, world.province)
    services.require_approver(world.chief, world.province)
    with pytest.raises(PermissionDenied):
        services.require_approver(world.specialist, world.province)
    with pytest.raises(PermissionDenied):
        services.require_compiler(world.specialist, world.chau_thanh)
    with pytest.raises(PermissionDenied):
        services.require_compiler(world.secretary, world.province)


def test_a_room_is_created_with_a_clean_name_and_an_audit_event(world: PlanWorld) -> None:
    room = services.room_create(
        actor=world.specialist,
        committee=world.province,
        name="  Phòng  họp   số 3 ",
        address="Tầng 2",
        capacity=30,
    )
    assert (room.name, room.address, room.capacity) == ("Phòng họp số 3", "Tầng 2", 30)
    event = AuditEvent.objects.filter(action="room.create").latest("seq")
    assert event.after is not None
    assert event.after["name"] == "Phòng họp số 3"


@pytest.mark.parametrize("name", ["HỘI TRƯỜNG A", "hoi truong a", " Hội trường  A "])
def test_a_second_room_of_the_same_name_folded_is_refused(world: PlanWorld, name: str) -> None:
    with pytest.raises(ValidationError) as refused:
        services.room_create(actor=world.specialist, committee=world.province, name=name)
    assert "name" in refused.value.message_dict
    assert Room.objects.filter(committee=world.province).count() == 2


def test_the_same_room_name_in_another_committee_is_its_own_room(world: PlanWorld) -> None:
    room = services.room_create(
        actor=world.chau_thanh_clerk, committee=world.chau_thanh, name="Hội trường A"
    )
    assert room.committee == world.chau_thanh


def test_a_room_needs_a_name_and_the_committees_office(world: PlanWorld) -> None:
    with pytest.raises(ValidationError):
        services.room_create(actor=world.specialist, committee=world.province, name="   ")
    with pytest.raises(PermissionDenied):
        services.room_create(actor=world.chau_thanh_clerk, committee=world.province, name="X")
    with pytest.raises(ValidationError):
        services.room_create(actor=world.specialist, committee=world.province_office, name="X")


def test_a_room_is_renamed_or_retired_with_before_and_after_in_the_audit(
    world: PlanWorld,
) -> None:
    room = services.room_update(
        actor=world.specialist, room=world.small_room, name="Phòng họp nhỏ", capacity=12
    )
    assert (room.name, room.capacity, room.is_active) == ("Phòng họp nhỏ", 12, True)
    event = AuditEvent.objects.filter(action="room.update").latest("seq")
    assert event.before is not None
    assert event.after is not None
    assert (event.before["name"], event.after["name"]) == ("Phòng họp số 2", "Phòng họp nhỏ")
    services.room_update(actor=world.specialist, room=room, is_active=False)
    room.refresh_from_db()
    assert not room.is_active


def test_a_room_cannot_take_another_rooms_name_or_be_changed_by_outsiders(
    world: PlanWorld,
) -> None:
    with pytest.raises(ValidationError):
        services.room_update(actor=world.specialist, room=world.small_room, name="hội trường a")
    with pytest.raises(PermissionDenied):
        services.room_update(actor=world.chau_thanh_clerk, room=world.small_room, name="Khác")
    world.small_room.refresh_from_db()
    assert world.small_room.name == "Phòng họp số 2"


def test_a_calendar_link_is_kept_only_as_its_digest(world: PlanWorld) -> None:
    created = services.feed_create(actor=world.secretary, scope="leader", person=world.secretary)
    feed = FeedToken.objects.get()
    assert created.feed == feed
    assert feed.digest == services.feed_digest(created.token)
    assert created.token not in repr(created)
    assert not FeedToken.objects.filter(digest=created.token).exists()
    event = AuditEvent.objects.get(action="feed.create")
    assert created.token not in str(event.after)


@pytest.mark.parametrize(
    ("actor", "scope", "target", "allowed"),
    [
        ("chau_thanh_clerk", "unit", "chau_thanh", True),
        ("chau_thanh_clerk", "unit", "province", False),
        ("hoa_thanh_clerk", "unit", "chau_thanh", False),
        ("province_leader", "unit", "chau_thanh", True),  # a unit below their own
        ("specialist", "unit", "province", True),  # the committee of their Office
        ("chau_thanh_clerk", "room", "hall", False),
        ("specialist", "room", "hall", True),
        ("secretary", "leader", "secretary", True),  # their own calendar
        ("deputy", "leader", "secretary", False),
        ("chief", "leader", "deputy", True),  # the Office of the committee they lead
    ],
)
def test_who_may_take_which_calendar(
    world: PlanWorld, actor: str, scope: str, target: str, allowed: bool
) -> None:
    kwargs = {"leader": "person", "room": "room", "unit": "unit"}
    call = {kwargs[scope]: getattr(world, target)}
    if allowed:
        services.feed_create(actor=getattr(world, actor), scope=scope, **call)
        assert FeedToken.objects.count() == 1
    else:
        with pytest.raises(PermissionDenied):
            services.feed_create(actor=getattr(world, actor), scope=scope, **call)
        assert not FeedToken.objects.exists()


def test_a_calendar_link_needs_a_known_scope_and_its_target(world: PlanWorld) -> None:
    with pytest.raises(ValidationError):
        services.feed_create(actor=world.secretary, scope="everything", unit=world.province)
    with pytest.raises(ValidationError):
        services.feed_create(actor=world.secretary, scope="room", unit=world.province)


def test_only_the_owner_revokes_a_link_and_only_once(world: PlanWorld) -> None:
    created = services.feed_create(actor=world.secretary, scope="unit", unit=world.province)
    with pytest.raises(PermissionDenied):
        services.feed_revoke(actor=world.deputy, feed=created.feed)
    feed = services.feed_revoke(actor=world.secretary, feed=created.feed)
    assert feed.revoked_at is not None
    with pytest.raises(ValidationError):
        services.feed_revoke(actor=world.secretary, feed=feed)
    assert AuditEvent.objects.filter(action="feed.revoke").count() == 1
