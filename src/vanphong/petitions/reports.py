"""The periodic reports on citizen reception and letters (monthly, first quarter, six months,
nine months, year): the figures, computed from the books as of the period's end.

A report counts the letters received in the period, in the state they were in on its last
day: a letter classified, handled, answered or closed after that day counts as not yet so,
whenever the report is drawn. Reception counts the sessions held and visits made in the
period. A letter of several kinds counts under each kind and once in the total.

Every figure comes from a fixed number of GROUP BY queries over all the units of the report
at once, so a yearly report costs the same queries at ten thousand letters as at a million.
The figures are counts only: no petitioner, no summary, no free-text place ever enters them.

The province's report rolls up the districts: a committee's own books (its Office, its
boards) on one line and each committee below it on a line of its own, over the units the
reader sees, with the totals.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import date
from enum import StrEnum
from typing import Final

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from vanphong.org.models import COMMITTEE_KINDS, Person, Unit, UnitKind
from vanphong.petitions.models import (
    Field,
    Forward,
    Handling,
    IneligibleReason,
    Letter,
    ReceptionSession,
    SessionKind,
    Visit,
)
from vanphong.petitions.selectors import visible_unit_ids


class PeriodKind(StrEnum):
    MONTH = "month"
    Q1 = "q1"
    SIX_MONTHS = "six_months"
    NINE_MONTHS = "nine_months"
    YEAR = "year"


# How addresses (`?ky=6-thang`) and file names write a kind.
PERIOD_SLUGS: Final[dict[PeriodKind, str]] = {
    PeriodKind.MONTH: "thang",
    PeriodKind.Q1: "quy-1",
    PeriodKind.SIX_MONTHS: "6-thang",
    PeriodKind.NINE_MONTHS: "9-thang",
    PeriodKind.YEAR: "nam",
}
PERIOD_OF_SLUG: Final[dict[str, PeriodKind]] = {s: k for k, s in PERIOD_SLUGS.items()}
# The last month each kind covers from January.
_LAST_MONTH: Final = {
    PeriodKind.Q1: 3,
    PeriodKind.SIX_MONTHS: 6,
    PeriodKind.NINE_MONTHS: 9,
    PeriodKind.YEAR: 12,
}


def period_choices() -> list[tuple[str, str]]:
    return [
        (PERIOD_SLUGS[PeriodKind.MONTH], _("Tháng")),
        (PERIOD_SLUGS[PeriodKind.Q1], _("Quý I")),
        (PERIOD_SLUGS[PeriodKind.SIX_MONTHS], _("6 tháng đầu năm")),
        (PERIOD_SLUGS[PeriodKind.NINE_MONTHS], _("9 tháng đầu năm")),
        (PERIOD_SLUGS[PeriodKind.YEAR], _("Năm")),
    ]


@dataclass(frozen=True)
class Period:
    """A reporting period: a month, or January to the end of March, June, September or
    December. Both ends are inclusive."""

    kind: PeriodKind
    year: int
    month: int | None = None

    def __post_init__(self) -> None:
        if self.kind == PeriodKind.MONTH and not (self.month and 1 <= self.month <= 12):
            raise ValueError("a monthly period needs a month from 1 to 12")
        if self.kind != PeriodKind.MONTH and self.month is not None:
            raise ValueError("only a monthly period has a month")

    @property
    def start(self) -> date:
        return date(self.year, self.month or 1, 1)

    @property
    def end(self) -> date:
        last = self.month if self.month is not None else _LAST_MONTH[self.kind]
        return date(self.year, last, calendar.monthrange(self.year, last)[1])

    @property
    def label(self) -> str:
        """`tháng 9 năm 2011`, `quý I năm 2012`, `6 tháng đầu năm 2012`, `năm 2011`."""
        facts = {"year": self.year, "month": self.month}
        return {
            PeriodKind.MONTH: _("tháng %(month)s năm %(year)s"),
            PeriodKind.Q1: _("quý I năm %(year)s"),
            PeriodKind.SIX_MONTHS: _("6 tháng đầu năm %(year)s"),
            PeriodKind.NINE_MONTHS: _("9 tháng đầu năm %(year)s"),
            PeriodKind.YEAR: _("năm %(year)s"),
        }[self.kind] % facts

    @property
    def slug(self) -> str:
        """`thang-09-2011`, `6-thang-2012`: for file names."""
        kind = PERIOD_SLUGS[self.kind]
        return f"{kind}-{self.month:02d}-{self.year}" if self.month else f"{kind}-{self.year}"


HANDLINGS: Final = tuple(Handling)
SESSION_KINDS: Final = tuple(SessionKind)


@dataclass
class Figures:
    """The counts of one unit, one line of a report, or its total. Keys of the dicts: a
    field's id, a place unit's id (None: not given), a reason, a handling, a session kind."""

    letters: int = 0
    duplicates: int = 0
    complaint: int = 0
    denunciation: int = 0
    proposal: int = 0
    report: int = 0
    anonymous: int = 0
    eligible: int = 0
    ineligible: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    by_field: Counter[int | None] = field(default_factory=Counter)
    by_place: Counter[int | None] = field(default_factory=Counter)
    handled: Counter[str] = field(default_factory=Counter)
    forwards: int = 0  # forwards made (a letter sent to three bodies: three)
    forwarded_letters: int = 0
    forward_results: int = 0  # forwards whose result came back
    forwards_overdue: int = 0  # forwards past their result date without a result
    results: int = 0  # letters with a result of settlement
    told: int = 0  # petitioners told of the result
    closed: int = 0
    sessions: Counter[str] = field(default_factory=Counter)
    visits: int = 0
    people: int = 0
    groups: int = 0  # visits of 5 people or more (đoàn đông người)

    @property
    def new(self) -> int:
        return self.letters - self.duplicates

    @property
    def unclassified(self) -> int:
        return self.letters - self.eligible - self.ineligible

    @property
    def handled_total(self) -> int:
        return sum(self.handled.values())

    @property
    def unhandled(self) -> int:
        return self.letters - self.handled_total

    @property
    def session_total(self) -> int:
        return sum(self.sessions.values())

    @property
    def head_sessions(self) -> int:
        return self.sessions[SessionKind.HEAD]

    def __add__(self, other: Figures) -> Figures:
        summed = Figures()
        for f in fields(Figures):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            setattr(
                summed,
                f.name,
                (Counter(mine) + theirs) if isinstance(mine, Counter) else mine + theirs,
            )
        return summed


def total(many: Iterable[Figures]) -> Figures:
    summed = Figures()
    for one in many:
        summed = summed + one
    return summed


# --- the queries ----------------------------------------------------------------------------

_KINDS: Final = ("complaint", "denunciation", "proposal", "report")


def _count(**where: object) -> Count:
    return Count("id", filter=Q(**where))


def _letters(unit_ids: Iterable[int], period: Period) -> QuerySet[Letter]:
    # order_by(): the model's ordering would enter every GROUP BY.
    return Letter.objects.filter(
        unit_id__in=list(unit_ids), received_on__gte=period.start, received_on__lte=period.end
    ).order_by()


def figures_by_unit(unit_ids: Iterable[int], period: Period) -> dict[int, Figures]:
    """Each unit's figures for `period`, as of its end: seven GROUP BY queries whatever the
    number of units and letters."""
    ids = sorted(set(unit_ids))
    end = period.end
    found: dict[int, Figures] = {unit_id: Figures() for unit_id in ids}
    if not ids:
        return found
    letters = _letters(ids, period)
    handling = {f"h_{h.value}": _count(handling=h.value, handled_on__lte=end) for h in HANDLINGS}
    for row in letters.values("unit_id").annotate(
        n=Count("id"),
        duplicates=_count(duplicate_of__isnull=False),
        anonymous=_count(anonymous=True),
        eligible=_count(eligibility="eligible", classified_on__lte=end),
        ineligible=_count(eligibility="ineligible", classified_on__lte=end),
        results=_count(result_on__lte=end),
        told=_count(told_on__lte=end),
        closed=_count(closed_on__lte=end),
        **{kind: _count(**{kind: True}) for kind in _KINDS},
        **handling,
    ):
        one = found[row["unit_id"]]
        one.letters = row["n"]
        for name in ("duplicates", "anonymous", "eligible", "ineligible", "results", "told"):
            setattr(one, name, row[name])
        one.closed = row["closed"]
        for kind in _KINDS:
            setattr(one, kind, row[kind])
        one.handled = Counter(
            {h.value: row[f"h_{h.value}"] for h in HANDLINGS if row[f"h_{h.value}"]}
        )
    for row in letters.values("unit_id", "field_id").annotate(n=Count("id")):
        found[row["unit_id"]].by_field[row["field_id"]] += row["n"]
    for row in letters.values("unit_id", "place_unit_id").annotate(n=Count("id")):
        found[row["unit_id"]].by_place[row["place_unit_id"]] += row["n"]
    ineligible = letters.filter(eligibility="ineligible", classified_on__lte=end)
    for row in ineligible.values("unit_id", "ineligible_reason").annotate(n=Count("id")):
        found[row["unit_id"]].reasons[row["ineligible_reason"]] += row["n"]
    forwards = Forward.objects.filter(
        letter__unit_id__in=ids,
        letter__received_on__gte=period.start,
        letter__received_on__lte=end,
        forwarded_on__lte=end,
    ).order_by()
    waiting = Q(result_on__isnull=True) | Q(result_on__gt=end)
    for row in forwards.values("letter__unit_id").annotate(
        n=Count("id"),
        letters=Count("letter_id", distinct=True),
        results=_count(result_on__lte=end),
        overdue=Count("id", filter=waiting & Q(result_due_on__lt=end)),
    ):
        one = found[row["letter__unit_id"]]
        one.forwards, one.forwarded_letters = row["n"], row["letters"]
        one.forward_results, one.forwards_overdue = row["results"], row["overdue"]
    sessions = ReceptionSession.objects.filter(
        unit_id__in=ids, day__gte=period.start, day__lte=end, held=True
    ).order_by()
    for row in sessions.values("unit_id", "kind").annotate(n=Count("id")):
        found[row["unit_id"]].sessions[row["kind"]] += row["n"]
    # The register's year narrows the search to the period's rows of (unit, year, number).
    visits = Visit.objects.filter(
        unit_id__in=ids,
        year=period.year,
        session__day__gte=period.start,
        session__day__lte=end,
        session__held=True,
    ).order_by()
    for row in visits.values("unit_id").annotate(
        n=Count("id"), people=Sum("group_size"), groups=_count(group_size__gte=5)
    ):
        one = found[row["unit_id"]]
        one.visits, one.people, one.groups = row["n"], row["people"] or 0, row["groups"]
    return found


def figures(*, units: Unit | Iterable[Unit], period: Period) -> Figures:
    """The figures of `units` together for `period`, as of its end. A single committee or
    Office stands for its committee's own books: the committee and every unit below it but
    not below a committee under it (a province without its districts)."""
    if isinstance(units, Unit):
        ids: set[int] = set(own_units(units, _tree()))
    else:
        ids = {unit.pk for unit in units}
    return total(figures_by_unit(ids, period).values())


# --- the rollup -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Tree:
    parent: dict[int, int | None]
    kind: dict[int, str]

    def children(self) -> dict[int, list[int]]:
        below: dict[int, list[int]] = {}
        for unit_id, parent_id in self.parent.items():
            if parent_id is not None:
                below.setdefault(parent_id, []).append(unit_id)
        return below


def _tree() -> _Tree:
    rows = list(Unit.objects.values_list("id", "parent_id", "kind"))
    return _Tree({u: p for u, p, _k in rows}, {u: k for u, _p, k in rows})


def committee_id(unit: Unit) -> int:
    """The committee whose books `unit` keeps: an Office's parent committee, a committee
    itself; any other unit stands for itself."""
    if unit.kind == UnitKind.OFFICE and unit.parent_id is not None:
        return unit.parent_id
    return unit.pk


def own_units(unit: Unit, tree: _Tree) -> list[int]:
    return _own(committee_id(unit), tree)


def _own(root: int, tree: _Tree) -> list[int]:
    """`root` and the units below it, not entering a committee below it."""
    below = tree.children()
    found, stack = [root], [root]
    while stack:
        for child in below.get(stack.pop(), ()):
            if tree.kind[child] not in COMMITTEE_KINDS:
                found.append(child)
                stack.append(child)
    return found


def _committees_below(root: int, tree: _Tree) -> list[int]:
    """The nearest committees under `root` (the districts under a province)."""
    below = tree.children()
    found, stack = [], [root]
    while stack:
        for child in below.get(stack.pop(), ()):
            if tree.kind[child] in COMMITTEE_KINDS:
                found.append(child)
            else:
                stack.append(child)
    return found


def _subtree(root: int, tree: _Tree) -> list[int]:
    below = tree.children()
    found, stack = [root], [root]
    while stack:
        for child in below.get(stack.pop(), ()):
            found.append(child)
            stack.append(child)
    return found


@dataclass(frozen=True)
class Line:
    name: str
    figures: Figures


@dataclass(frozen=True)
class Report:
    unit: Unit  # the one chosen: an Office or a committee
    committee: Unit | None
    office: Unit | None
    period: Period
    lines: list[Line]  # the committee's own books first, then each committee below
    total: Figures
    field_names: dict[int | None, str]
    place_names: dict[int | None, str]

    @property
    def rolled_up(self) -> bool:
        return len(self.lines) > 1


def report_build(*, person: Person, unit: Unit, period: Period) -> Report:
    """The report of `unit`'s committee for `period` as `person` may draw it: its own books,
    and each committee below it with the units of it the person sees, with the totals."""
    visible = visible_unit_ids(person)
    tree = _tree()
    root = committee_id(unit)
    groups: list[tuple[int, list[int]]] = [(root, [u for u in _own(root, tree) if u in visible])]
    for below in _committees_below(root, tree):
        seen = [u for u in _subtree(below, tree) if u in visible]
        if seen:
            groups.append((below, seen))
    counted = figures_by_unit([u for _root, ids in groups for u in ids], period)
    wanted_units = {root} | {g for g, _ids in groups}
    units = {u.pk: u for u in Unit.objects.filter(pk__in=wanted_units | {unit.pk})}
    # The committee's own books first, then the committees below as the organisation orders
    # siblings (org.units): by their order, then by name with the accents folded.
    groups[1:] = sorted(
        groups[1:], key=lambda g: (units[g[0]].sort_order, units[g[0]].name_folded, g[0])
    )
    lines = [
        Line(units[group].name, total(counted[u] for u in ids)) for group, ids in groups if ids
    ]
    summed = total(line.figures for line in lines)
    committee = units.get(root)
    office = unit if unit.kind == UnitKind.OFFICE else _office(root, tree, visible)
    field_ids = [f for f in summed.by_field if f is not None]
    place_ids = [p for p in summed.by_place if p is not None]
    field_names: dict[int | None, str] = {None: _("Chưa xác định lĩnh vực")}
    field_names.update(Field.objects.filter(pk__in=field_ids).values_list("id", "name"))
    place_names: dict[int | None, str] = {None: _("Chưa xác định địa bàn")}
    place_names.update(Unit.objects.filter(pk__in=place_ids).values_list("id", "name"))
    if committee is not None and not committee.is_committee:
        committee = None
    return Report(
        unit=unit,
        committee=committee,
        office=office,
        period=period,
        lines=lines,
        total=summed,
        field_names=field_names,
        place_names=place_names,
    )


def _office(root: int, tree: _Tree, visible: frozenset[int]) -> Unit | None:
    below = tree.children().get(root, [])
    offices = [u for u in below if tree.kind[u] == UnitKind.OFFICE]
    chosen = [u for u in offices if u in visible] or offices
    return Unit.objects.filter(pk__in=chosen).order_by("sort_order", "name").first()


def report_units(person: Person) -> QuerySet[Unit]:
    """The units a report may be drawn for: the Offices the person sees the letters of, and
    the committees they see whose Office they do not (a report is a committee's, kept by its
    Office: offering both would offer the same report twice)."""
    visible = visible_unit_ids(person)
    offices = Unit.objects.filter(pk__in=visible, kind=UnitKind.OFFICE)
    covered = offices.values("parent_id")
    committees = Unit.objects.filter(pk__in=visible, kind__in=COMMITTEE_KINDS).exclude(
        pk__in=covered
    )
    return Unit.objects.filter(Q(pk__in=offices.values("pk")) | Q(pk__in=committees.values("pk")))


REASON_LABELS: Final = dict(IneligibleReason.choices)
HANDLING_LABELS: Final = dict(Handling.choices)
SESSION_LABELS: Final = dict(SessionKind.choices)
