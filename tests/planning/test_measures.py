"""Planning's yearly measures, checked against a plain recount: the committee's programme
items done, and its weekly schedules published before their Monday (local time)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.emulation_recount import recount_programme, recount_schedules
from tests.support.factories import UnitFactory
from tests.support.planning import PlanWorld, programme_with_items, publish
from vanphong.core import yearly
from vanphong.core.yearly import Ratio
from vanphong.planning import services_programme, services_schedule
from vanphong.planning.measures import PROGRAMME_DONE, SCHEDULES_ON_TIME
from vanphong.planning.models import (
    ItemState,
    ProgrammeItem,
    ScheduleVersion,
    WorkProgramme,
)


def _compute(key: str, unit_ids: list[int], year: int, as_of: date) -> dict[int, Ratio]:
    measure = yearly.measure(key)
    assert measure is not None
    return dict(measure.compute(unit_ids, year, as_of))


def _items(programme: WorkProgramme) -> dict[str, ProgrammeItem]:
    return {item.content: item for item in programme.items.all()}


@pytest.fixture
def programme(world: PlanWorld) -> WorkProgramme:
    programme = programme_with_items(world)  # 2011: months 1, 2, 3, 5 and the second quarter
    services_programme.programme_approve(actor=world.chief, programme=programme)
    items = _items(programme)
    track = services_programme.programme_item_track
    track(
        actor=world.specialist,
        item=items["Tổng kết công tác năm 2010"],
        state=ItemState.DONE,
        done_on=date(2011, 1, 20),
    )
    track(
        actor=world.specialist,
        item=items["Lãnh đạo tổ chức bầu cử đại biểu Quốc hội"],
        state=ItemState.DROPPED,
        reason="Đã lồng ghép vào hội nghị tháng 3",
    )
    track(
        actor=world.specialist,
        item=items["Chỉ đạo ngày bầu cử 22/5"],
        state=ItemState.DONE,
        done_on=date(2011, 5, 22),
    )
    # A programme not approved yet is no one's measure.
    draft = services_programme.programme_create(
        actor=world.specialist, committee=world.province, body="conference", year=2011
    )
    services_programme.programme_item_add(
        actor=world.specialist,
        programme=draft,
        topic="Xây dựng Đảng",
        content="Nội dung chưa duyệt",
        body="conference",
        lead_unit=world.province_office,
        month=1,
    )
    return programme


def test_the_office_measures_its_committees_programme_done_of_the_items_not_dropped(
    world: PlanWorld, programme: WorkProgramme
) -> None:
    office, committee = world.province_office, world.province
    found = _compute(PROGRAMME_DONE, [office.pk, committee.pk], 2011, date(2011, 12, 31))
    # Done: January's and May's; not done: March's and the second quarter's; dropped: none.
    assert found[office.pk] == found[committee.pk] == Ratio(2, 4)
    assert recount_programme(office, 2011, date(2011, 12, 31)) == Ratio(2, 4)


def test_items_still_ahead_on_the_day_are_not_counted_nor_done_later(
    world: PlanWorld, programme: WorkProgramme
) -> None:
    office = world.province_office
    as_of = date(2011, 3, 15)  # March not over, May's done later
    assert _compute(PROGRAMME_DONE, [office.pk], 2011, as_of)[office.pk] == Ratio(1, 1)
    assert recount_programme(office, 2011, as_of) == Ratio(1, 1)
    # On the last day of March, March's item falls due.
    assert _compute(PROGRAMME_DONE, [office.pk], 2011, date(2011, 3, 31))[office.pk] == Ratio(1, 2)


def test_a_committee_without_a_programme_has_no_figure(
    world: PlanWorld, programme: WorkProgramme
) -> None:
    office = world.chau_thanh_office
    assert _compute(PROGRAMME_DONE, [office.pk], 2011, date(2011, 12, 31)) == {}
    assert recount_programme(office, 2011, date(2011, 12, 31)) == Ratio(0, 0)


def _week(world: PlanWorld, monday: date, published_at: datetime | None) -> None:
    version = world.week(monday)
    services_schedule.entry_add(
        actor=world.specialist, version=version, data=world.data(day=monday, room=None)
    )
    if published_at is not None:
        publish(world, version)
        ScheduleVersion.objects.filter(pk=version.pk).update(published_at=published_at)


@pytest.fixture
def weeks(world: PlanWorld) -> None:
    _week(world, date(2012, 2, 13), datetime(2012, 2, 10, 3, 0, tzinfo=UTC))  # Friday before
    _week(world, date(2012, 2, 20), datetime(2012, 2, 20, 0, 0, tzinfo=UTC))  # Monday 07:00
    _week(world, date(2012, 2, 27), datetime(2012, 2, 26, 16, 59, tzinfo=UTC))  # Sunday 23:59
    _week(world, date(2012, 3, 5), None)  # never published
    _week(world, date(2013, 1, 7), datetime(2013, 1, 1, 3, 0, tzinfo=UTC))  # another year


def test_a_schedule_published_on_its_monday_is_late_and_on_the_sunday_night_on_time(
    world: PlanWorld, weeks: None
) -> None:
    office = world.province_office
    found = _compute(SCHEDULES_ON_TIME, [office.pk], 2012, date(2012, 12, 31))
    assert found[office.pk] == Ratio(2, 4) == recount_schedules(office, 2012, date(2012, 12, 31))


def test_a_schedule_published_at_the_stroke_of_its_mondays_midnight_is_late(
    world: PlanWorld,
) -> None:
    _week(world, date(2012, 3, 12), datetime(2012, 3, 11, 16, 59, 59, tzinfo=UTC))  # Sun 23:59:59
    _week(world, date(2012, 3, 19), datetime(2012, 3, 18, 17, 0, tzinfo=UTC))  # Monday 00:00
    office = world.province_office
    found = _compute(SCHEDULES_ON_TIME, [office.pk], 2012, date(2012, 12, 31))
    assert found[office.pk] == Ratio(1, 2) == recount_schedules(office, 2012, date(2012, 12, 31))


def test_weeks_after_the_day_are_not_counted(world: PlanWorld, weeks: None) -> None:
    office = world.province_office
    as_of = date(2012, 2, 20)
    assert _compute(SCHEDULES_ON_TIME, [office.pk], 2012, as_of)[office.pk] == Ratio(1, 2)
    assert recount_schedules(office, 2012, as_of) == Ratio(1, 2)
    assert _compute(SCHEDULES_ON_TIME, [world.chau_thanh_office.pk], 2012, as_of) == {}


def _queries(key: str, unit_ids: list[int], year: int) -> int:
    with CaptureQueriesContext(connection) as queries:
        _compute(key, unit_ids, year, date(year, 12, 31))
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_number_of_units(
    world: PlanWorld, programme: WorkProgramme, weeks: None
) -> None:
    units = [
        world.province_office.pk,
        *(u.pk for u in UnitFactory.create_batch(49, parent=world.chau_thanh)),
    ]
    for key, year in ((PROGRAMME_DONE, 2011), (SCHEDULES_ON_TIME, 2012)):
        assert _queries(key, units[:10], year) == _queries(key, units, year)
