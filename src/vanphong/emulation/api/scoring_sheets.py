"""`/api/v1/thi-dua/`: score sheets (open, score, evidence, submit) and the bloc's ranking."""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.api.refs import UnitRef, unit_named
from vanphong.api.uploads import AttachmentIn, decoded
from vanphong.core.inputs import CleanStr
from vanphong.documents.selectors import incoming_visible, outgoing_visible
from vanphong.emulation import ranking, selectors, services_scoring
from vanphong.emulation.models import Criterion, Movement, ScoreSheet
from vanphong.org.models import Person

router = Router()


def unit_ref(unit: Any) -> UnitRef:
    return UnitRef(uuid=unit.uuid, name=unit.name, symbol=unit.symbol)


_unit = unit_ref


def _movement(person: Person, movement_uuid: UUID) -> Movement:
    return selectors.movement_or_404(person, movement_uuid)


# --- sheets ---------------------------------------------------------------------------------


class EvidenceOut(Schema):
    file_name: str
    incoming: UUID | None
    outgoing: UUID | None
    note: str


class ScoreOut(Schema):
    criterion: UUID
    code: str
    points: Decimal
    reason: str
    evidence: list[EvidenceOut]


class SheetOut(Schema):
    uuid: UUID
    movement: UUID
    unit: UnitRef
    round: str = Field(description="self, bloc, council")
    reviewer_unit: UnitRef
    status: str = Field(description="draft, submitted")
    note: str
    scores: list[ScoreOut]


def _sheet_out(sheet: ScoreSheet) -> SheetOut:
    scores = sheet.scores.select_related("criterion").prefetch_related(
        "evidence__incoming", "evidence__outgoing"
    )
    return SheetOut(
        uuid=sheet.uuid,
        movement=sheet.movement.uuid,
        unit=_unit(sheet.unit),
        round=sheet.round,
        reviewer_unit=_unit(sheet.reviewer_unit),
        status=sheet.status,
        note=sheet.note,
        scores=[
            ScoreOut(
                criterion=s.criterion.uuid,
                code=s.criterion.code,
                points=s.points,
                reason=s.reason,
                evidence=[
                    EvidenceOut(
                        file_name=e.file_name,
                        incoming=e.incoming.uuid if e.incoming else None,
                        outgoing=e.outgoing.uuid if e.outgoing else None,
                        note=e.note,
                    )
                    for e in s.evidence.all()
                ],
            )
            for s in scores
        ],
    )


class SheetOpenIn(Schema):
    unit: UUID = Field(description="Đơn vị được chấm.")
    round: str = Field(description="self, bloc, council")
    reviewer_unit: UUID | None = Field(
        None, description="Đơn vị chấm; mặc định đơn vị người gọi chấm ở vòng này."
    )


class ScoreIn(Schema):
    criterion: UUID
    points: Decimal
    reason: CleanStr = ""


class EvidenceIn(Schema):
    criterion: UUID
    attachment: AttachmentIn | None = None
    incoming: UUID | None = None
    outgoing: UUID | None = None
    note: CleanStr = ""


class SubmitIn(Schema):
    note: CleanStr = ""


def _sheet(person: Person, sheet_uuid: UUID) -> ScoreSheet:
    return selectors.sheet_or_404(person, sheet_uuid)


def _criterion(sheet: ScoreSheet, criterion_uuid: UUID) -> Criterion:
    found = (
        Criterion.objects.filter(
            uuid=criterion_uuid, group__criteria_set_id=sheet.movement.criteria_set_id
        )
        .select_related("group")
        .first()
    )
    if found is None:
        raise ValidationError(
            {"criterion": _("Tiêu chí không thuộc bảng tiêu chí của phong trào.")}
        )
    return found


@router.post(
    "/phong-trao/{movement_uuid}/phieu",
    response={200: SheetOut, **ERRORS},
    summary="Mở phiếu chấm của một đơn vị ở một vòng (theo thứ tự tự chấm → khối → hội đồng)",
)
def sheet_open(request: HttpRequest, movement_uuid: UUID, payload: SheetOpenIn) -> SheetOut:
    person = actor(request)
    found = _movement(person, movement_uuid)
    units = {u.uuid: u for u in ranking.member_units(found)}
    unit = units.get(payload.unit)
    if unit is None:
        raise ValidationError({"unit": _("Đơn vị không phải thành viên của khối.")})
    reviewer = unit_named(payload.reviewer_unit, "reviewer_unit") if payload.reviewer_unit else None
    sheet = services_scoring.sheet_open(
        actor=person, movement=found, unit=unit, round=payload.round, reviewer_unit=reviewer
    )
    return _sheet_out(selectors.sheet_or_404(person, sheet.uuid))


@router.get("/phieu/{sheet_uuid}", response={200: SheetOut, **ERRORS}, summary="Một phiếu chấm")
def sheet(request: HttpRequest, sheet_uuid: UUID) -> SheetOut:
    return _sheet_out(_sheet(actor(request), sheet_uuid))


@router.post(
    "/phieu/{sheet_uuid}/diem",
    response={200: SheetOut, **ERRORS},
    summary="Chấm một tiêu chí (0 đến điểm tối đa; khác vòng trước phải ghi lý do)",
)
def score_set(request: HttpRequest, sheet_uuid: UUID, payload: ScoreIn) -> SheetOut:
    person = actor(request)
    found = _sheet(person, sheet_uuid)
    services_scoring.score_set(
        actor=person,
        sheet=found,
        criterion=_criterion(found, payload.criterion),
        points=payload.points,
        reason=payload.reason,
    )
    return _sheet_out(found)


@router.post(
    "/phieu/{sheet_uuid}/minh-chung",
    response={200: SheetOut, **ERRORS},
    summary="Thêm minh chứng: một tệp, hoặc một văn bản đến/đi người gọi được xem",
)
def evidence_add(request: HttpRequest, sheet_uuid: UUID, payload: EvidenceIn) -> SheetOut:
    person = actor(request)
    found = _sheet(person, sheet_uuid)
    criterion = _criterion(found, payload.criterion)
    score = found.scores.filter(criterion=criterion).first()
    if score is None:
        raise ValidationError({"criterion": _("Chấm điểm tiêu chí trước khi thêm minh chứng.")})
    files = decoded([payload.attachment]) if payload.attachment else []
    incoming = (
        incoming_visible(person).filter(uuid=payload.incoming).first() if payload.incoming else None
    )
    outgoing = (
        outgoing_visible(person).filter(uuid=payload.outgoing).first() if payload.outgoing else None
    )
    if payload.incoming and incoming is None:
        raise ValidationError({"incoming": _("Không tìm thấy văn bản đến này.")})
    if payload.outgoing and outgoing is None:
        raise ValidationError({"outgoing": _("Không tìm thấy văn bản đi này.")})
    services_scoring.evidence_add(
        actor=person,
        score=score,
        upload=files[0][1] if files else None,
        file_name=files[0][0] if files else "",
        incoming=incoming,
        outgoing=outgoing,
        note=payload.note,
    )
    return _sheet_out(found)


@router.post(
    "/phieu/{sheet_uuid}/gui",
    response={200: SheetOut, **ERRORS},
    summary="Gửi phiếu chấm (đủ tiêu chí, đủ minh chứng); phiếu đã gửi không sửa được",
)
def sheet_submit(request: HttpRequest, sheet_uuid: UUID, payload: SubmitIn) -> SheetOut:
    person = actor(request)
    found = _sheet(person, sheet_uuid)
    return _sheet_out(services_scoring.sheet_submit(actor=person, sheet=found, note=payload.note))


# --- ranking --------------------------------------------------------------------------------


class RankOut(Schema):
    unit: UnitRef
    rank: int | None = Field(description="Hạng; đồng hạng 1, 1, 3; chưa có điểm: null.")
    tied: bool
    measured: Decimal
    assessed: Decimal
    bonus: Decimal
    penalty: Decimal
    total: Decimal
    round: str | None = Field(description="Vòng lấy điểm: council, bloc, self; null: chưa có.")
    complete: bool


class DifferenceOut(Schema):
    criterion: UUID
    code: str
    round: str
    previous: Decimal
    points: Decimal
    reason: str


class UnitScoresOut(Schema):
    unit: UnitRef
    totals: dict[str, Decimal | None]
    differences: list[DifferenceOut]


@router.get(
    "/phong-trao/{movement_uuid}/xep-hang",
    response={200: list[RankOut], **ERRORS},
    summary="Bảng xếp hạng của khối",
)
def ranking_rows(request: HttpRequest, movement_uuid: UUID) -> list[RankOut]:
    found = _movement(actor(request), movement_uuid)
    return [
        RankOut(
            unit=_unit(r.unit),
            rank=r.rank,
            tied=r.tied,
            measured=r.measured,
            assessed=r.assessed,
            bonus=r.bonus,
            penalty=r.penalty,
            total=r.total,
            round=r.round,
            complete=r.complete,
        )
        for r in ranking.bloc_ranking(found).rows
    ]


@router.get(
    "/phong-trao/{movement_uuid}/don-vi/{unit_uuid}",
    response={200: UnitScoresOut, **ERRORS},
    summary="Tổng điểm từng vòng và các điểm thay đổi giữa các vòng của một đơn vị",
)
def unit_scores(request: HttpRequest, movement_uuid: UUID, unit_uuid: UUID) -> UnitScoresOut:
    found = _movement(actor(request), movement_uuid)
    unit = next((u for u in ranking.member_units(found) if u.uuid == unit_uuid), None)
    if unit is None:
        raise Http404
    return UnitScoresOut(
        unit=_unit(unit),
        totals=ranking.round_totals(found, unit),
        differences=[
            DifferenceOut(
                criterion=d.criterion.uuid,
                code=d.criterion.code,
                round=d.round,
                previous=d.previous,
                points=d.points,
                reason=d.reason,
            )
            for d in ranking.differences(found, unit)
        ],
    )
