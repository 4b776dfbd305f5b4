"""The planning world: the common personas plus the Office and committee leaders a week needs,
two rooms, and the week of 13–19 February 2012."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import Any

import pytest

from tests.factories import MembershipFactory, PersonFactory
from tests.personas import Personas, build_personas
from vanphong.org.models import Clearance, Person, Role, Unit
from vanphong.planning import services, services_schedule
from vanphong.planning.conflicts import EntryData
from vanphong.planning.models import Room, ScheduleVersion

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


def _person(username: str, full_name: str, unit: Unit, role: str, clearance: int) -> Person:
    person = PersonFactory.create(username=username, full_name=full_name)
    MembershipFactory.create(
        person=person, unit=unit, role=role, clearance=clearance, starts_on=date(2010, 1, 1)
    )
    return person


def build_world() -> PlanWorld:
    p = build_personas()
    specialist = _person(
        "cv.tinh", "Phan Thị Soạn", p.province_office, Role.SPECIALIST, Clearance.TOP_SECRET
    )
    return PlanWorld(
        p=p,
        chief=_person(
            "cvp.tinh",
            "Trương Chánh Văn",
            p.province_office,
            Role.OFFICE_LEADER,
            Clearance.TOP_SECRET,
        ),
        specialist=specialist,
        secretary=_person(
            "bithu", "Nguyễn Bí Thư", p.province, Role.COMMITTEE_LEADER, Clearance.ULTRA_SECRET
        ),
        deputy=_person(
            "pbt", "Trần Phó Bí Thư", p.province, Role.COMMITTEE_LEADER, Clearance.ULTRA_SECRET
        ),
        hall=services.room_create(actor=specialist, committee=p.province, name="Hội trường A"),
        small_room=services.room_create(
            actor=specialist, committee=p.province, name="Phòng họp số 2", capacity=20
        ),
    )


@pytest.fixture
def world(db: None) -> PlanWorld:
    return build_world()
