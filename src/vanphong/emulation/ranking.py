"""The bloc's ranking, each unit's totals per round and what changed between rounds.

Pure reads in a fixed number of grouped queries whatever the number of units:

- `measured` is the sum of the unit's `Measurement` points over the set's measured criteria;
- the hand-scored criteria (assessed, bonus, penalty) come from the latest round with a
  submitted sheet for the unit — council, else bloc, else self; a round's points of a
  criterion are the mean of its submitted sheets (several in the members' bloc round),
  rounded to 0.01;
- `total` = measured + assessed + bonus − penalty;
- competition ranking on `total` (1, 1, 3); a unit with no submitted sheet at all comes last,
  unranked (`rank` None), whatever its measured points;
- `complete`: the council round has scored every hand-scored criterion of the unit.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q

from vanphong.emulation.models import (
    ROUND_ORDER,
    BlocMember,
    Criterion,
    CriterionGroup,
    CriterionKind,
    Measurement,
    Movement,
    Round,
    Score,
    SheetStatus,
)
from vanphong.org.models import Unit

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
HAND_SCORED = (CriterionKind.ASSESSED, CriterionKind.BONUS, CriterionKind.PENALTY)


def fmt(value: Decimal | None) -> str:
    """Points as people write them: no trailing zeros, a decimal comma (17,5; 20; —)."""
    if value is None:
        return "—"
    text = f"{value.quantize(CENT):f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def mean(values: Iterable[Decimal]) -> Decimal:
    items = list(values)
    if not items:
        return ZERO
    return (sum(items, ZERO) / len(items)).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass
class RankRow:
    unit: Unit
    measured: Decimal = ZERO
    assessed: Decimal = ZERO
    bonus: Decimal = ZERO
    penalty: Decimal = ZERO
    total: Decimal = ZERO
    round: str | None = None  # Round value the hand-scored figures come from; None: nothing
    complete: bool = False
    rank: int | None = None
    tied: bool = False
    # Each round's total (None: no submitted sheet), and how many criteria changed between
    # rounds (see `differences`).
    totals: dict[str, Decimal | None] = field(default_factory=dict)
    changes: int = 0

    @property
    def round_label(self) -> str:
        return str(Round(self.round).label) if self.round else ""


@dataclass
class Ranking:
    movement: Movement
    rows: list[RankRow] = field(default_factory=list)

    def row_for(self, unit_id: int) -> RankRow | None:
        return next((row for row in self.rows if row.unit.id == unit_id), None)

    @property
    def ranked(self) -> list[RankRow]:
        return [row for row in self.rows if row.rank is not None]


@dataclass(frozen=True)
class Difference:
    criterion: Criterion
    round: str
    previous: Decimal
    points: Decimal
    reason: str

    @property
    def delta(self) -> Decimal:
        return self.points - self.previous

    @property
    def round_label(self) -> str:
        return str(Round(self.round).label)


@dataclass
class GroupFigure:
    """One group of a unit's profile: its points and maximum (penalties not counted)."""

    group: CriterionGroup
    points: Decimal
    max_points: Decimal
    criteria: list[tuple[Criterion, Decimal | None]] = field(default_factory=list)


# unit id -> round -> criterion id -> [(points, reviewer unit id, reason)]
Marks = dict[int, dict[str, dict[int, list[tuple[Decimal, int, str]]]]]


@dataclass
class _World:
    criteria: list[Criterion]
    measured: dict[int, dict[int, Decimal]]  # unit id -> criterion id -> points
    marks: Marks


def year_bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def criteria_of(movement: Movement) -> list[Criterion]:
    return list(
        Criterion.objects.filter(group__criteria_set_id=movement.criteria_set_id)
        .select_related("group")
        .order_by("group__position", "group__id", "position", "id")
    )


def _world(movement: Movement, unit_ids: Iterable[int] | None = None) -> _World:
    criteria = criteria_of(movement)
    measured_ids = [c.id for c in criteria if c.kind == CriterionKind.MEASURED]
    measurements = Measurement.objects.filter(movement=movement, criterion_id__in=measured_ids)
    scores = Score.objects.filter(
        sheet__movement=movement, sheet__status=SheetStatus.SUBMITTED
    ).exclude(criterion__kind=CriterionKind.MEASURED)
    if unit_ids is not None:
        ids = list(unit_ids)
        measurements = measurements.filter(unit_id__in=ids)
        scores = scores.filter(sheet__unit_id__in=ids)
    measured: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for unit_id, criterion_id, points in measurements.values_list(
        "unit_id", "criterion_id", "points"
    ):
        measured[unit_id][criterion_id] = points
    marks: Marks = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    for unit_id, round_, reviewer_id, criterion_id, points, reason in scores.values_list(
        "sheet__unit_id",
        "sheet__round",
        "sheet__reviewer_unit_id",
        "criterion_id",
        "points",
        "reason",
    ).order_by("sheet__reviewer_unit_id", "id"):
        marks[unit_id][round_][criterion_id].append((points, reviewer_id, reason))
    return _World(criteria, measured, marks)


def _round_points(world: _World, unit_id: int, round_: str) -> dict[int, Decimal]:
    """The round's points per hand-scored criterion: the mean of its submitted sheets."""
    return {
        criterion_id: mean(points for points, _, _ in found)
        for criterion_id, found in world.marks.get(unit_id, {}).get(round_, {}).items()
        if found
    }


def _latest_round(world: _World, unit_id: int) -> str | None:
    rounds = world.marks.get(unit_id, {})
    for round_ in reversed(ROUND_ORDER):
        if any(rounds.get(round_, {}).values()):
            return str(round_)
    return None


def _fill(row: RankRow, world: _World, round_: str | None) -> RankRow:
    row.measured = sum(world.measured.get(row.unit.id, {}).values(), ZERO)
    row.round = round_
    if round_ is not None:
        points = _round_points(world, row.unit.id, round_)
        kinds = {c.id: c.kind for c in world.criteria}
        for criterion_id, value in points.items():
            kind = kinds.get(criterion_id)
            if kind == CriterionKind.ASSESSED:
                row.assessed += value
            elif kind == CriterionKind.BONUS:
                row.bonus += value
            elif kind == CriterionKind.PENALTY:
                row.penalty += value
        council = _round_points(world, row.unit.id, Round.COUNCIL)
        row.complete = all(c.id in council for c in world.criteria if c.kind in HAND_SCORED)
    row.total = row.measured + row.assessed + row.bonus - row.penalty
    return row


def member_units(movement: Movement) -> list[Unit]:
    """The bloc's members at some time in the movement's year, in the bloc's order."""
    first, last = year_bounds(movement.year)
    members = (
        BlocMember.objects.filter(bloc_id=movement.bloc_id, joined_on__lte=last)
        .filter(Q(left_on__isnull=True) | Q(left_on__gt=first))
        .select_related("unit")
        .order_by("position", "unit__name", "id")
    )
    seen: dict[int, Unit] = {}
    for member in members:
        seen.setdefault(member.unit_id, member.unit)
    return list(seen.values())


def bloc_ranking(movement: Movement) -> Ranking:
    """The bloc's ranking now (four queries for any number of units)."""
    units = member_units(movement)
    world = _world(movement)
    known = {unit.id for unit in units}
    extra = [uid for uid in world.marks if uid not in known]
    if extra:  # a unit scored but no longer a member in the year: still ranked
        units += list(Unit.objects.filter(id__in=extra).order_by("name"))
    order = {unit.id: index for index, unit in enumerate(units)}
    rows = [_fill(RankRow(unit=unit), world, _latest_round(world, unit.id)) for unit in units]
    for row in rows:
        row.totals = _totals(world, row.unit)
        row.changes = len(_changed(world, row.unit.id))
    scored = sorted(
        (row for row in rows if row.round is not None),
        key=lambda row: (-row.total, order[row.unit.id]),
    )
    counts: dict[Decimal, int] = defaultdict(int)
    for row in scored:
        counts[row.total] += 1
    previous: Decimal | None = None
    for index, row in enumerate(scored, start=1):
        if row.total != previous:
            row.rank = index
            previous = row.total
        else:
            row.rank = scored[index - 2].rank
        row.tied = counts[row.total] > 1
    unscored = [row for row in rows if row.round is None]
    return Ranking(movement=movement, rows=scored + unscored)


def round_totals(movement: Movement, unit: Unit) -> dict[str, Decimal | None]:
    """Each round's total for the unit (measured points included); None: no submitted sheet."""
    return _totals(_world(movement, [unit.id]), unit)


def _totals(world: _World, unit: Unit) -> dict[str, Decimal | None]:
    result: dict[str, Decimal | None] = {}
    for round_ in ROUND_ORDER:
        if any(world.marks.get(unit.id, {}).get(round_, {}).values()):
            result[str(round_)] = _fill(RankRow(unit=unit), world, round_).total
        else:
            result[str(round_)] = None
    return result


def round_points(movement: Movement, unit: Unit) -> dict[str, dict[int, Decimal]]:
    """Each round's points per hand-scored criterion (criterion id -> points)."""
    world = _world(movement, [unit.id])
    return {str(r): _round_points(world, unit.id, r) for r in ROUND_ORDER}


def differences(movement: Movement, unit: Unit) -> list[Difference]:
    """Every criterion whose points changed from the previous round that scored it, with the
    reviewers' reasons (in the bloc round, each differing reviewer's, named)."""
    world = _world(movement, [unit.id])
    names: dict[int, str] = {}
    reviewer_ids = {
        reviewer
        for rounds in world.marks.values()
        for criteria in rounds.values()
        for found in criteria.values()
        for _, reviewer, _ in found
    }
    several = {
        r
        for r, criteria in world.marks.get(unit.id, {}).items()
        if any(len(found) > 1 for found in criteria.values())
    }
    if several:
        names = dict(Unit.objects.filter(id__in=reviewer_ids).values_list("id", "name"))
    result: list[Difference] = []
    for criterion, round_, previous, points in _changed(world, unit.id):
        found = world.marks[unit.id][round_][criterion.id]
        reasons = []
        for value, reviewer, reason in found:
            if value == previous and len(found) > 1:
                continue
            text = reason.strip()
            if round_ in several:
                text = f"{names.get(reviewer, '')}: {text}" if text else ""
            if text:
                reasons.append(text)
        result.append(Difference(criterion, round_, previous, points, "; ".join(reasons)))
    return result


def _changed(world: _World, unit_id: int) -> list[tuple[Criterion, str, Decimal, Decimal]]:
    """(criterion, round, previous points, points) wherever a round's points of a hand-scored
    criterion differ from the previous round that scored it."""
    by_round = {str(r): _round_points(world, unit_id, r) for r in ROUND_ORDER}
    found: list[tuple[Criterion, str, Decimal, Decimal]] = []
    for criterion in world.criteria:
        if criterion.kind not in HAND_SCORED:
            continue
        previous: Decimal | None = None
        for round_ in ROUND_ORDER:
            points = by_round[str(round_)].get(criterion.id)
            if points is None:
                continue
            if previous is not None and points != previous:
                found.append((criterion, str(round_), previous, points))
            previous = points
    return found


def unit_profile(movement: Movement, unit: Unit, round_: str | None = None) -> list[GroupFigure]:
    """The unit's points per group against the group's maximum, from `round_` or the latest
    round scored (measured criteria from their measurement); penalties are left out."""
    world = _world(movement, [unit.id])
    chosen = round_ or _latest_round(world, unit.id)
    points = _round_points(world, unit.id, chosen) if chosen else {}
    measured = world.measured.get(unit.id, {})
    figures: dict[int, GroupFigure] = {}
    for criterion in world.criteria:
        if criterion.kind == CriterionKind.PENALTY:
            continue
        figure = figures.setdefault(
            criterion.group_id, GroupFigure(group=criterion.group, points=ZERO, max_points=ZERO)
        )
        value = (
            measured.get(criterion.id)
            if criterion.kind == CriterionKind.MEASURED
            else points.get(criterion.id)
        )
        figure.criteria.append((criterion, value))
        figure.points += value or ZERO
        if criterion.kind != CriterionKind.BONUS:
            figure.max_points += criterion.max_points
    return list(figures.values())
