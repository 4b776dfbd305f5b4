"""Bordered tables in fpdf2 documents, the fonts they are set in, and the pieces of a Party-format
page (numbered pages, centred header columns)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from fpdf import FPDF
from fpdf.enums import Align

from vanphong.core.vietnamese import sanitize

FONTS: Final = Path(__file__).resolve().parent / "fonts"
# More than a page of the widest column holds; what is beyond is never laid out.
MAX_CELL_CHARS: Final = 6000
# fpdf2 subsets the fonts through fontTools, which reports every glyph table at INFO.
logging.getLogger("fontTools.subset").setLevel(logging.WARNING)


def shorten(text: str, limit: int = 1000) -> str:
    """Text for a free-flowing line of a PDF: sanitised, and cut with an ellipsis."""
    text = sanitize(text[: limit + 1])
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


def add_liberation_serif(pdf: FPDF, family: str = "LiberationSerif") -> str:
    """Times New Roman's metrics with every Vietnamese glyph (see fonts/README.md)."""
    pdf.add_font(family, "", str(FONTS / "LiberationSerif-Regular.ttf"))
    pdf.add_font(family, "B", str(FONTS / "LiberationSerif-Bold.ttf"))
    pdf.add_font(family, "I", str(FONTS / "LiberationSerif-Italic.ttf"))
    return family


class PagedPDF(FPDF):
    """A document whose pages end with "Trang n/N" (call `alias_nb_pages` once)."""

    font_family_name = "LiberationSerif"

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font(self.font_family_name, size=9)
        self.cell(0, 5, f"Trang {self.page_no()}/{{nb}}", align=Align.C)


def centred_column(
    document: FPDF, font: str, x: float, width: float, lines: list[tuple[str, str, float]]
) -> float:
    """Lines (text, style, size) centred in a column from the current height; returns where the
    column ends."""
    for text, style, size in lines:
        document.set_font(font, style, size)
        document.set_x(x)
        document.multi_cell(
            width, size * 0.45, shorten(text, 300), align=Align.C, new_x="LEFT", new_y="NEXT"
        )
    return document.get_y()


class Table:
    """A bordered table drawn line by line (fpdf2's own table lays every cell out twice and
    is too slow for a year of documents). Words wrap to the column; a word longer than the
    column is cut; a row never splits across pages, and the header starts every page; a
    cell longer than a page is cut there with an ellipsis."""

    def __init__(
        self,
        pdf: FPDF,
        widths: Sequence[float],
        headings: Sequence[str],
        *,
        font: str,
        size: float = 8,
        line: float = 3.6,
        pad: float = 1.0,
    ) -> None:
        self.pdf = pdf
        self.widths = widths
        self.headings = headings
        self.font, self.size, self.line, self.pad = font, size, line, pad
        self.char_widths: dict[tuple[str, str], float] = {}
        self._body = (0.0, 0.0)  # top and bottom of the body rows on the current page
        self._head = 0.0  # height of the header row
        self.encoded: dict[tuple[str, str, str], str] = {}

    def _use(self, style: str) -> None:
        # set_font costs microseconds even when nothing changes; a week of 300 entries
        # called it 4,000 times.
        pdf = self.pdf
        current = (pdf.font_family, pdf.font_style, pdf.font_size_pt)
        if current != (self.font.lower(), style, self.size):
            pdf.set_font(self.font, style, self.size)

    def _width(self, text: str) -> float:
        style = self.pdf.font_style
        total = 0.0
        for char in text:
            key = (style, char)
            width = self.char_widths.get(key)
            if width is None:
                width = self.char_widths[key] = self.pdf.get_string_width(char)
            total += width
        return total

    def _wrap(self, text: str, room: float, limit: int) -> list[tuple[str, float]]:
        """At most `limit` lines; a cut text ends with an ellipsis."""
        lines: list[tuple[str, float]] = []
        space = self._width(" ")
        for paragraph in sanitize(text[:MAX_CELL_CHARS]).split("\n"):
            line, line_width = "", 0.0
            for word in paragraph.split():
                width = self._width(word)
                if line and line_width + space + width <= room:
                    line, line_width = f"{line} {word}", line_width + space + width
                    continue
                if line:
                    lines.append((line, line_width))
                while width > room and len(word) > 1:  # cut a word wider than the column
                    cut, used = 1, self._width(word[0])
                    while cut < len(word) and used + self._width(word[cut]) <= room:
                        used += self._width(word[cut])
                        cut += 1
                    lines.append((word[:cut], used))
                    word, width = word[cut:], width - used
                line, line_width = word, width
            lines.append((line, line_width))
            if len(lines) > limit:
                break
        if len(lines) > limit or len(text) > MAX_CELL_CHARS:
            lines = lines[:limit]
            last = lines[-1][0].rstrip()
            while last and self._width(last + "…") > room:
                last = last[:-1]
            lines[-1] = (last + "…", self._width(last + "…"))
        return lines

    def row(
        self,
        texts: Sequence[str],
        centred: Sequence[bool],
        *,
        head: bool = False,
        styles: Sequence[str] | None = None,
    ) -> None:
        """One row; `styles` ("", "B", "I" per cell) sets each cell's font style. Call
        `close()` after the last row."""
        pdf = self.pdf
        chosen = list(styles) if styles is not None else ["B" if head else ""] * len(texts)
        # A row never splits across pages, so a cell holds at most what a fresh page does.
        room = pdf.page_break_trigger - pdf.t_margin - self._head - 2 * self.pad
        limit = max(1, int(room / self.line))
        cells = []
        for text, width, style in zip(texts, self.widths, chosen, strict=True):
            self._use(style)
            cells.append(self._wrap(text, width - 2 * self.pad, limit))
        height = max(len(lines) for lines in cells) * self.line + 2 * self.pad
        if not head and pdf.get_y() + height > pdf.page_break_trigger:
            self.close()
            pdf.add_page()
            self.row(self.headings, [True] * len(self.headings), head=True)
        x, top = pdf.l_margin, pdf.get_y()
        if head:
            pdf.set_fill_color(231, 230, 230)
        for lines, width, centre, style in zip(cells, self.widths, centred, chosen, strict=True):
            self._use(style)
            if head:
                pdf.rect(x, top, width, height, style="DF")
            offset = (height - len(lines) * self.line) / 2 if head else self.pad
            for index, (line, line_width) in enumerate(lines):
                if line:
                    left = x + (width - line_width) / 2 if centre else x + self.pad
                    self._text(left, top + offset + index * self.line + self.line * 0.75, line)
            x += width
        bottom = top + height
        if head:
            pdf.set_fill_color(0, 0, 0)  # text is drawn in the fill colour: back to black
            self._body = (bottom, bottom)
            self._head = height
        else:
            # Body rows draw their bottom border only; the column lines of the page are drawn
            # once by close(): seven rectangles a row were a fifth of a long table's time.
            pdf.line(pdf.l_margin, bottom, x, bottom)
            self._body = (self._body[0], bottom)
        pdf.set_y(bottom)

    def _text(self, x: float, y: float, line: str) -> None:
        """fpdf2's `text()`, with each distinct line encoded once: a table repeats the same
        names and places on every page, and encoding (a subset lookup per character) was
        most of the cost of writing a cell."""
        pdf = self.pdf
        font = pdf.current_font
        if font is None or pdf.fill_color != pdf.text_color or not pdf.current_font_is_set_on_page:
            pdf.text(x, y, line)
            return
        key = (pdf.font_family, pdf.font_style, line)
        encoded = self.encoded.get(key)
        if encoded is None:
            encoded = self.encoded[key] = font.encode_text(pdf.normalize_text(line))
        pdf._out(f"BT {x * pdf.k:.2f} {(pdf.h - y) * pdf.k:.2f} Td {encoded} ET")

    def close(self) -> None:
        """Draw the column lines of the rows on the current page."""
        first, last = self._body
        if last <= first:
            return
        x = self.pdf.l_margin
        for width in (0.0, *self.widths):
            x += width
            self.pdf.line(x, first, x, last)
        self._body = (last, last)
