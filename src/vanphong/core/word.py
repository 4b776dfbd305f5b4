"""Writing Word (DOCX) paragraphs in the Party's typeface: the kit the schedule's print, the
directives' reviews and the petitions' reports share (python-docx does the file)."""

from __future__ import annotations

from typing import Any, Final

from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from vanphong.core.vietnamese import sanitize

WORD_FONT: Final = "Times New Roman"


def font(run: Any, *, size: float, bold: bool = False, italic: bool = False) -> None:
    run.font.name = WORD_FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    # East-Asian text would otherwise fall back to another font in Word.
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), WORD_FONT)


def paragraph(
    where: Any,
    text: str,
    *,
    size: float = 14,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    align: Any = None,
    indent: bool = False,
    after: float = 0,
    first: bool = False,
) -> Any:
    """A paragraph of one run (a line break at each newline); `first` writes into a table
    cell's own empty first paragraph; `align` None keeps the style's alignment."""
    written = where.paragraphs[0] if first else where.add_paragraph()
    if align is not None:
        written.alignment = align
    written.paragraph_format.space_after = Pt(after)
    if indent:
        written.paragraph_format.first_line_indent = Mm(10)
    run = written.add_run(sanitize(text))  # XML cannot carry control characters older rows hold
    font(run, size=size, bold=bold, italic=italic)
    run.font.underline = underline
    return written


def normal_style(document: Any, *, size: float = 14) -> None:
    """Normal in the Party's typeface (east-Asian text included, or Word picks another font
    for it), no space after paragraphs: runs without a font of their own inherit it."""
    normal = document.styles["Normal"]
    normal.font.name = WORD_FONT
    normal.font.size = Pt(size)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), WORD_FONT)
    normal.paragraph_format.space_after = Pt(0)


def a4_portrait(document: Any) -> None:
    """A4 upright with the margins of Decree 30's appendix (top and bottom 20, left 30,
    right 15 mm)."""
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
