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

# The people an app's world adds to the personas, by login: one name, post and clearance each,
# whichever world casts them. A world that needs someone cleared otherwise adds a login here.
CAST = {
    "cvp.tinh": ("Trương Chánh Văn", "province_office", Role.OFFICE_LEADER, Clearance.TOP_SECRET),
    "cv.tinh": ("Phan Thị Soạn", "province_office", Role.SPECIALIST, Clearance.UNCLASSIFIED),
    "cv.lich.tinh": ("Phan Thị Lịch", "province_office", Role.SPECIALIST, Clearance.TOP_SECRET),
    "bithu": ("Nguyễn Bí Thư", "province", Role.COMMITTEE_LEADER, Clearance.ULTRA_SECRET),
    "pbt": ("Trần Phó Bí Thư", "province", Role.COMMITTEE_LEADER, Clearance.ULTRA_SECRET),
    "cvp.chauthanh": ("Lý Chánh Huyện", "chau_thanh_office", Role.OFFICE_LEADER, Clearance.SECRET),
    "bt.chauthanh": ("Hồ Bí Thư", "chau_thanh", Role.COMMITTEE_LEADER, Clearance.TOP_SECRET),
    "td.tinh": ("Võ Tiếp Dân", "province_office", Role.RECEPTION, Clearance.UNCLASSIFIED),
    "td2.tinh": ("Đỗ Thị Đơn", "province_office", Role.RECEPTION, Clearance.UNCLASSIFIED),
    "td.chauthanh": ("Lâm Tiếp Huyện", "chau_thanh_office", Role.RECEPTION, Clearance.UNCLASSIFIED),
    "lt.tinh": ("Mai Lưu Trữ", "province_office", Role.ARCHIVIST, Clearance.SECRET),
    "lt.chauthanh": ("Kha Lưu Huyện", "chau_thanh_office", Role.ARCHIVIST, Clearance.UNCLASSIFIED),
}


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


def person(username: str, full_name: str, unit: Unit | None, role: str, clearance: int) -> Person:
    """A person holding one post (none when `unit` is None), since 1 January 2010.

    A login has one clearance in every world: a world that needs someone cleared otherwise
    creates a person of their own, under a login of their own."""
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
        province_admin=person(
            "qt.tinh", "Trần Quản Trị", province, Role.ADMIN, Clearance.UNCLASSIFIED
        ),
        province_leader=person(
            "ld.tinh", "Lê Lãnh Đạo", province, Role.COMMITTEE_LEADER, Clearance.ULTRA_SECRET
        ),
        province_clerk=person(
            "vt.tinh", "Phạm Văn Thư", province_office, Role.CLERK, Clearance.SECRET
        ),
        chau_thanh_admin=person(
            "qt.chauthanh", "Võ Quản Trị", chau_thanh, Role.ADMIN, Clearance.UNCLASSIFIED
        ),
        chau_thanh_clerk=person(
            "vt.chauthanh", "Đặng Thị Đến", chau_thanh_office, Role.CLERK, Clearance.SECRET
        ),
        chau_thanh_specialist=person(
            "cv.chauthanh", "Huỳnh Chuyên Viên", chau_thanh_office, Role.SPECIALIST, 0
        ),
        hoa_thanh_clerk=person(
            "vt.hoathanh", "Bùi Thị Hoà", hoa_thanh_office, Role.CLERK, Clearance.SECRET
        ),
        unassigned=person("chua.phan.cong", "Ngô Chưa Phân", None, "", 0),
    )


def cast(personas: Personas, username: str) -> Person:
    """The person of `CAST` under `username`, in their post among `personas`' units."""
    full_name, unit, role, clearance = CAST[username]
    return person(username, full_name, getattr(personas, unit), role, clearance)
