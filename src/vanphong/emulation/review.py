"""The figures of an Office's annual review (tổng kết năm), section by section, this year and
the year before, each as of its 31 December.

The sections are those the apps register in `core.yearly` (planning's programme and
schedules, documents, directives, petitions, archives), in their order; a section the review
expects but no app provides is listed with no figures and says so, never invents any.

An Office's year is the books of the Office and of its committee (plans and schedules are the
committee's, the incoming book the Office's, outgoing documents either's). The provincial
Office's version adds the districts' roll-up: each committee directly under the province with
its Office, over the units the reader sees, summed in one column (and kept per district).

Every section is asked twice (this year, the year before) for all those units at once, so the
cost is a fixed number of grouped queries whatever the number of districts and documents.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from types import ModuleType
from typing import Any, Final

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vanphong.core import yearly
from vanphong.emulation.models import AnnualReview, Award, Movement
from vanphong.emulation.selectors import reader_unit_ids
from vanphong.org.models import Person, Unit, UnitKind

# Sections the review always has, whether or not an app provides them yet: key → (order, title).
EXPECTED: Final = {
    "planning.programme": (10, gettext_lazy("Công tác tham mưu, thực hiện chương trình công tác")),
    "planning.schedules": (20, gettext_lazy("Xây dựng và thực hiện lịch công tác")),
    "documents": (30, gettext_lazy("Công tác văn bản, văn thư")),
    "directives": (40, gettext_lazy("Theo dõi, đôn đốc thực hiện nghị quyết, chỉ thị, kết luận")),
    "petitions": (50, gettext_lazy("Công tác tiếp công dân, tiếp nhận và xử lý đơn thư")),
    "archives": (60, gettext_lazy("Công tác lưu trữ")),
}
# The sections people write (AnnualReview.texts), in the report's order.
TEXT_KEYS: Final = ("crypto_it", "finance", "administration", "tasks_next")
TEXT_TITLES: Final = {
    "crypto_it": gettext_lazy("Công tác cơ yếu, công nghệ thông tin"),
    "finance": gettext_lazy("Công tác tài chính, đảng phí"),
    "administration": gettext_lazy("Công tác hành chính, quản trị"),
    "tasks_next": gettext_lazy("Phương hướng, nhiệm vụ năm tới"),
}


@dataclass(frozen=True)
class Cell:
    this: int
    last: int

    @property
    def difference(self) -> int:
        return self.this - self.last


@dataclass(frozen=True)
class FigureLine:
    label: str
    own: Cell
    districts: Cell | None = None  # the roll-up of the districts, in the province's version
    by_district: Mapping[int, Cell] = field(default_factory=dict)  # committee id → cell


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    notes: str
    lines: list[FigureLine]
    provided: bool  # False: no app provides it yet ("chưa có số liệu")


@dataclass(frozen=True)
class Standing:
    """The unit's place in its bloc's movement of the year."""

    movement: Movement
    rank: int | None
    total: Decimal | None
    # Every ranked row of the bloc: (unit, total, rank), the ranking's order.
    rows: list[tuple[Unit, Decimal, int | None]]
    # The unit's criteria profile: (group title, points, maximum).
    profile: list[tuple[str, Decimal, Decimal]]
    # The unit convenes the movement (the provincial Office): the bloc's result is its work.
    convened: bool = False


@dataclass(frozen=True)
class ReviewFigures:
    unit: Unit  # the Office (or the committee when it has none)
    committee: Unit | None
    year: int
    as_of: date
    last_as_of: date
    sections: list[Section]
    districts: list[Unit]  # the committees rolled up, in the organisation's order
    standing: Standing | None
    awards: list[Award]
    own_ids: frozenset[int]

    @property
    def rolled_up(self) -> bool:
        return bool(self.districts)


def office_and_committee(unit: Unit) -> tuple[Unit, Unit | None]:
    """(the Office, its committee) for an Office or a committee; any other unit stands alone."""
    if unit.kind == UnitKind.OFFICE:
        parent = unit.parent if unit.parent_id is not None else None
        return unit, parent if parent is not None and parent.is_committee else None
    if unit.is_committee:
        office = (
            Unit.objects.filter(parent=unit, kind=UnitKind.OFFICE, is_active=True)
            .order_by("sort_order", "id")
            .first()
        )
        return (office or unit), unit
    return unit, None


def as_of_day(year: int, today: date | None = None) -> date:
    """31 December of `year`, or today while the year runs."""
    today = today or timezone.localdate()
    return min(date(year, 12, 31), today)


def _districts(
    committee: Unit | None, reader: Person | None
) -> tuple[list[Unit], dict[int, list[int]]]:
    """The committees directly under a province with their Offices (the ids the reader sees)."""
    if committee is None or committee.kind != UnitKind.PROVINCIAL_COMMITTEE:
        return [], {}
    below = list(
        Unit.objects.filter(parent=committee)
        .exclude(kind=UnitKind.OFFICE)
        .order_by("sort_order", "name_folded", "id")
    )
    committees = [unit for unit in below if unit.is_committee]
    offices = Unit.objects.filter(parent__in=committees, kind=UnitKind.OFFICE).values_list(
        "id", "parent_id"
    )
    members: dict[int, list[int]] = {unit.pk: [unit.pk] for unit in committees}
    for office_id, parent_id in offices:
        members[parent_id].append(office_id)
    if reader is not None:
        seen = reader_unit_ids(reader)
        members = {c: [u for u in ids if u in seen] for c, ids in members.items()}
    members = {c: ids for c, ids in members.items() if ids}
    return [unit for unit in committees if unit.pk in members], members


def _sum(values: Mapping[int, int], ids: Iterable[int]) -> int:
    return sum(values.get(unit_id, 0) for unit_id in ids)


def _ranking_module() -> ModuleType | None:
    """emulation.ranking, once it exists (built beside this module)."""
    try:
        return importlib.import_module("vanphong.emulation.ranking")
    except ModuleNotFoundError:
        return None


def standing(own_ids: frozenset[int], year: int) -> Standing | None:
    movement = (
        Movement.objects.filter(year=year, bloc__members__unit_id__in=own_ids)
        .select_related("bloc")
        .order_by("id")
        .first()
    )
    convened = False
    if movement is None:
        movement = (
            Movement.objects.filter(year=year, bloc__convenor_id__in=own_ids)
            .select_related("bloc")
            .order_by("id")
            .first()
        )
        convened = movement is not None
    if movement is None:
        return None
    module = _ranking_module()
    if module is None:
        return Standing(movement, None, None, [], [], convened=convened)
    ranking: Any = module.bloc_ranking(movement)
    rows = [(row.unit, Decimal(row.total), row.rank) for row in ranking.rows]
    mine = next((row for row in ranking.rows if row.unit.pk in own_ids), None)
    profile: list[tuple[str, Decimal, Decimal]] = []
    unit_profile = getattr(module, "unit_profile", None)
    if mine is not None and unit_profile is not None:
        for group in unit_profile(movement, mine.unit):
            title = getattr(group.group, "title", str(group.group))
            profile.append((str(title), Decimal(group.points), Decimal(group.max_points)))
    return Standing(
        movement,
        mine.rank if mine is not None else None,
        Decimal(mine.total) if mine is not None else None,
        rows,
        profile,
        convened=convened,
    )


def review_figures(
    unit: Unit, year: int, *, reader: Person | None = None, today: date | None = None
) -> ReviewFigures:
    """The review of `unit` (an Office or its committee) for `year`: each registered section's
    lines for the Office's own books and, for the provincial Office, the districts the reader
    sees (everyone's when `reader` is None), this year and the year before."""
    office, committee = office_and_committee(unit)
    own = frozenset(u.pk for u in (office, committee) if u is not None)
    districts, members = _districts(committee, reader)
    everyone = sorted(own | {u for ids in members.values() for u in ids})
    as_of, last_as_of = as_of_day(year, today), date(year - 1, 12, 31)
    registered = {section.key: section for section in yearly.sections()}
    order: list[tuple[int, str]] = [(s.order, s.key) for s in registered.values()]
    order += [(o, k) for k, (o, _t) in EXPECTED.items() if k not in registered]
    sections: list[Section] = []
    for _order, key in sorted(order):
        provided = registered.get(key)
        if provided is None:
            sections.append(Section(key, str(EXPECTED[key][1]), "", [], provided=False))
            continue
        this = provided.lines(everyone, year, as_of)
        last = provided.lines(everyone, year - 1, last_as_of)
        lines = []
        for now, before in zip(this, last, strict=True):
            by_district = {
                c: Cell(_sum(now.values, ids), _sum(before.values, ids))
                for c, ids in members.items()
            }
            lines.append(
                FigureLine(
                    label=now.label,
                    own=Cell(_sum(now.values, own), _sum(before.values, own)),
                    districts=(
                        Cell(
                            sum(cell.this for cell in by_district.values()),
                            sum(cell.last for cell in by_district.values()),
                        )
                        if members
                        else None
                    ),
                    by_district=by_district,
                )
            )
        sections.append(Section(key, provided.title, provided.notes, lines, provided=True))
    # Its own register, and what it proposed (the convenor's bloc: the districts' titles).
    awards = list(
        Award.objects.filter(
            Q(register_unit_id__in=own) | Q(nominee__proposal__proposing_unit_id__in=own),
            year=year,
        )
        .distinct()
        .select_related("unit", "person")
        .order_by("title_code", "id")
    )
    return ReviewFigures(
        unit=office,
        committee=committee,
        year=year,
        as_of=as_of,
        last_as_of=last_as_of,
        sections=sections,
        districts=districts,
        standing=standing(own, year),
        awards=awards,
        own_ids=own,
    )


def award_holder(award: Award) -> str:
    if award.unit is not None:
        return award.unit.name
    if award.person is not None:
        return award.person.full_name or award.person.username
    return ""


def review_row(unit: Unit, year: int) -> AnnualReview | None:
    return AnnualReview.objects.filter(unit=unit, year=year).first()


def no_figures() -> str:
    return _("Chưa có số liệu: phân hệ này chưa được đưa vào sử dụng.")
