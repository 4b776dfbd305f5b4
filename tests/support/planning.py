"""The planning world: the common personas plus the Office and committee leaders a week needs,
two rooms, and the week of 13–19 February 2012; and what planning tests start from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import Any

from tests.support.personas import Personas, build_personas, cast
from vanphong.org.models import Person
from vanphong.planning import services, services_programme, services_schedule
from vanphong.planning.conflicts import EntryData
from vanphong.planning.models import Room, ScheduleVersion, WorkProgramme

MONDAY = date(2012, 2, 13)


@dataclass
class PlanWorld:
    p: Personas
    chief: Person  # Chánh Văn phòng Tỉnh ủy: approves
    specialist: Person  # of the provincial Office: compiles
    secretary: Person  # Bí thư
    deputy: Person  # Phó Bí thư Thường trực
    hall: Room
    small_room: Room

    def __getattr__(self, name: str) -> Any:
        return getattr(self.p, name)

    def week(self, day: date = MONDAY) -> ScheduleVersion:
        return services_schedule.schedule_open(
            actor=self.specialist, committee=self.province, kind="leaders", day=day
        )

    def data(self, **changes: Any) -> EntryData:
        fields: dict[str, Any] = {
            "day": MONDAY,
            "session": "morning",
            "starts_at": time(8, 0),
            "content": "Họp Thường trực Tỉnh ủy",
            "leaders": [self.secretary],
            "room": self.hall,
        }
        fields.update(changes)
        return EntryData(**fields)


def build_world() -> PlanWorld:
    """The personas plus the provincial Office's Chánh Văn phòng (approves) and a specialist
    of it cleared for Tối mật (compiles), and the committee's Bí thư and Phó Bí thư."""
    p = build_personas()
    specialist = cast(p, "cv.lich.tinh")
    return PlanWorld(
        p=p,
        chief=cast(p, "cvp.tinh"),
        specialist=specialist,
        secretary=cast(p, "bithu"),
        deputy=cast(p, "pbt"),
        hall=services.room_create(actor=specialist, committee=p.province, name="Hội trường A"),
        small_room=services.room_create(
            actor=specialist, committee=p.province, name="Phòng họp số 2", capacity=20
        ),
    )


def entry(world: PlanWorld, **changes: Any) -> dict[str, Any]:
    body = {
        "day": "2012-02-13",
        "session": "morning",
        "starts_at": "08:00",
        "content": "Họp Thường trực Tỉnh ủy",
        "leaders": [str(world.secretary.uuid)],
        "room": str(world.hall.uuid),
    }
    body.update(changes)
    return body


def publish(world: PlanWorld, version: ScheduleVersion) -> ScheduleVersion:
    services_schedule.schedule_approve(actor=world.chief, version=version)
    return services_schedule.schedule_publish(actor=world.chief, version=version)


def programme_with_items(world: PlanWorld) -> WorkProgramme:
    programme = services_programme.programme_create(
        actor=world.specialist, committee=world.province, body="standing_committee", year=2011
    )
    for month, content in (
        (1, "Tổng kết công tác năm 2010"),
        (2, "Lãnh đạo tổ chức bầu cử đại biểu Quốc hội"),
        (3, "Sơ kết quý I"),
        (5, "Chỉ đạo ngày bầu cử 22/5"),
    ):
        services_programme.programme_item_add(
            actor=world.specialist,
            programme=programme,
            topic="Xây dựng Đảng",
            content=content,
            body="standing_committee",
            lead_unit=world.province_office,
            supporting_units=[world.chau_thanh],
            month=month,
        )
    services_programme.programme_item_add(
        actor=world.specialist,
        programme=programme,
        topic="Kinh tế",
        content="Sơ kết 6 tháng",
        body="conference",
        lead_unit=world.province_office,
        quarter=2,
    )
    return programme
