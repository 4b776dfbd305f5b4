"""The week on paper: the PDF renders and reads back in Vietnamese; the DOCX opens (its tables:
the header, the grid, the foot)."""

from __future__ import annotations

import io
from datetime import date, time

import pypdfium2 as pdfium  # type: ignore[import-untyped]
from docx import Document

from tests.support.planning import PlanWorld, publish
from vanphong.planning import printing, services_schedule, week

SUBJECT = "Hội nghị sơ kết công tác Văn phòng cấp ủy năm 2011, triển khai nhiệm vụ năm 2012"


def amended_week(world: PlanWorld) -> week.Week:
    version = world.week()
    services_schedule.entry_add(actor=world.specialist, version=version, data=world.data())
    services_schedule.entry_add(
        actor=world.specialist,
        version=version,
        data=world.data(
            day=date(2012, 2, 16),
            content=SUBJECT,
            leaders=[world.secretary, world.deputy],
            units=[world.chau_thanh, world.hoa_thanh],
            preparing_unit=world.province_office,
        ),
    )
    publish(world, version)
    amendment = services_schedule.schedule_amend(
        actor=world.specialist, version=version, note="Đổi giờ họp Thường trực"
    )
    first = amendment.entries.get(day=date(2012, 2, 13))
    services_schedule.entry_update(
        actor=world.specialist,
        entry=first,
        data=world.data(starts_at=time(14, 0), session="afternoon"),
    )
    return week.build(amendment, world.specialist)


def test_the_pdf_is_a4_landscape_renders_and_reads_back_in_vietnamese(world: PlanWorld) -> None:
    pdf = pdfium.PdfDocument(io.BytesIO(printing.pdf(amended_week(world))))
    try:
        page = pdf[0]
        width, height = page.get_size()
        assert (round(width), round(height)) == (842, 595)  # A4 landscape, in points
        image = page.render(scale=1.5).to_pil()
        text = " ".join(page.get_textpage().get_text_range().split())
    finally:
        pdf.close()
    assert image.width > image.height
    # Not a blank page: a good share of the pixels carry ink.
    dark = sum(image.convert("L").histogram()[:128])
    assert dark > 5_000
    assert "LỊCH CÔNG TÁC TUẦN CỦA THƯỜNG TRỰC TỈNH ỦY TÂY NINH" in text
    assert "Tuần 07, từ ngày 13/02 đến ngày 19/02/2012" in text
    assert "Hội nghị sơ kết công tác Văn phòng cấp" in text
    assert "Thứ Năm" in text
    assert "(Điều chỉnh)" in text
    assert "Nguyễn Bí Thư" in text


def test_the_pdf_embeds_liberation_serif(world: PlanWorld) -> None:
    raw = printing.pdf(amended_week(world))
    assert b"LiberationSerif" in raw


def test_the_docx_opens_landscape_in_times_new_roman_with_the_grid(world: PlanWorld) -> None:
    document = Document(io.BytesIO(printing.docx(amended_week(world))))
    section = document.sections[0]
    assert section.page_width is not None
    assert section.page_height is not None
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    texts = [p.text for p in document.paragraphs]
    assert "LỊCH CÔNG TÁC TUẦN CỦA THƯỜNG TRỰC TỈNH ỦY TÂY NINH" in texts
    assert "Tuần 07, từ ngày 13/02 đến ngày 19/02/2012" in texts
    _header, table, _foot = document.tables
    cells = [cell.text for row in table.rows for cell in row.cells]
    assert any(SUBJECT in cell for cell in cells)
    assert any("(Điều chỉnh)" in cell for cell in cells)
    fonts = {run.font.name for p in document.paragraphs for run in p.runs}
    assert fonts == {"Times New Roman"}
    assert document.styles["Normal"].font.name == "Times New Roman"  # the grid's runs inherit
    # The time column holds "07g30–09g00" on one line.
    assert [round(column.width.mm) for column in table.columns] == [20, 13, 28, 69, 61, 45, 26]


def test_a_secret_entry_prints_as_busy_for_someone_not_cleared(world: PlanWorld) -> None:
    version = world.week()
    services_schedule.entry_add(
        actor=world.specialist,
        version=version,
        data=world.data(content="Làm việc về công tác cán bộ", confidentiality=2),
    )
    shown = week.build(version, world.province_clerk)  # cleared for Mật, not Tối mật
    cells = [
        cell.text
        for row in Document(io.BytesIO(printing.docx(shown))).tables[1].rows
        for cell in row.cells
    ]
    assert not any("công tác cán bộ" in cell for cell in cells)
    assert any("Bận" in cell for cell in cells)
