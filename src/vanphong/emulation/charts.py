"""Server-drawn SVG pictures of emulation (no chart library, no script, nothing from the
network): the bloc's ranking as horizontal bars and a unit's criteria profile, group by group
against each group's maximum.

Each function is pure — data in, an SVG string out — so the pages inline it and the documents
(DOCX) embed it alike. Every text is escaped; each picture carries its text equivalent in its
`<title>` and `<desc>` (the pages also show the same figures as a table).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from vanphong.emulation.ranking import GroupFigure, RankRow, fmt

WIDTH = 640
ROW = 26
BAR = 16
LABEL = 250  # the names' column
VALUE = 90  # the figures' column, after the bars
TOP = 8
COLOUR = "#0d6efd"
TIED = "#6f42c1"
TRACK = "#e9ecef"
TEXT = "#212529"
MUTED = "#6c757d"
FONT = 'font-family="sans-serif" font-size="12"'


def _short(text: str, limit: int = 38) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _svg(title: str, desc: str, height: int, body: list[str], ident: str) -> SafeString:
    ident = escape(ident)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="{ident}-t {ident}-d">'
        f'<title id="{ident}-t">{escape(title)}</title>'
        f'<desc id="{ident}-d">{escape(desc)}</desc>'
        f"{''.join(body)}</svg>"
    )
    return mark_safe(svg)  # noqa: S308 (every text escaped above)


def ranking_description(rows: Sequence[RankRow]) -> str:
    """The ranking in words, one unit a sentence (the chart's text equivalent)."""
    parts = []
    for row in rows:
        if row.rank is None:
            parts.append(_("%(unit)s: chưa có điểm.") % {"unit": row.unit.name})
        else:
            parts.append(
                _("Hạng %(rank)d%(tied)s: %(unit)s, %(total)s điểm (%(round)s).")
                % {
                    "rank": row.rank,
                    "tied": _(" (đồng hạng)") if row.tied else "",
                    "unit": row.unit.name,
                    "total": fmt(row.total),
                    "round": row.round_label,
                }
            )
    return " ".join(parts)


def ranking_svg(rows: Sequence[RankRow], *, title: str, ident: str = "xep-hang") -> SafeString:
    """The bloc's ranking: one bar per unit in rank order, its total and rank; an unscored
    unit shows no bar."""
    largest = max((row.total for row in rows if row.rank is not None), default=Decimal(0))
    span = WIDTH - LABEL - VALUE
    scale = span / float(largest) if largest > 0 else 0.0
    height = TOP * 2 + ROW * max(len(rows), 1)
    body = []
    for index, row in enumerate(rows):
        y = TOP + index * ROW
        name = (
            f"{row.rank}. {_short(row.unit.name)}"
            if row.rank is not None
            else _short(row.unit.name)
        )
        body.append(
            f'<text x="{LABEL - 8}" y="{y + BAR - 3}" text-anchor="end" fill="{TEXT}" '
            f"{FONT}>{escape(name)}</text>"
        )
        if row.rank is None:
            body.append(
                f'<text x="{LABEL}" y="{y + BAR - 3}" fill="{MUTED}" {FONT}>'
                f"{escape(_('chưa có điểm'))}</text>"
            )
            continue
        width = max(float(max(row.total, Decimal(0))) * scale, 1.0)
        said = escape(f"{row.unit.name}: {fmt(row.total)}")
        body.append(
            f'<rect x="{LABEL}" y="{y}" width="{width:.1f}" height="{BAR}" '
            f'fill="{TIED if row.tied else COLOUR}"><title>{said}</title></rect>'
        )
        figure = fmt(row.total) + (" =" if row.tied else "")
        body.append(
            f'<text x="{LABEL + width + 6:.1f}" y="{y + BAR - 3}" fill="{TEXT}" {FONT}>'
            f"{escape(figure)}</text>"
        )
    return _svg(title, ranking_description(rows), height, body, ident)


def profile_description(figures: Sequence[GroupFigure]) -> str:
    return " ".join(
        _("Nhóm %(code)s. %(group)s: %(points)s/%(max)s điểm.")
        % {
            "code": f.group.code,
            "group": f.group.title,
            "points": fmt(f.points),
            "max": fmt(f.max_points),
        }
        for f in figures
    )


def profile_svg(figures: Sequence[GroupFigure], *, title: str, ident: str = "ho-so") -> SafeString:
    """A unit's criteria profile: each group's points as a bar over the track of its maximum
    (bonus points may run past it, drawn to the end of the track)."""
    span = WIDTH - LABEL - VALUE
    height = TOP * 2 + ROW * max(len(figures), 1)
    body = []
    for index, figure in enumerate(figures):
        y = TOP + index * ROW
        name = f"{figure.group.code}. {_short(figure.group.title)}"
        share = min(float(figure.points / figure.max_points), 1.0) if figure.max_points > 0 else 0.0
        said = escape(f"{figure.group.title}: {fmt(figure.points)}/{fmt(figure.max_points)}")
        body.append(
            f'<text x="{LABEL - 8}" y="{y + BAR - 3}" text-anchor="end" fill="{TEXT}" '
            f"{FONT}>{escape(name)}</text>"
            f'<rect x="{LABEL}" y="{y}" width="{span}" height="{BAR}" fill="{TRACK}"/>'
            f'<rect x="{LABEL}" y="{y}" width="{span * share:.1f}" height="{BAR}" '
            f'fill="{COLOUR}"><title>{said}</title></rect>'
            f'<text x="{LABEL + span + 6}" y="{y + BAR - 3}" fill="{TEXT}" {FONT}>'
            f"{escape(fmt(figure.points))}/{escape(fmt(figure.max_points))}</text>"
        )
    return _svg(title, profile_description(figures), height, body, ident)
