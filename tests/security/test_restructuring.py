"""Moving a unit or changing its kind is not a way around the second administrator: an
administrator's restructuring that would open units to people working elsewhere is refused,
and only the superuser acts on a superuser's posts."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.support.factories import MembershipFactory, PersonFactory, UnitFactory
from tests.support.personas import Personas
from vanphong.core.models import AuditEvent
from vanphong.documents.selectors import unit_grants
from vanphong.org import services, services_memberships
from vanphong.org.models import Clearance, Membership, Person, Role, Unit, UnitKind


def _update(actor: Person, unit: Unit, **changes: Any) -> Unit:
    data: dict[str, Any] = {
        "parent": unit.parent,
        "kind": unit.kind,
        "name": unit.name,
        "symbol": unit.symbol,
    }
    data.update(changes)
    return services.unit_update(actor=actor, unit=unit, **data)


def _board_with_clerk(people: Personas, **membership: Any) -> tuple[Unit, Person]:
    """A board of Châu Thành holding one confirmed secret clerk (a second account, say)."""
    board = UnitFactory.create(
        parent=people.chau_thanh, kind=UnitKind.BOARD, name="Ban nhỏ", symbol="BN"
    )
    clerk = PersonFactory.create(username="vt.bannho", full_name="Văn Thư Ban")
    MembershipFactory.create(
        person=clerk,
        unit=board,
        role=Role.CLERK,
        clearance=Clearance.SECRET,
        **membership,
    )
    return board, clerk


def test_a_district_admin_cannot_move_the_office_under_a_board_whose_clerk_would_read_it(
    people: Personas,
) -> None:
    board, clerk = _board_with_clerk(people)
    office = people.chau_thanh_office
    with pytest.raises(ValidationError) as caught:
        _update(people.chau_thanh_admin, office, parent=board)
    assert "parent" in caught.value.message_dict
    office.refresh_from_db()
    assert office.parent_id == people.chau_thanh.pk
    assert office.pk not in unit_grants(clerk).get(Clearance.SECRET, set())
    assert not AuditEvent.objects.filter(action="unit.update").exists()


def test_a_future_post_counts_and_an_ended_one_does_not(people: Personas) -> None:
    tomorrow = timezone.localdate() + timedelta(days=1)
    board, _clerk = _board_with_clerk(people, starts_on=tomorrow)
    with pytest.raises(ValidationError):
        _update(people.chau_thanh_admin, people.chau_thanh_office, parent=board)
    Membership.objects.filter(unit=board).update(
        starts_on=date(2010, 1, 1), ends_on=date(2011, 1, 1)
    )
    _update(people.chau_thanh_admin, people.chau_thanh_office, parent=board)
    people.chau_thanh_office.refresh_from_db()
    assert people.chau_thanh_office.parent_id == board.pk


def test_the_province_admin_cannot_put_one_district_under_another_districts_office(
    people: Personas,
) -> None:
    with pytest.raises(ValidationError):
        _update(people.province_admin, people.hoa_thanh, parent=people.chau_thanh_office)
    people.hoa_thanh.refresh_from_db()
    assert people.hoa_thanh.parent_id == people.province.pk


def test_a_move_under_units_held_by_administrators_only_is_applied(people: Personas) -> None:
    # Châu Thành itself holds only its administrator: nobody comes to read Hòa Thành's Office.
    _update(people.province_admin, people.hoa_thanh_office, parent=people.chau_thanh)
    people.hoa_thanh_office.refresh_from_db()
    assert people.hoa_thanh_office.parent_id == people.chau_thanh.pk


def test_the_superuser_restructures_freely(people: Personas) -> None:
    board, _clerk = _board_with_clerk(people)
    _update(people.superuser, people.chau_thanh_office, parent=board)
    _update(people.superuser, board, kind=UnitKind.OFFICE)
    board.refresh_from_db()
    assert board.kind == UnitKind.OFFICE


def test_a_district_admin_cannot_turn_a_staffed_board_into_the_committees_office(
    people: Personas,
) -> None:
    # Staff of a committee's Office act for the committee (its tasks, its secret directives).
    board, _clerk = _board_with_clerk(people)
    with pytest.raises(ValidationError) as caught:
        _update(people.chau_thanh_admin, board, kind=UnitKind.OFFICE)
    assert "kind" in caught.value.message_dict
    board.refresh_from_db()
    assert board.kind == UnitKind.BOARD


def test_an_empty_units_kind_is_changed_by_its_administrator(people: Personas) -> None:
    board = UnitFactory.create(parent=people.chau_thanh, kind=UnitKind.BOARD, name="Ban trống")
    _update(people.chau_thanh_admin, board, kind=UnitKind.DEPARTMENT)
    board.refresh_from_db()
    assert board.kind == UnitKind.DEPARTMENT


@pytest.mark.parametrize("action", ["update", "end"])
def test_a_district_admin_cannot_change_or_end_a_superusers_post_in_his_district(
    people: Personas, action: str
) -> None:
    post = MembershipFactory.create(
        person=people.superuser,
        unit=people.chau_thanh,
        role=Role.COMMITTEE_LEADER,
        clearance=Clearance.SECRET,
    )
    with pytest.raises(PermissionDenied):
        if action == "update":
            services_memberships.membership_update(
                actor=people.chau_thanh_admin,
                membership=post,
                clearance=Clearance.UNCLASSIFIED,
                position="Khác",
            )
        else:
            services_memberships.membership_end(actor=people.chau_thanh_admin, membership=post)
    post.refresh_from_db()
    assert (post.clearance, post.position, post.ends_on) == (Clearance.SECRET, "", None)
    assert not AuditEvent.objects.filter(action__startswith="membership").exists()
