"""Score sheets through the services: bounds, round order, roles, reasons, evidence, submit."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.support.emulation import EmulationWorld, full, scored, start_scoring, world
from tests.support.files import PDF
from vanphong.documents import services_incoming
from vanphong.emulation import services_movement, services_scoring
from vanphong.emulation.models import ReviewMode, Round, SheetStatus
from vanphong.emulation.ranking import bloc_ranking

__all__ = ["world"]


@pytest.fixture
def scoring(world: EmulationWorld) -> EmulationWorld:
    start_scoring(world)
    return world


def _self_sheet(world: EmulationWorld):  # type: ignore[no-untyped-def]
    unit = world.members[0]
    return services_scoring.sheet_open(
        actor=world.officer(unit), movement=world.movement, unit=unit, round=Round.SELF
    )


def test_exactly_the_maximum_is_accepted_and_a_cent_more_is_refused(
    scoring: EmulationWorld,
) -> None:
    sheet = _self_sheet(scoring)
    actor = scoring.officer(scoring.members[0])
    criterion = scoring.criteria["1.2"]
    score = services_scoring.score_set(actor=actor, sheet=sheet, criterion=criterion, points="20")
    assert score.points == Decimal("20.00")
    with pytest.raises(ValidationError, match=r"Điểm 20,01 vượt điểm tối đa 20 của tiêu chí 1\.2"):
        services_scoring.score_set(actor=actor, sheet=sheet, criterion=criterion, points="20.01")


def test_negative_points_and_a_third_decimal_are_refused(scoring: EmulationWorld) -> None:
    sheet = _self_sheet(scoring)
    actor = scoring.officer(scoring.members[0])
    criterion = scoring.criteria["2.1"]
    with pytest.raises(ValidationError, match="không được âm"):
        services_scoring.score_set(actor=actor, sheet=sheet, criterion=criterion, points="-1")
    with pytest.raises(ValidationError, match="hai chữ số thập phân"):
        services_scoring.score_set(actor=actor, sheet=sheet, criterion=criterion, points="1.005")


def test_a_measured_criterion_is_not_scored_by_hand(scoring: EmulationWorld) -> None:
    sheet = _self_sheet(scoring)
    with pytest.raises(ValidationError, match="đo từ số liệu"):
        services_scoring.score_set(
            actor=scoring.officer(scoring.members[0]),
            sheet=sheet,
            criterion=scoring.criteria["1.1"],
            points="5",
        )


def test_sheets_wait_for_the_scoring_step(world: EmulationWorld) -> None:
    with pytest.raises(ValidationError, match="chỉ lập, sửa khi đang chấm điểm"):
        _self_sheet(world)


def test_a_bloc_sheet_before_the_self_sheet_is_submitted_is_refused(
    scoring: EmulationWorld,
) -> None:
    a, b = scoring.members[:2]
    scored(scoring, a, Round.SELF, full("20", "10"), submit=False)
    with pytest.raises(ValidationError, match="chưa gửi phiếu tự chấm"):
        services_scoring.sheet_open(
            actor=scoring.officer(b), movement=scoring.movement, unit=a, round=Round.BLOC
        )


def test_a_council_sheet_waits_for_every_member_of_the_bloc_round(
    scoring: EmulationWorld,
) -> None:
    a, b, c, d = scoring.members
    scored(scoring, a, Round.SELF, full("20", "10"))
    scored(scoring, a, Round.BLOC, full("20", "10"), reviewer=b)
    scored(scoring, a, Round.BLOC, full("20", "10"), reviewer=c)
    with pytest.raises(ValidationError, match="còn chờ phiếu của Văn phòng Huyện ủy Gò Dầu"):
        services_scoring.sheet_open(
            actor=scoring.convenor_officer,
            movement=scoring.movement,
            unit=a,
            round=Round.COUNCIL,
        )
    scored(scoring, a, Round.BLOC, full("20", "10"), reviewer=d)
    sheet = scored(scoring, a, Round.COUNCIL, full("20", "10"))
    assert sheet.status == SheetStatus.SUBMITTED


def test_in_council_mode_the_bloc_leader_alone_completes_the_bloc_round(
    world: EmulationWorld,
) -> None:
    world.movement.review_mode = ReviewMode.COUNCIL
    world.movement.save()
    start_scoring(world)
    leader, b = world.members[:2]
    scored(world, b, Round.SELF, full("20", "10"))
    with pytest.raises(ValidationError, match="không chấm"):
        scored(world, b, Round.BLOC, full("20", "10"), reviewer=world.members[2])
    scored(world, b, Round.BLOC, full("20", "10"), reviewer=leader)
    assert scored(world, b, Round.COUNCIL, full("20", "10")).status == SheetStatus.SUBMITTED


def test_a_reviewer_scoring_itself_in_the_bloc_round_is_refused(scoring: EmulationWorld) -> None:
    a = scoring.members[0]
    scored(scoring, a, Round.SELF, full("20", "10"))
    with pytest.raises(ValidationError, match="không tự chấm mình"):
        services_scoring.sheet_open(
            actor=scoring.officer(a),
            movement=scoring.movement,
            unit=a,
            round=Round.BLOC,
            reviewer_unit=a,
        )


def test_a_person_of_another_unit_may_not_open_its_self_sheet(scoring: EmulationWorld) -> None:
    a, b = scoring.members[:2]
    with pytest.raises(PermissionDenied):
        services_scoring.sheet_open(
            actor=scoring.officer(b), movement=scoring.movement, unit=a, round=Round.SELF
        )


def test_a_bloc_score_different_from_the_self_score_needs_a_reason(
    scoring: EmulationWorld,
) -> None:
    a, b = scoring.members[:2]
    scored(scoring, a, Round.SELF, full("20", "10"))
    sheet = services_scoring.sheet_open(
        actor=scoring.officer(b), movement=scoring.movement, unit=a, round=Round.BLOC
    )
    with pytest.raises(ValidationError, match=r"khác vòng trước \(20\): ghi lý do chấm 18"):
        services_scoring.score_set(
            actor=scoring.officer(b), sheet=sheet, criterion=scoring.criteria["1.2"], points="18"
        )
    score = services_scoring.score_set(
        actor=scoring.officer(b),
        sheet=sheet,
        criterion=scoring.criteria["1.2"],
        points="18",
        reason="Thiếu biên bản hội nghị",
    )
    assert score.reason == "Thiếu biên bản hội nghị"


def test_submitting_names_the_missing_criteria_and_the_scores_without_evidence(
    scoring: EmulationWorld,
) -> None:
    sheet = _self_sheet(scoring)
    actor = scoring.officer(scoring.members[0])
    services_scoring.score_set(
        actor=actor, sheet=sheet, criterion=scoring.criteria["1.2"], points="15"
    )
    with pytest.raises(ValidationError) as refused:
        services_scoring.sheet_submit(actor=actor, sheet=sheet)
    assert refused.value.messages == [
        "Còn tiêu chí chưa chấm: 2.1, 2.2, 2.3.",
        "Tiêu chí có điểm nhưng chưa có minh chứng: 1.2.",
    ]


def test_a_submitted_sheet_is_read_only(scoring: EmulationWorld) -> None:
    a = scoring.members[0]
    sheet = scored(scoring, a, Round.SELF, full("20", "10"))
    with pytest.raises(ValidationError, match="đã gửi"):
        services_scoring.score_set(
            actor=scoring.officer(a), sheet=sheet, criterion=scoring.criteria["1.2"], points="1"
        )


def test_evidence_is_a_stored_file_with_a_safe_name(scoring: EmulationWorld) -> None:
    sheet = _self_sheet(scoring)
    actor = scoring.officer(scoring.members[0])
    score = services_scoring.score_set(
        actor=actor, sheet=sheet, criterion=scoring.criteria["1.2"], points="15"
    )
    evidence = services_scoring.evidence_add(
        actor=actor, score=score, upload=io.BytesIO(PDF), file_name="../biên bản.html"
    )
    assert evidence.file is not None
    assert evidence.file_name == "biên bản.pdf"


def test_the_ranking_follows_the_rounds_scored_through_the_services(
    scoring: EmulationWorld,
) -> None:
    a, b, c, d = scoring.members
    scored(scoring, a, Round.SELF, full("20", "10", bonus="1"))
    scored(scoring, b, Round.SELF, full("18", "10"))
    for reviewer in (b, c, d):
        scored(
            scoring,
            a,
            Round.BLOC,
            full("16", "10", bonus="1"),
            reviewer=reviewer,
            reasons={"1.2": "Thiếu minh chứng"},
        )
    ranking = bloc_ranking(scoring.movement)
    assert [(row.unit, row.rank, row.round) for row in ranking.rows[:2]] == [
        (b, 1, Round.SELF),
        (a, 2, Round.BLOC),
    ]


def test_evidence_is_a_registry_document_the_scorer_sees_and_not_one_they_do_not(
    scoring: EmulationWorld,
) -> None:
    unit = scoring.members[0]
    leader = scoring.leaders[unit.id]
    document = services_incoming.incoming_register(
        actor=scoring.people.chau_thanh_clerk,
        unit=unit,
        medium="paper",
        sender_name="Tỉnh ủy Tây Ninh",
        number_symbol="Số 45-KH/TU",
        document_date=date(2012, 3, 1),
        subject="Kế hoạch tổ chức hội nghị",
        received_at=datetime(2012, 3, 2, 2, 0, tzinfo=UTC),
    )
    other = services_incoming.incoming_register(
        actor=scoring.people.hoa_thanh_clerk,
        unit=scoring.members[1],
        medium="paper",
        sender_name="Tỉnh ủy Tây Ninh",
        number_symbol="Số 46-KH/TU",
        document_date=date(2012, 3, 1),
        subject="Kế hoạch của huyện khác",
        received_at=datetime(2012, 3, 2, 2, 0, tzinfo=UTC),
    )
    sheet = services_scoring.sheet_open(
        actor=leader, movement=scoring.movement, unit=unit, round=Round.SELF
    )
    score = services_scoring.score_set(
        actor=leader, sheet=sheet, criterion=scoring.criteria["1.2"], points="10"
    )
    evidence = services_scoring.evidence_add(actor=leader, score=score, incoming=document)
    assert evidence.incoming == document
    with pytest.raises(ValidationError, match="Không tìm thấy văn bản đến"):
        services_scoring.evidence_add(actor=leader, score=score, incoming=other)


def test_the_leader_rotates_before_scoring_and_not_after(world: EmulationWorld) -> None:
    rotated = services_movement.movement_update(
        actor=world.convenor_officer, movement=world.movement, leader_unit=world.members[2]
    )
    assert rotated.leader_unit == world.members[2]
    start_scoring(world)
    with pytest.raises(ValidationError, match="đã bắt đầu chấm điểm"):
        services_movement.movement_update(
            actor=world.convenor_officer, movement=world.movement, leader_unit=world.members[0]
        )
