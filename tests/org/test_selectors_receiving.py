"""Which unit receives what is sent to a unit (org.selectors.receiving_unit)."""

from __future__ import annotations

from tests.support.factories import UnitFactory
from tests.support.personas import Personas
from vanphong.org.models import Unit, UnitKind
from vanphong.org.selectors import clerical_candidates, office_of, receiving_unit


def test_a_committee_is_received_by_its_office(people: Personas) -> None:
    assert receiving_unit(people.chau_thanh) == people.chau_thanh_office
    assert receiving_unit(people.province) == people.province_office


def test_any_other_unit_receives_for_itself(people: Personas) -> None:
    assert receiving_unit(people.chau_thanh_office) == people.chau_thanh_office


def test_a_committee_without_an_active_office_receives_for_itself(people: Personas) -> None:
    Unit.objects.filter(pk=people.chau_thanh_office.pk).update(is_active=False)
    assert receiving_unit(people.chau_thanh) == people.chau_thanh


def test_the_first_active_office_in_the_organisations_order_is_the_default(
    people: Personas,
) -> None:
    UnitFactory.create(parent=people.chau_thanh, name="A — văn phòng thứ hai", sort_order=5)
    assert receiving_unit(people.chau_thanh) == people.chau_thanh_office


def test_a_set_clerical_unit_wins_while_it_is_active(people: Personas) -> None:
    board = UnitFactory.create(parent=people.chau_thanh, kind=UnitKind.BOARD, name="Ban Tổ chức")
    Unit.objects.filter(pk=board.pk).update(clerical_unit=people.chau_thanh_office)
    board.refresh_from_db()
    assert receiving_unit(board) == people.chau_thanh_office
    Unit.objects.filter(pk=people.chau_thanh_office.pk).update(is_active=False)
    assert receiving_unit(board) == board


def test_the_office_of_a_unit_keeps_its_books(people: Personas) -> None:
    board = UnitFactory.create(parent=people.chau_thanh, kind=UnitKind.BOARD, name="Ban Dân vận")
    assert office_of(people.chau_thanh_office) == people.chau_thanh_office
    assert office_of(people.chau_thanh) == people.chau_thanh_office
    assert office_of(board) == people.chau_thanh_office


def test_clerical_candidates_are_the_bodies_of_the_same_committee(people: Personas) -> None:
    assert clerical_candidates(people.chau_thanh) == {
        people.chau_thanh.id,
        people.chau_thanh_office.id,
    }
    province = clerical_candidates(people.province)
    assert people.province_office.id in province
    assert people.chau_thanh_office.id not in province  # another committee's body
