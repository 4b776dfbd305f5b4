"""The annual review's DOCX draft: it opens, its tables say what the database holds (read back
with python-docx), the assessed sections are the Office's text, and the pictures come with
captions that say their figures."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest
from docx import Document

from tests.support.emulation_review import (
    ReviewWorld,
    assignment_row,
    build_review_world,
    incoming_row,
    local,
    movement_row,
    outgoing_row,
    programme_row,
)
from vanphong.core import yearly
from vanphong.documents.models import IncomingDocument, OutgoingDocument
from vanphong.emulation import review, review_docx
from vanphong.emulation.review import review_figures
from vanphong.planning.models import ProgrammeItem

pytestmark = pytest.mark.django_db
TODAY = date(2013, 1, 15)


@pytest.fixture
def world() -> ReviewWorld:
    w = build_review_world()
    for unit in (w.province_office, w.chau_thanh_office, w.hoa_thanh_office):
        for year, n in ((2011, 2), (2012, 3)):
            for day in range(n):
                document = incoming_row(w, unit, local(year, 4, 1 + day), medium="electronic")
                assignment_row(w, document, deadline=date(year, 5, 1))
    incoming_row(w, w.province_office, local(2012, 12, 31, 23, 30))
    outgoing_row(w, w.province_office, date(2012, 3, 3))
    programme_row(w, w.province, 2012, [("done", date(2012, 2, 2)), ("moved", None)])
    return w


def tables(content: bytes) -> list[list[list[str]]]:
    document = Document(io.BytesIO(content))
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]


def text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def figure_tables(content: bytes) -> list[list[list[str]]]:
    return [t for t in tables(content) if t[0][0] == "Nội dung"]


def test_every_figure_in_the_tables_is_the_databases(world: ReviewWorld) -> None:
    figures = review_figures(world.province_office, 2012, reader=world.province_leader, today=TODAY)
    content = review_docx.review_docx(figures, {}, today=TODAY)
    found = figure_tables(content)
    provided = [s for s in figures.sections if s.provided]
    assert len(found) == len(provided)
    for table, section in zip(found, provided, strict=True):
        assert table[0] == review_docx.headings(figures)
        assert len(table) == 1 + len(section.lines)
        for row, line in zip(table[1:], section.lines, strict=True):
            assert row[0] == line.label
            assert row[1:4] == [
                str(line.own.this),
                str(line.own.last),
                review_docx.signed(line.own.difference),
            ]
            assert line.districts is not None
            assert row[4:7] == [
                str(line.districts.this),
                str(line.districts.last),
                review_docx.signed(line.districts.difference),
            ]

    # And straight from the rows, for the lines a reader checks first.
    by_label = {row[0]: row for table in found for row in table[1:]}
    own = [world.province_office.pk, world.province.pk]
    districts = [
        world.chau_thanh.pk,
        world.chau_thanh_office.pk,
        world.hoa_thanh.pk,
        world.hoa_thanh_office.pk,
    ]
    incoming = IncomingDocument.objects.filter
    assert (
        by_label["Văn bản đến đã vào sổ"][1:3]
        == [
            str(incoming(unit_id__in=own, year=2012).count()),
            str(incoming(unit_id__in=own, year=2011).count()),
        ]
        == ["4", "2"]
    )
    assert by_label["Văn bản đến đã vào sổ"][4:6] == [
        str(incoming(unit_id__in=districts, year=2012).count()),
        str(incoming(unit_id__in=districts, year=2011).count()),
    ]
    assert by_label["- Văn bản điện tử"][1] == str(
        incoming(unit_id__in=own, year=2012, medium="electronic").count()
    )
    assert by_label["Văn bản đi đã phát hành"][1] == str(
        OutgoingDocument.objects.filter(unit_id__in=own, issued_on__year=2012).count()
    )
    assert by_label["Nội dung trong chương trình công tác năm"][1] == str(
        ProgrammeItem.objects.filter(
            programme__committee=world.province, programme__year=2012
        ).count()
    )
    assert by_label["- Quá hạn chưa hoàn thành"][1:4] == ["3", "2", "+1"]


def test_the_draft_is_in_party_format_with_the_offices_texts_and_no_invented_figures(
    world: ReviewWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delitem(yearly._registry.sections, "archives")  # a section no app provides
    figures = review_figures(world.province_office, 2012, reader=world.chief, today=TODAY)
    texts = {
        "crypto_it": "Bảo đảm an toàn mạng nội bộ.",
        "finance": "Quyết toán kinh phí đúng hạn.",
        "tasks_next": "Nâng cao chất lượng tham mưu.",
    }
    content = review_docx.review_docx(figures, texts, today=TODAY)
    written = text(content)
    for expected in (
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "TỈNH ỦY TÂY NINH",
        "BÁO CÁO",
        "Tổng kết công tác Văn phòng năm 2012",
        "ngày 15 tháng 01 năm 2013",
        "Công tác lưu trữ",
        "Chưa có số liệu",
        "Bảo đảm an toàn mạng nội bộ.",
        "Quyết toán kinh phí đúng hạn.",
        "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2013",
        "Nâng cao chất lượng tham mưu.",
        "[Văn phòng viết phần đánh giá này.]",  # administration, not written yet
        "Nơi nhận:",
    ):
        assert expected in written, expected
    # Without the districts the tables have the Office's three columns.
    assert all(len(t[0]) == 4 for t in figure_tables(content))


def test_the_ranking_and_the_profile_are_pictures_with_captions_saying_their_figures(
    world: ReviewWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    movement = movement_row(world, 2012, [world.province_office, world.chau_thanh_office])
    rows = [
        SimpleNamespace(unit=world.province_office, total=Decimal("95.5"), rank=1),
        SimpleNamespace(unit=world.chau_thanh_office, total=Decimal("90"), rank=2),
    ]
    fake: Any = SimpleNamespace(
        bloc_ranking=lambda m: SimpleNamespace(rows=rows),
        unit_profile=lambda m, u: [
            SimpleNamespace(
                group=SimpleNamespace(title="Tham mưu"), points=Decimal(45), max_points=Decimal(50)
            )
        ],
    )
    monkeypatch.setattr(review, "_ranking_module", lambda: fake)
    figures = review_figures(world.province_office, 2012, today=TODAY)
    content = review_docx.review_docx(figures, {}, today=TODAY)
    document = Document(io.BytesIO(content))
    assert len(document.inline_shapes) == 2
    written = text(content)
    assert movement.title in written
    assert "xếp hạng 1/2" in written
    assert (
        "1. Văn phòng Tỉnh ủy: 95,50 điểm; 2. Văn phòng Huyện ủy Châu Thành: 90,00 điểm" in written
    )
    assert "Tham mưu: 45,00/50,00 điểm" in written
    images = [rel.target_part.blob for rel in document.part.rels.values() if "image" in rel.reltype]
    assert all(blob.startswith(b"\x89PNG") for blob in images)
    assert len(images) == 2


def test_the_file_name_is_ascii(world: ReviewWorld) -> None:
    figures = review_figures(world.province_office, 2012, today=TODAY)
    assert review_docx.filename(figures) == "tong-ket-2012_van-phong-tinh-uy.docx"
