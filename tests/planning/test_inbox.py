"""The planning section of the home page's inbox: today's and tomorrow's entries of published
weeks that the person attends or their units attend or prepare; a secret entry only to who
may read it."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from tests.support.planning import MONDAY, PlanWorld, build_world, publish
from vanphong.core.inbox import Today
from vanphong.core.workdays import WorkCalendar
from vanphong.org.models import Clearance, Person
from vanphong.planning import services_schedule
from vanphong.planning.inbox import my_entries


@pytest.fixture
def world(db: None) -> PlanWorld:
    return build_world()


def today(day: date = MONDAY) -> Today:
    return Today(day, WorkCalendar.load(day))


def titles(person: Person, day: date = MONDAY) -> list[str]:
    return [item.title for item in my_entries(person, today(day)).items]


def week_with_entries(world: PlanWorld) -> None:
    version = world.week()
    add = services_schedule.entry_add
    add(actor=world.specialist, version=version, data=world.data(content="Họp Thường trực"))
    add(
        actor=world.specialist,
        version=version,
        data=world.data(
            day=MONDAY + timedelta(days=1),
            content="Làm việc với Huyện ủy Châu Thành",
            room=None,
            units=[world.chau_thanh],
        ),
    )
    add(
        actor=world.specialist,
        version=version,
        data=world.data(day=MONDAY + timedelta(days=2), content="Tiếp công dân", room=None),
    )
    add(
        actor=world.specialist,
        version=version,
        data=world.data(
            session="afternoon",
            starts_at=time(14, 0),
            content="Bàn công tác nhân sự tuyệt mật",
            leaders=[world.deputy],
            room=world.small_room,
            units=[world.province_office],
            confidentiality=Clearance.TOP_SECRET,
        ),
    )
    publish(world, version)


def test_a_leader_sees_today_and_tomorrow_that_they_attend(world: PlanWorld) -> None:
    week_with_entries(world)
    assert titles(world.secretary) == ["Họp Thường trực", "Làm việc với Huyện ủy Châu Thành"]
    assert titles(world.secretary, MONDAY + timedelta(days=1)) == [
        "Làm việc với Huyện ủy Châu Thành",
        "Tiếp công dân",
    ]


def test_a_unit_sees_the_entries_it_attends(world: PlanWorld) -> None:
    week_with_entries(world)
    assert titles(world.chau_thanh_clerk) == ["Làm việc với Huyện ủy Châu Thành"]
    assert titles(world.hoa_thanh_clerk) == []


def test_a_secret_entry_is_neither_listed_nor_counted_for_someone_not_cleared(
    world: PlanWorld,
) -> None:
    week_with_entries(world)
    shown = my_entries(world.province_clerk, today())  # of the Office, cleared for Mật only
    assert shown.count == 0
    assert titles(world.deputy) == ["Bàn công tác nhân sự tuyệt mật"]  # attending
    assert "Bàn công tác nhân sự tuyệt mật" in titles(world.chief)  # Office leader, Tối mật


def test_a_week_not_yet_published_is_not_shown(world: PlanWorld) -> None:
    version = world.week()
    services_schedule.entry_add(actor=world.specialist, version=version, data=world.data())
    assert my_entries(world.secretary, today()).count == 0
