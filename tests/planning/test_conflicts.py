"""The conflict engine read directly: what overlaps, which clashes it finds (a leader elsewhere,
the room taken, a day off), what it says of the other entry to whom, and which clashes of a
version are still unresolved."""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.planning import MONDAY, PlanWorld
from vanphong.org.models import Clearance
from vanphong.planning import services_schedule
from vanphong.planning.conflicts import Conflict, conflicts, unresolved
from vanphong.planning.models import Entry, ScheduleVersion

SECRET = "Bàn phương án nhân sự (mật)"


def add(world: PlanWorld, version: ScheduleVersion, **changes: Any) -> Entry:
    overrides = changes.pop("overrides", None)
    return services_schedule.entry_add(
        actor=world.specialist, version=version, data=world.data(**changes), overrides=overrides
    )


def office_week(world: PlanWorld) -> ScheduleVersion:
    return services_schedule.schedule_open(
        actor=world.specialist, committee=world.province, kind="office", day=MONDAY
    )


def kinds(found: list[Conflict]) -> list[str]:
    return sorted(conflict.kind for conflict in found)


def test_a_leader_taken_elsewhere_at_the_same_time_is_a_leader_clash_naming_the_other_entry(
    world: PlanWorld,
) -> None:
    version = world.week()
    other = add(world, version, content="Tiếp đoàn công tác Trung ương")
    [found] = conflicts(
        version, world.data(room=world.small_room), reader=world.specialist, itself=None
    )
    assert found.kind == "leader"
    assert found.subject == str(other.lineage)
    assert found.other == other
    assert "Nguyễn Bí Thư" in found.message
    assert "Tiếp đoàn công tác Trung ương" in found.message


def test_the_same_room_at_the_same_time_is_a_room_clash_even_with_other_leaders(
    world: PlanWorld,
) -> None:
    version = world.week()
    other = add(world, version)
    [found] = conflicts(
        version, world.data(leaders=[world.deputy]), reader=world.specialist, itself=None
    )
    assert found.kind == "room"
    assert found.subject == str(other.lineage)
    assert "Hội trường A" in found.message


def test_the_same_leader_in_the_same_room_is_two_clashes(world: PlanWorld) -> None:
    version = world.week()
    add(world, version)
    found = conflicts(version, world.data(), reader=world.specialist, itself=None)
    assert kinds(found) == ["leader", "room"]


def test_other_leaders_in_another_room_do_not_clash(world: PlanWorld) -> None:
    version = world.week()
    add(world, version)
    data = world.data(leaders=[world.deputy], room=world.small_room)
    assert conflicts(version, data, reader=world.specialist, itself=None) == []


@pytest.mark.parametrize(
    ("changes", "clash"),
    [
        ({"session": "afternoon", "starts_at": time(14, 0)}, False),
        ({"day": date(2012, 2, 14)}, False),
        # The first entry has no end: it is taken to last 90 minutes, until 9:30.
        ({"starts_at": time(9, 20)}, True),
        ({"starts_at": time(9, 30)}, False),
        # With no time at all an entry takes its whole session.
        ({"starts_at": None}, True),
    ],
)
def test_only_entries_overlapping_in_day_session_and_time_clash(
    world: PlanWorld, changes: dict[str, Any], clash: bool
) -> None:
    version = world.week()
    add(world, version)  # Monday morning from 8:00, no end
    found = conflicts(version, world.data(**changes), reader=world.specialist, itself=None)
    assert bool(found) is clash


def test_entries_that_only_touch_do_not_clash(world: PlanWorld) -> None:
    version = world.week()
    add(world, version, starts_at=time(8, 0), ends_at=time(9, 0))
    data = world.data(starts_at=time(9, 0), ends_at=time(10, 0))
    assert conflicts(version, data, reader=world.specialist, itself=None) == []
    data = world.data(starts_at=time(8, 59), ends_at=time(10, 0))
    assert kinds(conflicts(version, data, reader=world.specialist, itself=None)) == [
        "leader",
        "room",
    ]


def test_an_entry_does_not_clash_with_itself_when_it_is_edited(world: PlanWorld) -> None:
    version = world.week()
    entry = add(world, version)
    data = world.data(starts_at=time(8, 30))
    assert conflicts(version, data, reader=world.specialist, itself=entry) == []
    assert kinds(conflicts(version, data, reader=world.specialist, itself=None)) == [
        "leader",
        "room",
    ]


def test_a_public_holiday_is_a_clash_on_its_day(world: PlanWorld) -> None:
    tet = date(2012, 1, 23)
    version = services_schedule.schedule_open(
        actor=world.specialist, committee=world.province, kind="leaders", day=tet
    )
    [found] = conflicts(version, world.data(day=tet), reader=world.specialist, itself=None)
    assert (found.kind, found.subject, found.other) == ("holiday", "2012-01-23", None)
    assert "23/01/2012" in found.message


def test_a_clash_with_another_schedule_of_the_week_is_found(world: PlanWorld) -> None:
    other = add(world, office_week(world), content="Làm việc với Văn phòng")
    [found, room] = sorted(
        conflicts(world.week(), world.data(), reader=world.specialist, itself=None),
        key=lambda c: c.kind,
    )
    assert (found.kind, found.other, room.kind) == ("leader", other, "room")


def test_the_published_version_being_amended_is_not_a_clash_with_its_own_copy(
    world: PlanWorld,
) -> None:
    version = world.week()
    add(world, version)
    services_schedule.schedule_approve(actor=world.chief, version=version)
    services_schedule.schedule_publish(actor=world.chief, version=version)
    amendment = services_schedule.schedule_amend(actor=world.chief, version=version, note="Đổi giờ")
    copy = amendment.entries.get()
    data = world.data(starts_at=time(8, 30))
    assert conflicts(amendment, data, reader=world.specialist, itself=copy) == []
    # A new entry clashes with the copy once — not again with the version it replaces.
    found = conflicts(amendment, data, reader=world.specialist, itself=None)
    assert kinds(found) == ["leader", "room"]
    assert {c.other for c in found} == {copy}


def test_a_week_still_being_compiled_is_named_only_busy_to_whoever_may_not_open_it(
    world: PlanWorld,
) -> None:
    version = world.week()
    add(world, version, content="Làm việc với Ban Tổ chức")
    data = world.data(room=world.small_room)
    [to_compiler] = conflicts(version, data, reader=world.specialist, itself=None)
    [to_leader] = conflicts(version, data, reader=world.secretary, itself=None)
    [to_clerk] = conflicts(version, data, reader=world.chau_thanh_clerk, itself=None)
    [to_nobody] = conflicts(version, data, reader=None, itself=None)
    assert "Làm việc với Ban Tổ chức" in to_compiler.message
    assert "Làm việc với Ban Tổ chức" in to_leader.message
    for message in (to_clerk.message, to_nobody.message):
        assert "Làm việc với Ban Tổ chức" not in message
        assert message.endswith("Bận.")


def test_a_published_entry_is_named_to_everyone_but_a_secret_one_only_to_the_cleared(
    world: PlanWorld,
) -> None:
    version = world.week()
    add(world, version, content="Dự lễ khánh thành")
    add(world, version, day=date(2012, 2, 14), content=SECRET, confidentiality=Clearance.SECRET)
    services_schedule.schedule_approve(actor=world.chief, version=version)
    services_schedule.schedule_publish(actor=world.chief, version=version)
    office = office_week(world)
    public = world.data(room=world.small_room)
    secret = world.data(room=world.small_room, day=date(2012, 2, 14))
    [seen] = conflicts(office, public, reader=world.chau_thanh_clerk, itself=None)
    assert "Dự lễ khánh thành" in seen.message
    [hidden] = conflicts(office, secret, reader=world.chau_thanh_clerk, itself=None)
    assert SECRET not in hidden.message
    assert "Bận (nội dung mật)" in hidden.message
    [cleared] = conflicts(office, secret, reader=world.specialist, itself=None)
    assert SECRET in cleared.message


def test_a_version_without_entries_has_nothing_unresolved(world: PlanWorld) -> None:
    assert unresolved(world.week(), reader=world.chief) == []


def test_a_clash_kept_with_a_reason_on_either_entry_is_resolved_and_one_without_is_not(
    world: PlanWorld,
) -> None:
    version = world.week()
    first = add(world, version)
    add(
        world,
        version,
        room=world.small_room,
        content="Dự khai mạc lớp bồi dưỡng",
        overrides={f"leader:{first.lineage}": "Dự 15 phút đầu"},
    )
    assert unresolved(version, reader=world.chief) == []
    # The office's week then takes the secretary at another time, with a reason on its side.
    later = add(world, version, day=date(2012, 2, 17), room=None)
    elsewhere = services_schedule.entry_add(
        actor=world.specialist,
        version=office_week(world),
        data=world.data(day=date(2012, 2, 17), room=None, content="Làm việc với Sở"),
        overrides={f"leader:{later.lineage}": "Báo cáo ngắn"},
    )
    assert unresolved(version, reader=world.chief) == []
    elsewhere.overrides.all().delete()
    [(entry, conflict)] = unresolved(version, reader=world.chief)
    assert (entry, conflict.kind, conflict.other) == (later, "leader", elsewhere)


def test_finding_a_versions_open_clashes_takes_as_many_queries_for_ten_entries_as_for_two(
    world: PlanWorld,
) -> None:
    def queries(count: int, monday: date) -> int:
        version = world.week(monday)
        for offset in range(count):
            add(
                world,
                version,
                day=monday + timedelta(days=offset % 5),
                session="morning" if offset < 5 else "afternoon",
                starts_at=None,
                room=None,
                leaders=[world.secretary, world.deputy][offset % 2 :],
            )
        with CaptureQueriesContext(connection) as captured:
            assert unresolved(version, reader=world.chief) == []
        return len(captured)

    assert queries(2, MONDAY) == queries(10, date(2012, 2, 20))
