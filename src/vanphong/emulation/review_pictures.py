"""The annual review's pictures: the bloc's ranking and the unit's criteria profile, drawn by
the server as SVG for the page and as PNG for the DOCX (python-docx embeds no SVG), each with
its caption, the text equivalent that says every figure the picture shows.

Pure functions of their data (no query). The PNG is drawn with Pillow, already installed with
fpdf2, in the Liberation Serif shipped under core/fonts (every Vietnamese glyph), so nothing
is fetched or added to draw it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Final
from xml.sax.saxutils import escape, quoteattr

from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont

import vanphong.core

FONTS: Final = Path(vanphong.core.__file__).parent / "fonts"
BAR: Final = "#4a6fa5"
OWN: Final = "#b3261e"
TRACK: Final = "#e3e7ee"
INK: Final = "#1b1b1b"


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal
    maximum: Decimal  # the bar's full length (the best total, or the group's maximum)
    note: str  # the figure written after the bar
    own: bool = False


def points(value: Decimal) -> str:
    """`95,50`: two decimals, a decimal comma."""
    return f"{value:.2f}".replace(".", ",")


def ranking_bars(
    rows: Sequence[tuple[str, Decimal, int | None]], own: str | None = None
) -> list[Bar]:
    best = max((total for _label, total, _rank in rows), default=Decimal(0))
    return [
        Bar(
            label=f"{rank}. {label}" if rank is not None else f"–. {label}",
            value=total,
            maximum=best,
            note=points(total),
            own=label == own,
        )
        for label, total, rank in rows
    ]


def profile_bars(groups: Sequence[tuple[str, Decimal, Decimal]]) -> list[Bar]:
    return [
        Bar(label=title, value=got, maximum=top, note=f"{points(got)}/{points(top)}")
        for title, got, top in groups
    ]


def ranking_caption(title: str, rows: Sequence[tuple[str, Decimal, int | None]]) -> str:
    listed = "; ".join(
        _("%(rank)s. %(unit)s: %(total)s điểm")
        % {"rank": rank if rank is not None else "–", "unit": label, "total": points(total)}
        for label, total, rank in rows
    )
    return _("Xếp hạng %(movement)s. %(rows)s.") % {"movement": title, "rows": listed}


def profile_caption(unit: str, groups: Sequence[tuple[str, Decimal, Decimal]]) -> str:
    listed = "; ".join(
        _("%(group)s: %(points)s/%(max)s điểm")
        % {"group": title, "points": points(got), "max": points(top)}
        for title, got, top in groups
    )
    return _("Điểm theo nhóm tiêu chí của %(unit)s. %(groups)s.") % {
        "unit": unit,
        "groups": listed,
    }


# --- geometry shared by both drawings ----------------------------------------------------

WIDTH: Final = 1200
LABEL: Final = 520  # the labels' column
NOTE: Final = 150  # the figures' column
ROW: Final = 46
PAD: Final = 16


def _length(bar: Bar) -> float:
    if bar.maximum <= 0 or bar.value <= 0:
        return 0.0
    return float(min(bar.value / bar.maximum, Decimal(1))) * (WIDTH - LABEL - NOTE - 2 * PAD)


def _clip(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def svg(bars: Sequence[Bar], caption: str) -> str:
    """The bars as SVG (presentation attributes only: the page's CSP allows no inline style);
    the caption is the image's title and description."""
    height = 2 * PAD + ROW * max(len(bars), 1)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-label={quoteattr(caption)} class="img-fluid">',
        f"<title>{escape(caption)}</title>",
    ]
    for index, bar in enumerate(bars):
        top = PAD + index * ROW
        middle = top + ROW / 2 + 6
        weight = ' font-weight="bold"' if bar.own else ""
        out.append(
            f'<text x="{LABEL - 10}" y="{middle}" text-anchor="end" font-size="18" '
            f'fill="{INK}"{weight}>{escape(_clip(bar.label))}</text>'
        )
        full = WIDTH - LABEL - NOTE - 2 * PAD
        out.append(
            f'<rect x="{LABEL}" y="{top + 8}" width="{full}" height="{ROW - 16}" fill="{TRACK}"/>'
        )
        out.append(
            f'<rect x="{LABEL}" y="{top + 8}" width="{_length(bar):.1f}" height="{ROW - 16}" '
            f'fill="{OWN if bar.own else BAR}"/>'
        )
        out.append(
            f'<text x="{WIDTH - NOTE}" y="{middle}" font-size="18" fill="{INK}">'
            f"{escape(bar.note)}</text>"
        )
    out.append("</svg>")
    return "".join(out)


@cache
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "LiberationSerif-Bold.ttf" if bold else "LiberationSerif-Regular.ttf"
    return ImageFont.truetype(str(FONTS / name), size)


def png(bars: Sequence[Bar]) -> bytes:
    """The same bars as a PNG, for the DOCX."""
    height = 2 * PAD + ROW * max(len(bars), 1)
    image = Image.new("RGB", (WIDTH, height), "white")
    draw = ImageDraw.Draw(image)
    full = WIDTH - LABEL - NOTE - 2 * PAD
    for index, bar in enumerate(bars):
        top = PAD + index * ROW
        font = _font(20, bar.own)
        label = _clip(bar.label)
        draw.text((LABEL - 10, top + ROW / 2), label, font=font, fill=INK, anchor="rm")
        draw.rectangle((LABEL, top + 8, LABEL + full, top + ROW - 8), fill=TRACK)
        length = _length(bar)
        if length > 0:
            draw.rectangle(
                (LABEL, top + 8, LABEL + length, top + ROW - 8), fill=OWN if bar.own else BAR
            )
        draw.text((WIDTH - NOTE, top + ROW / 2), bar.note, font=_font(20), fill=INK, anchor="lm")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
