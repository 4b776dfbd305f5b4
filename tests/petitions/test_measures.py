"""The petitions' yearly measure, checked against a plain recount: letters of a unit's book
whose processing clock fell due in the year, met within it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.emulation_recount import recount_letters
from tests.support.factories import UnitFactory
from tests.support.petitions import PetitionWorld, letter_row
from vanphong.core import yearly
from vanphong.core.yearly import Ratio
from vanphong.org.models import Unit
from vanphong.petitions.measures import HANDLED_WITHIN_CLOCK
from vanphong.petitions.models import ClockKind, Deadline


def _compute(unit_ids: list[int], year: int, as_of: date) -> dict[int, Ratio]:
    measure = yearly.measure(HANDLED_WITHIN_CLOCK)
    assert measure is not None
    return dict(measure.compute(unit_ids, year, as_of))


def _letter(
    world: PetitionWorld,
    due_on: date,
    met_on: date | None,
    *,
    kind: str = ClockKind.PROCESSING,
    unit: Unit | None = None,
) -> None:
    unit = unit or world.province_office
    letter = letter_row(world, unit=unit, received_on=due_on - timedelta(days=10))
    Deadline.objects.create(
        letter=letter,
        kind=kind,
        starts_on=letter.received_on,
        due_on=due_on,
        days=10,
        rule_kind="petitions.processing",
        rule_from=date(2010, 1, 1),
        source="Quy định 10 ngày",
        met_on=met_on,
        unit=unit,
    )


@pytest.fixture
def clocks(world: PetitionWorld) -> None:
    _letter(world, date(2011, 9, 22), date(2011, 9, 22))  # met on its last day
    _letter(world, date(2011, 9, 22), date(2011, 9, 23))  # a day late
    _letter(world, date(2011, 10, 3), None)  # never met
    _letter(world, date(2011, 12, 31), date(2011, 12, 30))  # due on the year's last day
    _letter(world, date(2012, 1, 1), date(2011, 12, 30))  # falls due the next year
    _letter(world, date(2011, 9, 22), None, kind=ClockKind.SETTLEMENT)  # another clock
    _letter(world, date(2011, 9, 22), date(2011, 9, 1), unit=world.chau_thanh_office)


def test_letters_handled_within_their_clock_match_a_recount(
    world: PetitionWorld, clocks: None
) -> None:
    office = world.province_office.pk
    found = _compute([office, world.chau_thanh_office.pk], 2011, date(2011, 12, 31))
    assert found[office] == Ratio(2, 4) == recount_letters(office, 2011, date(2011, 12, 31))
    assert found[world.chau_thanh_office.pk] == Ratio(1, 1)


def test_clocks_due_after_the_day_are_not_counted(world: PetitionWorld, clocks: None) -> None:
    office = world.province_office.pk
    as_of = date(2011, 9, 22)
    assert (
        _compute([office], 2011, as_of)[office]
        == Ratio(1, 2)
        == recount_letters(office, 2011, as_of)
    )


def test_a_book_without_clocks_has_no_figure(world: PetitionWorld, clocks: None) -> None:
    assert _compute([world.hoa_thanh_office.pk], 2011, date(2011, 12, 31)) == {}


def test_the_number_of_queries_does_not_grow_with_the_number_of_units(
    world: PetitionWorld, clocks: None
) -> None:
    units = [world.province_office.pk, *(u.pk for u in UnitFactory.create_batch(49))]

    def queries(ids: list[int]) -> int:
        with CaptureQueriesContext(connection) as captured:
            _compute(ids, 2011, date(2011, 12, 31))
        return len(captured)

    assert queries(units[:10]) == queries(units) == 1
