"""A work programme followed like a directive: one task per item, due at its period's end."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.support.planning import PlanWorld, build_world, programme_with_items
from vanphong.directives import services, services_decisions
from vanphong.directives.models import Task
from vanphong.planning import services_programme as planning_programme
from vanphong.planning.models import ItemState


@pytest.fixture
def world(db: None) -> PlanWorld:
    return build_world()


def test_an_approved_programme_becomes_one_task_per_item(world: PlanWorld) -> None:
    programme = programme_with_items(world)
    planning_programme.programme_approve(actor=world.chief, programme=programme)
    directive = services.programme_track(actor=world.specialist, programme=programme)
    tasks = list(Task.objects.filter(directive=directive).order_by("programme_item__position"))
    assert [t.content for t in tasks][:2] == [
        "Tổng kết công tác năm 2010",
        "Lãnh đạo tổ chức bầu cử đại biểu Quốc hội",
    ]
    assert tasks[1].deadline == date(2011, 2, 28)
    assert tasks[4].deadline == date(2011, 6, 30)  # "quý II": the quarter's last day
    assert tasks[0].assigning_unit == world.province
    assert tasks[0].lead_unit == world.province_office
    assert list(tasks[0].supporting_units.all()) == [world.chau_thanh]
    assert directive.type_symbol == "CTr"


def test_tracking_again_adds_only_new_items_and_skips_dropped_ones(world: PlanWorld) -> None:
    programme = programme_with_items(world)
    planning_programme.programme_approve(actor=world.chief, programme=programme)
    first = services.programme_track(actor=world.specialist, programme=programme)
    item = programme.items.order_by("position").last()
    assert item is not None
    planning_programme.programme_item_track(
        actor=world.specialist, item=item, state=ItemState.DROPPED, reason="Gộp vào hội nghị khác"
    )
    again = services.programme_track(actor=world.specialist, programme=programme)
    assert again == first
    assert Task.objects.filter(directive=first).count() == 5


def test_a_draft_programme_is_not_tracked(world: PlanWorld) -> None:
    programme = programme_with_items(world)
    with pytest.raises(ValidationError):
        services.programme_track(actor=world.specialist, programme=programme)
    assert not Task.objects.exists()


def test_a_district_cannot_track_the_provinces_programme(world: PlanWorld) -> None:
    programme = programme_with_items(world)
    planning_programme.programme_approve(actor=world.chief, programme=programme)
    with pytest.raises(PermissionDenied):
        services.programme_track(actor=world.chau_thanh_clerk, programme=programme)


def delegated(world: PlanWorld) -> None:
    """The Bí thư lets the Office's specialist decide for the province (moving a followed
    item moves a task's deadline: the province's decision)."""
    services_decisions.delegation_create(
        actor=world.secretary, unit=world.province, delegate=world.specialist
    )


def test_moving_an_item_moves_its_task_to_the_new_periods_end(world: PlanWorld) -> None:
    from vanphong.core.models import AuditEvent

    programme = programme_with_items(world)
    planning_programme.programme_approve(actor=world.chief, programme=programme)
    services.programme_track(actor=world.specialist, programme=programme)
    delegated(world)
    item = programme.items.get(month=2)
    planning_programme.programme_item_track(
        actor=world.specialist, item=item, state=ItemState.MOVED, month=4, reason="Chờ Trung ương"
    )
    task = Task.objects.get(programme_item=item)
    assert task.deadline == date(2011, 4, 30)
    moved = AuditEvent.objects.filter(action="task.deadline", object_id=str(task.uuid)).get()
    assert moved.actor_id == world.specialist.pk
    assert moved.after is not None
    assert moved.after["authority"]["as"] == "delegate"


def test_office_staff_without_a_delegation_do_not_move_a_followed_items_task(
    world: PlanWorld,
) -> None:
    programme = programme_with_items(world)
    planning_programme.programme_approve(actor=world.chief, programme=programme)
    services.programme_track(actor=world.specialist, programme=programme)
    item = programme.items.get(month=2)
    for staff in (world.specialist, world.chief):
        with pytest.raises(PermissionDenied):
            planning_programme.programme_item_track(
                actor=staff, item=item, state=ItemState.MOVED, month=4, reason="Chờ"
            )
    item.refresh_from_db()
    assert (item.month, item.state) == (2, ItemState.PLANNED)
    assert Task.objects.get(programme_item=item).deadline == date(2011, 2, 28)


def test_an_item_is_not_moved_before_an_open_sub_task_of_its_task(world: PlanWorld) -> None:
    programme = programme_with_items(world)
    item = planning_programme.programme_item_add(
        actor=world.specialist,
        programme=programme,
        topic="Xây dựng Đảng",
        content="Sơ kết công tác bầu cử ở cơ sở",
        body="standing_committee",
        lead_unit=world.chau_thanh,
        month=6,
    )
    planning_programme.programme_approve(actor=world.chief, programme=programme)
    services.programme_track(actor=world.specialist, programme=programme)
    delegated(world)
    task = Task.objects.get(programme_item=item)
    services.task_assign(
        actor=world.chau_thanh_clerk,
        directive=task.directive,
        parent=task,
        lead_unit=world.chau_thanh_office,
        content="Tổng hợp báo cáo các xã",
        deadline=date(2011, 6, 20),
    )
    with pytest.raises(ValidationError) as refused:
        planning_programme.programme_item_track(
            actor=world.specialist, item=item, state=ItemState.MOVED, month=5, reason="Sớm hơn"
        )
    assert "20/06/2011" in str(refused.value)
    item.refresh_from_db()
    assert item.month == 6
