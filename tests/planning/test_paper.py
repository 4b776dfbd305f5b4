"""What the printed week says (paper.build): a clash kept shows its reason to those who may
approve the week, unless the other entry is one they could not read; a leader's post is the
one held on the entry's day; who the week goes to and who issues it."""

from __future__ import annotations

import io
from datetime import date, time

from docx import Document

from tests.support.factories import UnitFactory
from tests.support.personas import person
from tests.support.planning import PlanWorld
from vanphong.org.models import Clearance, Membership, Person, Role, UnitKind
from vanphong.planning import paper, printing, services_schedule, week
from vanphong.planning.models import ScheduleVersion

REASON = "Bí thư dự khai mạc rồi tiếp đoàn"
VISIT = "Tiếp đoàn công tác Trung ương"


def _clash(world: PlanWorld, confidentiality: int = Clearance.UNCLASSIFIED) -> ScheduleVersion:
    """The Bí thư at the Standing Board's meeting at 08:00 and, kept with a reason, receiving a
    delegation at 08:30."""
    version = world.week()
    first = services_schedule.entry_add(
        actor=world.specialist,
        version=version,
        data=world.data(confidentiality=confidentiality),
    )
    services_schedule.entry_add(
        actor=world.specialist,
        version=version,
        data=world.data(starts_at=time(8, 30), content=VISIT, room=world.small_room),
        overrides={f"leader:{first.lineage}": REASON},
    )
    return version


def _visit_cell(version: ScheduleVersion, reader: Person) -> str:
    raw = printing.docx(week.build(version, reader))
    grid = Document(io.BytesIO(raw)).tables[1]
    cells: list[str] = [row.cells[3].text for row in grid.rows]
    return next(text for text in cells if VISIT in text)


def _deputy_chief(world: PlanWorld) -> Person:
    """A Phó Chánh Văn phòng cleared for Mật only: approves, but not a Tối mật entry's reader."""
    return person("pcvp.tinh", "Lê Phó Chánh", world.province_office, Role.OFFICE_LEADER, 1)


def test_the_reason_a_clash_was_kept_prints_for_the_approver_only(world: PlanWorld) -> None:
    version = _clash(world)
    assert f"Giữ trùng lịch: {REASON}" in _visit_cell(version, world.chief)
    assert REASON not in _visit_cell(version, world.province_clerk)
    assert REASON not in _visit_cell(version, world.secretary)


def test_the_reason_is_withheld_from_an_approver_who_may_not_read_the_other_entry(
    world: PlanWorld,
) -> None:
    version = _clash(world, confidentiality=Clearance.TOP_SECRET)
    assert REASON in _visit_cell(version, world.chief)  # cleared for Tối mật
    assert REASON not in _visit_cell(version, _deputy_chief(world))
    # Both entries are printed: a clash kept is kept.
    cells = [texts[3] for texts, _italic in paper.build(week.build(version, world.chief)).rows]
    assert len(cells) == 2


def test_a_leaders_post_is_the_one_held_on_the_entrys_day(world: PlanWorld) -> None:
    Membership.objects.filter(person=world.secretary).update(
        position="Phó Bí thư", ends_on=date(2012, 2, 14)
    )
    Membership.objects.create(
        person=world.secretary,
        unit=world.province,
        role=Role.COMMITTEE_LEADER,
        clearance=Clearance.ULTRA_SECRET,
        position="Bí thư",
        starts_on=date(2012, 2, 15),
    )
    version = world.week()
    for day in (date(2012, 2, 13), date(2012, 2, 16)):
        services_schedule.entry_add(
            actor=world.specialist, version=version, data=world.data(day=day)
        )
    rows = paper.build(week.build(version, world.specialist)).rows
    assert [texts[4] for texts, _italic in rows] == [
        "Đ/c Nguyễn Bí Thư, Phó Bí thư Tỉnh ủy",
        "Đ/c Nguyễn Bí Thư, Bí thư Tỉnh ủy",
    ]


def test_a_leader_without_a_post_is_named_only(world: PlanWorld) -> None:
    version = world.week()
    services_schedule.entry_add(actor=world.specialist, version=version, data=world.data())
    [(cells, _italic)] = paper.build(week.build(version, world.specialist)).rows
    assert cells[4] == "Đ/c Nguyễn Bí Thư"


def test_the_printed_file_is_named_in_vietnamese(world: PlanWorld) -> None:
    version = world.week()
    name = printing.filename(week.build(version, world.specialist), "pdf")
    assert name == "lich-tuan-07-2012_tinh-uy-tay-ninh_lanh-dao_ban-1.pdf"


def test_the_offices_own_week_goes_to_its_leaders_and_sections(world: PlanWorld) -> None:
    version = services_schedule.schedule_open(
        actor=world.specialist, committee=world.province, kind="office", day=date(2012, 2, 13)
    )
    sheet = paper.build(week.build(version, world.specialist))
    assert sheet.recipients == ["- Lãnh đạo Văn phòng,", "- Các phòng,", "- Lưu VP."]
    assert sheet.title == "LỊCH CÔNG TÁC TUẦN CỦA VĂN PHÒNG TỈNH ỦY"


def test_a_committee_without_an_office_issues_under_its_superior(db: None) -> None:
    committee = UnitFactory.create(
        kind=UnitKind.DISTRICT_COMMITTEE,
        name="Huyện ủy Tân Biên",
        superior_name="Đảng bộ tỉnh Tây Ninh",
    )
    assert paper.issuer(committee, None) == [
        ("ĐẢNG BỘ TỈNH TÂY NINH", False),
        ("HUYỆN ỦY TÂN BIÊN", True),
        ("*", False),
    ]
