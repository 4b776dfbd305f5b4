"""Working days: the week, fixed holidays with their compensatory days, the exceptions table;
counting forward, backward and between; the calendars shipped for 2011, 2012 and 2026."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import given, settings
from hypothesis import strategies as st

from vanphong.core import workdays
from vanphong.core.models import CalendarDay
from vanphong.core.rules import FixedHoliday, FixedHolidays
from vanphong.core.workdays import DayKind, Override, WorkCalendar

LABOUR_CODE = FixedHolidays(
    effective_from=date(1995, 1, 1),
    holidays=(
        FixedHoliday(1, 1, "Tết Dương lịch"),
        FixedHoliday(4, 30, "Ngày Chiến thắng"),
        FixedHoliday(5, 1, "Ngày Quốc tế lao động"),
        FixedHoliday(9, 2, "Quốc khánh"),
    ),
    compensate_weekend=True,
)
FIRST, LAST = date(2010, 1, 1), date(2014, 12, 31)


def plain(*overrides: Override) -> WorkCalendar:
    """A calendar without the database: the Labour Code's fixed holidays and `overrides`."""
    return WorkCalendar(rules=[LABOUR_CODE], overrides=overrides, first=FIRST, last=LAST)


def brute_between(calendar: WorkCalendar, a: date, b: date) -> int:
    if b < a:
        return -brute_between(calendar, b, a)
    return sum(calendar.is_working(a + timedelta(days=n)) for n in range(1, (b - a).days + 1))


days = st.dates(min_value=date(2010, 6, 1), max_value=date(2014, 6, 30))
overrides = st.lists(
    st.builds(Override, day=days, is_working=st.booleans(), name=st.just("x")), max_size=12
)


# --- the rules, one by one -------------------------------------------------------------------


def test_weekdays_are_worked_and_weekends_are_not() -> None:
    calendar = plain()
    week = [calendar.day(date(2013, 3, 11) + timedelta(days=n)) for n in range(7)]
    assert [d.kind for d in week] == [DayKind.WORKING] * 5 + [DayKind.WEEKEND] * 2
    assert calendar.holiday_name(date(2013, 3, 16)) is None  # an ordinary Saturday


def test_a_fixed_holiday_on_a_weekday_is_a_day_off_with_its_name() -> None:
    calendar = plain()
    assert not calendar.is_working(date(2013, 4, 30))  # a Tuesday
    assert calendar.holiday_name(date(2013, 4, 30)) == "Ngày Chiến thắng"


def test_a_fixed_holiday_on_a_weekend_gives_the_next_working_day_off() -> None:
    calendar = plain()
    # 2 September 2012 was a Sunday; 30 April and 1 May 2011 a Saturday and a Sunday.
    assert calendar.day(date(2012, 9, 3)).kind == DayKind.COMPENSATORY
    assert calendar.holiday_name(date(2012, 9, 3)) == "Nghỉ bù Quốc khánh"
    assert [calendar.is_working(date(2011, 5, d)) for d in (2, 3, 4)] == [False, False, True]


def test_an_explicit_row_wins_and_cancels_the_compensatory_day_it_falls_on() -> None:
    worked_monday = Override(date(2012, 9, 3), is_working=True, name="Làm bù")
    moved_to_friday = Override(date(2012, 9, 7), is_working=False, name="Nghỉ bù Quốc khánh")
    calendar = plain(worked_monday, moved_to_friday)
    assert calendar.day(date(2012, 9, 3)).kind == DayKind.WORKED
    assert calendar.is_working(date(2012, 9, 4))  # not pushed on to Tuesday
    assert calendar.day(date(2012, 9, 7)).kind == DayKind.DAY_OFF


def test_a_day_off_already_taken_pushes_the_compensatory_day_further() -> None:
    calendar = plain(Override(date(2012, 9, 3), is_working=False, name="Nghỉ khác"))
    assert calendar.day(date(2012, 9, 3)).name == "Nghỉ khác"
    assert calendar.day(date(2012, 9, 4)).kind == DayKind.COMPENSATORY


def test_the_version_in_force_on_a_date_decides_its_fixed_holidays() -> None:
    later = FixedHolidays(
        effective_from=date(2013, 1, 1),
        holidays=(FixedHoliday(11, 24, "Ngày Văn hóa Việt Nam"),),
        compensate_weekend=False,
    )
    calendar = WorkCalendar(rules=[LABOUR_CODE, later], first=FIRST, last=LAST)
    assert calendar.holiday_name(date(2012, 11, 24)) is None  # not in force yet
    assert calendar.holiday_name(date(2013, 11, 24)) == "Ngày Văn hóa Việt Nam"  # a Sunday
    assert calendar.is_working(date(2013, 11, 25))  # this version gives no compensatory day
    assert calendar.holiday_name(date(2014, 11, 24)) == "Ngày Văn hóa Việt Nam"
    assert calendar.is_working(date(2014, 4, 30))  # the later version does not list it


def test_counting_forward_starts_the_day_after_and_lands_on_a_working_day() -> None:
    calendar = plain()
    friday, saturday = date(2013, 3, 15), date(2013, 3, 16)
    assert calendar.add_working_days(friday, 0) == friday
    assert calendar.add_working_days(saturday, 0) == date(2013, 3, 18)
    assert calendar.add_working_days(friday, 1) == date(2013, 3, 18)
    assert calendar.add_working_days(saturday, 1) == date(2013, 3, 18)
    assert calendar.add_working_days(friday, -1) == date(2013, 3, 14)
    assert calendar.working_days_between(friday, date(2013, 3, 18)) == 1


def test_a_deadline_on_a_day_off_runs_to_the_next_working_day() -> None:
    calendar = plain()
    saturday_deadline = date(2013, 3, 16)
    assert calendar.days_late(saturday_deadline, date(2013, 3, 18)) == 0
    assert calendar.days_late(saturday_deadline, date(2013, 3, 19)) == 1
    assert calendar.days_late(date(2013, 3, 15), date(2013, 3, 17)) == 0  # only the weekend
    assert calendar.overdue_through(date(2013, 3, 18)) == date(2013, 3, 15)


# --- properties ------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(rows=overrides, start=days, n=st.integers(min_value=-40, max_value=40))
def test_adding_working_days_lands_on_a_working_day_n_working_days_away(
    rows: list[Override], start: date, n: int
) -> None:
    calendar = plain(*rows)
    found = calendar.add_working_days(start, n)
    assert calendar.is_working(found)
    if n > 0:
        assert found > start
        assert calendar.working_days_between(start, found) == n
    elif n < 0:
        assert found < start
        assert calendar.working_days_between(found, start) == -n - 1 + calendar.is_working(start)
        assert calendar.working_days_between(found, start - timedelta(days=1)) == -n - 1
    else:
        assert found >= start
        assert calendar.working_days_between(start, found) == int(found != start)
        assert (found == start) == calendar.is_working(start)


@settings(max_examples=150, deadline=None)
@given(rows=overrides, a=days, b=days, c=days)
def test_working_days_between_counts_like_walking_the_days_and_adds_up(
    rows: list[Override], a: date, b: date, c: date
) -> None:
    calendar = plain(*rows)
    assert calendar.working_days_between(a, b) == brute_between(calendar, a, b)
    assert calendar.working_days_between(a, b) == -calendar.working_days_between(b, a)
    assert calendar.working_days_between(a, b) + calendar.working_days_between(
        b, c
    ) == calendar.working_days_between(a, c)


@settings(max_examples=150, deadline=None)
@given(rows=overrides)
def test_every_explicit_row_is_obeyed(rows: list[Override]) -> None:
    calendar = plain(*rows)
    last = {row.day: row for row in rows}  # the later of two rows for a day replaces it
    for row in last.values():
        assert calendar.is_working(row.day) == row.is_working


@settings(max_examples=150, deadline=None)
@given(rows=overrides, deadline=days, today=days)
def test_overdue_through_is_exactly_where_a_working_day_has_passed(
    rows: list[Override], deadline: date, today: date
) -> None:
    calendar = plain(*rows)
    late = calendar.days_late(deadline, today)
    assert (late > 0) == (deadline <= calendar.overdue_through(today))
    assert late == max(0, brute_between(calendar, calendar.add_working_days(deadline, 0), today))


@settings(max_examples=60, deadline=None)
@given(rows=overrides, probe=st.dates(min_value=date(2005, 1, 1), max_value=date(2019, 12, 31)))
def test_a_calendar_extended_year_by_year_agrees_with_one_loaded_at_once(
    rows: list[Override], probe: date
) -> None:
    def loader(first: date, last: date) -> list[Override]:
        return [row for row in rows if first <= row.day <= last]

    small = WorkCalendar(
        rules=[LABOUR_CODE], overrides=loader(FIRST, date(2010, 12, 31)), first=FIRST, loader=loader
    )
    whole = WorkCalendar(
        rules=[LABOUR_CODE],
        overrides=rows,
        first=date(2005, 1, 1),
        last=date(2019, 12, 31),
    )
    assert small.day(probe) == whole.day(probe)
    assert small.add_working_days(probe, 7) == whole.add_working_days(probe, 7)
    assert small.working_days_between(FIRST, probe) == whole.working_days_between(FIRST, probe)


# --- the shipped calendar, from the database ----------------------------------------------------


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2011, 1, 3), False),  # 1 January 2011 was a Saturday
        (date(2011, 1, 29), True),  # Saturday worked for the Tết swap
        (date(2011, 1, 31), False),
        (date(2011, 2, 3), False),  # mùng 1 Tết Tân Mão
        (date(2011, 2, 7), False),
        (date(2011, 2, 8), True),
        (date(2011, 4, 9), True),  # Saturday worked for Monday 11 April
        (date(2011, 4, 12), False),  # Giỗ Tổ Hùng Vương
        (date(2012, 1, 23), False),  # mùng 1 Tết Nhâm Thìn
        (date(2012, 1, 27), False),
        (date(2012, 1, 30), True),
        (date(2012, 2, 4), True),  # Saturday worked for Friday 27 January
        (date(2012, 3, 31), False),  # Giỗ Tổ Hùng Vương, a Saturday
        (date(2012, 4, 2), False),  # … made up on the Monday
        (date(2012, 9, 3), False),  # 2 September 2012 was a Sunday
        (date(2026, 1, 2), False),
        (date(2026, 1, 10), True),
        (date(2026, 2, 17), False),  # mùng 1 Tết Bính Ngọ
        (date(2026, 2, 23), True),
        (date(2026, 4, 27), False),  # Giỗ Tổ fell on Sunday 26 April
    ],
)
def test_the_shipped_years_follow_the_decisions_of_their_year(
    db: None, day: date, working: bool
) -> None:
    assert workdays.is_working(day) == working


def test_a_calendar_for_a_range_costs_one_query_and_a_missing_year_one_more(db: None) -> None:
    with CaptureQueriesContext(connection) as loading:
        calendar = WorkCalendar.load(date(2011, 1, 1), date(2012, 12, 31))
    assert len(loading) == 1
    with CaptureQueriesContext(connection) as answering:
        for n in range(365 * 2):
            calendar.days_late(date(2011, 1, 1) + timedelta(days=n), date(2012, 6, 1))
    assert len(answering) == 0
    with CaptureQueriesContext(connection) as extending:
        assert calendar.holiday_name(date(2026, 2, 17)) == "Tết Nguyên đán Bính Ngọ (mùng 1)"
        assert not calendar.is_working(date(2026, 2, 20))
    assert len(extending) == 1


def test_a_row_added_to_the_table_changes_the_count(db: None) -> None:
    before = workdays.working_days_between(date(2013, 6, 3), date(2013, 6, 7))
    CalendarDay.objects.create(day=date(2013, 6, 5), is_working=False, name="Nghỉ")
    assert before == 4
    assert workdays.working_days_between(date(2013, 6, 3), date(2013, 6, 7)) == 3
    assert workdays.holiday_name(date(2013, 6, 5)) == "Nghỉ"
    assert workdays.add_working_days(date(2013, 6, 4), 1) == date(2013, 6, 6)
    assert workdays.days_late(date(2013, 6, 4), date(2013, 6, 6)) == 1
