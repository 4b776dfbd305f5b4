"""Launching a movement, rotating its leader, pledges by the deadline, the status steps."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.support.emulation import EmulationWorld, full, scored, start_scoring, world
from vanphong.emulation import services, services_movement
from vanphong.emulation.models import MovementStatus, Round

__all__ = ["world"]


def _on(monkeypatch: pytest.MonkeyPatch, day: date) -> None:
    monkeypatch.setattr(services_movement, "today", lambda: day)


def test_a_pledge_on_the_deadline_is_registered(
    world: EmulationWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    _on(monkeypatch, date(2012, 2, 15))
    unit = world.members[1]
    pledge = services_movement.pledge_register(
        actor=world.officer(unit),
        movement=world.movement,
        unit=unit,
        titles=["excellent_collective"],
        content="Phấn đấu hoàn thành xuất sắc nhiệm vụ",
    )
    assert pledge.titles == ["excellent_collective"]
    assert not pledge.late


def test_a_pledge_the_day_after_the_deadline_is_refused_naming_the_deadline(
    world: EmulationWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    _on(monkeypatch, date(2012, 2, 16))
    unit = world.members[1]
    with pytest.raises(ValidationError, match=r"hạn ngày 15/02/2012"):
        services_movement.pledge_register(
            actor=world.officer(unit),
            movement=world.movement,
            unit=unit,
            titles=["provincial_flag"],
        )


def test_the_convenor_extends_the_deadline_and_the_member_registers(
    world: EmulationWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    _on(monkeypatch, date(2012, 2, 20))
    services_movement.movement_update(
        actor=world.convenor_officer, movement=world.movement, pledge_deadline=date(2012, 2, 29)
    )
    unit = world.members[1]
    pledge = services_movement.pledge_register(
        actor=world.officer(unit), movement=world.movement, unit=unit, titles=["provincial_flag"]
    )
    assert not pledge.late


def test_the_convenor_records_a_late_pledge_marked_late(
    world: EmulationWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    _on(monkeypatch, date(2012, 3, 1))
    pledge = services_movement.pledge_register(
        actor=world.convenor_officer,
        movement=world.movement,
        unit=world.members[2],
        titles=["advanced_collective"],
    )
    assert pledge.late


def test_a_pledge_for_another_unit_is_refused(
    world: EmulationWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    _on(monkeypatch, date(2012, 2, 1))
    with pytest.raises(PermissionDenied):
        services_movement.pledge_register(
            actor=world.officer(world.members[0]),
            movement=world.movement,
            unit=world.members[1],
            titles=["provincial_flag"],
        )


def test_a_pledge_without_a_title_or_with_an_unknown_title_is_refused(
    world: EmulationWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    _on(monkeypatch, date(2012, 2, 1))
    unit = world.members[0]
    with pytest.raises(ValidationError, match="ít nhất một danh hiệu"):
        services_movement.pledge_register(
            actor=world.officer(unit), movement=world.movement, unit=unit, titles=[]
        )
    with pytest.raises(ValidationError, match="không có trong quy định: huan_chuong"):
        services_movement.pledge_register(
            actor=world.officer(unit), movement=world.movement, unit=unit, titles=["huan_chuong"]
        )


def test_launching_freezes_the_criteria_set_and_a_second_movement_a_year_is_refused(
    world: EmulationWorld,
) -> None:
    copy = services.criteria_set_copy(
        actor=world.convenor_officer, criteria_set=world.criteria_set, year=2013
    )
    assert not copy.frozen
    movement = services_movement.movement_launch(
        actor=world.convenor_officer,
        bloc=world.bloc,
        year=2013,
        title="Phong trào thi đua năm 2013",
        launched_on=date(2013, 1, 8),
        pledge_deadline=date(2013, 2, 28),
        criteria_set=copy,
        leader_unit=world.members[1],
    )
    copy.refresh_from_db()
    assert copy.frozen
    assert movement.leader_unit == world.members[1]
    with pytest.raises(ValidationError, match="đã có phong trào thi đua năm 2013"):
        services_movement.movement_launch(
            actor=world.convenor_officer,
            bloc=world.bloc,
            year=2013,
            title="Lần hai",
            launched_on=date(2013, 1, 8),
            pledge_deadline=date(2013, 2, 28),
            criteria_set=copy,
        )


def test_the_leader_must_be_a_member_in_force(world: EmulationWorld) -> None:
    with pytest.raises(ValidationError, match="không phải thành viên của khối"):
        services_movement.movement_update(
            actor=world.convenor_officer, movement=world.movement, leader_unit=world.convenor
        )


def test_a_member_may_not_launch_or_rotate(world: EmulationWorld) -> None:
    with pytest.raises(PermissionDenied):
        services_movement.movement_update(
            actor=world.officer(world.members[0]),
            movement=world.movement,
            leader_unit=world.members[0],
        )


def test_statuses_move_one_step_at_a_time_and_ranking_needs_a_submitted_sheet(
    world: EmulationWorld,
) -> None:
    with pytest.raises(ValidationError, match="bước tiếp theo là “Đang chấm điểm”"):
        services_movement.movement_advance(
            actor=world.convenor_officer, movement=world.movement, to=MovementStatus.RANKED
        )
    start_scoring(world)
    with pytest.raises(ValidationError, match="Chưa có phiếu chấm nào"):
        services_movement.movement_rank(actor=world.convenor_officer, movement=world.movement)
    scored(world, world.members[0], Round.SELF, full("20", "10"))
    ranking = services_movement.movement_rank(actor=world.convenor_officer, movement=world.movement)
    assert ranking.rows[0].rank == 1
    with pytest.raises(ValidationError, match="chỉ lập, sửa khi đang chấm điểm"):
        scored(world, world.members[1], Round.SELF, full("20", "10"))
