"""The shared emulation world: the bloc of committee Offices of Tây Ninh and its 2012 movement.

The provincial Office convenes; the Offices of Châu Thành, Hòa Thành, Trảng Bàng and Gò Dầu are
the members (`members`, in that order), Châu Thành leads the bloc in 2012. Each Office has an
emulation officer (`officers[unit id]`, logins `tdua.*`) and an Office leader
(`leaders[unit id]`: `cvp.tinh`, `cvp.chauthanh` from CAST, `cvp.hoathanh`, `cvp.trangbang`,
`cvp.godau`). The 2012 criteria set (frozen) has two groups: I (1.1 measured on
`documents.incoming_on_time`, max 10, linear; 1.2 assessed, max 20) and II (2.1 assessed,
max 10; 2.2 bonus, max 5; 2.3 penalty, max 5). The movement is launched (status open, members'
cross-review, pledges due 15/02/2012).

The world is written as rows (no services, no audit), so any flow can start from it:

- `world`: the pytest fixture (`from tests.support.emulation import world`);
- `measurement_rows`, `sheet_rows`, `full`: measured figures and submitted (or draft) sheets as
  rows, for the ranking and whatever reads it;
- `start_scoring`, `scored`: the scoring step and a sheet scored through the services (with a
  PDF as evidence where the self round needs one);
- `EmulationCaller`: a bearer-token caller of `/api/v1/thi-dua`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from tests.support.factories import UnitFactory
from tests.support.files import PDF
from tests.support.personas import Personas, cast, person
from vanphong.api.services import token_create
from vanphong.emulation import services_movement, services_scoring
from vanphong.emulation.models import (
    Bloc,
    BlocMember,
    CriteriaSet,
    Criterion,
    CriterionGroup,
    CriterionKind,
    Measurement,
    Movement,
    MovementStatus,
    ReviewMode,
    Round,
    Score,
    ScoreSheet,
    SheetStatus,
)
from vanphong.org.models import Clearance, Person, Role, Unit, UnitKind

YEAR = 2012
MEASURE_KEY = "documents.incoming_on_time"


@dataclass
class EmulationWorld:
    people: Personas
    convenor: Unit  # the provincial Office
    members: list[Unit]  # the four district Offices, in the bloc's order
    trang_bang_office: Unit
    go_dau_office: Unit
    bloc: Bloc
    criteria_set: CriteriaSet
    criteria: dict[str, Criterion]  # by code: "1.1", "1.2", "2.1", "2.2", "2.3"
    movement: Movement
    officers: dict[int, Person] = field(default_factory=dict)  # unit id -> emulation officer
    leaders: dict[int, Person] = field(default_factory=dict)  # unit id -> Office leader

    @property
    def convenor_officer(self) -> Person:
        return self.officers[self.convenor.id]

    def officer(self, unit: Unit) -> Person:
        return self.officers[unit.id]


def _district(people: Personas, name: str, place: str) -> Unit:
    district = UnitFactory.create(
        parent=people.province, kind=UnitKind.DISTRICT_COMMITTEE, name=f"Huyện ủy {name}"
    )
    return UnitFactory.create(
        parent=district, kind=UnitKind.OFFICE, name=f"Văn phòng Huyện ủy {name}", place=place
    )


def build_emulation_world(people: Personas) -> EmulationWorld:
    trang_bang = _district(people, "Trảng Bàng", "Trảng Bàng")
    go_dau = _district(people, "Gò Dầu", "Gò Dầu")
    members = [people.chau_thanh_office, people.hoa_thanh_office, trang_bang, go_dau]
    convenor = people.province_office
    officers = {
        convenor.id: person(
            "tdua.tinh", "Đinh Thi Đua", convenor, Role.EMULATION, Clearance.UNCLASSIFIED
        ),
        members[0].id: person(
            "tdua.chauthanh", "Mai Thi Đua", members[0], Role.EMULATION, Clearance.UNCLASSIFIED
        ),
        members[1].id: person(
            "tdua.hoathanh", "Tạ Thi Đua", members[1], Role.EMULATION, Clearance.UNCLASSIFIED
        ),
        trang_bang.id: person(
            "tdua.trangbang", "Lưu Thi Đua", trang_bang, Role.EMULATION, Clearance.UNCLASSIFIED
        ),
        go_dau.id: person(
            "tdua.godau", "Châu Thi Đua", go_dau, Role.EMULATION, Clearance.UNCLASSIFIED
        ),
    }
    leaders = {
        convenor.id: cast(people, "cvp.tinh"),
        members[0].id: cast(people, "cvp.chauthanh"),
        members[1].id: person(
            "cvp.hoathanh", "Kiều Chánh Hòa", members[1], Role.OFFICE_LEADER, Clearance.SECRET
        ),
        trang_bang.id: person(
            "cvp.trangbang", "Quách Chánh Bàng", trang_bang, Role.OFFICE_LEADER, Clearance.SECRET
        ),
        go_dau.id: person(
            "cvp.godau", "La Chánh Dầu", go_dau, Role.OFFICE_LEADER, Clearance.SECRET
        ),
    }
    bloc = Bloc.objects.create(name="Khối các Văn phòng cấp ủy", convenor=convenor)
    for position, unit in enumerate(members, start=1):
        BlocMember.objects.create(
            bloc=bloc, unit=unit, joined_on=date(2010, 1, 1), position=position
        )
    criteria_set = CriteriaSet.objects.create(
        year=YEAR,
        name="Bảng tiêu chí thi đua khối các Văn phòng cấp ủy năm 2012",
        source="Hướng dẫn số 01-HD/VPTU",
        frozen=True,
    )
    first = CriterionGroup.objects.create(
        criteria_set=criteria_set, position=1, code="I", title="Thực hiện nhiệm vụ chuyên môn"
    )
    second = CriterionGroup.objects.create(
        criteria_set=criteria_set, position=2, code="II", title="Xây dựng cơ quan, đơn vị"
    )
    rows = [
        (first, "1.1", "Xử lý văn bản đến đúng hạn", CriterionKind.MEASURED, "10", MEASURE_KEY),
        (first, "1.2", "Tham mưu tổ chức hội nghị", CriterionKind.ASSESSED, "20", ""),
        (second, "2.1", "Cải cách hành chính", CriterionKind.ASSESSED, "10", ""),
        (second, "2.2", "Sáng kiến được công nhận", CriterionKind.BONUS, "5", ""),
        (second, "2.3", "Vi phạm quy chế làm việc", CriterionKind.PENALTY, "5", ""),
    ]
    criteria: dict[str, Criterion] = {}
    for position, (group, code, title, kind, max_points, measure) in enumerate(rows, start=1):
        criteria[code] = Criterion.objects.create(
            group=group,
            position=position,
            code=code,
            title=title,
            kind=kind,
            max_points=Decimal(max_points),
            measure=measure,
            scale={"kind": "linear"} if measure else {},
        )
    movement = Movement.objects.create(
        bloc=bloc,
        year=YEAR,
        title="Phong trào thi đua năm 2012 khối các Văn phòng cấp ủy",
        launched_on=date(2012, 1, 10),
        pledge_deadline=date(2012, 2, 15),
        leader_unit=members[0],
        criteria_set=criteria_set,
        review_mode=ReviewMode.MEMBERS,
        status=MovementStatus.OPEN,
        created_by=officers[convenor.id],
    )
    return EmulationWorld(
        people=people,
        convenor=convenor,
        members=members,
        trang_bang_office=trang_bang,
        go_dau_office=go_dau,
        bloc=bloc,
        criteria_set=criteria_set,
        criteria=criteria,
        movement=movement,
        officers=officers,
        leaders=leaders,
    )


def measurement_rows(world: EmulationWorld, unit: Unit, points: str, done: int = 9) -> None:
    Measurement.objects.update_or_create(
        movement=world.movement,
        unit=unit,
        criterion=world.criteria["1.1"],
        defaults={
            "done": done,
            "counted": 10,
            "points": Decimal(points),
            "as_of": date(YEAR, 12, 31),
            "computed_at": datetime(YEAR + 1, 1, 5, 1, 0, tzinfo=UTC),
        },
    )


def sheet_rows(
    world: EmulationWorld,
    unit: Unit,
    round_: str,
    points: dict[str, str],
    *,
    reviewer: Unit | None = None,
    submitted: bool = True,
    reasons: dict[str, str] | None = None,
) -> ScoreSheet:
    """A sheet of `unit` in `round_` with `points` by criterion code, written as rows. The
    reviewer defaults to the unit (self), the bloc leader (bloc) or the convenor (council)."""
    if reviewer is None:
        reviewer = {
            Round.SELF: unit,
            Round.BLOC: world.members[0],
            Round.COUNCIL: world.convenor,
        }[Round(round_)]
    sheet = ScoreSheet.objects.create(
        movement=world.movement,
        unit=unit,
        round=round_,
        reviewer_unit=reviewer,
        status=SheetStatus.SUBMITTED if submitted else SheetStatus.DRAFT,
        submitted_at=timezone.now() if submitted else None,
        submitted_by=world.officers[reviewer.id] if submitted else None,
    )
    for code, value in points.items():
        Score.objects.create(
            sheet=sheet,
            criterion=world.criteria[code],
            points=Decimal(value),
            reason=(reasons or {}).get(code, ""),
        )
    return sheet


def full(a: str, b: str, bonus: str = "0", penalty: str = "0") -> dict[str, str]:
    """Points for every hand-scored criterion: 1.2, 2.1, bonus 2.2, penalty 2.3."""
    return {"1.2": a, "2.1": b, "2.2": bonus, "2.3": penalty}


@pytest.fixture
def world(people: Personas) -> EmulationWorld:
    """The emulation world as a fixture: `from tests.support.emulation import world`."""
    return build_emulation_world(people)


def start_scoring(world: EmulationWorld) -> None:
    """Move the movement to its scoring step, through the service."""
    services_movement.movement_advance(
        actor=world.convenor_officer, movement=world.movement, to=MovementStatus.SCORING
    )
    world.movement.refresh_from_db()


def default_reviewer(world: EmulationWorld, unit: Unit, round_: str) -> Unit:
    return {
        Round.SELF: unit,
        Round.BLOC: world.members[1] if unit == world.members[0] else world.members[0],
        Round.COUNCIL: world.convenor,
    }[Round(round_)]


def scored(
    world: EmulationWorld,
    unit: Unit,
    round_: str,
    points: dict[str, str],
    *,
    reviewer: Unit | None = None,
    submit: bool = True,
    reasons: dict[str, str] | None = None,
) -> ScoreSheet:
    """A sheet scored through the services (evidence, a small PDF, for assessed points above 0
    in the self round); the movement must be in its scoring step (`start_scoring`)."""
    reviewer = reviewer or default_reviewer(world, unit, round_)
    actor = world.officers[reviewer.id]
    sheet = services_scoring.sheet_open(
        actor=actor, movement=world.movement, unit=unit, round=round_, reviewer_unit=reviewer
    )
    for code, value in points.items():
        criterion = world.criteria[code]
        score = services_scoring.score_set(
            actor=actor,
            sheet=sheet,
            criterion=criterion,
            points=value,
            reason=(reasons or {}).get(code, ""),
        )
        if round_ == Round.SELF and criterion.kind == CriterionKind.ASSESSED and score.points:
            services_scoring.evidence_add(
                actor=actor, score=score, upload=io.BytesIO(PDF), file_name="bien-ban.pdf"
            )
    if submit:
        sheet = services_scoring.sheet_submit(actor=actor, sheet=sheet)
    return sheet


class EmulationCaller:
    """One person calling `/api/v1/thi-dua` with their own bearer token."""

    API = "/api/v1/thi-dua"

    def __init__(self, client: Client, person: Person) -> None:
        self.client = client
        token = token_create(actor=None, person=person, name="thử").token
        self.headers = {"Authorization": f"Bearer {token}"}

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(self.API + path, params, headers=self.headers)

    def post(self, path: str, data: dict[str, Any] | None = None) -> Any:
        return self.client.post(
            self.API + path, data or {}, content_type="application/json", headers=self.headers
        )
