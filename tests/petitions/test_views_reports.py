"""The reports page: a reception officer or leader chooses a unit they see and a period, reads
the figures and downloads them as XLSX or as a DOCX draft in Party format, neither naming a
petitioner."""

from __future__ import annotations

import io
import re
from datetime import date
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook  # type: ignore[import-untyped]

from tests.support.personas import cast
from tests.support.petitions import PetitionWorld, build_petition_world, letter_row
from tests.support.web import page_queries
from vanphong.org.models import Unit

DENOUNCER = "Trần Văn Giấu Tên"
SUBJECT = "ông Lê Văn Bị Tố"


@pytest.fixture
def world(db: None) -> PetitionWorld:
    world = build_petition_world()
    letter_row(
        world,
        petitioners=(DENOUNCER,),
        id_number="072080001234",
        complaint=False,
        denunciation=True,
        subject=SUBJECT,
        summary=f"Tố cáo {SUBJECT} nhận tiền bồi thường",
        received_on=date(2011, 9, 1),
    )
    letter_row(world, complaint=True, proposal=True, received_on=date(2011, 9, 30))
    letter_row(world, received_on=date(2011, 10, 1))
    return world


def address(unit: Unit, **query: str) -> str:
    return reverse("petitions:reports") + "?" + urlencode({"don-vi": str(unit.uuid), **query})


def september(unit: Unit, **query: str) -> str:
    return address(unit, ky="thang", nam="2011", thang="9", **query)


def test_a_reception_officer_reads_the_months_figures_on_the_page(
    client: Client, world: PetitionWorld
) -> None:
    client.force_login(world.province_reception)
    response = client.get(september(world.province_office))
    assert response.status_code == 200
    body = response.content.decode()
    assert "tháng 9 năm 2011" in body
    table = body.split('data-testid="tiep-nhan"', 1)[1].split("</table>", 1)[0]
    # The letter of 1 October is outside September; the one of 30 September is in it.
    cells = re.findall(r'<td class="text-end">(\d+)</td>', table)
    assert cells == ["2", "2", "0", "1", "1", "1", "0", "0", "0", "0", "2"]
    assert DENOUNCER not in body
    assert SUBJECT not in body


def test_the_first_visit_shows_the_choice_without_figures(
    client: Client, world: PetitionWorld
) -> None:
    client.force_login(world.province_reception)
    body = client.get(reverse("petitions:reports")).content.decode()
    assert 'data-testid="report-filter"' in body
    assert 'data-testid="tiep-nhan"' not in body
    assert "Văn phòng Tỉnh ủy" in body
    assert 'data-testid="report-hint"' in body


def test_a_refused_choice_says_the_report_could_not_be_shown_not_that_nothing_was_saved(
    client: Client, world: PetitionWorld
) -> None:
    client.force_login(world.province_reception)
    body = client.get(address(world.province_office, ky="nam", nam="2999")).content.decode()
    errors = body.split('data-testid="form-errors"', 1)[1].split("</div>", 1)[0]
    assert "Chưa xem được báo cáo" in errors
    assert "Chưa lưu được" not in errors
    assert 'data-testid="report-hint"' not in body


def test_the_workbook_opens_and_holds_the_figures_without_any_petitioner(
    client: Client, world: PetitionWorld
) -> None:
    client.force_login(world.province_reception)
    response = client.get(
        address(world.province_office, ky="nam", nam="2011", **{"dinh-dang": "xlsx"})
    )
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert "bao-cao-don-thu_nam-2011" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    assert book.sheetnames[:2] == ["tiep-nhan", "xu-ly"]
    rows = list(book["tiep-nhan"].iter_rows(values_only=True))
    assert "năm 2011" in str(rows[1][0])
    headings = list(rows[3])
    line = dict(zip(headings, rows[4], strict=False))
    assert line["Đơn vị"] == "Tỉnh ủy Tây Ninh"
    assert (line["Tổng số đơn"], line["Khiếu nại"], line["Tố cáo"], line["Kiến nghị"]) == (
        3,
        2,
        1,
        1,
    )
    text = " ".join(
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )
    for secret in (DENOUNCER, SUBJECT, "072080001234"):
        assert secret not in text


def _docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_the_draft_is_in_party_format_with_the_period_and_totals_and_no_petitioner(
    client: Client, world: PetitionWorld
) -> None:
    client.force_login(world.province_reception)
    response = client.get(september(world.province_office, **{"dinh-dang": "docx"}))
    assert response.status_code == 200
    text = _docx_text(response.content)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "TỈNH ỦY TÂY NINH\nVĂN PHÒNG\n*" in text
    assert "Số      -BC/VPTU" in text
    # The period is over: dated its last day.
    assert "ngày 30 tháng 9 năm 2011" in text
    assert "Kết quả công tác tiếp công dân, tiếp nhận và xử lý đơn thư tháng 9 năm 2011" in text
    assert "tiếp nhận 2 đơn (2 đơn mới, 0 đơn trùng), gồm 1 đơn khiếu nại, 1 đơn tố cáo" in text
    for section in ("I. TÌNH HÌNH", "II. KẾT QUẢ", "III. NHẬN XÉT", "IV. PHƯƠNG HƯỚNG"):
        assert section in text
    assert "Nơi nhận:" in text
    # No letter was found ineligible: the reasons' table says so rather than stand empty.
    assert "Không có số liệu." in text
    for secret in (DENOUNCER, SUBJECT, "072080001234"):
        assert secret not in text


def test_the_secretary_downloads_the_province_rolled_up_with_the_districts(
    client: Client, world: PetitionWorld
) -> None:
    letter_row(
        world,
        unit=world.chau_thanh_office,
        created_by=world.chau_thanh_reception,
        received_on=date(2011, 9, 14),
    )
    client.force_login(cast(world.d.p, "bithu"))
    response = client.get(september(world.province_office, **{"dinh-dang": "xlsx"}))
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    rows = list(book["tiep-nhan"].iter_rows(values_only=True))[4:]
    firsts = [(row[0], row[1]) for row in rows]
    assert firsts == [
        ("Tỉnh ủy Tây Ninh", 2),
        ("Huyện ủy Châu Thành", 1),
        ("Huyện uỷ Hoà Thành", 0),
        ("Tổng cộng", 3),
    ]


def test_another_units_officer_cannot_choose_a_unit_they_do_not_see(
    client: Client, world: PetitionWorld
) -> None:
    client.force_login(world.chau_thanh_reception)
    response = client.get(september(world.province_office, **{"dinh-dang": "xlsx"}))
    assert response.status_code == 200
    assert "attachment" not in response.get("Content-Disposition", "")
    body = response.content.decode()
    assert 'id="id_don-vi_error"' in body
    assert 'data-testid="tiep-nhan"' not in body


def test_a_person_without_a_reception_post_is_told_there_is_nothing_to_report(
    client: Client, world: PetitionWorld
) -> None:
    client.force_login(world.province_clerk)
    body = client.get(september(world.province_office)).content.decode()
    assert "chưa được xem đơn thư của đơn vị nào" in body
    assert 'data-testid="tiep-nhan"' not in body


def test_a_monthly_report_without_a_month_is_refused_on_the_month(
    client: Client, world: PetitionWorld
) -> None:
    client.force_login(world.province_reception)
    body = client.get(address(world.province_office, ky="thang", nam="2011")).content.decode()
    assert 'id="id_thang_error"' in body
    assert "Chọn tháng của báo cáo tháng." in body


def test_a_year_to_come_is_refused_on_the_year(client: Client, world: PetitionWorld) -> None:
    client.force_login(world.province_reception)
    body = client.get(address(world.province_office, ky="nam", nam="2999")).content.decode()
    assert 'id="id_nam_error"' in body


def test_the_page_costs_the_same_queries_whatever_the_number_of_letters(
    client: Client, world: PetitionWorld
) -> None:
    client.force_login(cast(world.d.p, "bithu"))
    page = address(world.province_office, ky="nam", nam="2011")
    before = page_queries(client, page)
    for n in range(10):
        letter_row(world, received_on=date(2011, 1 + n, 5), anonymous=True)
        letter_row(world, unit=world.hoa_thanh_office, received_on=date(2011, 2, 1 + n))
    assert page_queries(client, page) == before
