"""Blocs, their members and the criteria sets of a year, through the services."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.support.emulation import EmulationWorld, world
from vanphong.emulation import services
from vanphong.emulation.models import BlocMember, CriterionKind

__all__ = ["world"]


def test_the_convenor_creates_a_bloc_and_adds_and_ends_members(world: EmulationWorld) -> None:
    bloc = services.bloc_create(
        actor=world.convenor_officer, name="Khối các Ban Đảng", convenor=world.convenor
    )
    member = services.bloc_member_add(
        actor=world.convenor_officer, bloc=bloc, unit=world.members[0], joined_on=date(2012, 1, 1)
    )
    with pytest.raises(ValidationError, match="đang là thành viên"):
        services.bloc_member_add(
            actor=world.convenor_officer,
            bloc=bloc,
            unit=world.members[0],
            joined_on=date(2012, 6, 1),
        )
    with pytest.raises(ValidationError, match="phải sau ngày tham gia"):
        services.bloc_member_end(
            actor=world.convenor_officer, member=member, left_on=date(2012, 1, 1)
        )
    services.bloc_member_end(
        actor=world.convenor_officer, member=member, left_on=date(2012, 12, 31)
    )
    assert BlocMember.objects.get(pk=member.pk).left_on == date(2012, 12, 31)


def test_a_member_may_not_change_the_bloc(world: EmulationWorld) -> None:
    with pytest.raises(PermissionDenied):
        services.bloc_member_add(
            actor=world.officer(world.members[0]),
            bloc=world.bloc,
            unit=world.convenor,
            joined_on=date(2012, 1, 1),
        )


def test_a_frozen_set_refuses_every_change(world: EmulationWorld) -> None:
    with pytest.raises(ValidationError, match="đã dùng để chấm điểm"):
        services.criterion_update(
            actor=world.convenor_officer,
            criterion=world.criteria["1.2"],
            code="1.2",
            title="Tham mưu",
            kind=CriterionKind.ASSESSED,
            max_points="25",
        )


def test_a_copied_set_is_edited_and_keeps_its_criteria(world: EmulationWorld) -> None:
    copy = services.criteria_set_copy(
        actor=world.convenor_officer, criteria_set=world.criteria_set, year=2013
    )
    assert copy.name == "Bảng tiêu chí thi đua khối các Văn phòng cấp ủy năm 2013"
    group = copy.groups.get(code="II")
    criterion = services.criterion_add(
        actor=world.convenor_officer,
        group=group,
        code="2.4",
        title="Ứng dụng công nghệ thông tin",
        kind=CriterionKind.ASSESSED,
        max_points="5",
    )
    assert criterion.max_points == Decimal("5.00")
    assert copy.groups.get(code="I").criteria.count() == 2


def test_a_criterion_needs_positive_points_and_a_measured_one_its_measure_and_scale(
    world: EmulationWorld,
) -> None:
    copy = services.criteria_set_copy(
        actor=world.convenor_officer, criteria_set=world.criteria_set, year=2013
    )
    group = copy.groups.get(code="I")
    with pytest.raises(ValidationError) as refused:
        services.criterion_add(
            actor=world.convenor_officer,
            group=group,
            code="1.3",
            title="Văn bản đi đúng hạn",
            kind=CriterionKind.MEASURED,
            max_points="0",
            scale={"kind": "exponential"},
        )
    assert set(refused.value.message_dict) == {"max_points", "measure", "scale"}


def test_a_member_may_not_edit_criteria(world: EmulationWorld) -> None:
    with pytest.raises(PermissionDenied):
        services.criteria_set_create(
            actor=world.officer(world.members[0]), year=2013, name="Bảng riêng"
        )
