"""The printed week survives what older rows may hold: control characters (XML cannot carry
them) and an entry of a megabyte (the PDF caps a cell instead of laying it out for minutes).
The DOCX's first table is the header, the second the grid."""

from __future__ import annotations

import io

import pypdfium2 as pdfium  # type: ignore[import-untyped]
from docx import Document

from tests.support.planning import PlanWorld
from vanphong.planning import printing, services_schedule, week
from vanphong.planning.models import Entry, ScheduleVersion


def _week_with(world: PlanWorld, **stored: str) -> week.Week:
    version: ScheduleVersion = world.week()
    entry = services_schedule.entry_add(actor=world.specialist, version=version, data=world.data())
    # Written straight to the row, as data stored before input was cleaned may be.
    Entry.objects.filter(pk=entry.pk).update(**stored)
    return week.build(version, world.specialist)


def test_a_control_character_in_an_entry_does_not_break_the_docx(world: PlanWorld) -> None:
    shown = _week_with(world, content="Họp\x01 Thường trực\x1b", note="Mang\x08 tài liệu")
    document = Document(io.BytesIO(printing.docx(shown)))
    texts = [cell.text for row in document.tables[1].rows for cell in row.cells]
    assert any("Họp Thường trực" in text for text in texts)
    assert not any("\x01" in text or "\x1b" in text for text in texts)


def test_a_control_character_in_an_entry_does_not_break_the_pdf(world: PlanWorld) -> None:
    shown = _week_with(world, content="Họp\x01 Thường trực\x1b")
    pdf = pdfium.PdfDocument(io.BytesIO(printing.pdf(shown)))
    assert "Họp Thường trực" in pdf[0].get_textpage().get_text_range()


def test_a_megabyte_entry_prints_a_bounded_pdf(world: PlanWorld) -> None:
    words = "Nội dung rất dài " * 60_000  # about a megabyte
    shown = _week_with(world, content=words, place="x" * 300)
    raw = printing.pdf(shown)
    pages = list(pdfium.PdfDocument(io.BytesIO(raw)))
    # The cell is cut to what a page holds; "Nơi nhận" and the signature may take the next.
    assert len(pages) <= 3, "a cell is cut to what a page holds"
    assert len(raw) < 500_000
    text = "".join(page.get_textpage().get_text_range() for page in pages)
    assert "Nội dung rất dài" in text
    assert "…" in text


def test_a_megabyte_entry_prints_a_docx_that_opens(world: PlanWorld) -> None:
    shown = _week_with(world, content="Nội dung rất dài " * 60_000)
    document = Document(io.BytesIO(printing.docx(shown)))
    assert len(document.tables[1].rows) == 2
