"""The head of a committee receives citizens at least one day a month, from 26/05/2014; the
Office's leaders see the months missed in their inbox."""

from __future__ import annotations

from datetime import date

from tests.support.petitions import PetitionWorld
from vanphong.core.inbox import Today, sections_for
from vanphong.core.workdays import WorkCalendar
from vanphong.org.models import Unit
from vanphong.petitions.models import ReceptionSession
from vanphong.petitions.reception_check import head_months, missed_months


def _head_session(
    world: PetitionWorld,
    day: date,
    *,
    unit: Unit | None = None,
    kind: str = "head",
    held: bool = True,
) -> None:
    ReceptionSession.objects.create(
        unit=unit or world.province_office,
        kind=kind,
        day=day,
        host=world.province_leader,
        held=held,
        created_by=world.province_reception,
    )


def _today(day: date) -> Today:
    return Today(day, WorkCalendar.load(date(day.year - 1, 12, 1), date(day.year, 12, 31)))


def test_no_month_before_the_rule_is_checked_and_each_month_after_it_is(
    world: PetitionWorld,
) -> None:
    _head_session(world, date(2014, 7, 10))
    _head_session(world, date(2014, 7, 24))
    checks = {c.month.month: c for c in head_months(world.province_office, 2014)}
    assert len(checks) == 12
    for month in range(1, 6):  # the rule came into force on 26/05/2014
        assert checks[month].required is None
        assert not checks[month].lacking
        assert checks[month].verdict == "chưa có quy định"
    assert checks[6].required == 1
    assert checks[6].held == 0
    assert checks[6].lacking
    assert checks[7].held == 2
    assert not checks[7].lacking
    assert checks[7].verdict == "đạt"
    assert checks[8].lacking


def test_a_year_before_the_rule_flags_nothing(world: PetitionWorld) -> None:
    checks = head_months(world.province, 2011)
    assert [c.required for c in checks] == [None] * 12
    assert not any(c.lacking for c in checks)


def test_only_held_head_sessions_of_the_committee_count(world: PetitionWorld) -> None:
    _head_session(world, date(2015, 3, 2), held=False)
    _head_session(world, date(2015, 3, 3), kind="regular")
    _head_session(world, date(2015, 3, 4), unit=world.chau_thanh_office)
    march = head_months(world.province, 2015)[2]
    assert march.held == 0
    assert march.lacking
    district = head_months(world.chau_thanh_office, 2015)[2]
    assert district.held == 1
    assert district.required == 1


def test_the_current_month_is_not_yet_lacking_and_later_months_are_not_listed(
    world: PetitionWorld,
) -> None:
    checks = head_months(world.province, 2015, today=date(2015, 4, 20))
    assert [c.month.month for c in checks] == [1, 2, 3, 4]
    assert checks[3].verdict == "đang trong tháng"
    assert not checks[3].lacking


def test_the_office_leader_sees_the_months_the_head_missed(world: PetitionWorld) -> None:
    for month in (1, 3):
        _head_session(world, date(2015, month, 12))
    shown = missed_months(world.province_office_leader, _today(date(2015, 5, 6)))
    assert [item.title[:13] for item in shown.items] == ["Tháng 02/2015", "Tháng 04/2015"]
    assert shown.count == 2
    assert all(item.late for item in shown.items)


def test_in_january_the_office_leader_sees_december_just_ended(world: PetitionWorld) -> None:
    shown = missed_months(world.province_office_leader, _today(date(2016, 1, 8)))
    assert [item.title[:13] for item in shown.items] == ["Tháng 12/2015"]


def test_before_the_rule_the_section_is_empty(world: PetitionWorld) -> None:
    shown = missed_months(world.province_office_leader, _today(date(2012, 11, 5)))
    assert shown.count == 0


def test_the_section_is_for_the_offices_leaders_only(world: PetitionWorld) -> None:
    def keys(person: object) -> list[str]:
        return [section.key for section, _ in sections_for(person, date(2015, 5, 6))]

    assert "reception_head_months" in keys(world.province_office_leader)
    assert "reception_head_months" in keys(world.chau_thanh_office_leader)
    assert "reception_head_months" not in keys(world.province_reception)
    assert "reception_head_months" not in keys(world.province_leader)
