"""The demo's plans and schedules: the provincial Standing Committee's 2011 work programme as
it went (done, moved, postponed, dropped), the 2012 programme and February's plan, and the
week of 13–19 February 2012 with the Office review conference on the afternoon of the 16th
(Báo Tây Ninh, 17/02/2012), published and then amended once.

Everything goes through the services, so it is audited and checked for clashes like a real
week; afterwards the approval and publication times are put back in 2011–2012.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from vanphong.core.models import Notification
from vanphong.org.models import Person, Unit, UnitKind
from vanphong.planning import services, services_programme, services_schedule
from vanphong.planning.conflicts import EntryData
from vanphong.planning.models import (
    Body,
    ItemState,
    MonthlyPlan,
    ProgrammeItem,
    Room,
    ScheduleVersion,
    WorkProgramme,
)
from vanphong.planning.selectors import office_of

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
MONDAY = date(2012, 2, 13)

# (month, topic, content, body, lead: "office" | board symbol, state, reason, new month)
PROGRAMME_2011 = (
    (
        1,
        "Xây dựng Đảng",
        "Tổng kết công tác xây dựng Đảng năm 2010, phương hướng năm 2011",
        "standing_committee",
        "BTCTU",
        "done",
        "",
        None,
    ),
    (
        1,
        "Chính trị",
        "Lãnh đạo tổ chức Tết Nguyên đán Tân Mão an toàn, tiết kiệm",
        "standing_board",
        "office",
        "done",
        "",
        None,
    ),
    (
        2,
        "Chính trị",
        "Triển khai học tập, quán triệt Nghị quyết Đại hội XI của Đảng",
        "standing_committee",
        "BTGTU",
        "done",
        "",
        None,
    ),
    (
        2,
        "Bầu cử",
        "Kế hoạch lãnh đạo cuộc bầu cử đại biểu Quốc hội khóa XIII và đại biểu "
        "HĐND các cấp nhiệm kỳ 2011–2016",
        "standing_committee",
        "BTCTU",
        "done",
        "",
        None,
    ),
    (
        3,
        "Xây dựng Đảng",
        "Chương trình hành động thực hiện Nghị quyết Đại hội IX Đảng bộ tỉnh",
        "conference",
        "office",
        "moved",
        "Chờ ý kiến các huyện, thị ủy",
        4,
    ),
    (
        3,
        "Kinh tế",
        "Sơ kết quý I, nhiệm vụ quý II năm 2011",
        "standing_committee",
        "office",
        "done",
        "",
        None,
    ),
    (
        4,
        "Bầu cử",
        "Kiểm tra công tác chuẩn bị bầu cử tại các huyện, thị xã",
        "standing_board",
        "BTCTU",
        "done",
        "",
        None,
    ),
    (
        5,
        "Bầu cử",
        "Chỉ đạo ngày bầu cử 22/5/2011 và tổng kết công tác bầu cử",
        "standing_committee",
        "BTCTU",
        "done",
        "",
        None,
    ),
    (
        6,
        "Kiểm tra",
        "Kiểm tra việc thực hiện Chỉ thị về công tác tiếp công dân",
        "standing_committee",
        "UBKTTU",
        "postponed",
        "Dồn vào đợt kiểm tra cuối năm",
        None,
    ),
    (
        7,
        "Kinh tế",
        "Hội nghị Tỉnh ủy sơ kết 6 tháng đầu năm 2011",
        "conference",
        "office",
        "done",
        "",
        None,
    ),
    (
        8,
        "Dân vận",
        "Tổng kết 10 năm thực hiện quy chế dân chủ ở cơ sở",
        "standing_committee",
        "BDVTU",
        "dropped",
        "Trung ương hướng dẫn tổng kết vào năm 2012",
        None,
    ),
    (
        9,
        "Xây dựng Đảng",
        "Sơ kết công tác tiếp dân 9 tháng",
        "standing_board",
        "office",
        "planned",
        "",
        None,
    ),
    (
        10,
        "Quốc phòng",
        "Diễn tập khu vực phòng thủ tỉnh",
        "standing_committee",
        "office",
        "planned",
        "",
        None,
    ),
    (
        12,
        "Xây dựng Đảng",
        "Hội nghị Tỉnh ủy tổng kết năm 2011, nhiệm vụ năm 2012",
        "conference",
        "office",
        "done",
        "",
        None,
    ),
)

PROGRAMME_2012 = (
    (1, "Xây dựng Đảng", "Kiểm điểm tập thể, cá nhân Ban Thường vụ năm 2011", "standing_committee"),
    (2, "Văn phòng", "Tổng kết công tác Văn phòng cấp ủy năm 2011", "standing_board"),
    (
        2,
        "Xây dựng Đảng",
        "Triển khai Nghị quyết Trung ương 4 khóa XI về xây dựng Đảng",
        "standing_committee",
    ),
    (3, "Kinh tế", "Sơ kết quý I năm 2012", "standing_committee"),
)


def _person(username: str) -> Person:
    return Person.objects.get(username=username)


def _at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=ZONE)


def _board(province: Unit, symbol: str) -> Unit:
    if symbol == "office":
        office = office_of(province)
        assert office is not None  # noqa: S101 (the scenario made it)
        return office
    found = Unit.objects.filter(parent=province, symbol=symbol).first()
    return found or province


def _rooms(province: Unit, clerk: Person) -> dict[str, Room]:
    wanted = (
        ("Hội trường Tỉnh ủy", "", 250),
        ("Phòng họp Ban Thường vụ", "", 40),
        ("Phòng họp Văn phòng Tỉnh ủy", "", 20),
    )
    rooms = {}
    for name, address, capacity in wanted:
        room = Room.objects.filter(committee=province, name=name).first()
        rooms[name] = room or services.room_create(
            actor=clerk, committee=province, name=name, address=address, capacity=capacity
        )
    return rooms


def _programme_2011(province: Unit, specialist: Person, chief: Person) -> WorkProgramme:
    programme = services_programme.programme_create(
        actor=specialist, committee=province, body=Body.STANDING_COMMITTEE, year=2011
    )
    tracked = []
    for month, topic, content, body, lead, state, reason, moved_to in PROGRAMME_2011:
        item = services_programme.programme_item_add(
            actor=specialist,
            programme=programme,
            topic=topic,
            content=content,
            body=body,
            lead_unit=_board(province, lead),
            supporting_units=[_board(province, "office")] if lead != "office" else [],
            month=month,
        )
        tracked.append((item, state, reason, moved_to, month))
    services_programme.programme_approve(actor=chief, programme=programme)
    for item, state, reason, moved_to, month in tracked:
        if state == ItemState.PLANNED:
            continue
        if state == ItemState.MOVED:
            item = services_programme.programme_item_track(
                actor=specialist, item=item, state=state, reason=reason, month=moved_to
            )
            state, reason = ItemState.DONE, ""
        services_programme.programme_item_track(
            actor=specialist,
            item=item,
            state=state,
            reason=reason,
            done_on=date(2011, item.month or month, 25) if state == ItemState.DONE else None,
        )
    services_programme.programme_issue(actor=specialist, programme=programme)
    WorkProgramme.objects.filter(pk=programme.pk).update(approved_at=_at(date(2011, 1, 10)))
    return programme


def _programme_2012(province: Unit, specialist: Person, chief: Person) -> None:
    programme = services_programme.programme_create(
        actor=specialist, committee=province, body=Body.STANDING_COMMITTEE, year=2012
    )
    for month, topic, content, body in PROGRAMME_2012:
        services_programme.programme_item_add(
            actor=specialist,
            programme=programme,
            topic=topic,
            content=content,
            body=body,
            lead_unit=_board(province, "office"),
            month=month,
        )
    services_programme.programme_approve(actor=chief, programme=programme)
    WorkProgramme.objects.filter(pk=programme.pk).update(approved_at=_at(date(2012, 1, 6)))
    plan = services_programme.monthly_plan_draft(
        actor=specialist, committee=province, year=2012, month=2
    )
    services_programme.monthly_plan_item_add(
        actor=specialist,
        plan=plan,
        content="Hội nghị tổng kết công tác Văn phòng cấp ủy năm 2011",
        lead_unit=_board(province, "office"),
        day=date(2012, 2, 16),
    )
    services_programme.monthly_plan_approve(actor=chief, plan=plan)
    MonthlyPlan.objects.filter(pk=plan.pk).update(approved_at=_at(date(2012, 1, 30)))


def _week(province: Unit, rooms: dict[str, Room], specialist: Person, chief: Person) -> None:
    secretary, deputy = _person("bithu.tinhuy"), _person("pbt.tinhuy")
    hall = rooms["Hội trường Tỉnh ủy"]
    standing = rooms["Phòng họp Ban Thường vụ"]
    districts = list(
        Unit.objects.filter(
            parent=province,
            kind__in=[UnitKind.DISTRICT_COMMITTEE, UnitKind.TOWN_COMMITTEE],
        )
    )
    office = _board(province, "office")
    version = services_schedule.schedule_open(
        actor=specialist, committee=province, kind="leaders", day=MONDAY
    )
    week: tuple[tuple[Any, ...], ...] = (
        (
            0,
            "morning",
            time(7, 30),
            "Giao ban Thường trực Tỉnh ủy đầu tuần",
            [secretary, deputy],
            standing,
            "",
            [],
            office,
            "",
        ),
        (
            0,
            "afternoon",
            time(14, 0),
            "Làm việc với Ban Tổ chức Tỉnh ủy về công tác cán bộ",
            [secretary],
            standing,
            "",
            [],
            None,
            "mat",
        ),
        (
            1,
            "morning",
            time(8, 0),
            "Họp Ban Thường vụ Tỉnh ủy",
            [secretary, deputy],
            standing,
            "",
            [],
            office,
            "",
        ),
        (
            2,
            "morning",
            time(8, 0),
            "Làm việc với Huyện ủy Châu Thành",
            [deputy],
            None,
            "Huyện ủy Châu Thành",
            [],
            None,
            "",
        ),
        (
            3,
            "morning",
            time(8, 0),
            "Tiếp công dân định kỳ",
            [secretary],
            None,
            "Trụ sở Tiếp công dân tỉnh",
            [],
            None,
            "",
        ),
        (
            3,
            "afternoon",
            time(14, 0),
            "Hội nghị tổng kết công tác Văn phòng cấp ủy năm 2011, triển khai nhiệm vụ năm 2012",
            [deputy],
            hall,
            "",
            districts,
            office,
            "",
        ),
        (
            4,
            "morning",
            time(8, 0),
            "Dự Hội nghị triển khai nhiệm vụ năm 2012 của ngành Kiểm sát",
            [secretary],
            None,
            "Viện Kiểm sát nhân dân tỉnh",
            [],
            None,
            "",
        ),
    )
    created = {}
    for offset, session, at, content, leaders, room, place, units, preparing, secret in week:
        created[content] = services_schedule.entry_add(
            actor=specialist,
            version=version,
            data=EntryData(
                day=MONDAY + timedelta(days=offset),
                session=session,
                starts_at=at,
                content=content,
                leaders=leaders,
                room=room,
                place=place,
                units=units,
                preparing_unit=preparing,
                confidentiality=1 if secret else 0,
            ),
        )
    services_schedule.schedule_approve(actor=chief, version=version)
    services_schedule.schedule_publish(actor=chief, version=version)
    amendment = services_schedule.schedule_amend(
        actor=specialist,
        version=version,
        note="Thường trực làm việc với Huyện ủy Châu Thành chuyển sang chiều thứ Tư",
    )
    moved = amendment.entries.get(lineage=created["Làm việc với Huyện ủy Châu Thành"].lineage)
    services_schedule.entry_update(
        actor=specialist,
        entry=moved,
        data=EntryData(
            day=moved.day,
            session="afternoon",
            starts_at=time(14, 0),
            content=moved.content,
            leaders=[deputy],
            place=moved.place,
        ),
    )
    services_schedule.schedule_approve(actor=chief, version=amendment)
    services_schedule.schedule_publish(actor=chief, version=amendment)
    friday = MONDAY - timedelta(days=3)
    ScheduleVersion.objects.filter(pk=version.pk).update(
        created_at=_at(friday - timedelta(days=1)),
        approved_at=_at(friday, 10),
        published_at=_at(friday, 15),
    )
    ScheduleVersion.objects.filter(pk=amendment.pk).update(
        created_at=_at(MONDAY + timedelta(days=1), 10),
        approved_at=_at(MONDAY + timedelta(days=1), 11),
        published_at=_at(MONDAY + timedelta(days=1), 11),
    )


def load() -> None:
    """Load the plans and schedules once (skipped when the 2011 programme is there)."""
    province = Unit.objects.filter(parent=None, kind=UnitKind.PROVINCIAL_COMMITTEE).first()
    if province is None or ProgrammeItem.objects.filter(programme__committee=province).exists():
        return
    specialist, chief = _person("cv.tinhuy"), _person("cvp.tinhuy")
    started = timezone.now()
    with transaction.atomic():
        rooms = _rooms(province, specialist)
        _programme_2011(province, specialist, chief)
        _programme_2012(province, specialist, chief)
        _week(province, rooms, specialist, chief)
        # The 2012 week's notices were told then: read long ago, not news to the demo's users.
        Notification.objects.filter(created_at__gte=started, read_at__isnull=True).update(
            read_at=started
        )
