"""The three registers of Decree 30 (Appendix IV): columns, rows, periods, visibility, files."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook  # type: ignore[import-untyped]
from pypdf import PdfReader

from tests.support.documents import DocWorld, complete, direct, issued_report, register
from tests.support.registers import (
    INCOMING_HEADINGS,
    OUTGOING_HEADINGS,
    TODAY,
    TRACKING_HEADINGS,
    YEAR_2012,
)
from vanphong.documents import (
    register_files,
    registers,
    services_delivery,
    services_handling,
    services_incoming,
    services_outgoing,
)
from vanphong.documents.models import (
    Assignment,
    IncomingDocument,
)
from vanphong.documents.registers import SPECS, Kind, Period
from vanphong.org.models import Clearance, Person, Unit

RECEIVED = datetime(2012, 3, 5, 2, 0, tzinfo=UTC)  # 09:00 in Tây Ninh
AFTER_GIO_TO = date(2012, 4, 4)

HEADINGS = {
    Kind.INCOMING: INCOMING_HEADINGS,
    Kind.OUTGOING: OUTGOING_HEADINGS,
    Kind.TRACKING: TRACKING_HEADINGS,
}


# --- building documents through the services ------------------------------------------------


def texts(
    person: Person, kind: Kind, unit: Unit, period: Period = YEAR_2012, today: date = TODAY
) -> list[tuple[str, ...]]:
    rows = registers.rows(person, kind, unit=unit, period=period, today=today)
    return [row.texts for row in rows]


def column(kind: Kind, heading: str) -> int:
    return HEADINGS[kind].index(heading)


def xlsx_sheet(
    world: DocWorld, kind: Kind, person: Person | None = None
) -> list[tuple[object, ...]]:
    content = register_files.build(
        person or world.chau_thanh_clerk,
        kind,
        unit=world.chau_thanh_office,
        period=YEAR_2012,
        file_format="xlsx",
        today=TODAY,
    ).content
    sheet = load_workbook(io.BytesIO(content)).active
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def pdf_text(world: DocWorld, kind: Kind) -> str:
    content = register_files.build(
        world.chau_thanh_clerk,
        kind,
        unit=world.chau_thanh_office,
        period=YEAR_2012,
        file_format="pdf",
        today=TODAY,
    ).content
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


# --- columns ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(Kind))
def test_each_register_has_exactly_the_columns_of_appendix_iv_in_order(kind: Kind) -> None:
    assert SPECS[kind].headings == HEADINGS[kind]


@pytest.mark.parametrize("kind", list(Kind))
def test_the_xlsx_has_a_title_row_then_the_headings_in_order(world: DocWorld, kind: Kind) -> None:
    register(world)
    sheet = xlsx_sheet(world, kind)
    title = str(sheet[0][0])
    assert SPECS[kind].title in title
    assert "Văn phòng Huyện ủy Châu Thành" in title
    assert "Từ ngày 01/01/2012 đến ngày 31/12/2012" in title
    assert sheet[1] == HEADINGS[kind]


def test_the_xlsx_is_laid_out_for_printing(world: DocWorld) -> None:
    register(world)
    content = register_files.build(
        world.chau_thanh_clerk,
        Kind.INCOMING,
        unit=world.chau_thanh_office,
        period=YEAR_2012,
        file_format="xlsx",
    ).content
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet.freeze_panes == "A3"
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == str(sheet.PAPERSIZE_A4)
    assert all(cell.font.b for cell in sheet[2])
    assert sheet.cell(3, 6).alignment.wrap_text
    assert sheet.column_dimensions["F"].width == 40
    assert "A1:J1" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet.cell(3, 1).value.date() == date(2012, 3, 5)  # a real date, shown dd/mm/yyyy
    assert sheet.cell(3, 1).number_format == "DD/MM/YYYY"


@pytest.mark.parametrize("kind", list(Kind))
def test_the_pdf_is_a4_landscape_with_the_headings(world: DocWorld, kind: Kind) -> None:
    register(world)
    content = register_files.build(
        world.chau_thanh_clerk,
        kind,
        unit=world.chau_thanh_office,
        period=YEAR_2012,
        file_format="pdf",
    ).content
    reader = PdfReader(io.BytesIO(content))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)
    text = " ".join(reader.pages[0].extract_text().split())
    assert SPECS[kind].title in text
    position = -1
    for heading in HEADINGS[kind]:
        found = text.find(heading, position + 1)
        assert found > position, heading  # present, and after the one before it
        position = found


def test_vietnamese_text_with_both_tone_placements_survives_xlsx_and_pdf(
    world: DocWorld,
) -> None:
    old = "Về công tác dân vận ở Huyện uỷ Hoà Thành"
    new = "Về tổ chức Đại hội Đảng bộ huyện Hòa Thành, nhiệm kỳ 2015–2020"
    register(world, subject=old)
    register(world, subject=new, number_symbol="46-CT/TU")
    sheet = xlsx_sheet(world, Kind.INCOMING)
    subjects = [row[column(Kind.INCOMING, "Tên loại và trích yếu")] for row in sheet[2:]]
    assert subjects == [
        "Chỉ thị về công tác dân vận ở Huyện uỷ Hoà Thành",
        "Chỉ thị về tổ chức Đại hội Đảng bộ huyện Hòa Thành, nhiệm kỳ 2015–2020",
    ]
    text = pdf_text(world, Kind.INCOMING)
    assert "Hoà Thành" in text
    assert "Hòa Thành" in text
    assert "Huyện uỷ" in text
    assert "Đảng bộ" in text


# --- the incoming register -----------------------------------------------------------------


def test_the_incoming_register_lists_the_book_in_number_order(world: DocWorld) -> None:
    first = register(world, urgency=1, note="Bản chính")
    register(world, number_symbol="46-CT/TU", recipients_note="Ban Tuyên giáo")
    direct(
        world,
        first,
        lead=world.chau_thanh_specialist,
        deadline=date(2012, 3, 20),
        given_at=datetime(2012, 3, 5, 17, 30, tzinfo=UTC),  # 00:30 on 6 March in Tây Ninh
    )
    rows = texts(world.chau_thanh_clerk, Kind.INCOMING, world.chau_thanh_office)
    assert rows == [
        (
            "05/03/2012",
            "1",
            "Tỉnh ủy Tây Ninh",
            "45-CT/TU",
            "01/03/2012",
            "Chỉ thị về lãnh đạo cuộc bầu cử đại biểu Quốc hội khoá XIII",
            "Huỳnh Chuyên Viên",
            "06/03/2012",
            "",
            "Khẩn; Bản chính",
        ),
        (
            "05/03/2012",
            "2",
            "Tỉnh ủy Tây Ninh",
            "46-CT/TU",
            "01/03/2012",
            "Chỉ thị về lãnh đạo cuộc bầu cử đại biểu Quốc hội khoá XIII",
            "Ban Tuyên giáo",
            "",
            "",
            "",
        ),
    ]


def test_the_book_follows_the_incoming_numbers_not_the_arrival_times(world: DocWorld) -> None:
    register(world)
    register(world, number_symbol="46-CT/TU", received_at=RECEIVED - timedelta(days=1))
    rows = texts(world.chau_thanh_clerk, Kind.INCOMING, world.chau_thanh_office)
    assert [(row[1], row[0]) for row in rows] == [("1", "05/03/2012"), ("2", "04/03/2012")]


def test_a_unit_given_the_lead_is_named_and_a_handed_over_part_names_its_successor(
    world: DocWorld,
) -> None:
    to_unit = register(world)
    handed = register(world, number_symbol="46-CT/TU")
    direct(world, to_unit, lead_unit=world.chau_thanh)
    direct(world, handed, lead=world.chau_thanh_specialist)
    part = Assignment.objects.get(document=handed, assignee=world.chau_thanh_specialist)
    services_handling.assignment_hand_over(
        actor=world.chau_thanh_specialist, assignment=part, to=world.chau_thanh_clerk
    )
    receivers = column(Kind.INCOMING, "Đơn vị hoặc người nhận")
    rows = texts(world.chau_thanh_clerk, Kind.INCOMING, world.chau_thanh_office)
    assert [row[receivers] for row in rows] == ["Huyện ủy Châu Thành", "Đặng Thị Đến"]


def test_a_document_registered_at_2330_utc_on_31_december_is_in_the_next_local_year(
    world: DocWorld,
) -> None:
    register(
        world,
        received_at=datetime(2011, 12, 31, 23, 30, tzinfo=UTC),
        document_date=date(2011, 12, 30),
    )
    register(
        world,
        number_symbol="46-CT/TU",
        received_at=datetime(2011, 12, 31, 16, 59, tzinfo=UTC),  # 23:59 local, still 2011
        document_date=date(2011, 12, 30),
    )
    year_2011 = Period(date(2011, 1, 1), date(2011, 12, 31))
    only_new_years_day = Period(date(2012, 1, 1), date(2012, 1, 1))
    clerk, office = world.chau_thanh_clerk, world.chau_thanh_office
    in_2011 = texts(clerk, Kind.INCOMING, office, year_2011)
    in_2012 = texts(clerk, Kind.INCOMING, office, only_new_years_day)
    assert [(row[0], row[3]) for row in in_2011] == [("31/12/2011", "46-CT/TU")]
    assert [(row[0], row[1], row[3]) for row in in_2012] == [("01/01/2012", "1", "45-CT/TU")]


def test_a_register_lists_only_the_documents_the_person_sees(world: DocWorld) -> None:
    register(world, subject="Về công tác tuyển quân")
    register(
        world, number_symbol="46-CT/TU", subject="Về nhân sự", confidentiality=Clearance.SECRET
    )
    subjects = column(Kind.INCOMING, "Tên loại và trích yếu")
    for_clerk = texts(world.chau_thanh_clerk, Kind.INCOMING, world.chau_thanh_office)
    for_specialist = texts(world.chau_thanh_specialist, Kind.INCOMING, world.chau_thanh_office)
    assert [row[subjects] for row in for_clerk] == [
        "Chỉ thị về công tác tuyển quân",
        "Chỉ thị về nhân sự",
    ]
    assert [row[subjects] for row in for_specialist] == ["Chỉ thị về công tác tuyển quân"]
    assert for_clerk[1][-1] == "Mật"


def test_a_recalled_or_cancelled_registration_stays_in_the_book_with_the_reason(
    world: DocWorld,
) -> None:
    wrong = register(world)
    services_incoming.incoming_cancel(
        actor=world.chau_thanh_clerk, document=wrong, reason="Vào sổ nhầm"
    )
    rows = texts(world.chau_thanh_clerk, Kind.INCOMING, world.chau_thanh_office)
    assert rows[0][-1] == "Đã hủy: Vào sổ nhầm"


def test_report_units_are_the_units_whose_documents_the_person_sees(world: DocWorld) -> None:
    clerk = world.chau_thanh_clerk
    assert registers.report_unit_get(clerk, world.chau_thanh_office.uuid) == world.chau_thanh_office
    for unit in (world.hoa_thanh_office, world.chau_thanh):
        with pytest.raises(Http404):
            registers.report_unit_get(clerk, unit.uuid)
    with pytest.raises(Http404):  # administering a district opens none of its documents
        registers.report_unit_get(world.chau_thanh_admin, world.chau_thanh_office.uuid)
    assert set(registers.report_units(world.province_leader)) >= {
        world.chau_thanh_office,
        world.hoa_thanh_office,
    }


# --- the outgoing register -----------------------------------------------------------------


def test_the_outgoing_register_lists_issued_documents_by_series_in_number_order(
    world: DocWorld,
) -> None:
    issued_report(world, subject="Năm trước", issued_on=date(2011, 12, 30))
    election = issued_report(world, subject="Kết quả bầu cử", issued_on=date(2012, 3, 2))
    election.deliveries.update(sent_at=datetime(2012, 3, 2, 8, 0, tzinfo=UTC))  # 15:00 there
    issued_report(
        world, subject="Triển khai Nghị quyết", type_symbol="KH", issued_on=date(2012, 3, 1)
    )
    issued_report(world, subject="Tình hình tháng 3", issued_on=date(2012, 3, 5))
    services_outgoing.outgoing_create(  # a draft has no number: not in the book
        actor=world.chau_thanh_specialist,
        unit=world.chau_thanh_office,
        type_symbol="BC",
        subject="Dự thảo chưa ban hành",
    )
    rows = texts(world.chau_thanh_clerk, Kind.OUTGOING, world.chau_thanh_office)
    assert [(row[0], row[1], row[2]) for row in rows] == [  # numbered through the term
        ("02-BC/VPHU", "02/03/2012", "Báo cáo Kết quả bầu cử"),
        ("03-BC/VPHU", "05/03/2012", "Báo cáo Tình hình tháng 3"),
        ("01-KH/VPHU", "01/03/2012", "Kế hoạch Triển khai Nghị quyết"),
    ]
    first = rows[0]
    assert first[3:] == (
        "Lý Chánh Huyện (Chánh Văn phòng)",
        "Văn phòng Tỉnh ủy; UBND huyện",
        "Lưu VT, hồ sơ bầu cử",
        "3",
        "02/03/2012",  # when it was sent, stored with each delivery
        "",
        "",
    )


def test_a_withdrawn_document_keeps_its_line_and_says_why(world: DocWorld) -> None:
    document = issued_report(world)
    services_delivery.outgoing_recall(
        actor=world.chau_thanh_clerk, document=document, reason="Sai số liệu"
    )
    rows = texts(world.chau_thanh_clerk, Kind.OUTGOING, world.chau_thanh_office)
    assert [(row[0], row[-1]) for row in rows] == [("01-BC/VPHU", "Đã thu hồi: Sai số liệu")]


# --- the tracking register -----------------------------------------------------------------


def test_the_tracking_register_shows_deadline_progress_and_reply(world: DocWorld) -> None:
    specialist = world.chau_thanh_specialist
    on_time = register(world, sender_name="Ban Tổ chức Tỉnh uỷ", number_symbol="12-CV/BTCTU")
    late = register(world, number_symbol="46-CT/TU")
    overdue = register(world, number_symbol="47-CT/TU")
    running = register(world, number_symbol="48-CT/TU")
    register(world, number_symbol="49-CT/TU")  # neither directed nor due: not tracked
    register(world, number_symbol="50-CT/TU", deadline=date(2012, 3, 30))
    given = datetime(2012, 3, 6, 1, 0, tzinfo=UTC)
    for document, deadline in [
        (on_time, date(2012, 3, 15)),
        (late, date(2012, 3, 15)),
        (overdue, date(2012, 3, 31)),
        (running, date(2012, 4, 30)),
    ]:
        direct(world, document, lead=specialist, deadline=deadline, given_at=given)
    reply = issued_report(world, subject="Trả lời Ban Tổ chức", type_symbol="CV", reply_to=on_time)
    complete(
        Assignment.objects.get(document=on_time),
        on=datetime(2012, 3, 15, 16, 0, tzinfo=UTC),  # 23:00 on 15 March: still on time
        reply=reply,
    )
    complete(
        Assignment.objects.get(document=late),
        on=datetime(2012, 3, 15, 17, 30, tzinfo=UTC),  # 00:30 on 16 March: a day late
    )
    # Wednesday 4 April 2012: Giỗ Tổ (Saturday 31 March) and its compensatory Monday are past.
    rows = texts(world.chau_thanh_clerk, Kind.TRACKING, world.chau_thanh_office, today=AFTER_GIO_TO)
    assert [row[0] for row in rows] == ["1", "2", "3", "4", "6"]
    assert rows[0][1] == (
        "Công văn số 12-CV/BTCTU ngày 01/03/2012 của Ban Tổ chức Tỉnh uỷ — "
        "Về lãnh đạo cuộc bầu cử đại biểu Quốc hội khoá XIII"
    )
    assert [row[2] for row in rows] == ["Huỳnh Chuyên Viên"] * 4 + [""]
    assert [row[3] for row in rows] == [
        "15/03/2012",
        "15/03/2012",
        "31/03/2012",
        "30/04/2012",
        "30/03/2012",
    ]
    assert [row[4] for row in rows] == [
        "Hoàn thành đúng hạn, ngày 15/03/2012",
        "Hoàn thành trễ hạn 1 ngày làm việc, ngày 16/03/2012",
        "Quá hạn 1 ngày làm việc (hạn 31/03/2012); đang giải quyết (giao ngày 06/03/2012)",
        "Đang giải quyết (giao ngày 06/03/2012)",
        "Quá hạn 2 ngày làm việc (hạn 30/03/2012); chưa giao xử lý",
    ]
    assert rows[0][5] == "01-CV/VPHU"
    assert rows[0][6] == "Đã tham mưu văn bản trả lời."


def test_nothing_is_overdue_while_only_days_off_have_passed(world: DocWorld) -> None:
    register(world, number_symbol="46-CT/TU", deadline=date(2012, 3, 30))
    on_gio_to = register(world, number_symbol="47-CT/TU")
    direct(
        world,
        on_gio_to,
        lead=world.chau_thanh_specialist,
        deadline=date(2012, 3, 31),
        given_at=datetime(2012, 3, 1, 3, 0, tzinfo=UTC),
    )
    # Saturday 31 March (Giỗ Tổ), Sunday, and Monday 2 April (its compensatory day) are off.
    rows = texts(world.chau_thanh_clerk, Kind.TRACKING, world.chau_thanh_office, today=TODAY)
    assert [row[4] for row in rows] == [
        "Chưa giao xử lý",
        "Đang giải quyết (giao ngày 01/03/2012)",
    ]
    next_day = texts(
        world.chau_thanh_clerk, Kind.TRACKING, world.chau_thanh_office, today=date(2012, 4, 3)
    )
    assert [row[4] for row in next_day] == [
        "Quá hạn 1 ngày làm việc (hạn 30/03/2012); chưa giao xử lý",
        "Đang giải quyết (giao ngày 01/03/2012)",  # a deadline on a day off runs to 3 April
    ]


def test_lateness_skips_tet_and_counts_a_worked_saturday(world: DocWorld) -> None:
    before_tet = register(
        world,
        number_symbol="46-CT/TU",
        document_date=date(2012, 1, 6),
        received_at=datetime(2012, 1, 9, 2, 0, tzinfo=UTC),
    )
    direct(
        world,
        before_tet,
        lead=world.chau_thanh_specialist,
        deadline=date(2012, 1, 20),  # the Friday before the Tết holiday (21–29 January)
        given_at=datetime(2012, 1, 9, 3, 0, tzinfo=UTC),
    )
    complete(
        Assignment.objects.get(document=before_tet),
        on=datetime(2012, 2, 4, 3, 0, tzinfo=UTC),  # Saturday 4 February, worked (làm bù)
    )
    rows = texts(world.chau_thanh_clerk, Kind.TRACKING, world.chau_thanh_office)
    # 30, 31 January, 1, 2, 3 February and the worked Saturday: six working days, not fifteen.
    assert rows[0][4] == "Hoàn thành trễ hạn 6 ngày làm việc, ngày 04/02/2012"


# --- cost ----------------------------------------------------------------------------------


def _queries(world: DocWorld, kind: Kind, file_format: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        register_files.build(
            world.chau_thanh_clerk,
            kind,
            unit=world.chau_thanh_office,
            period=YEAR_2012,
            file_format=file_format,
        )
    return len(captured)


def _add_handled_documents(world: DocWorld, count: int, start: int) -> None:
    for n in range(start, start + count):
        document = register(world, number_symbol=f"{n}-CT/TU", deadline=date(2012, 3, 30))
        direct(
            world, document, lead=world.chau_thanh_specialist, supporting=(world.chau_thanh_clerk,)
        )
        issued_report(world, subject=f"Trả lời số {n}", reply_to=document)


@pytest.mark.parametrize("kind", list(Kind))
def test_building_a_register_costs_the_same_queries_for_2_or_6_documents(
    world: DocWorld, kind: Kind
) -> None:
    _add_handled_documents(world, 2, start=100)
    world.chau_thanh_clerk.__dict__.pop("_vanphong_scope", None)
    few = _queries(world, kind, "xlsx")
    _add_handled_documents(world, 4, start=200)
    world.chau_thanh_clerk.__dict__.pop("_vanphong_scope", None)
    many = _queries(world, kind, "xlsx")
    assert many == few
    assert few <= 6
    assert _queries(world, kind, "pdf") <= many  # the scope is cached on the person by now


def test_a_register_reads_its_rows_in_chunks(
    world: DocWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(registers, "CHUNK", 2)
    for n in range(5):
        register(world, number_symbol=f"{n + 100}-CT/TU")
    rows = texts(world.chau_thanh_clerk, Kind.INCOMING, world.chau_thanh_office)
    assert [row[1] for row in rows] == ["1", "2", "3", "4", "5"]


def test_a_period_runs_from_local_midnight_to_local_midnight() -> None:
    since, until = Period(date(2012, 1, 1), date(2012, 1, 31)).bounds()
    assert since == datetime(2011, 12, 31, 17, 0, tzinfo=UTC)
    assert until - since == timedelta(days=31)


def _fake_rows(count: int, **cells: str) -> list[registers.Row]:
    """Rows without the database, for the layout of the files."""
    rows = []
    for n in range(1, count + 1):
        values: list[registers.Cell] = [
            date(2012, 3, 5),
            n,
            "Tỉnh ủy Tây Ninh",
            f"{n}-CT/TU",
            date(2012, 3, 1),
            "Chỉ thị về công tác dân vận ở Huyện uỷ Hoà Thành, một trích yếu vừa phải",
            "Huỳnh Chuyên Viên",
            None,
            "",
            "",
        ]
        for heading, text in cells.items():
            values[INCOMING_HEADINGS.index(heading.replace("_", " "))] = text
        rows.append(registers.Row(tuple(values), IncomingDocument()))
    return rows


def test_every_pdf_page_starts_with_the_headings_and_is_numbered(world: DocWorld) -> None:
    content = register_files.pdf(
        _fake_rows(80), spec=SPECS[Kind.INCOMING], unit=world.chau_thanh_office, period=YEAR_2012
    )
    pages = PdfReader(io.BytesIO(content)).pages
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        text = " ".join(page.extract_text().split())
        assert "Tên loại và trích yếu" in text
        assert f"Trang {number}/{len(pages)}" in text
    every_number = " ".join(" ".join(p.extract_text().split()) for p in pages)
    assert all(f" {n}-CT/TU " in every_number for n in range(1, 81))


def test_a_word_wider_than_its_column_is_cut_across_lines_not_lost(world: DocWorld) -> None:
    long_word = "Q" * 60 + "Đ" * 60
    rows = _fake_rows(1, Tác_giả=long_word)
    content = register_files.pdf(
        rows, spec=SPECS[Kind.INCOMING], unit=world.chau_thanh_office, period=YEAR_2012
    )
    text = "".join(PdfReader(io.BytesIO(content)).pages[0].extract_text().split())
    assert long_word in text
