"""The petitions' section of an Office's annual review (tổng kết năm): the year's reception
and letters of the units' books, as the yearly report counts them (reports.figures_by_unit:
seven grouped queries whatever the number of units and letters, every letter in the state it
was in on the year's last day). Counts only: never a petitioner, never a denouncer.
Registered from PetitionsConfig.ready().
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Final

from django.utils.translation import gettext_lazy as _

from vanphong.core.yearly import Line, ReviewSection, register_section
from vanphong.petitions.models import Handling
from vanphong.petitions.reports import Figures, Period, PeriodKind, figures_by_unit

KEY: Final = "petitions"

LINES: Final[list[tuple[object, Callable[[Figures], int]]]] = [
    (_("Buổi tiếp công dân"), lambda f: f.session_total),
    (_("- Người đứng đầu cấp ủy tiếp"), lambda f: f.head_sessions),
    (_("Lượt công dân đến"), lambda f: f.visits),
    (_("Đơn thư tiếp nhận"), lambda f: f.letters),
    (_("- Đủ điều kiện xử lý"), lambda f: f.eligible),
    (_("- Không đủ điều kiện xử lý"), lambda f: f.ineligible),
    (_("- Nặc danh"), lambda f: f.anonymous),
    (_("Đơn chuyển cơ quan có thẩm quyền"), lambda f: f.handled[Handling.FORWARD]),
    (_("Đơn có kết quả giải quyết"), lambda f: f.results),
]


def lines(unit_ids: Iterable[int], year: int, as_of: date) -> list[Line]:
    """The year's figures (the period ends on 31/12: `as_of` is that day)."""
    found = figures_by_unit(unit_ids, Period(PeriodKind.YEAR, year))
    return [
        Line(str(label), {unit: value(one) for unit, one in found.items() if value(one)})
        for label, value in LINES
    ]


SECTION: Final = ReviewSection(
    key=KEY,
    order=50,
    title=str(_("Công tác tiếp công dân, tiếp nhận và xử lý đơn thư")),
    lines=lines,
    notes=str(_("Như báo cáo năm về tiếp công dân, đơn thư: đơn nhận trong năm, tại ngày 31/12.")),
)
register_section(SECTION)
