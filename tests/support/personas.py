"""A small province with two districts and one person per role that tests need.

Password for everyone: PASSWORD.
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.support.factories import MembershipFactory, PersonFactory, TermFactory, UnitFactory
from vanphong.core.calendar_seed import seed_calendar_days
from vanphong.core.rules import seed_defaults
from vanphong.org.models import Clearance, CommitteeTerm, Person, Role, Unit, UnitKind

PASSWORD = "mat-khau-thu"


@dataclass
class Personas:
    province: Unit
    province_office: Unit
    chau_thanh: Unit
    chau_thanh_office: Unit
    hoa_thanh: Unit
    hoa_thanh_office: Unit
    province_term: CommitteeTerm
    superuser: Person
    province_admin: Person
    province_leader: Person
    province_clerk: Person
    chau_thanh_admin: Person
    chau_thanh_clerk: Person
    chau_thanh_specialist: Person
    hoa_thanh_clerk: Person
    unassigned: Person


def _person(username: str, full_name: str, unit: Unit | None, role: str, clearance: int) -> Person:
    person = PersonFactory.create(username=username, full_name=full_name)
    if unit is not None:
        MembershipFactory.create(person=person, unit=unit, role=role, clearance=clearance)
    return person


def build_personas() -> Personas:
    # Transactional tests flush the database, rule sets and calendar days seeded by the
    # migrations included.
    seed_defaults()
    seed_calendar_days()
    province = UnitFactory.create(
        kind=UnitKind.PROVINCIAL_COMMITTEE, name="Tỉnh ủy Tây Ninh", symbol="TU"
    )
    province_office = UnitFactory.create(
        parent=province, kind=UnitKind.OFFICE, name="Văn phòng Tỉnh ủy", symbol="VPTU"
    )
    chau_thanh = UnitFactory.create(
        parent=province, kind=UnitKind.DISTRICT_COMMITTEE, name="Huyện ủy Châu Thành", symbol="HU"
    )
    chau_thanh_office = UnitFactory.create(
        parent=chau_thanh, kind=UnitKind.OFFICE, name="Văn phòng Huyện ủy Châu Thành", symbol="VPHU"
    )
    hoa_thanh = UnitFactory.create(
        parent=province, kind=UnitKind.DISTRICT_COMMITTEE, name="Huyện uỷ Hoà Thành", symbol="HU"
    )
    hoa_thanh_office = UnitFactory.create(
        parent=hoa_thanh, kind=UnitKind.OFFICE, name="Văn phòng Huyện uỷ Hoà Thành", symbol="VPHU"
    )
    superuser = PersonFactory.create(username="root", full_name="Quản Trị Gốc", is_superuser=True)
    return Personas(
        province=province,
        province_office=province_office,
        chau_thanh=chau_thanh,
        chau_thanh_office=chau_thanh_office,
        hoa_thanh=hoa_thanh,
        hoa_thanh_office=hoa_thanh_office,
        province_term=TermFactory.create(committee=province),
        superuser=superuser,
        province_admin=_person(
            "qt.tinh", "Trần Quản Trị", province, Role.ADMIN, Clearance.UNCLASSIFIED
        ),
        province_leader=_person(
            "ld.tinh", "Lê Lãnh Đạo", province, Role.COMMITTEE_LEADER, Clearance.ULTRA_SECRET
        ),
        province_clerk=_person(
            "vt.tinh", "Phạm Văn Thư", province_office, Role.CLERK, Clearance.SECRET
        ),
        chau_thanh_admin=_person(
            "qt.chauthanh", "Võ Quản Trị", chau_thanh, Role.ADMIN, Clearance.UNCLASSIFIED
        ),
        chau_thanh_clerk=_person(
            "vt.chauthanh", "Đặng Thị Đến", chau_thanh_office, Role.CLERK, Clearance.SECRET
        ),
        chau_thanh_specialist=_person(
            "cv.chauthanh", "Huỳnh Chuyên Viên", chau_thanh_office, Role.SPECIALIST, 0
        ),
        hoa_thanh_clerk=_person(
            "vt.hoathanh", "Bùi Thị Hoà", hoa_thanh_office, Role.CLERK, Clearance.SECRET
        ),
        unassigned=_person("chua.phan.cong", "Ngô Chưa Phân", None, "", 0),
    )
