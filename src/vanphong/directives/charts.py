"""Server-drawn SVG bar charts (no chart library, nothing from the network): one stacked bar
per row, each segment a link to the tasks behind it."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy

from vanphong.directives.stats import KINDS, Counts

KIND_LABELS = {
    "on_time": gettext_lazy("Đúng hạn"),
    "late": gettext_lazy("Trễ hạn"),
    "overdue": gettext_lazy("Quá hạn"),
    "open": gettext_lazy("Đang thực hiện, còn hạn"),
    "cannot_do": gettext_lazy("Không thực hiện được"),
}
COLOURS = {
    "on_time": "#198754",
    "late": "#fd7e14",
    "overdue": "#dc3545",
    "open": "#0d6efd",
    "cannot_do": "#6c757d",
}
WIDTH = 600
HEIGHT = 18


@dataclass(frozen=True)
class Bar:
    label: str
    title: str
    counts: Counts
    svg: SafeString
    href: str = ""  # where the row's name leads (its own dashboard, its task list)


def bar(
    label: str, title: str, counts: Counts, *, link: str, largest: int = 0, href: str = ""
) -> Bar:
    """One row's bar; `link` is the task list's address, each segment adds its figure's
    `loai`. Bars of one chart share `largest` so their lengths compare."""
    scale = WIDTH / (largest or counts.total or 1)
    x = 0.0
    parts = []
    figures = []  # the chart's text equivalent: each segment's kind and figure, in words
    for kind in KINDS:
        n = getattr(counts, kind)
        if not n:
            continue
        width = scale * n
        said = escape(f"{KIND_LABELS[kind]}: {n}")
        figures.append(said)
        rect = (
            f'<rect x="{x:.1f}" y="0" width="{width:.1f}" height="{HEIGHT}" '
            f'fill="{COLOURS[kind]}"><title>{said}</title></rect>'
        )
        # No link: figures the viewer may count but not open (a unit's own sub-tasks).
        parts.append(
            f'<a href="{escape(link)}&amp;loai={kind}" aria-label="{said}">{rect}</a>'
            if link
            else f'<g role="img" aria-label="{said}">{rect}</g>'
        )
        x += width
    # A group, not an image: an image's children are hidden from screen readers, and these
    # are links. Its name says the row and every figure, for those who cannot see the bar.
    summary = "; ".join(figures)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'role="group" aria-label="{escape(label)}: {counts.total}'
        f'{" — " + summary if summary else ""}">{"".join(parts)}</svg>'
    )
    return Bar(label, title, counts, mark_safe(svg), href)  # noqa: S308 (escaped above)


def chart(rows: list[tuple[str, str, str, Counts]], hrefs: list[str] | None = None) -> list[Bar]:
    """Bars of (label, title, link, counts) rows on one scale: the longest fills the width;
    `hrefs`, one per row, make the rows' names links."""
    largest = max((counts.total for *_, counts in rows), default=0)
    return [
        bar(label, title, counts, link=link, largest=largest, href=href)
        for (label, title, link, counts), href in zip(rows, hrefs or [""] * len(rows), strict=True)
    ]
