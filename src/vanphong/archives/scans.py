"""Scanned pages made on the spot, for tests and the demo: Vietnamese text rendered with the
project's own font (Liberation Serif, core/fonts) at 300 dpi, as a PNG or a one-page PDF of
that image (no text layer: what a scanner gives)."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT = Path(__file__).resolve().parent.parent / "core" / "fonts" / "LiberationSerif-Regular.ttf"
DPI = 300
A4 = (2480, 3508)  # 210 x 297 mm at 300 dpi
SAMPLE = "Báo cáo tổng kết công tác văn phòng năm 2011"


def page_image(lines: list[str] | None = None, *, blank: bool = False) -> Image.Image:
    """An A4 page at 300 dpi, black 14-point-ish text on white (or a blank page)."""
    image = Image.new("L", A4, 255)
    if blank:
        return image
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 64)
    y = 300
    for line in lines if lines is not None else [SAMPLE]:
        draw.text((220, y), line, font=font, fill=0)
        y += 110
    return image


def scan_png(lines: list[str] | None = None, *, blank: bool = False) -> bytes:
    out = io.BytesIO()
    page_image(lines, blank=blank).save(out, format="PNG", dpi=(DPI, DPI))
    return out.getvalue()


def scan_pdf(lines: list[str] | None = None, *, blank: bool = False) -> bytes:
    """A one-page image-only PDF, as a scanner makes it."""
    out = io.BytesIO()
    page_image(lines, blank=blank).save(out, format="PDF", resolution=DPI)
    return out.getvalue()
