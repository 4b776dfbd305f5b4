"""The printed week looks like a Party office's: TỈNH ỦY TÂY NINH / VĂN PHÒNG / * and ĐẢNG CỘNG
SẢN VIỆT NAM over the place and date, "Nơi nhận" and the approver's signature at the foot,
leaders as "Đ/c …, <post>", times unbroken, secret entries as the reader sees them on the page."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
from docx import Document
from docx.table import Table

from tests.support.planning import PlanWorld
from vanphong.org.models import Clearance, Membership, Person, Unit
from vanphong.planning import printing, services_schedule, week
from vanphong.planning.models import Entry, ScheduleVersion

SECRET = "Làm việc về công tác cán bộ"
APPROVED = datetime(2012, 2, 10, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


@dataclass
class Printed:
    world: PlanWorld
    version: ScheduleVersion
    meeting: Entry
    secret: Entry


def _post(person: Person, position: str) -> None:
    Membership.objects.filter(person=person).update(position=position)


@pytest.fixture
def printed(world: PlanWorld) -> Printed:
    """An approved week: the Standing Board meets 07:30–09:00 on Monday; on Tuesday afternoon
    the Phó Bí thư has a Tối mật meeting."""
    Unit.objects.filter(pk__in=[world.province.pk, world.province_office.pk]).update(
        place="Tây Ninh"
    )
    _post(world.secretary, "Bí thư")
    _post(world.deputy, "Phó Bí thư Thường trực")
    _post(world.chief, "Chánh Văn phòng")
    version = world.week()
    meeting = services_schedule.entry_add(
        actor=world.specialist,
        version=version,
        data=world.data(
            starts_at=time(7, 30), ends_at=time(9, 0), leaders=[world.secretary, world.deputy]
        ),
    )
    secret = services_schedule.entry_add(
        actor=world.specialist,
        version=version,
        data=world.data(
            day=date(2012, 2, 14),
            session="afternoon",
            starts_at=time(14, 0),
            content=SECRET,
            leaders=[world.deputy],
            confidentiality=Clearance.TOP_SECRET,
        ),
    )
    services_schedule.schedule_approve(actor=world.chief, version=version)
    ScheduleVersion.objects.filter(pk=version.pk).update(approved_at=APPROVED)
    version.refresh_from_db()
    return Printed(world, version, meeting, secret)


def pdf_text(raw: bytes) -> tuple[list[str], str]:
    """The lines of every page, and the whole text with its white space made single spaces."""
    document = pdfium.PdfDocument(io.BytesIO(raw))
    try:
        text = "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()
    return [line.strip() for line in text.splitlines()], " ".join(text.split())


def docx_tables(raw: bytes) -> tuple[Table, Table, Table]:
    header, grid, foot = Document(io.BytesIO(raw)).tables
    return header, grid, foot


def texts(table: Table) -> list[str]:
    return [paragraph.text for cell in table._cells for paragraph in cell.paragraphs]


def test_the_pdf_carries_the_party_header_the_foot_and_the_leaders_posts(
    printed: Printed,
) -> None:
    lines, text = pdf_text(printing.pdf(week.build(printed.version, printed.world.specialist)))
    for line in (
        "TỈNH ỦY TÂY NINH",
        "VĂN PHÒNG",
        "*",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Tây Ninh, ngày 10 tháng 02 năm 2012",
        "LỊCH CÔNG TÁC TUẦN CỦA THƯỜNG TRỰC TỈNH ỦY TÂY NINH",
        "Tuần 07, từ ngày 13/02 đến ngày 19/02/2012",
        "Nơi nhận:",
        "- Thường trực Tỉnh ủy,",
        "- Lưu VP.",
        "CHÁNH VĂN PHÒNG",
        "Trương Chánh Văn",
    ):
        assert line in lines, line
    # Whole on one line: the time column holds it.
    assert any("07g30–09g00" in line.split() for line in lines)
    assert "Đ/c Nguyễn Bí Thư, Bí thư Tỉnh ủy" in text
    assert "Đ/c Trần Phó Bí Thư, Phó Bí thư Thường trực Tỉnh ủy" in text
    assert text.index("ĐẢNG CỘNG SẢN VIỆT NAM") < text.index("LỊCH CÔNG TÁC TUẦN")
    assert text.index("Họp Thường trực Tỉnh ủy") < text.index("Nơi nhận:")
    assert "Dự thảo" not in text


def test_the_docx_carries_the_party_header_the_foot_and_the_leaders_posts(
    printed: Printed,
) -> None:
    raw = printing.docx(week.build(printed.version, printed.world.specialist))
    header, grid, foot = docx_tables(raw)
    left, right = header.rows[0].cells
    assert [p.text for p in left.paragraphs] == ["TỈNH ỦY TÂY NINH", "VĂN PHÒNG", "*"]
    assert [p.text for p in right.paragraphs] == [
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Tây Ninh, ngày 10 tháng 02 năm 2012",
    ]
    party, place = right.paragraphs
    assert all(run.bold and run.underline for run in party.runs)
    assert all(run.italic for run in place.runs)
    assert [p.runs[0].bold for p in left.paragraphs] == [False, True, False]
    row = next(r for r in grid.rows if "Họp Thường trực Tỉnh ủy" in r.cells[3].text)
    assert row.cells[2].text == "07g30–09g00"
    assert (
        row.cells[2]._tc.tcPr.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}noWrap"
        )
        is not None
    )  # Word does not wrap it either
    assert row.cells[4].text.splitlines() == [
        "Đ/c Nguyễn Bí Thư, Bí thư Tỉnh ủy",
        "Đ/c Trần Phó Bí Thư, Phó Bí thư Thường trực Tỉnh ủy",
    ]
    recipients, signature = foot.rows[0].cells
    assert [p.text for p in recipients.paragraphs] == [
        "Nơi nhận:",
        "- Thường trực Tỉnh ủy,",
        "- Các đồng chí Ủy viên Ban Thường vụ,",
        "- Các ban,",
        "- Lưu VP.",
    ]
    signed = [p.text for p in signature.paragraphs if p.text]
    assert signed == ["CHÁNH VĂN PHÒNG", "Trương Chánh Văn"]


def test_a_deputy_chief_signs_on_behalf_of_the_chief(printed: Printed) -> None:
    world = printed.world
    version = world.week(date(2012, 2, 20))
    services_schedule.entry_add(
        actor=world.specialist, version=version, data=world.data(day=date(2012, 2, 20))
    )
    deputy = _deputy_chief(world, Clearance.SECRET)
    version = services_schedule.schedule_approve(actor=deputy, version=version)
    _header, _grid, foot = docx_tables(printing.docx(week.build(version, world.specialist)))
    signed = [p.text for p in foot.rows[0].cells[1].paragraphs if p.text]
    assert signed == ["K/T CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Lê Phó Chánh"]
    lines, _text = pdf_text(printing.pdf(week.build(version, world.specialist)))
    assert lines[-4:-1] == ["K/T CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Lê Phó Chánh"]


def _deputy_chief(world: PlanWorld, clearance: int) -> Person:
    from tests.support.personas import person

    deputy = person("pcvp.tinh", "Lê Phó Chánh", world.province_office, "office_leader", clearance)
    _post(deputy, "Phó Chánh Văn phòng")
    return deputy


def test_a_secret_entry_prints_as_busy_for_someone_not_cleared_and_named_for_someone_cleared(
    printed: Printed,
) -> None:
    world = printed.world
    # The clerk is cleared for Mật, not Tối mật: "Bận", as on the week page.
    busy = week.build(printed.version, world.province_clerk)
    _lines, text = pdf_text(printing.pdf(busy))
    assert SECRET not in text
    assert "Bận" in text
    _header, grid, _foot = docx_tables(printing.docx(busy))
    row = next(r for r in grid.rows if r.cells[2].text == "14g00")
    assert row.cells[3].text == "Bận"
    assert row.cells[4].text == "Đ/c Trần Phó Bí Thư, Phó Bí thư Thường trực Tỉnh ủy"
    # The Chánh Văn phòng is cleared for Tối mật: named, and marked.
    named = week.build(printed.version, world.chief)
    _lines, text = pdf_text(printing.pdf(named))
    assert f"{SECRET} (Tối mật)" in text
    _header, grid, _foot = docx_tables(printing.docx(named))
    row = next(r for r in grid.rows if r.cells[2].text == "14g00")
    assert row.cells[3].text.startswith(f"{SECRET} (Tối mật)")


def test_a_draft_is_marked_and_signed_by_nobody(world: PlanWorld) -> None:
    version = world.week()
    services_schedule.entry_add(actor=world.specialist, version=version, data=world.data())
    raw = printing.docx(week.build(version, world.specialist))
    header, _grid, foot = docx_tables(raw)
    assert "Dự thảo" in texts(header)
    assert not [p.text for p in foot.rows[0].cells[1].paragraphs if p.text]
