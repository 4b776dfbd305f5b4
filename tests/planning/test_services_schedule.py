"""Compiling, checking, approving, publishing and amending a week."""

from __future__ import annotations

from datetime import date, time

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.support.planning import MONDAY, PlanWorld, publish
from vanphong.core.models import AuditEvent, CalendarDay, Notification
from vanphong.planning import conflicts, services, services_schedule
from vanphong.planning.changes import compare
from vanphong.planning.conflicts import ConflictError
from vanphong.planning.models import Entry, ScheduleVersion, VersionStatus


def test_opening_a_week_starts_version_one_on_its_monday_with_the_usual_title(
    world: PlanWorld,
) -> None:
    version = world.week(date(2012, 2, 16))
    assert version.number == 1
    assert version.status == VersionStatus.DRAFT
    assert version.schedule.monday == MONDAY
    assert (version.schedule.year, version.schedule.week) == (2012, 7)
    assert version.schedule.title == "LỊCH CÔNG TÁC TUẦN CỦA THƯỜNG TRỰC TỈNH ỦY TÂY NINH"


def test_opening_the_same_week_again_returns_the_draft_instead_of_a_second_one(
    world: PlanWorld,
) -> None:
    assert world.week() == world.week(date(2012, 2, 19))


def test_only_the_office_of_the_committee_compiles(world: PlanWorld) -> None:
    for outsider in (world.chau_thanh_clerk, world.secretary, world.province_admin):
        with pytest.raises(PermissionDenied):
            services_schedule.schedule_open(
                actor=outsider, committee=world.province, kind="leaders", day=MONDAY
            )


def test_an_entry_is_saved_with_its_leaders_room_and_an_audit_event(world: PlanWorld) -> None:
    version = world.week()
    entry = services_schedule.entry_add(
        actor=world.specialist, version=version, data=world.data(leaders=[world.secretary])
    )
    assert [a.person for a in entry.attendance.all()] == [world.secretary]
    assert entry.attendance.get().day == MONDAY
    event = AuditEvent.objects.get(action="schedule.entry_add")
    assert event.after is not None
    assert event.after["leaders"] == [world.secretary.pk]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"starts_at": time(10, 0), "ends_at": time(9, 0)}, "ends_at"),
        ({"session": "afternoon", "starts_at": time(8, 0)}, "starts_at"),
        ({"session": "morning", "starts_at": time(13, 30)}, "starts_at"),
        ({"day": date(2012, 2, 20)}, "day"),
        ({"content": "   "}, "content"),
        ({"ends_at": time(9, 0), "starts_at": None}, "starts_at"),
    ],
)
def test_bad_input_is_refused_on_its_field_and_nothing_is_saved(
    world: PlanWorld, changes: dict[str, object], field: str
) -> None:
    version = world.week()
    with pytest.raises(ValidationError) as refused:
        services_schedule.entry_add(
            actor=world.specialist, version=version, data=world.data(**changes)
        )
    assert field in refused.value.message_dict
    assert not Entry.objects.exists()


def test_a_compiler_cannot_write_an_entry_above_their_clearance(world: PlanWorld) -> None:
    version = world.week()
    services_schedule.entry_add(
        actor=world.specialist, version=version, data=world.data(confidentiality=2)
    )
    with pytest.raises(ValidationError) as refused:
        services_schedule.entry_add(
            actor=world.province_clerk,
            version=version,
            data=world.data(confidentiality=2, day=date(2012, 2, 14)),
        )
    assert "confidentiality" in refused.value.message_dict


def test_a_room_of_another_committee_is_unknown(world: PlanWorld) -> None:
    other = services.room_create(
        actor=world.p.chau_thanh_clerk, committee=world.chau_thanh, name="Hội trường huyện"
    )
    with pytest.raises(ValidationError) as refused:
        services_schedule.entry_add(
            actor=world.specialist, version=world.week(), data=world.data(room=other)
        )
    assert "room" in refused.value.message_dict


def test_a_person_who_is_not_a_leader_of_the_committee_is_refused(world: PlanWorld) -> None:
    with pytest.raises(ValidationError) as refused:
        services_schedule.entry_add(
            actor=world.specialist,
            version=world.week(),
            data=world.data(leaders=[world.chau_thanh_clerk]),
        )
    assert "leaders" in refused.value.message_dict


def test_a_leader_in_two_places_at_once_is_a_conflict_naming_the_other_entry(
    world: PlanWorld,
) -> None:
    version = world.week()
    first = services_schedule.entry_add(actor=world.specialist, version=version, data=world.data())
    with pytest.raises(ConflictError) as clash:
        services_schedule.entry_add(
            actor=world.specialist,
            version=version,
            data=world.data(starts_at=time(9, 0), room=world.small_room, content="Tiếp khách"),
        )
    [conflict] = clash.value.conflicts
    assert conflict.kind == "leader"
    assert conflict.other == first
    assert "Nguyễn Bí Thư" in conflict.message
    assert Entry.objects.count() == 1


def test_entries_of_the_same_leader_that_do_not_overlap_are_not_a_conflict(
    world: PlanWorld,
) -> None:
    version = world.week()
    services_schedule.entry_add(actor=world.specialist, version=version, data=world.data())
    services_schedule.entry_add(
        actor=world.specialist,
        version=version,
        data=world.data(starts_at=time(10, 0), room=world.small_room),
    )
    assert Entry.objects.count() == 2


def test_a_room_booked_twice_is_a_conflict(world: PlanWorld) -> None:
    version = world.week()
    services_schedule.entry_add(actor=world.specialist, version=version, data=world.data())
    with pytest.raises(ConflictError) as clash:
        services_schedule.entry_add(
            actor=world.specialist, version=version, data=world.data(leaders=[world.deputy])
        )
    assert [c.kind for c in clash.value.conflicts] == ["room"]


def test_a_conflict_with_another_committees_schedule_is_found_too(world: PlanWorld) -> None:
    office_week = services_schedule.schedule_open(
        actor=world.specialist, committee=world.province, kind="office", day=MONDAY
    )
    services_schedule.entry_add(actor=world.specialist, version=office_week, data=world.data())
    with pytest.raises(ConflictError):
        services_schedule.entry_add(actor=world.specialist, version=world.week(), data=world.data())


def test_a_conflict_kept_with_a_reason_is_saved_with_the_reason(world: PlanWorld) -> None:
    version = world.week()
    first = services_schedule.entry_add(actor=world.specialist, version=version, data=world.data())
    second = services_schedule.entry_add(
        actor=world.specialist,
        version=version,
        data=world.data(room=world.small_room, content="Dự khai mạc lớp bồi dưỡng"),
        overrides={f"leader:{first.lineage}": "Bí thư dự 15 phút đầu"},
    )
    assert second.overrides.get().reason == "Bí thư dự 15 phút đầu"
    event = AuditEvent.objects.filter(action="schedule.entry_add").latest("seq")
    assert event.after is not None
    assert event.after["conflicts_kept"] == [
        {"kind": "leader", "subject": str(first.lineage), "reason": "Bí thư dự 15 phút đầu"}
    ]


def test_an_entry_on_a_holiday_is_a_conflict(world: PlanWorld) -> None:
    version = services_schedule.schedule_open(
        actor=world.specialist, committee=world.province, kind="leaders", day=date(2012, 1, 23)
    )
    with pytest.raises(ConflictError) as clash:
        services_schedule.entry_add(
            actor=world.specialist, version=version, data=world.data(day=date(2012, 1, 23))
        )
    assert [c.kind for c in clash.value.conflicts] == ["holiday"]


def test_only_the_office_leader_approves(world: PlanWorld) -> None:
    version = world.week()
    services_schedule.entry_add(actor=world.specialist, version=version, data=world.data())
    for outsider in (world.specialist, world.secretary):
        with pytest.raises(PermissionDenied):
            services_schedule.schedule_approve(actor=outsider, version=version)


def test_approval_is_refused_while_a_later_clash_is_not_resolved(world: PlanWorld) -> None:
    version = world.week()
    services_schedule.entry_add(actor=world.specialist, version=version, data=world.data())
    # The day is declared a day off after the entry was written.
    CalendarDay.objects.create(day=MONDAY, is_working=False, name="Nghỉ bù")
    with pytest.raises(ConflictError) as clash:
        services_schedule.schedule_approve(actor=world.chief, version=version)
    assert [c.kind for c in clash.value.conflicts] == ["holiday"]
    assert ScheduleVersion.objects.get(pk=version.pk).status == VersionStatus.DRAFT


def test_a_clash_kept_with_a_reason_on_one_entry_does_not_block_the_other(
    world: PlanWorld,
) -> None:
    leaders_week = world.week()
    first = services_schedule.entry_add(
        actor=world.specialist, version=leaders_week, data=world.data()
    )
    office_week = services_schedule.schedule_open(
        actor=world.specialist, committee=world.province, kind="office", day=MONDAY
    )
    services_schedule.entry_add(
        actor=world.specialist,
        version=office_week,
        data=world.data(leaders=[], content="Hội nghị cán bộ Văn phòng"),
        overrides={f"room:{first.lineage}": "Dùng chung hội trường"},
    )
    services_schedule.schedule_approve(actor=world.chief, version=leaders_week)
    services_schedule.schedule_approve(actor=world.chief, version=office_week)
    # Editing the first entry later does not ask again for what the other side accepted.
    services_schedule.schedule_return(
        actor=world.chief, version=leaders_week, reason="Thêm ghi chú"
    )
    services_schedule.entry_update(
        actor=world.specialist, entry=first, data=world.data(note="Mời Ban Tổ chức")
    )


def test_a_published_version_cannot_be_edited(world: PlanWorld) -> None:
    version = world.week()
    entry = services_schedule.entry_add(actor=world.specialist, version=version, data=world.data())
    publish(world, version)
    with pytest.raises(ValidationError):
        services_schedule.entry_update(
            actor=world.specialist, entry=entry, data=world.data(note="x")
        )
    with pytest.raises(ValidationError):
        services_schedule.entry_remove(actor=world.specialist, entry=entry)


def test_publishing_needs_an_approved_version(world: PlanWorld) -> None:
    version = world.week()
    services_schedule.entry_add(actor=world.specialist, version=version, data=world.data())
    with pytest.raises(ValidationError):
        services_schedule.schedule_publish(actor=world.chief, version=version)


def test_an_amendment_copies_the_week_and_marks_what_changed(world: PlanWorld) -> None:
    version = world.week()
    kept = services_schedule.entry_add(actor=world.specialist, version=version, data=world.data())
    moved = services_schedule.entry_add(
        actor=world.specialist,
        version=version,
        data=world.data(day=date(2012, 2, 16), content="Hội nghị sơ kết Văn phòng"),
    )
    dropped = services_schedule.entry_add(
        actor=world.specialist,
        version=version,
        data=world.data(day=date(2012, 2, 17), content="Làm việc với Huyện ủy"),
    )
    publish(world, version)

    amendment = services_schedule.schedule_amend(
        actor=world.specialist, version=version, note="Hội nghị lùi sang buổi chiều"
    )
    copies = {e.lineage: e for e in amendment.entries.all()}
    assert set(copies) == {kept.lineage, moved.lineage, dropped.lineage}
    services_schedule.entry_update(
        actor=world.specialist,
        entry=copies[moved.lineage],
        data=world.data(
            day=date(2012, 2, 16),
            session="afternoon",
            starts_at=time(14, 0),
            content="Hội nghị sơ kết Văn phòng",
        ),
    )
    services_schedule.entry_remove(actor=world.specialist, entry=copies[dropped.lineage])
    publish(world, amendment)

    version.refresh_from_db()
    assert version.status == VersionStatus.SUPERSEDED
    changes = compare(version, amendment)
    assert changes.changed == {moved.lineage}
    assert [e.lineage for e in changes.removed] == [dropped.lineage]
    assert not changes.added


def test_attendees_of_a_changed_entry_are_told_once(world: PlanWorld) -> None:
    version = world.week()
    entry = services_schedule.entry_add(actor=world.specialist, version=version, data=world.data())
    services_schedule.entry_add(
        actor=world.specialist,
        version=version,
        data=world.data(day=date(2012, 2, 15), leaders=[world.deputy]),
    )
    publish(world, version)
    amendment = services_schedule.schedule_amend(
        actor=world.specialist, version=version, note="Đổi giờ"
    )
    copy = amendment.entries.get(lineage=entry.lineage)
    services_schedule.entry_update(
        actor=world.specialist, entry=copy, data=world.data(starts_at=time(9, 30))
    )
    publish(world, amendment)
    told = Notification.objects.values_list("person__username", flat=True)
    assert list(told) == ["bithu"]  # the deputy's entry did not change


def test_amending_an_unpublished_or_superseded_version_is_refused(world: PlanWorld) -> None:
    version = world.week()
    services_schedule.entry_add(actor=world.specialist, version=version, data=world.data())
    with pytest.raises(ValidationError, match="chưa phát hành"):
        services_schedule.schedule_amend(actor=world.specialist, version=version, note="Sửa")
    publish(world, version)
    amendment = services_schedule.schedule_amend(
        actor=world.specialist, version=version, note="Sửa"
    )
    publish(world, amendment)
    with pytest.raises(ValidationError, match="đã được thay thế"):
        services_schedule.schedule_amend(
            actor=world.specialist, version=version, note="Sửa lần nữa"
        )


def test_an_amendment_needs_a_reason(world: PlanWorld) -> None:
    version = world.week()
    services_schedule.entry_add(actor=world.specialist, version=version, data=world.data())
    publish(world, version)
    with pytest.raises(ValidationError):
        services_schedule.schedule_amend(actor=world.specialist, version=version, note=" ")
    assert ScheduleVersion.objects.count() == 1


def test_an_approved_version_returned_by_the_approver_is_a_draft_again(
    world: PlanWorld,
) -> None:
    version = world.week()
    services_schedule.entry_add(actor=world.specialist, version=version, data=world.data())
    services_schedule.schedule_approve(actor=world.chief, version=version)
    services_schedule.schedule_return(
        actor=world.chief, version=version, reason="Thiếu lịch chiều thứ Ba"
    )
    version.refresh_from_db()
    assert version.status == VersionStatus.DRAFT
    assert version.approved_by is None


def test_the_conflict_lookups_go_through_the_leader_day_and_room_day_indexes(
    world: PlanWorld,
) -> None:
    from django.db import connection

    from vanphong.planning.models import EntryLeader

    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL plans a sequential scan on a table this small; see the bench")
    version = world.week()
    leader_query = EntryLeader.objects.filter(
        conflicts._live(version, "entry__"), person_id__in=[world.secretary.pk], day__in=[MONDAY]
    ).values_list("entry_id", flat=True)
    room_query = Entry.objects.filter(
        conflicts._live(version), room_id__in=[world.hall.pk], day__in=[MONDAY]
    ).values_list("pk", flat=True)
    plans = []
    for query in (leader_query, room_query):
        sql, params = query.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            plans.append(" ".join(str(row[-1]) for row in cursor.fetchall()))
    assert "USING INDEX planning_leader_day (person_id=? AND day=?)" in plans[0]
    assert "USING INDEX planning_entry_room_day (room_id=? AND day=?)" in plans[1]
    assert "SCAN planning_entry" not in " ".join(plans)
