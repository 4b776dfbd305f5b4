"""Setting the unit that does a unit's clerical work (org.services.unit_update)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from tests.support.factories import MembershipFactory, UnitFactory
from tests.support.personas import Personas
from vanphong.core.models import AuditEvent
from vanphong.org import services
from vanphong.org.models import Role, Unit, UnitKind


def update(people: Personas, unit: Unit, clerical_unit: Unit | None, actor: object = None) -> Unit:
    return services.unit_update(
        actor=actor or people.chau_thanh_admin,  # type: ignore[arg-type]
        unit=unit,
        parent=unit.parent,
        kind=unit.kind,
        name=unit.name,
        symbol=unit.symbol,
        clerical_unit=clerical_unit,
    )


def test_an_administrator_sets_it_and_the_change_is_audited(people: Personas) -> None:
    board = UnitFactory.create(parent=people.chau_thanh, kind=UnitKind.BOARD, name="Ban Tổ chức")
    update(people, board, people.chau_thanh_office)
    board.refresh_from_db()
    assert board.clerical_unit == people.chau_thanh_office
    event = AuditEvent.objects.get(action="unit.update", object_id=str(board.uuid))
    assert (event.before["clerical_unit"], event.after["clerical_unit"]) == (  # type: ignore[index]
        None,
        people.chau_thanh_office.pk,
    )
    update(people, board, None)
    board.refresh_from_db()
    assert board.clerical_unit is None


def test_another_committees_unit_is_refused(people: Personas) -> None:
    with pytest.raises(ValidationError) as refused:
        update(people, people.chau_thanh, people.hoa_thanh_office, actor=people.province_admin)
    assert list(refused.value.message_dict) == ["clerical_unit"]


def test_a_unit_the_administrator_does_not_administer_is_refused(people: Personas) -> None:
    board = UnitFactory.create(parent=people.chau_thanh, kind=UnitKind.BOARD, name="Ban Tổ chức")
    board_admin = MembershipFactory.create(unit=board, role=Role.ADMIN).person
    with pytest.raises(ValidationError, match="Bạn không quản trị"):
        update(people, board, people.chau_thanh_office, actor=board_admin)


def test_an_inactive_unit_is_refused(people: Personas) -> None:
    board = UnitFactory.create(
        parent=people.chau_thanh, kind=UnitKind.BOARD, name="Ban cũ", is_active=False
    )
    with pytest.raises(ValidationError):
        update(people, people.chau_thanh, board)
