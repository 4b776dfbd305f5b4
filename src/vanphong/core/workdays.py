"""Working days: the week, the fixed holidays of the rule set, and the table of exceptions.

Which days count, highest precedence first:

1. a row of the exceptions table (`CalendarDay`) for the day: its `is_working` decides;
2. a compensatory day: when a fixed holiday falls on a Saturday or Sunday, the next day that
   would otherwise be worked is a day off (Bộ luật Lao động). If the table has a row for that
   day, the row decides and no other day is given instead — the table said otherwise;
3. a fixed holiday of the `calendar.fixed_holidays` version in force on that date;
4. the week: Saturday and Sunday off, Monday to Friday worked.

Counting follows the way legal periods run (Bộ luật Dân sự 2015, Điều 147–148): a period of n
working days starts the day after its event, and a deadline that falls on a day off moves to the
next working day, so nothing is late before a working day has passed after it.

`WorkCalendar` answers everything from arrays built once for whole years (one query brings the
rule versions and the table's rows), so a job can evaluate a hundred thousand deadlines in
memory. A date outside the loaded years loads the missing years (one query per extension, never
one per date). The module-level functions build a calendar for a single answer.
"""

from __future__ import annotations

import json
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from django.db.models import BooleanField, CharField, TextField, Value
from django.db.models.functions import Cast
from django.utils.translation import gettext as _

from vanphong.core.models import CalendarDay, RuleSet
from vanphong.core.rules import FIXED_HOLIDAYS, FixedHolidays, fixed_holiday_versions

WEEKEND = frozenset({5, 6})  # date.weekday(): Saturday, Sunday
# A year has about 250 working days and never fewer than this: extending the span by a year
# per this many missing working days reaches a far-off answer in one or two extensions.
_WORKING_DAYS_PER_YEAR_AT_LEAST = 200


class DayKind(StrEnum):
    WORKING = "working"  # Monday to Friday, nothing special
    WEEKEND = "weekend"
    HOLIDAY = "holiday"  # a fixed holiday of the rule set
    COMPENSATORY = "compensatory"  # given for a fixed holiday on a weekend
    DAY_OFF = "day_off"  # a row of the table: a day off
    WORKED = "worked"  # a row of the table: a day off by default, worked (làm bù)


WORKING_KINDS = frozenset({DayKind.WORKING, DayKind.WORKED})
NAMED_OFF_KINDS = frozenset({DayKind.HOLIDAY, DayKind.COMPENSATORY, DayKind.DAY_OFF})


@dataclass(frozen=True, slots=True)
class Override:
    """A row of the exceptions table, as plain data."""

    day: date
    is_working: bool
    name: str = ""


@dataclass(frozen=True, slots=True)
class Day:
    day: date
    kind: DayKind
    name: str = ""

    @property
    def is_working(self) -> bool:
        return self.kind in WORKING_KINDS


# Fetches the table's rows for the days from the first date to the last, both included.
Loader = Callable[[date, date], Iterable[Override]]


def _weekday(ordinal: int) -> int:
    return (ordinal - 1) % 7  # date(1, 1, 1) was a Monday


class WorkCalendar:
    """Working days over whole years, extended to further years when asked about them.

    Build one per request, export or job run; extending mutates it, so it is not shared
    between threads."""

    def __init__(
        self,
        *,
        rules: Iterable[FixedHolidays] = (),
        overrides: Iterable[Override] = (),
        first: date | None = None,
        last: date | None = None,
        loader: Loader | None = None,
    ) -> None:
        """`overrides` are the table's rows for the years `first` to `last`; `loader` fetches
        the rows of other years when they are needed (without one, they have none)."""
        self._rules = sorted(rules, key=lambda version: version.effective_from)
        self._starts = [version.effective_from for version in self._rules]
        self._overrides: dict[date, Override] = {o.day: o for o in overrides}
        self._loader = loader
        self._first_year = 0
        self._last_year = -1
        self._lo = 0  # ordinal of the first day covered
        self._working = bytearray()
        self._cum = array("l", [0])  # _cum[i]: working days before day i of the span
        self._named: dict[int, tuple[DayKind, str]] = {}
        if first is not None:
            self._first_year = first.year
            self._last_year = (last or first).year
            self._rebuild()

    @classmethod
    def load(
        cls, first: date, last: date | None = None, *, ignore: Collection[date] = ()
    ) -> WorkCalendar:
        """The calendar for the years from `first` to `last`, in one query; `ignore`: rows
        left out (a service checks a row against the calendar without it)."""
        last = last or first
        start, end = date(first.year, 1, 1), date(last.year, 12, 31)
        overrides, rules = _fetch(start, end, ignore=ignore, with_rules=True)

        def loader(since: date, until: date) -> list[Override]:
            return _fetch(since, until, ignore=ignore, with_rules=False)[0]

        return cls(rules=rules, overrides=overrides, first=start, last=end, loader=loader)

    # --- answers --------------------------------------------------------------------------

    def is_working(self, day: date) -> bool:
        index = self._index(day)  # before reading the arrays: it may replace them
        return bool(self._working[index])

    def day(self, day: date) -> Day:
        index = self._index(day)
        named = self._named.get(index + self._lo)
        if named is not None:
            return Day(day, named[0], named[1])
        if self._working[index]:
            return Day(day, DayKind.WORKING)
        return Day(day, DayKind.WEEKEND)

    def holiday_name(self, day: date) -> str | None:
        """The name of the holiday or day off; None for a working day and an ordinary
        weekend."""
        index = self._index(day)
        named = self._named.get(index + self._lo)
        if named is None or named[0] not in NAMED_OFF_KINDS:
            return None
        return named[1] or _("Ngày nghỉ")

    def days(self, first: date, last: date) -> Iterator[Day]:
        """Every day from `first` to `last`, both included."""
        self._cover(first.year, last.year)
        for ordinal in range(first.toordinal(), last.toordinal() + 1):
            yield self.day(date.fromordinal(ordinal))

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after `start` (before it when n < 0); for n = 0, `start` if it
        is a working day, else the next working day. The answer is always a working day."""
        while True:
            i = self._index(start)
            if n > 0:
                k = self._cum[i + 1] + n
            elif n < 0:
                k = self._cum[i] + n + 1
            else:
                k = self._cum[i] + 1
            if k < 1:
                self._cover(self._first_year - self._years_for(1 - k), self._last_year)
                continue
            if k > self._cum[-1]:
                self._cover(self._first_year, self._last_year + self._years_for(k - self._cum[-1]))
                continue
            return date.fromordinal(self._lo + bisect_left(self._cum, k) - 1)

    def working_days_between(self, a: date, b: date) -> int:
        """Working days after `a` up to and including `b`; negative when `b` is before `a`."""
        self._cover(min(a, b).year, max(a, b).year)
        ia, ib = self._index(a), self._index(b)
        return self._cum[ib + 1] - self._cum[ia + 1]

    def days_late(self, deadline: date, day: date) -> int:
        """Working days by which `day` is past `deadline` (0 when it is not): a deadline on a
        day off runs to the end of the next working day (Bộ luật Dân sự 2015, Điều 148)."""
        due = self.add_working_days(deadline, 0)
        return max(0, self.working_days_between(due, day))

    def overdue_through(self, today: date) -> date:
        """The latest deadline that is overdue on `today`: every deadline on or before it is
        at least one working day late, every later one is not late yet."""
        return self.add_working_days(today, -1 if self.is_working(today) else -2)

    def working_days_in(self, first: date, last: date) -> int:
        """Working days from `first` to `last`, both included."""
        return self.working_days_between(first - timedelta(days=1), last)

    # --- the arrays -----------------------------------------------------------------------

    def _years_for(self, missing: int) -> int:
        return missing // _WORKING_DAYS_PER_YEAR_AT_LEAST + 1

    def _index(self, day: date) -> int:
        index = day.toordinal() - self._lo
        if index < 0 or index >= len(self._working):
            self._cover(day.year, day.year)
            index = day.toordinal() - self._lo
        return index

    def _cover(self, first_year: int, last_year: int) -> None:
        """Extend the span to the years from `first_year` to `last_year`."""
        if self._last_year < self._first_year:  # nothing loaded yet
            self._load_years(first_year, last_year)
            self._first_year, self._last_year = first_year, last_year
            self._rebuild()
            return
        if first_year >= self._first_year and last_year <= self._last_year:
            return
        if first_year < self._first_year:
            self._load_years(first_year, self._first_year - 1)
            self._first_year = first_year
        if last_year > self._last_year:
            self._load_years(self._last_year + 1, last_year)
            self._last_year = last_year
        self._rebuild()

    def _load_years(self, first_year: int, last_year: int) -> None:
        if self._loader is None:
            return
        for override in self._loader(date(first_year, 1, 1), date(last_year, 12, 31)):
            self._overrides[override.day] = override

    def _version_at(self, day: date) -> FixedHolidays | None:
        index = bisect_right(self._starts, day) - 1
        return self._rules[index] if index >= 0 else None

    def _fixed(self) -> dict[int, tuple[str, bool]]:
        """The fixed holidays of the span: ordinal → (name, compensated if on a weekend)."""
        found: dict[int, tuple[str, bool]] = {}
        for year in range(self._first_year, self._last_year + 1):
            for version in self._rules:
                for holiday in version.holidays:
                    try:
                        day = date(year, holiday.month, holiday.day)
                    except ValueError:  # 29 February in a common year
                        continue
                    if self._version_at(day) is version:
                        found[day.toordinal()] = (holiday.name, version.compensate_weekend)
        return found

    def _rebuild(self) -> None:
        lo = date(self._first_year, 1, 1).toordinal()
        hi = date(self._last_year, 12, 31).toordinal()
        overrides = {
            o.day.toordinal(): o for o in self._overrides.values() if lo <= o.day.toordinal() <= hi
        }
        fixed = self._fixed()

        def worked_without_compensation(ordinal: int) -> bool:
            override = overrides.get(ordinal)
            if override is not None:
                return override.is_working
            return ordinal not in fixed and _weekday(ordinal) not in WEEKEND

        compensatory: dict[int, str] = {}
        for ordinal in sorted(fixed):
            name, compensated = fixed[ordinal]
            if not compensated or _weekday(ordinal) not in WEEKEND:
                continue
            override = overrides.get(ordinal)
            if override is not None and override.is_working:
                continue  # the holiday itself is worked: nothing to make up
            candidate = ordinal + 1
            while candidate <= hi and (
                candidate in compensatory or not worked_without_compensation(candidate)
            ):
                candidate += 1
            if candidate <= hi and candidate not in overrides:
                compensatory[candidate] = _("Nghỉ bù %(name)s") % {"name": name}

        named: dict[int, tuple[DayKind, str]] = {}
        working = bytearray(hi - lo + 1)
        cum = array("l", [0]) * (hi - lo + 2)
        count = 0
        for ordinal in range(lo, hi + 1):
            override = overrides.get(ordinal)
            if override is not None:
                kind = DayKind.WORKED if override.is_working else DayKind.DAY_OFF
                named[ordinal] = (kind, override.name)
                is_working = override.is_working
            elif ordinal in compensatory:
                named[ordinal] = (DayKind.COMPENSATORY, compensatory[ordinal])
                is_working = False
            elif ordinal in fixed:
                named[ordinal] = (DayKind.HOLIDAY, fixed[ordinal][0])
                is_working = False
            else:
                is_working = _weekday(ordinal) not in WEEKEND
            if is_working:
                working[ordinal - lo] = 1
                count += 1
            cum[ordinal - lo + 1] = count
        self._lo, self._working, self._cum, self._named = lo, working, cum, named


def _fetch(
    first: date, last: date, *, ignore: Collection[date], with_rules: bool
) -> tuple[list[Override], list[FixedHolidays]]:
    """The table's rows from `first` to `last` and, with `with_rules`, every version of the
    fixed holidays — in one round trip (a UNION), as every page with deadlines asks for both."""
    rows = (
        CalendarDay.objects.filter(day__gte=first, day__lte=last)
        .exclude(day__in=list(ignore))
        .order_by()  # a part of a UNION may not be ordered
        .values_list(
            Value("d", output_field=CharField()),
            "day",
            "is_working",
            "name",
            Value("", output_field=TextField()),
        )
    )
    if with_rules:
        versions = (
            RuleSet.objects.filter(kind=FIXED_HOLIDAYS)
            .order_by()
            .values_list(
                Value("r", output_field=CharField()),
                "effective_from",
                Value(False, output_field=BooleanField()),
                Value("", output_field=CharField()),
                Cast("data", TextField()),
            )
        )
        rows = rows.union(versions, all=True)
    overrides: list[Override] = []
    found: list[tuple[date, dict[str, object]]] = []
    for tag, day, is_working, name, data in rows:
        if tag == "r":
            found.append((day, json.loads(data)))
        else:
            overrides.append(Override(day, bool(is_working), name))
    return overrides, fixed_holiday_versions(found)


# --- one answer at a time ------------------------------------------------------------------


def is_working(day: date) -> bool:
    return WorkCalendar.load(day).is_working(day)


def holiday_name(day: date) -> str | None:
    """The name of the holiday or day off on `day`; None for a working day or a weekend."""
    return WorkCalendar.load(day).holiday_name(day)


def add_working_days(start: date, n: int) -> date:
    return WorkCalendar.load(start).add_working_days(start, n)


def working_days_between(a: date, b: date) -> int:
    return WorkCalendar.load(min(a, b), max(a, b)).working_days_between(a, b)


def days_late(deadline: date, day: date) -> int:
    return WorkCalendar.load(min(deadline, day), max(deadline, day)).days_late(deadline, day)
