"""The demo scenario: the committee offices of Tây Ninh province in 2011–2012.

Units and terms follow the province's real structure in 2012 (Thị xã Tây Ninh and eight
districts); every person is fictional. Loading goes through the services, so the demo's
history is in the audit log like any other, and loading twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction

from vanphong.core.vietnamese import fold
from vanphong.demo import (
    archives,
    directives,
    documents,
    emulation,
    petitions,
    planning,
    present,
)
from vanphong.org import services, services_people
from vanphong.org.models import (
    Clearance,
    CommitteeTerm,
    NumberingStyle,
    Person,
    Role,
    Unit,
    UnitKind,
)

DEMO_PASSWORD = "tayninh-2012"  # noqa: S105 (printed by make run on purpose)

PROVINCE = "Tỉnh ủy Tây Ninh"
# (committee name, kind, superior line, place) — Thị xã Tây Ninh was a town until end-2013.
DISTRICTS: tuple[tuple[str, str, str, str], ...] = (
    ("Thị ủy Tây Ninh", UnitKind.TOWN_COMMITTEE, "ĐẢNG BỘ THỊ XÃ TÂY NINH", "Tây Ninh"),
    ("Huyện ủy Tân Biên", UnitKind.DISTRICT_COMMITTEE, "ĐẢNG BỘ HUYỆN TÂN BIÊN", "Tân Biên"),
    ("Huyện ủy Tân Châu", UnitKind.DISTRICT_COMMITTEE, "ĐẢNG BỘ HUYỆN TÂN CHÂU", "Tân Châu"),
    (
        "Huyện ủy Dương Minh Châu",
        UnitKind.DISTRICT_COMMITTEE,
        "ĐẢNG BỘ HUYỆN DƯƠNG MINH CHÂU",
        "Dương Minh Châu",
    ),
    ("Huyện ủy Châu Thành", UnitKind.DISTRICT_COMMITTEE, "ĐẢNG BỘ HUYỆN CHÂU THÀNH", "Châu Thành"),
    # The 2012 newspaper report writes the old tone placement; kept as typed.
    ("Huyện uỷ Hoà Thành", UnitKind.DISTRICT_COMMITTEE, "ĐẢNG BỘ HUYỆN HOÀ THÀNH", "Hoà Thành"),
    ("Huyện ủy Gò Dầu", UnitKind.DISTRICT_COMMITTEE, "ĐẢNG BỘ HUYỆN GÒ DẦU", "Gò Dầu"),
    ("Huyện ủy Bến Cầu", UnitKind.DISTRICT_COMMITTEE, "ĐẢNG BỘ HUYỆN BẾN CẦU", "Bến Cầu"),
    ("Huyện ủy Trảng Bàng", UnitKind.DISTRICT_COMMITTEE, "ĐẢNG BỘ HUYỆN TRẢNG BÀNG", "Trảng Bàng"),
)
PROVINCE_BOARDS: tuple[tuple[str, str], ...] = (
    ("Ban Tổ chức Tỉnh ủy", "BTCTU"),
    ("Ban Tuyên giáo Tỉnh ủy", "BTGTU"),
    ("Ban Dân vận Tỉnh ủy", "BDVTU"),
    ("Ủy ban Kiểm tra Tỉnh ủy", "UBKTTU"),
)

BOARD_KEYS = ("bantochuc", "bantuyengiao", "bandanvan", "ubkt")
# Short ASCII keys for logins: vt.chauthanh, cvp.tinhuy, ...
DISTRICT_KEYS = {
    "Thị ủy Tây Ninh": "thixa",
    "Huyện ủy Tân Biên": "tanbien",
    "Huyện ủy Tân Châu": "tanchau",
    "Huyện ủy Dương Minh Châu": "duongminhchau",
    "Huyện ủy Châu Thành": "chauthanh",
    "Huyện uỷ Hoà Thành": "hoathanh",
    "Huyện ủy Gò Dầu": "godau",
    "Huyện ủy Bến Cầu": "bencau",
    "Huyện ủy Trảng Bàng": "trangbang",
}

SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương", "Đặng", "Bùi")
MIDDLE = ("Văn", "Thị", "Minh", "Thanh", "Hữu", "Ngọc", "Quốc", "Thuỵ", "Hoàng", "Kim")
GIVEN = (
    "An", "Bình", "Cường", "Dung", "Đức", "Giang", "Hà", "Hải", "Hoà", "Khoa", "Lan", "Long",
    "Mai", "Nam", "Nga", "Phúc", "Quang", "Sơn", "Tâm", "Thuý", "Trí", "Tuấn", "Uyên", "Vinh",
)  # fmt: skip


@dataclass(frozen=True)
class DemoLogin:
    username: str
    full_name: str
    unit: str
    role: str
    clearance: str


def _fictional_name(n: int) -> str:
    # Deterministic and spread out, so reloading gives the same people.
    return (
        f"{SURNAMES[n % len(SURNAMES)]} {MIDDLE[(n * 7) % len(MIDDLE)]} "
        f"{GIVEN[(n * 11) % len(GIVEN)]}"
    )


def _unit(
    *, parent: Unit | None, kind: str, name: str, symbol: str, superior: str = "", place: str = "",
    order: int = 0,
) -> Unit:  # fmt: skip
    existing = Unit.objects.filter(parent=parent, name_folded=fold(name)).first()
    if existing is not None:
        return existing
    return services.unit_create(
        actor=None,
        parent=parent,
        kind=kind,
        name=name,
        symbol=symbol,
        superior_name=superior,
        place=place,
        numbering_style=NumberingStyle.PARTY,
        sort_order=order,
    )


def _term(committee: Unit, name: str, congress: str, starts: date, ends: date) -> None:
    if not CommitteeTerm.objects.filter(committee=committee, starts_on=starts).exists():
        services.term_create(
            actor=None,
            committee=committee,
            name=name,
            congress=congress,
            starts_on=starts,
            ends_on=ends,
        )


def _later_terms(committee: Unit, congresses: tuple[str, str, str], starts: date) -> None:
    """The terms after 2015, so that a document issued today is numbered in the demo too."""
    month, day = starts.month, starts.day
    for year, congress in zip((2015, 2020, 2025), congresses, strict=True):
        _term(
            committee,
            f"Nhiệm kỳ {year}–{year + 5}",
            congress,
            date(year, month, day),
            date(year + 5, month, day) - timedelta(days=1),
        )


class _People:
    def __init__(self) -> None:
        self.count = 0
        self.logins: list[DemoLogin] = []

    def add(self, username: str, unit: Unit, role: str, clearance: int, position: str = "") -> None:
        self.count += 1
        person = Person.objects.filter(username=username).first()
        if person is None:
            person = services_people.person_create(
                actor=None,
                username=username,
                full_name=_fictional_name(self.count),
                password=DEMO_PASSWORD,
                unit=unit,
                role=role,
                clearance=clearance,
                position=position,
                email=f"{username}@demo.invalid",
                starts_on=date(2010, 11, 1),
            )
        self.logins.append(
            DemoLogin(
                username=username,
                full_name=person.full_name,
                unit=unit.name,
                role=str(Role(role).label),
                clearance=str(Clearance(clearance).label),
            )
        )


@transaction.atomic
def load() -> list[DemoLogin]:
    """Load (or find) the scenario; returns the demo logins in a stable order."""
    province = _unit(
        parent=None,
        kind=UnitKind.PROVINCIAL_COMMITTEE,
        name=PROVINCE,
        symbol="TU",
        superior="ĐẢNG BỘ TỈNH TÂY NINH",
        place="Tây Ninh",
    )
    _term(province, "Nhiệm kỳ 2010–2015", "IX", date(2010, 10, 16), date(2015, 10, 15))
    _later_terms(province, ("X", "XI", "XII"), date(2015, 10, 16))
    office = _unit(
        parent=province,
        kind=UnitKind.OFFICE,
        name="Văn phòng Tỉnh ủy",
        symbol="VPTU",
        superior="TỈNH ỦY TÂY NINH",
        place="Tây Ninh",
    )
    boards = [
        _unit(parent=province, kind=UnitKind.BOARD, name=name, symbol=symbol, order=order)
        for order, (name, symbol) in enumerate(PROVINCE_BOARDS, start=1)
    ]

    people = _People()
    people.add("quantri", province, Role.ADMIN, Clearance.UNCLASSIFIED)
    people.add("bithu.tinhuy", province, Role.COMMITTEE_LEADER, Clearance.ULTRA_SECRET, "Bí thư")
    people.add(
        "pbt.tinhuy", province, Role.COMMITTEE_LEADER, Clearance.ULTRA_SECRET,
        "Phó Bí thư Thường trực",
    )  # fmt: skip
    people.add("cvp.tinhuy", office, Role.OFFICE_LEADER, Clearance.TOP_SECRET, "Chánh Văn phòng")
    people.add("pcvp.tinhuy", office, Role.OFFICE_LEADER, Clearance.SECRET, "Phó Chánh Văn phòng")
    people.add("vt.tinhuy", office, Role.CLERK, Clearance.TOP_SECRET, "Văn thư")
    people.add("cv.tinhuy", office, Role.SPECIALIST, Clearance.SECRET, "Chuyên viên tổng hợp")
    people.add("cv2.tinhuy", office, Role.SPECIALIST, Clearance.UNCLASSIFIED, "Chuyên viên")
    people.add("tiepdan.tinhuy", office, Role.RECEPTION, Clearance.UNCLASSIFIED, "Chuyên viên")
    people.add("thidua.tinhuy", office, Role.EMULATION, Clearance.UNCLASSIFIED, "Chuyên viên")
    # One specialist per board, who reports on the tasks the board leads.
    for board, key in zip(boards, BOARD_KEYS, strict=True):
        people.add(f"cv.{key}", board, Role.SPECIALIST, Clearance.SECRET, "Chuyên viên")

    trang_bang_office: Unit | None = None
    for order, (name, kind, superior, place) in enumerate(DISTRICTS, start=10):
        key = DISTRICT_KEYS[name]
        committee = _unit(
            parent=province,
            kind=kind,
            name=name,
            symbol="HU" if kind == UnitKind.DISTRICT_COMMITTEE else "TU",
            superior=superior,
            place=place,
            order=order,
        )
        _term(committee, "Nhiệm kỳ 2010–2015", "X", date(2010, 7, 20), date(2015, 7, 19))
        _later_terms(committee, ("XI", "XII", "XIII"), date(2015, 7, 20))
        district_office = _unit(
            parent=committee,
            kind=UnitKind.OFFICE,
            name=f"Văn phòng {name}",
            symbol="VPHU" if kind == UnitKind.DISTRICT_COMMITTEE else "VPTU",
            superior=name.upper(),
            place=place,
        )
        people.add(f"vt.{key}", district_office, Role.CLERK, Clearance.SECRET, "Văn thư")
        people.add(
            f"cvp.{key}", district_office, Role.OFFICE_LEADER, Clearance.SECRET, "Chánh Văn phòng"
        )
        people.add(f"cv.{key}", district_office, Role.SPECIALIST, Clearance.UNCLASSIFIED)
        if key in {"chauthanh", "hoathanh", "duongminhchau"}:
            people.add(f"bithu.{key}", committee, Role.COMMITTEE_LEADER, Clearance.TOP_SECRET,
                       "Bí thư")  # fmt: skip
            people.add(f"quantri.{key}", committee, Role.ADMIN, Clearance.UNCLASSIFIED)
            people.add(f"tiepdan.{key}", district_office, Role.RECEPTION, Clearance.UNCLASSIFIED)
            people.add(f"thidua.{key}", district_office, Role.EMULATION, Clearance.UNCLASSIFIED)
        if key == "trangbang":
            trang_bang_office = district_office
    # Added last, so the people before keep their names: Trảng Bàng's petitions book.
    if trang_bang_office is not None:
        people.add("tiepdan.trangbang", trang_bang_office, Role.RECEPTION, Clearance.UNCLASSIFIED)
    # The archivists of the province's Office and of two district Offices (issue 17).
    people.add("luutru.tinhuy", office, Role.ARCHIVIST, Clearance.SECRET, "Cán bộ lưu trữ")
    for name, key in DISTRICT_KEYS.items():
        if key in {"chauthanh", "hoathanh"}:
            unit = Unit.objects.get(name=f"Văn phòng {name}")
            people.add(f"luutru.{key}", unit, Role.ARCHIVIST, Clearance.SECRET, "Cán bộ lưu trữ")
    # A year of documents (skipped when there); settings.VANPHONG_DEMO_SCALE = 0 leaves it out.
    documents.load()
    planning.load()
    directives.load()
    # The weeks around today, so that every inbox has work on the day the demo is opened.
    present.load()
    # Citizen reception and letters in 2011–2012, and the letters around today.
    petitions.load()
    # The 2011 emulation of the district and town Offices, ending in the review of 16/02/2012.
    emulation.load(DISTRICT_KEYS)
    # The 2011 file plans and files, their transfer in 2012, a reading, the 2001 disposal.
    archives.load()
    return people.logins
