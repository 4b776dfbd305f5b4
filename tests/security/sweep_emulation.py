"""The sweep world's emulation part: a bloc of district Offices none of the sweep's personas
reads, with a movement in its scoring step, its sheets (self, bloc, council) with a score and a
file of evidence, a pledge, measurements, a proposal with a nominee, a line of the register
and the annual review of a member.

Every title, content, note and text carries `marker("TD")`: no persona of the sweep reads the
bloc's units (`workflow.READER_ROLES`), so none may see it; the bloc's own emulation officer
(`insider`) is the positive control that every address is real.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from tests.support import personas
from tests.support.factories import UnitFactory
from tests.support.files import PDF
from vanphong.emulation import services_scoring
from vanphong.emulation.models import (
    AnnualReview,
    Award,
    Bloc,
    BlocMember,
    CriteriaSet,
    Criterion,
    CriterionGroup,
    CriterionKind,
    Evidence,
    Measurement,
    Movement,
    MovementStatus,
    Nominee,
    Pledge,
    Proposal,
    ReviewMode,
    Round,
    Score,
    ScoreSheet,
    SheetStatus,
)
from vanphong.org.models import Clearance, Person, Role, Unit, UnitKind

KIND = "TD"  # not one of `KINDS`: the cleared persona of the sweep does not read it either


def _marker() -> str:
    from tests.security.sweep_world import marker

    return marker(KIND)


@dataclass
class EmulationPart:
    convenor: Unit  # Trảng Bàng's Office
    member: Unit  # Gò Dầu's Office: its self sheet, pledge, measurements, review, award
    other: Unit  # Bến Cầu's Office: its sheet scored by Gò Dầu in the bloc round
    insider: Person  # Gò Dầu's emulation officer
    convenor_officer: Person
    bloc: Bloc
    criteria_set: CriteriaSet
    criterion: Criterion
    movement: Movement
    self_sheet: ScoreSheet  # Gò Dầu's own, a draft, with a file of evidence
    bloc_sheet: ScoreSheet  # Bến Cầu's, scored by Gò Dầu, submitted
    council_sheet: ScoreSheet  # Gò Dầu's, scored by the convenor, a draft
    evidence: Evidence
    proposal: Proposal
    nominee: Nominee
    award: Award
    review: AnnualReview

    @property
    def units(self) -> list[Unit]:
        return [self.convenor, self.member, self.other]

    @property
    def sheets(self) -> list[ScoreSheet]:
        return [self.self_sheet, self.bloc_sheet, self.council_sheet]


def _office(province: Unit, name: str) -> Unit:
    district = UnitFactory.create(
        parent=province, kind=UnitKind.DISTRICT_COMMITTEE, name=f"Huyện ủy {name}"
    )
    return UnitFactory.create(
        parent=district, kind=UnitKind.OFFICE, name=f"Văn phòng Huyện ủy {name}", place=name
    )


def build_emulation(province: Unit, today: date) -> EmulationPart:
    m = _marker()
    convenor = _office(province, "Trảng Bàng")
    member = _office(province, "Gò Dầu")
    other = _office(province, "Bến Cầu")
    convenor_officer = personas.person(
        "tdq.trangbang", "Lưu Thi Đua", convenor, Role.EMULATION, Clearance.SECRET
    )
    insider = personas.person("tdq.godau", "Châu Thi Đua", member, Role.EMULATION, Clearance.SECRET)
    bloc = Bloc.objects.create(name=f"{m} Khối các Văn phòng phía Nam", convenor=convenor)
    for position, unit in enumerate((member, other), start=1):
        BlocMember.objects.create(
            bloc=bloc, unit=unit, joined_on=today - timedelta(days=400), position=position
        )
    criteria_set = CriteriaSet.objects.create(
        year=today.year, name="Bảng tiêu chí khối phía Nam", source="Hướng dẫn số 02-HD/VPTU"
    )
    group = CriterionGroup.objects.create(
        criteria_set=criteria_set, position=1, code="I", title="Thực hiện nhiệm vụ"
    )
    measured = Criterion.objects.create(
        group=group,
        position=1,
        code="1.1",
        title="Xử lý văn bản đến đúng hạn",
        kind=CriterionKind.MEASURED,
        max_points=Decimal(10),
        measure="documents.incoming_on_time",
        scale={"kind": "linear"},
    )
    criterion = Criterion.objects.create(
        group=group,
        position=2,
        code="1.2",
        title="Tham mưu tổ chức hội nghị",
        kind=CriterionKind.ASSESSED,
        max_points=Decimal(20),
    )
    movement = Movement.objects.create(
        bloc=bloc,
        year=today.year,
        title=f"{m} Phong trào thi đua khối phía Nam",
        launched_on=date(today.year, 1, 10),
        pledge_deadline=date(today.year, 2, 15),
        leader_unit=member,
        criteria_set=criteria_set,
        review_mode=ReviewMode.MEMBERS,
        status=MovementStatus.SCORING,
        created_by=convenor_officer,
    )
    Pledge.objects.create(
        movement=movement,
        unit=member,
        titles=["excellent_collective"],
        content=f"{m} nội dung đăng ký",
        registered_on=date(today.year, 2, 1),
        registered_by=insider,
    )
    Measurement.objects.create(
        movement=movement,
        unit=member,
        criterion=measured,
        done=9,
        counted=10,
        points=Decimal(9),
        as_of=today,
        computed_at=timezone.now(),
    )

    def sheet(unit: Unit, round_: str, reviewer: Unit, submitted: bool) -> ScoreSheet:
        made = ScoreSheet.objects.create(
            movement=movement,
            unit=unit,
            round=round_,
            reviewer_unit=reviewer,
            note=f"{m} nhận xét chung",
            status=SheetStatus.SUBMITTED if submitted else SheetStatus.DRAFT,
            submitted_at=timezone.now() if submitted else None,
            submitted_by=insider if submitted else None,
        )
        Score.objects.create(
            sheet=made, criterion=criterion, points=Decimal(15), reason=f"{m} lý do"
        )
        return made

    self_sheet = sheet(member, Round.SELF, member, submitted=False)
    bloc_sheet = sheet(other, Round.BLOC, member, submitted=True)
    council_sheet = sheet(member, Round.COUNCIL, convenor, submitted=False)
    evidence = services_scoring.evidence_add(
        actor=insider,
        score=self_sheet.scores.get(),
        upload=io.BytesIO(PDF),
        file_name="minh-chung-td.pdf",
        note=f"{m} minh chứng",
    )
    proposal = Proposal.objects.create(
        movement=movement,
        proposing_unit=convenor,
        year=today.year,
        title_code="provincial_flag",
        title_name=f"{m} Cờ thi đua",
        awarding_body="Ban Thường vụ Tỉnh ủy",
        created_by=convenor_officer,
    )
    nominee = Nominee.objects.create(
        proposal=proposal, unit=member, position=1, achievements=f"{m} thành tích"
    )
    award = Award.objects.create(
        year=today.year - 1,
        title_code="excellent_collective",
        title_name=f"{m} Tập thể lao động xuất sắc",
        unit=member,
        register_unit=member,
        awarding_body="Ban Thường vụ Huyện ủy Gò Dầu",
        decision_number=f"{m} 12-QĐ/HU",
        decided_on=date(today.year - 1, 12, 20),
    )
    review = AnnualReview.objects.create(
        unit=member,
        year=today.year,
        texts={"finance": f"{m} tài chính", "tasks_next": f"{m} nhiệm vụ"},
    )
    return EmulationPart(
        convenor=convenor,
        member=member,
        other=other,
        insider=insider,
        convenor_officer=convenor_officer,
        bloc=bloc,
        criteria_set=criteria_set,
        criterion=criterion,
        movement=movement,
        self_sheet=self_sheet,
        bloc_sheet=bloc_sheet,
        council_sheet=council_sheet,
        evidence=evidence,
        proposal=proposal,
        nominee=nominee,
        award=award,
        review=review,
    )
