from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from docx import Document

from tests.support.archives_plans import build_plan_world, entry
from vanphong.archives import plan_print, services_plans
from vanphong.archives.plans import plan_outline, retention_label, roman


@pytest.mark.parametrize(
    ("number", "written"),
    [(1, "I"), (2, "II"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"), (1990, "MCMXC")],
)
def test_roman_numerals(number: int, written: str) -> None:
    assert roman(number) == written


@pytest.mark.parametrize("number", [0, -1, 4000])
def test_there_is_no_roman_numeral_out_of_range(number: int) -> None:
    with pytest.raises(ValueError, match="Roman"):
        roman(number)


def test_retention_is_written_permanent_or_in_years() -> None:
    assert retention_label(None) == "Vĩnh viễn"
    assert retention_label(10) == "10 năm"


@pytest.mark.django_db
def test_major_headings_take_roman_numbers_and_minor_ones_count_again_under_each() -> None:
    pw = build_plan_world()
    clerk = pw.chau_thanh_clerk
    services_plans.heading_add(actor=clerk, plan=pw.plan, title="Văn thư", parent=pw.admin)
    services_plans.heading_add(actor=clerk, plan=pw.plan, title="Lưu trữ", parent=pw.admin)
    outline = plan_outline(pw.plan)
    assert [(r.label, [c.label for c in r.children]) for r in outline.headings] == [
        ("I. Công tác tổng hợp", ["1. Báo cáo"]),
        ("II. Công tác hành chính", ["1. Văn thư", "2. Lưu trữ"]),
    ]


def _tables(content: bytes) -> tuple[Any, list[list[list[str]]]]:
    document = Document(io.BytesIO(content))
    return document, [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]


@pytest.mark.django_db
def test_the_docx_lists_headings_and_entries_in_the_five_columns_and_sums_them_up() -> None:
    pw = build_plan_world()
    entry(pw, pw.plan, pw.admin, "04.HC", "Công văn trao đổi", retention_years=10)
    content = plan_print.docx(pw.plan, today=date(2012, 1, 5))
    document, tables = _tables(content)
    header, grid, _foot = tables
    assert header[0][0].splitlines()[:3] == ["HUYỆN ỦY CHÂU THÀNH", "VĂN PHÒNG", "*"]
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in header[0][1]
    assert "Dự thảo" in header[0][1]
    assert grid[0] == plan_print.headings()
    assert grid[1:] == [
        ["I", "CÔNG TÁC TỔNG HỢP", "", "", ""],
        [
            "01.TH",
            "Nghị quyết, chỉ thị, kết luận của Ban Thường vụ Huyện ủy",
            "Vĩnh viễn",
            "Đặng Thị Đến",
            "",
        ],
        ["1", "Báo cáo", "", "", ""],
        ["02.TH", "Báo cáo tháng, quý của Huyện ủy", "5 năm", "", ""],
        ["II", "CÔNG TÁC HÀNH CHÍNH", "", "", ""],
        ["03.HC", "Sổ đăng ký văn bản đi, đến", "20 năm", "", ""],
        ["04.HC", "Công văn trao đổi", "10 năm", "", ""],
    ]
    texts = [p.text for p in document.paragraphs]
    assert "DANH MỤC HỒ SƠ" in texts
    assert (
        "Bản danh mục hồ sơ này có: 4 hồ sơ, bao gồm: 1 hồ sơ bảo quản vĩnh viễn; "
        "3 hồ sơ bảo quản có thời hạn."
    ) in texts


@pytest.mark.django_db
def test_an_approved_plan_prints_its_approval_day_and_approver_without_the_draft_mark() -> None:
    pw = build_plan_world()
    plan = services_plans.plan_approve(actor=pw.chau_thanh_office_leader, plan=pw.plan)
    _document, tables = _tables(plan_print.docx(plan))
    header, _grid, foot = tables
    assert "Dự thảo" not in header[0][1]
    assert "Lý Chánh Huyện" in foot[0][1]


@pytest.mark.django_db
def test_the_pdf_is_a_pdf_and_the_file_names_are_ascii() -> None:
    pw = build_plan_world()
    content = plan_print.pdf(pw.plan)
    assert content.startswith(b"%PDF")
    assert plan_print.filename(pw.plan, "pdf") == (
        "danh-muc-ho-so-2012_van-phong-huyen-uy-chau-thanh.pdf"
    )
