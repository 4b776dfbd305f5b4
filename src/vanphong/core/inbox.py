"""The home page's inbox: what is waiting for the person, one section per kind of work.

Each app registers its sections from its AppConfig.ready() (core knows no app): a section says
whether the person's posts make it possible at all (`applies`), and gives its count and first
items (`compute`) in a fixed number of queries, through the app's own visibility-scoped
selectors — so what a person may not see is neither listed nor counted. The web app renders
them in `order`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.utils.functional import Promise

from vanphong.core.workdays import WorkCalendar

FIRST = 5  # items shown per section; the rest are behind "Xem tất cả"


@dataclass(frozen=True)
class Item:
    title: str
    url: str
    note: str = ""  # a deadline, a unit, a time
    late: bool = False


@dataclass(frozen=True)
class Shown:
    count: int
    items: list[Item] = field(default_factory=list)
    more_url: str = ""  # the full list page, where there is one


@dataclass(frozen=True)
class Today:
    """The day the inbox is computed for, with one working-day calendar for every section
    (loaded once: a month either side, so due-soon windows need no second query)."""

    day: date
    calendar: WorkCalendar

    @property
    def overdue_through(self) -> date:
        """A deadline on or before this day is overdue (a working day has passed since)."""
        return self.calendar.overdue_through(self.day)


@dataclass(frozen=True)
class Section:
    key: str
    title: str | Promise
    order: int
    empty: str | Promise  # what an empty section says
    applies: Callable[[Any], bool]  # (person) -> whether the person's posts allow it
    compute: Callable[[Any, Today], Shown]  # (person, today) -> count and first items


_registered: dict[str, Section] = {}


def register(section: Section) -> None:
    _registered[section.key] = section


def registered() -> list[Section]:
    return sorted(_registered.values(), key=lambda s: (s.order, s.key))


def today(day: date) -> Today:
    """`day` with its calendar, as the sections see it (a list page that filters the way a
    section counts judges the day the same)."""
    return Today(day, WorkCalendar.load(day - timedelta(days=31), day + timedelta(days=31)))


def sections_for(person: Any, day: date) -> list[tuple[Section, Shown]]:
    applying = [section for section in registered() if section.applies(person)]
    if not applying:
        return []
    judged = today(day)
    return [(section, section.compute(person, judged)) for section in applying]
