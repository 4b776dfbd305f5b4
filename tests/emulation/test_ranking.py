"""The bloc's ranking at its boundaries: ties, missing rounds, units with nothing scored."""

from __future__ import annotations

from decimal import Decimal

from pytest_django import DjangoAssertNumQueries

from tests.support.emulation import (
    EmulationWorld,
    full,
    measurement_rows,
    sheet_rows,
    world,
)
from vanphong.emulation.models import Round
from vanphong.emulation.ranking import bloc_ranking, differences, round_totals, unit_profile

__all__ = ["world"]


def test_the_total_adds_measured_assessed_and_bonus_and_takes_off_the_penalty(
    world: EmulationWorld,
) -> None:
    unit = world.members[0]
    measurement_rows(world, unit, "9.00")
    sheet_rows(world, unit, Round.SELF, full("18", "9", bonus="2", penalty="1"))
    row = bloc_ranking(world.movement).row_for(unit.id)
    assert row is not None
    assert (row.measured, row.assessed, row.bonus, row.penalty) == (
        Decimal("9.00"),
        Decimal("27"),
        Decimal("2"),
        Decimal("1"),
    )
    assert row.total == Decimal("37")
    assert row.round == Round.SELF
    assert row.rank == 1
    assert not row.complete


def test_equal_totals_share_a_rank_and_the_next_rank_is_skipped(world: EmulationWorld) -> None:
    a, b, c, d = world.members
    sheet_rows(world, a, Round.SELF, full("15", "5"))
    sheet_rows(world, b, Round.SELF, full("20", "0"))
    sheet_rows(world, c, Round.SELF, full("10", "5"))
    sheet_rows(world, d, Round.SELF, full("20", "10"))
    ranking = bloc_ranking(world.movement)
    assert [(row.unit, row.rank, row.tied) for row in ranking.rows] == [
        (d, 1, False),
        (a, 2, True),
        (b, 2, True),
        (c, 4, False),
    ]


def test_a_unit_without_a_council_sheet_is_ranked_on_its_bloc_round(
    world: EmulationWorld,
) -> None:
    a, b, c, _d = world.members
    sheet_rows(world, a, Round.SELF, full("20", "10"))
    sheet_rows(world, a, Round.BLOC, full("16", "8"), reviewer=b)
    sheet_rows(world, a, Round.BLOC, full("17", "8"), reviewer=c)
    sheet_rows(world, b, Round.SELF, full("20", "10"))
    sheet_rows(world, b, Round.COUNCIL, full("19", "10"))
    ranking = bloc_ranking(world.movement)
    row_a, row_b = ranking.row_for(a.id), ranking.row_for(b.id)
    assert row_a is not None
    assert row_b is not None
    assert row_a.round == Round.BLOC
    assert row_a.assessed == Decimal("24.50")  # the mean of the two members' sheets
    assert row_b.round == Round.COUNCIL
    assert row_b.complete
    assert [row.unit for row in ranking.rows[:2]] == [b, a]


def test_a_unit_with_nothing_scored_comes_last_unranked_even_with_measured_points(
    world: EmulationWorld,
) -> None:
    a, b, c, d = world.members
    measurement_rows(world, d, "10.00")
    sheet_rows(world, a, Round.SELF, full("0", "0"))
    sheet_rows(world, b, Round.SELF, full("1", "0"), submitted=False)
    ranking = bloc_ranking(world.movement)
    assert [row.unit for row in ranking.rows] == [a, b, c, d]
    assert [row.rank for row in ranking.rows] == [1, None, None, None]
    assert ranking.rows[3].measured == Decimal("10.00")


def test_the_ranking_reads_in_a_fixed_number_of_queries(
    world: EmulationWorld, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    for unit in world.members:
        measurement_rows(world, unit, "8")
        sheet_rows(world, unit, Round.SELF, full("10", "5"))
    with django_assert_num_queries(4):
        bloc_ranking(world.movement)


def test_round_totals_name_every_round_and_none_where_nothing_was_submitted(
    world: EmulationWorld,
) -> None:
    a, b = world.members[:2]
    sheet_rows(world, a, Round.SELF, full("20", "10", bonus="5"))
    sheet_rows(world, a, Round.BLOC, full("18", "10", bonus="5"), reviewer=b)
    assert round_totals(world.movement, a) == {
        "self": Decimal("35"),
        "bloc": Decimal("33.00"),
        "council": None,
    }


def test_differences_name_the_criterion_the_round_and_the_reason(world: EmulationWorld) -> None:
    a, b = world.members[:2]
    sheet_rows(world, a, Round.SELF, full("20", "10"))
    sheet_rows(
        world, a, Round.BLOC, full("18", "10"), reviewer=b, reasons={"1.2": "Thiếu biên bản"}
    )
    sheet_rows(world, a, Round.COUNCIL, full("18", "9"), reasons={"2.1": "Chậm báo cáo"})
    found = [
        (d.criterion.code, d.round, d.previous, d.points, d.reason)
        for d in differences(world.movement, a)
    ]
    assert found == [
        ("1.2", "bloc", Decimal("20.00"), Decimal("18.00"), "Thiếu biên bản"),
        ("2.1", "council", Decimal("10.00"), Decimal("9.00"), "Chậm báo cáo"),
    ]


def test_the_profile_shows_each_group_against_its_maximum(world: EmulationWorld) -> None:
    a = world.members[0]
    measurement_rows(world, a, "7.5")
    sheet_rows(world, a, Round.SELF, full("15", "6", bonus="1", penalty="2"))
    figures = [(f.group.code, f.points, f.max_points) for f in unit_profile(world.movement, a)]
    assert figures == [("I", Decimal("22.50"), Decimal("30")), ("II", Decimal("7"), Decimal("10"))]


def test_each_row_carries_its_round_totals_and_how_many_criteria_changed(
    world: EmulationWorld,
) -> None:
    a, b = world.members[:2]
    sheet_rows(world, a, Round.SELF, full("20", "10"))
    sheet_rows(world, a, Round.BLOC, full("18", "9"), reviewer=b)
    row = bloc_ranking(world.movement).row_for(a.id)
    assert row is not None
    assert row.totals == {"self": Decimal("30"), "bloc": Decimal("27.00"), "council": None}
    assert row.changes == 2
