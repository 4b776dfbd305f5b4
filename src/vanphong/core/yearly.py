"""A unit's year in figures, asked of every app without naming it.

Emulation scores a unit's year from what the other apps hold (documents handled on time, the
work programme done, directive tasks done on time, weekly schedules published before the week,
letters handled within their legal clock, files transferred to the archive on time), and the
annual review prints each app's figures. Those apps sit beside or below emulation, and the
siblings may not import one another, so each app registers here, from its AppConfig.ready():

- `Measure`s: a share (done / counted) per unit for a calendar year, computed for many units in
  a fixed number of grouped queries (never one query per unit), with the query in words and
  the link to the records behind the figure;
- `ReviewSection`s: the lines of the annual review's section the app owns (counts as of 31/12).

Both answer for the units given, over the unit itself (its own books, programme, schedules),
not its subtree: a province's roll-up is the caller's sum.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Ratio:
    """`done` of `counted` (both counts). No records counted: no share, not zero."""

    done: int
    counted: int

    @property
    def share(self) -> float | None:
        return self.done / self.counted if self.counted else None

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.done + other.done, self.counted + other.counted)


# (unit ids, year, as_of) -> {unit id: Ratio}; a unit with nothing counted may be missing.
Compute = Callable[[Iterable[int], int, date], Mapping[int, Ratio]]
# (unit uuid, year) -> the path of the list behind the figure (scoped by that list's own view).
RecordsUrl = Callable[[str, int], str]


@dataclass(frozen=True)
class Measure:
    key: str  # stored in criteria data: "documents.incoming_on_time"
    title: str  # Vietnamese, for the criteria editor and the score sheet
    counted: str  # what is counted, in words
    done: str  # which of them count as done, in words
    query: str  # the query as the user may check it (SQL-like, field names of the models)
    compute: Compute
    records_url: RecordsUrl | None = None


@dataclass(frozen=True)
class Line:
    label: str
    values: Mapping[int, int]  # unit id -> count; a missing unit is 0


@dataclass(frozen=True)
class ReviewSection:
    key: str
    order: int
    title: str  # "Công tác văn thư, lưu trữ"
    lines: Callable[[Iterable[int], int, date], list[Line]]
    notes: str = ""


@dataclass
class _Registry:
    measures: dict[str, Measure] = field(default_factory=dict)
    sections: dict[str, ReviewSection] = field(default_factory=dict)


_registry = _Registry()


def register_measure(measure: Measure) -> None:
    _registry.measures[measure.key] = measure


def register_section(section: ReviewSection) -> None:
    _registry.sections[section.key] = section


def measure(key: str) -> Measure | None:
    """The registered measure, or None (an app not installed yet: the criterion has no data)."""
    return _registry.measures.get(key)


def measures() -> list[Measure]:
    return sorted(_registry.measures.values(), key=lambda m: m.key)


def sections() -> list[ReviewSection]:
    return sorted(_registry.sections.values(), key=lambda s: (s.order, s.key))
