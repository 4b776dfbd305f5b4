"""The titles' conditions, quotas and vote thresholds, each at its boundary, and the law
version by date: checked from data (rankings built as plain rows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from tests.support.factories import UnitFactory
from vanphong.emulation.titles import (
    Facts,
    Title,
    check,
    check_unit,
    qualify,
    quota_check,
    title_named,
    titles_in_force,
    vote_check,
)
from vanphong.org.models import Unit

pytestmark = pytest.mark.django_db


@dataclass
class Row:
    unit: Unit
    total: Decimal
    rank: int | None
    tied: bool = False
    complete: bool = True


def _title(code: str, on: date = date(2012, 12, 31)) -> Title:
    found = title_named(titles_in_force(on), code)
    assert found is not None
    return found


def _by_code(checks: list) -> dict[str, bool]:  # type: ignore[type-arg]
    return {c.code: c.met for c in checks}


def test_the_titles_in_force_in_2012_are_the_four_unit_and_two_person_titles() -> None:
    titles = titles_in_force(date(2012, 12, 31))
    assert [(t.code, t.level) for t in titles] == [
        ("provincial_flag", "unit"),
        ("chairman_merit", "unit"),
        ("excellent_collective", "unit"),
        ("advanced_collective", "unit"),
        ("grassroots_fighter", "person"),
        ("advanced_worker", "person"),
    ]
    assert titles[0].name == "Cờ thi đua của Ủy ban nhân dân tỉnh"


def test_the_2022_law_applies_from_1_january_2024_and_not_the_day_before() -> None:
    before = _title("grassroots_fighter", date(2023, 12, 31))
    after = _title("grassroots_fighter", date(2024, 1, 1))
    assert before.vote_share == (2, 3)
    assert after.vote_share == (7, 10)
    assert after.quota == {"share_of": "advanced_worker", "max": 0.15}


def test_the_fighters_quota_starts_with_decree_91_of_2017() -> None:
    assert _title("grassroots_fighter", date(2017, 9, 30)).quota == {}
    assert _title("grassroots_fighter", date(2017, 10, 1)).quota["max"] == 0.15


def test_the_flag_needs_a_total_of_90_exactly_reached_and_the_first_rank() -> None:
    flag = _title("provincial_flag")
    unit = UnitFactory.create()
    at = check_unit(
        flag, Row(unit, Decimal("90.00"), 1), year=2012, pledge_titles=["provincial_flag"]
    )
    below = check_unit(
        flag, Row(unit, Decimal("89.99"), 1), year=2012, pledge_titles=["provincial_flag"]
    )
    assert all(c.met for c in at)
    assert _by_code(below)["total_at_least"] is False
    assert "89,99" in next(c.detail for c in below if c.code == "total_at_least")


def test_the_second_rank_does_not_take_the_flag() -> None:
    flag = _title("provincial_flag")
    unit = UnitFactory.create()
    second = check_unit(
        flag, Row(unit, Decimal("95"), 2), year=2012, pledge_titles=["provincial_flag"]
    )
    assert _by_code(second)["rank_at_most"] is False


def test_an_unpledged_unit_and_an_incomplete_scoring_fail_their_conditions() -> None:
    flag = _title("provincial_flag")
    unit = UnitFactory.create()
    found = check_unit(
        flag, Row(unit, Decimal("95"), 1, complete=False), year=2012, pledge_titles=None
    )
    assert _by_code(found)["pledged"] is False
    assert _by_code(found)["complete_scores"] is False


def test_a_pledge_for_the_flag_counts_for_the_lower_merit_but_not_the_reverse() -> None:
    flag, merit = _title("provincial_flag"), _title("chairman_merit")
    titles = titles_in_force(date(2012, 12, 31))
    unit = UnitFactory.create()
    row = Row(unit, Decimal("95"), 1)
    merit_checks = check_unit(
        merit, row, year=2012, pledge_titles=["provincial_flag"], titles=titles
    )
    flag_checks = check_unit(flag, row, year=2012, pledge_titles=["chairman_merit"], titles=titles)
    assert _by_code(merit_checks)["pledged"] is True
    assert _by_code(flag_checks)["pledged"] is False


def test_a_unit_with_the_flag_is_not_also_proposed_for_the_merit() -> None:
    merit = _title("chairman_merit")
    unit = UnitFactory.create()
    found = check_unit(
        merit,
        Row(unit, Decimal("95"), 1),
        year=2012,
        pledge_titles=["provincial_flag"],
        qualified=["provincial_flag"],
    )
    assert _by_code(found)["not_title"] is False


def test_a_fighter_needs_the_advanced_worker_title_of_the_same_year_and_an_initiative() -> None:
    fighter = _title("grassroots_fighter")
    held = {2012: frozenset({"advanced_worker"})}
    ok = check(fighter, Facts(year=2012, held=held, initiative=True))
    last_year_only = check(
        fighter, Facts(year=2012, held={2011: frozenset({"advanced_worker"})}, initiative=True)
    )
    no_initiative = check(fighter, Facts(year=2012, held=held, initiative=False))
    assert all(c.met for c in ok)
    assert _by_code(last_year_only)["held_title"] is False
    assert "2012" in last_year_only[0].detail
    assert _by_code(no_initiative)["initiative"] is False


def test_a_condition_the_code_does_not_know_fails_rather_than_passes() -> None:
    odd = Title("x", "X", "unit", "", ({"kind": "moon_phase"},), {}, {})
    assert [c.met for c in check(odd, Facts(year=2012))] == [False]


def test_the_vote_threshold_is_met_at_two_thirds_exactly_and_not_one_vote_below() -> None:
    flag = _title("provincial_flag")
    assert vote_check(flag, voters=9, votes_for=6).met
    below = vote_check(flag, voters=9, votes_for=5)
    assert not below.met
    assert "5/9" in below.detail
    assert "2/3" in below.detail


def test_the_2024_fighter_vote_needs_seventy_percent() -> None:
    fighter = _title("grassroots_fighter", date(2024, 12, 31))
    assert vote_check(fighter, voters=10, votes_for=7).met
    assert not vote_check(fighter, voters=10, votes_for=6).met


def test_the_flag_quota_is_one_per_bloc() -> None:
    flag = _title("provincial_flag")
    first = quota_check(flag, taken=0)
    assert first is not None
    assert first.met
    second = quota_check(flag, taken=1)
    assert second is not None
    assert not second.met


def test_the_fighters_share_is_fifteen_percent_of_the_advanced_workers_rounded_down() -> None:
    fighter = _title("grassroots_fighter", date(2024, 12, 31))
    seven = quota_check(fighter, taken=0, base=7)
    six = quota_check(fighter, taken=0, base=6)
    assert seven is not None
    assert seven.met
    assert six is not None
    assert not six.met


def test_qualifying_gives_the_flag_to_the_first_and_the_merit_to_the_next_with_the_minimum() -> (
    None
):
    titles = titles_in_force(date(2012, 12, 31))
    a, b, c, d = (UnitFactory.create() for _ in range(4))
    rows = [
        Row(a, Decimal("95"), 1),
        Row(b, Decimal("88"), 2),
        Row(c, Decimal("84"), 3),
        Row(d, Decimal("60"), 4),
    ]
    pledges = {u.pk: ["provincial_flag"] for u in (a, b, c, d)}
    lines = {line.unit: line for line in qualify(rows, year=2012, titles=titles, pledges=pledges)}
    assert lines[a].titles == ["provincial_flag", "excellent_collective", "advanced_collective"]
    assert lines[b].titles == ["chairman_merit", "excellent_collective", "advanced_collective"]
    assert lines[c].titles == ["excellent_collective", "advanced_collective"]
    assert lines[d].titles == []


def test_two_units_tied_first_both_miss_the_flag_for_the_council_to_decide() -> None:
    titles = titles_in_force(date(2012, 12, 31))
    a, b = UnitFactory.create(), UnitFactory.create()
    rows = [Row(a, Decimal("95"), 1, tied=True), Row(b, Decimal("95"), 1, tied=True)]
    pledges = {a.pk: ["provincial_flag"], b.pk: ["provincial_flag"]}
    lines = qualify(rows, year=2012, titles=titles, pledges=pledges)
    for line in lines:
        assert "provincial_flag" not in line.titles
        quota = [c for c in line.checks["provincial_flag"] if c.code == "quota"]
        assert "Đồng hạng" in quota[0].detail
