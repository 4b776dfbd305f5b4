"""The emulation world of the measures tests: the provincial Office convenes a bloc of the two
district Offices, scored in 2011 on a criteria set whose measured criteria name every measure
(and the archives' one, which no app registers yet)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from tests.support.personas import Personas, person
from vanphong.emulation.models import (
    Bloc,
    BlocMember,
    CriteriaSet,
    Criterion,
    CriterionGroup,
    CriterionKind,
    Movement,
)
from vanphong.org.models import Clearance, Person, Role, Unit

YEAR = 2011
MEASURES = (
    "documents.incoming_on_time",
    "documents.outgoing_not_recalled",
    "planning.programme_done",
    "planning.schedules_on_time",
    "directives.tasks_on_time",
    "petitions.handled_within_clock",
)
ARCHIVES = "archives.transferred_on_time"  # not registered: "chưa có số liệu"


@dataclass
class EmulationWorld:
    p: Personas
    officer: Person  # emulation officer of the provincial Office (the convenor)
    member_officer: Person  # emulation officer of Châu Thành's Office (a member)
    bloc: Bloc
    movement: Movement
    criteria: dict[str, Criterion]  # by measure key

    def __getattr__(self, name: str) -> Any:
        return getattr(self.p, name)


def bloc_of(convenor: Unit, members: list[Unit], *, name: str = "Khối các Văn phòng") -> Bloc:
    bloc = Bloc.objects.create(name=name, convenor=convenor)
    BlocMember.objects.bulk_create(
        BlocMember(bloc=bloc, unit=unit, joined_on=date(2010, 1, 1), position=i)
        for i, unit in enumerate(members)
    )
    return bloc


def measured_set(year: int = YEAR, *, scale: dict[str, Any] | None = None) -> CriteriaSet:
    criteria_set = CriteriaSet.objects.create(year=year, name="Tiêu chí thi đua các Văn phòng")
    group = CriterionGroup.objects.create(criteria_set=criteria_set, code="I", title="Số liệu")
    for position, key in enumerate((*MEASURES, ARCHIVES), start=1):
        Criterion.objects.create(
            group=group,
            position=position,
            code=f"1.{position}",
            title=f"Tiêu chí {key}",
            kind=CriterionKind.MEASURED,
            max_points=Decimal(10),
            measure=key,
            scale=scale if scale is not None else {"kind": "linear"},
        )
    return criteria_set


def launch(bloc: Bloc, criteria_set: CriteriaSet, by: Person, year: int = YEAR) -> Movement:
    return Movement.objects.create(
        bloc=bloc,
        year=year,
        title=f"Phong trào thi đua năm {year}",
        launched_on=date(year, 1, 10),
        pledge_deadline=date(year, 2, 28),
        criteria_set=criteria_set,
        created_by=by,
    )


def build_emulation_world(p: Personas) -> EmulationWorld:
    officer = person(
        "tdkt.tinh", "Mai Thi Đua", p.province_office, Role.EMULATION, Clearance.UNCLASSIFIED
    )
    member_officer = person(
        "tdkt.chauthanh", "Quách Thi Đua", p.chau_thanh_office, Role.EMULATION, 0
    )
    bloc = bloc_of(p.province_office, [p.chau_thanh_office, p.hoa_thanh_office])
    movement = launch(bloc, measured_set(), officer)
    criteria = {
        c.measure: c for c in Criterion.objects.filter(group__criteria_set=movement.criteria_set)
    }
    return EmulationWorld(p, officer, member_officer, bloc, movement, criteria)
