"""The exceptions to the working week that ship with vanphong: the years of the demo scenario
(2011, 2012) and the current one (2026).

Tết and Giỗ Tổ Hùng Vương follow the lunar calendar, and the days swapped around them (and
since 2021 the day next to 2 September) are decided by the Prime Minister year by year, so they
are data, entered per year on the calendar page. The fixed solar holidays (1/1, 30/4, 1/5, 2/9)
and the compensatory day after one that falls on a weekend come from the rule set and need no
row here. A row whose basis was not checked against the decision of its year says so in its
note; administrators correct them on the calendar page.
"""

from __future__ import annotations

from datetime import date

from vanphong.core.models import CalendarDay

UNVERIFIED = "chưa kiểm chứng"

_TET_2011 = "Tết Tân Mão: VPCP thông báo ý kiến Thủ tướng về hoán đổi ngày nghỉ năm 2011"
_GIO_TO_2011 = "Giỗ Tổ 2011: VPCP thông báo ý kiến Thủ tướng về hoán đổi ngày nghỉ năm 2011"
_TET_2012 = "Tết Nhâm Thìn: Thủ tướng đồng ý theo đề nghị của Bộ LĐTBXH ngày 27/12/2011"
_LABOUR_CODE = "Bộ luật Lao động: ngày lễ trùng ngày nghỉ hằng tuần thì nghỉ bù ngày kế tiếp"
_NEW_YEAR_2026 = "Văn bản 12729/VPCP-KGVX ngày 25/12/2025"
_TET_2026 = "Thông báo 9441 của Bộ Nội vụ ngày 16/10/2025"

# (day, is_working, name, note)
DEFAULT_CALENDAR_DAYS: tuple[tuple[str, bool, str, str], ...] = (
    # 2011 — Bộ luật Lao động 1994 (sửa đổi 2007): Tết 4 ngày, Giỗ Tổ 1 ngày.
    ("2011-01-29", True, "Làm bù cho thứ Hai 31/01/2011", _TET_2011),
    ("2011-01-30", True, "Làm bù cho thứ Ba 01/02/2011", _TET_2011),
    ("2011-01-31", False, "Nghỉ Tết Nguyên đán (hoán đổi, 28 tháng Chạp)", _TET_2011),
    ("2011-02-01", False, "Nghỉ Tết Nguyên đán (hoán đổi, 29 tháng Chạp)", _TET_2011),
    ("2011-02-02", False, "Tết Nguyên đán Tân Mão (30 tháng Chạp)", ""),
    ("2011-02-03", False, "Tết Nguyên đán Tân Mão (mùng 1)", ""),
    ("2011-02-04", False, "Tết Nguyên đán Tân Mão (mùng 2)", ""),
    ("2011-02-05", False, "Tết Nguyên đán Tân Mão (mùng 3)", ""),
    ("2011-02-07", False, "Nghỉ bù Tết Nguyên đán (mùng 3 trùng thứ Bảy)", _LABOUR_CODE),
    ("2011-04-09", True, "Làm bù cho thứ Hai 11/04/2011", _GIO_TO_2011),
    ("2011-04-11", False, "Nghỉ Giỗ Tổ Hùng Vương (hoán đổi)", _GIO_TO_2011),
    ("2011-04-12", False, "Giỗ Tổ Hùng Vương (10 tháng 3 âm lịch)", ""),
    # 2012
    ("2012-01-22", False, "Tết Nguyên đán Nhâm Thìn (ngày cuối năm Tân Mão)", ""),
    ("2012-01-23", False, "Tết Nguyên đán Nhâm Thìn (mùng 1)", ""),
    ("2012-01-24", False, "Tết Nguyên đán Nhâm Thìn (mùng 2)", ""),
    ("2012-01-25", False, "Tết Nguyên đán Nhâm Thìn (mùng 3)", ""),
    (
        "2012-01-26",
        False,
        "Nghỉ bù Tết Nguyên đán (ngày cuối năm trùng Chủ nhật)",
        f"{_LABOUR_CODE}; {_TET_2012}",
    ),
    ("2012-01-27", False, "Nghỉ Tết Nguyên đán (hoán đổi, mùng 5)", _TET_2012),
    ("2012-02-04", True, "Làm bù cho thứ Sáu 27/01/2012", _TET_2012),
    ("2012-03-31", False, "Giỗ Tổ Hùng Vương (10 tháng 3 âm lịch)", ""),
    (
        "2012-04-02",
        False,
        "Nghỉ bù Giỗ Tổ Hùng Vương (trùng thứ Bảy)",
        f"{_LABOUR_CODE}; văn bản thông báo năm 2012 {UNVERIFIED}",
    ),
    # 2026 — Bộ luật Lao động 2019: Tết 5 ngày, Quốc khánh 2 ngày.
    ("2026-01-02", False, "Nghỉ Tết Dương lịch (hoán đổi)", _NEW_YEAR_2026),
    ("2026-01-10", True, "Làm bù cho thứ Sáu 02/01/2026", _NEW_YEAR_2026),
    ("2026-02-16", False, "Tết Nguyên đán Bính Ngọ (29 tháng Chạp)", _TET_2026),
    ("2026-02-17", False, "Tết Nguyên đán Bính Ngọ (mùng 1)", _TET_2026),
    ("2026-02-18", False, "Tết Nguyên đán Bính Ngọ (mùng 2)", _TET_2026),
    ("2026-02-19", False, "Tết Nguyên đán Bính Ngọ (mùng 3)", _TET_2026),
    ("2026-02-20", False, "Tết Nguyên đán Bính Ngọ (mùng 4)", _TET_2026),
    ("2026-04-26", False, "Giỗ Tổ Hùng Vương (10 tháng 3 âm lịch)", ""),
    ("2026-04-27", False, "Nghỉ bù Giỗ Tổ Hùng Vương (trùng Chủ nhật)", _LABOUR_CODE),
    (
        "2026-09-01",
        False,
        "Quốc khánh (ngày liền kề)",
        f"{UNVERIFIED}: ngày liền kề 2/9 (1/9 hoặc 3/9) do Thủ tướng quyết định hằng năm",
    ),
)


def seed_calendar_days(model: type[CalendarDay] = CalendarDay) -> int:
    """Insert the shipped rows whose day has no row yet; rows already there are left alone."""
    taken = set(model.objects.values_list("day", flat=True))
    rows = [
        model(day=day, is_working=working, name=name, note=note)
        for day, working, name, note in (
            (date.fromisoformat(text), working, name, note)
            for text, working, name, note in DEFAULT_CALENDAR_DAYS
        )
        if day not in taken
    ]
    model.objects.bulk_create(rows)
    return len(rows)
