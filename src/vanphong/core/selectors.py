"""Reads of the working-day calendar.

Everyone who is logged in may read the calendar: every deadline on every page is counted with
it. Who may change it is narrower than administering a unit, because one calendar serves the
whole installation; units are org's, so org says who (`calendar_editors_are`, from
OrgConfig.ready()).
"""

from __future__ import annotations

import calendar as gregorian
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import QuerySet
from django.http import Http404
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from vanphong.core.access import get_visible_or_404
from vanphong.core.models import CalendarDay
from vanphong.core.workdays import Day, DayKind, WorkCalendar

WEEKDAYS: tuple[Promise, ...] = (
    _("thứ Hai"),
    _("thứ Ba"),
    _("thứ Tư"),
    _("thứ Năm"),
    _("thứ Sáu"),
    _("thứ Bảy"),
    _("Chủ nhật"),
)
KIND_LABELS: dict[DayKind, Promise] = {
    DayKind.WORKING: _("ngày làm việc"),
    DayKind.WEEKEND: _("nghỉ cuối tuần"),
    DayKind.HOLIDAY: _("ngày lễ cố định"),
    DayKind.COMPENSATORY: _("nghỉ bù (tự động)"),
    DayKind.DAY_OFF: _("ngày nghỉ"),
    DayKind.WORKED: _("ngày làm bù"),
}

# Years the pages and the API answer for; beyond them a year is a typing error.
FIRST_YEAR = 1995  # Bộ luật Lao động 1994 in force, the first version of the fixed holidays
LAST_YEAR = 2100


EditorRule = Callable[[AbstractBaseUser | None], bool]

_editor_rule: EditorRule | None = None


def calendar_editors_are(rule: EditorRule) -> None:
    """Let `rule(person)` decide who may change the calendar."""
    global _editor_rule
    _editor_rule = rule


def calendar_may_edit(person: AbstractBaseUser | None) -> bool:
    """What the rule says; nobody while no app has set one."""
    return _editor_rule is not None and _editor_rule(person)


def calendar_year_valid(year: int) -> int:
    """The year, or 404 for one outside the years the calendar serves."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404
    return year


def calendar_days_of_year(year: int) -> QuerySet[CalendarDay]:
    return CalendarDay.objects.filter(day__year=year).order_by("day")


def calendar_day_get(day_uuid: UUID | str) -> CalendarDay:
    """A row of the table, or 404; rows are not secret, any logged-in person may read them."""
    return get_visible_or_404(CalendarDay.objects.all(), day_uuid)


def weekday_name(day: date) -> str:
    return str(WEEKDAYS[day.weekday()])


@dataclass(frozen=True)
class Entry:
    """A day of the calendar, with the table's row when it has one."""

    day: Day
    row: CalendarDay | None

    @property
    def note(self) -> str:
        return self.row.note if self.row is not None else ""

    @property
    def weekday(self) -> str:
        return weekday_name(self.day.day)

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS[self.day.kind])


@dataclass(frozen=True)
class Month:
    number: int
    weeks: list[list[Entry | None]]  # Monday first; None outside the month
    working_days: int


@dataclass(frozen=True)
class CalendarYear:
    year: int
    entries: list[Entry]  # the days that are not ordinary working days or weekends
    months: list[Month]
    working_days: int


def calendar_year(year: int) -> CalendarYear:
    """The year's calendar: its special days (table rows, fixed holidays, compensatory days)
    and its months week by week; two queries."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    work = WorkCalendar.load(first)
    rows = {row.day: row for row in calendar_days_of_year(year)}
    days = [Entry(day, rows.get(day.day)) for day in work.days(first, last)]
    entries = [
        entry
        for entry in days
        if entry.day.kind not in (DayKind.WORKING, DayKind.WEEKEND) or entry.row is not None
    ]
    months: list[Month] = []
    for number in range(1, 13):
        weeks = [
            [days[d.timetuple().tm_yday - 1] if d.month == number else None for d in week]
            for week in gregorian.Calendar(firstweekday=0).monthdatescalendar(year, number)
        ]
        working = sum(1 for e in days if e.day.day.month == number and e.day.is_working)
        months.append(Month(number, weeks, working))
    return CalendarYear(
        year=year,
        entries=entries,
        months=months,
        working_days=sum(1 for e in days if e.day.is_working),
    )
