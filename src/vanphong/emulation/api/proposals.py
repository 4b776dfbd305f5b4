"""`/api/v1/thi-dua/…`: the titles in force, a movement's qualification table, proposals and
their steps (lines with their checks, the vote, the dossier, submission, the decision) and the
register of awards — the same services and scoping as the pages."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.api.refs import PersonRef, UnitRef, person_named, unit_named
from vanphong.core import paging
from vanphong.core.inputs import CleanStr, Day, Year
from vanphong.core.rules import NoRuleInForce
from vanphong.core.vietnamese import fold
from vanphong.documents import selectors as document_selectors
from vanphong.emulation import (
    selectors,
    selectors_proposals,
    services_awards,
    services_proposals,
)
from vanphong.emulation.models import Award, Nominee, Proposal
from vanphong.emulation.titles import Title, titles_in_force

router = Router(tags=["thi-dua: đề nghị, khen thưởng"])


class TitleOut(Schema):
    code: str
    name: str
    level: str = Field(description="unit (tập thể) hoặc person (cá nhân).")
    awarding_body: str
    conditions: list[dict[str, Any]]
    quota: dict[str, Any]
    vote: dict[str, Any]


class CheckOut(Schema):
    code: str
    met: bool
    detail: str


class QualificationTitleOut(Schema):
    code: str
    qualifies: bool
    checks: list[CheckOut]


class QualificationOut(Schema):
    unit: UnitRef
    rank: int | None
    total: str | None
    titles: list[QualificationTitleOut]


class NomineeOut(Schema):
    id: int
    unit: UnitRef | None
    person: PersonRef | None
    rank: int | None
    total: str | None
    checks: list[CheckOut]
    override_reason: str
    votes_for: int | None
    achievements: str
    awarded: bool | None


class DocRef(Schema):
    uuid: UUID
    number_symbol: str
    status: str


class ProposalOut(Schema):
    uuid: UUID
    year: int
    title_code: str
    title_name: str
    awarding_body: str
    status: str
    proposing_unit: UnitRef
    movement: UUID | None
    voters: int | None
    voted_on: date | None
    cover_note: DocRef | None
    list_document: DocRef | None
    minutes: DocRef | None
    decision: UUID | None
    nominees: list[NomineeOut] = Field(description="Chỉ có ở trang chi tiết.")


class ProposalPageOut(Schema):
    items: list[ProposalOut]
    total: int
    page: int
    pages: int


class ProposalIn(Schema):
    title_code: str = Field(max_length=50)
    movement: UUID | None = Field(None, description="Danh hiệu tập thể: phong trào.")
    year: Year | None = Field(None, description="Danh hiệu cá nhân: năm.")
    proposing_unit: UUID | None = Field(None, description="Danh hiệu cá nhân: đơn vị đề nghị.")


class NomineeIn(Schema):
    unit: UUID | None = None
    person: UUID | None = None
    achievements: CleanStr = Field("", max_length=5000)
    initiative: bool = False
    override_reason: CleanStr = Field(
        "", max_length=2000, description="Bắt buộc khi chưa đạt điều kiện; không vượt chỉ tiêu."
    )


class VoteIn(Schema):
    voters: int = Field(ge=1, le=10_000)
    voted_on: Day
    votes: dict[int, int] = Field(description="Số phiếu đồng ý theo mã dòng (id).")


class DecisionIn(Schema):
    decision: UUID = Field(description="Văn bản đến trong sổ của đơn vị đề nghị.")
    awarded: list[int] | None = Field(None, description="Các dòng được khen; mặc định: tất cả.")
    decision_number: CleanStr = Field("", max_length=100)
    decided_on: Day | None = None


class AwardOut(Schema):
    uuid: UUID
    year: int
    title_code: str
    title_name: str
    unit: UnitRef | None
    person: PersonRef | None
    register_unit: UnitRef
    awarding_body: str
    decision_number: str
    decided_on: date
    decision: UUID | None


class AwardPageOut(Schema):
    items: list[AwardOut]
    total: int
    page: int
    pages: int


class AwardQuery(Schema):
    unit: UUID | None = None
    person: CleanStr = Field("", max_length=100, description="Họ tên (không dấu cũng được).")
    title: CleanStr = Field("", max_length=100, description="Mã hoặc tên danh hiệu.")
    year: Year | None = None
    decision: CleanStr = Field("", max_length=100)
    mine: bool = False
    page: int = Field(1, ge=1, le=100_000)
    per_page: int = Field(100, ge=1, le=200)


class AwardIn(Schema):
    register_unit: UUID
    year: Year
    title_code: str = Field("", max_length=50)
    title_name: CleanStr = Field("", max_length=300)
    awarding_body: CleanStr = Field("", max_length=300)
    decision_number: CleanStr = Field(max_length=100)
    decided_on: Day
    unit: UUID | None = None
    person: UUID | None = None


def _title_out(title: Title) -> dict[str, Any]:
    return {
        "code": title.code,
        "name": title.name,
        "level": title.level,
        "awarding_body": title.awarding_body,
        "conditions": [dict(c) for c in title.conditions],
        "quota": dict(title.quota),
        "vote": dict(title.vote),
    }


def _doc(document: Any) -> dict[str, Any] | None:
    if document is None:
        return None
    return {
        "uuid": document.uuid,
        "number_symbol": document.number_symbol,
        "status": document.status,
    }


def _nominee_out(n: Nominee) -> dict[str, Any]:
    return {
        "id": n.pk,
        "unit": n.unit,
        "person": n.person,
        "rank": n.rank,
        "total": str(n.total) if n.total is not None else None,
        "checks": n.checks,
        "override_reason": n.override_reason,
        "votes_for": n.votes_for,
        "achievements": n.achievements,
        "awarded": n.awarded,
    }


def _proposal_out(p: Proposal, nominees: list[Nominee] | None = None) -> dict[str, Any]:
    return {
        "uuid": p.uuid,
        "year": p.year,
        "title_code": p.title_code,
        "title_name": p.title_name,
        "awarding_body": p.awarding_body,
        "status": p.status,
        "proposing_unit": p.proposing_unit,
        "movement": p.movement.uuid if p.movement else None,
        "voters": p.voters,
        "voted_on": p.voted_on,
        "cover_note": _doc(p.cover_note),
        "list_document": _doc(p.list_document),
        "minutes": _doc(p.minutes),
        "decision": p.decision.uuid if p.decision else None,
        "nominees": [_nominee_out(n) for n in nominees or []],
    }


def _detail(person: Any, uuid: UUID) -> dict[str, Any]:
    proposal = selectors_proposals.proposal_or_404(person, uuid)
    return _proposal_out(proposal, list(selectors_proposals.nominees_of(proposal)))


@router.get(
    "/danh-hieu",
    response={200: list[TitleOut], **ERRORS},
    summary="Danh hiệu theo quy định áp dụng vào một ngày",
)
def titles(request: HttpRequest, on: date) -> list[dict[str, Any]]:
    actor(request)
    try:
        return [_title_out(t) for t in titles_in_force(on)]
    except NoRuleInForce as missing:
        raise ValidationError({"on": str(missing)}) from missing


@router.get(
    "/phong-trao/{movement_uuid}/xet-danh-hieu",
    response={200: list[QualificationOut], **ERRORS},
    summary="Các đơn vị của phong trào và danh hiệu đạt (điều kiện, chỉ tiêu)",
)
def qualification(request: HttpRequest, movement_uuid: UUID) -> list[dict[str, Any]]:
    person = actor(request)
    movement = selectors.movement_or_404(person, movement_uuid)
    unit_titles, lines = selectors_proposals.qualification(movement)
    return [
        {
            "unit": line.unit,
            "rank": line.row.rank if line.row else None,
            "total": str(line.row.total) if line.row else None,
            "titles": [
                {
                    "code": t.code,
                    "qualifies": t.code in line.titles,
                    "checks": [c.as_dict() for c in line.checks.get(t.code, [])],
                }
                for t in unit_titles
            ],
        }
        for line in lines
    ]


@router.get("/de-nghi", response={200: ProposalPageOut, **ERRORS}, summary="Đề nghị khen thưởng")
def proposals(request: HttpRequest, page: int = 1, per_page: int = 50) -> dict[str, Any]:
    person = actor(request)
    found = selectors_proposals.proposals_visible(person).order_by("-year", "-created_at", "-id")
    pages = paging.pages(total=found.count(), number=page, per_page=max(1, min(per_page, 200)))
    rows = found.select_related(
        "proposing_unit", "movement", "cover_note", "list_document", "minutes", "decision"
    )[pages.start : pages.end]
    return {
        "items": [_proposal_out(p) for p in rows],
        "total": pages.total,
        "page": pages.number,
        "pages": pages.count,
    }


@router.post("/de-nghi", response={201: ProposalOut, **ERRORS}, summary="Lập đề nghị khen thưởng")
def proposal_create(request: HttpRequest, payload: ProposalIn) -> Status[dict[str, Any]]:
    person = actor(request)
    movement = selectors.movement_or_404(person, payload.movement) if payload.movement else None
    unit = unit_named(payload.proposing_unit, "proposing_unit") if payload.proposing_unit else None
    made = services_proposals.proposal_create(
        actor=person,
        title_code=payload.title_code,
        movement=movement,
        year=payload.year,
        proposing_unit=unit,
    )
    return Status(201, _detail(person, made.uuid))


@router.get(
    "/de-nghi/{proposal_uuid}",
    response={200: ProposalOut, **ERRORS},
    summary="Một đề nghị, các dòng và kiểm tra",
)
def proposal_detail(request: HttpRequest, proposal_uuid: UUID) -> dict[str, Any]:
    return _detail(actor(request), proposal_uuid)


@router.post(
    "/de-nghi/{proposal_uuid}/danh-sach",
    response={201: NomineeOut, **ERRORS},
    summary="Thêm đơn vị, cá nhân vào đề nghị",
)
def nominee_add(
    request: HttpRequest, proposal_uuid: UUID, payload: NomineeIn
) -> Status[dict[str, Any]]:
    person = actor(request)
    proposal = selectors_proposals.proposal_or_404(person, proposal_uuid)
    made = services_proposals.nominee_add(
        actor=person,
        proposal=proposal,
        unit=unit_named(payload.unit, "unit") if payload.unit else None,
        person=person_named(payload.person, "person") if payload.person else None,
        achievements=payload.achievements,
        initiative=payload.initiative,
        override_reason=payload.override_reason,
    )
    return Status(201, _nominee_out(made))


@router.delete(
    "/de-nghi/{proposal_uuid}/danh-sach/{nominee_id}",
    response={204: None, **ERRORS},
    summary="Bỏ một dòng",
)
def nominee_remove(request: HttpRequest, proposal_uuid: UUID, nominee_id: int) -> Status[None]:
    person = actor(request)
    proposal = selectors_proposals.proposal_or_404(person, proposal_uuid)
    nominee = proposal.nominees.filter(pk=nominee_id).first()
    if nominee is None:
        raise ValidationError({"nominee": _("Không có dòng này trong đề nghị.")})
    services_proposals.nominee_remove(actor=person, nominee=nominee)
    return Status(204, None)


@router.post(
    "/de-nghi/{proposal_uuid}/bo-phieu",
    response={200: ProposalOut, **ERRORS},
    summary="Kết quả bỏ phiếu của hội đồng",
)
def vote(request: HttpRequest, proposal_uuid: UUID, payload: VoteIn) -> dict[str, Any]:
    person = actor(request)
    proposal = selectors_proposals.proposal_or_404(person, proposal_uuid)
    services_proposals.vote_record(
        actor=person,
        proposal=proposal,
        voters=payload.voters,
        voted_on=payload.voted_on,
        votes=payload.votes,
    )
    return _detail(person, proposal_uuid)


@router.post(
    "/de-nghi/{proposal_uuid}/ho-so",
    response={200: ProposalOut, **ERRORS},
    summary="Lập dự thảo tờ trình, danh sách, biên bản",
)
def dossier(request: HttpRequest, proposal_uuid: UUID) -> dict[str, Any]:
    person = actor(request)
    proposal = selectors_proposals.proposal_or_404(person, proposal_uuid)
    services_proposals.dossier_draft(actor=person, proposal=proposal)
    return _detail(person, proposal_uuid)


@router.post(
    "/de-nghi/{proposal_uuid}/trinh",
    response={200: ProposalOut, **ERRORS},
    summary="Đã trình cấp khen",
)
def submit(request: HttpRequest, proposal_uuid: UUID) -> dict[str, Any]:
    person = actor(request)
    proposal = selectors_proposals.proposal_or_404(person, proposal_uuid)
    services_proposals.proposal_submit(actor=person, proposal=proposal)
    return _detail(person, proposal_uuid)


@router.post(
    "/de-nghi/{proposal_uuid}/quyet-dinh",
    response={200: ProposalOut, **ERRORS},
    summary="Gắn quyết định khen thưởng",
)
def decision(request: HttpRequest, proposal_uuid: UUID, payload: DecisionIn) -> dict[str, Any]:
    person = actor(request)
    proposal = selectors_proposals.proposal_or_404(person, proposal_uuid)
    found = document_selectors.incoming_visible(person).filter(uuid=payload.decision).first()
    if found is None:
        raise ValidationError({"decision": _("Không tìm thấy văn bản đến có mã này.")})
    services_awards.decision_link(
        actor=person,
        proposal=proposal,
        decision=found,
        awarded=payload.awarded,
        decision_number=payload.decision_number,
        decided_on=payload.decided_on,
    )
    return _detail(person, proposal_uuid)


def _award_out(a: Award) -> dict[str, Any]:
    return {
        "uuid": a.uuid,
        "year": a.year,
        "title_code": a.title_code,
        "title_name": a.title_name,
        "unit": a.unit,
        "person": a.person,
        "register_unit": a.register_unit,
        "awarding_body": a.awarding_body,
        "decision_number": a.decision_number,
        "decided_on": a.decided_on,
        "decision": a.decision.uuid if a.decision else None,
    }


@router.get("/khen-thuong", response={200: AwardPageOut, **ERRORS}, summary="Sổ khen thưởng")
def awards(request: HttpRequest, filters: Query[AwardQuery]) -> dict[str, Any]:
    person = actor(request)
    found = selectors_proposals.awards_visible(person)
    if filters.unit:
        found = found.filter(Q(register_unit__uuid=filters.unit) | Q(unit__uuid=filters.unit))
    if filters.person:
        found = found.filter(person__name_folded__contains=fold(filters.person))
    if filters.title:
        found = found.filter(Q(title_code=filters.title) | Q(title_name__icontains=filters.title))
    if filters.year:
        found = found.filter(year=filters.year)
    if filters.decision:
        found = found.filter(decision_number__icontains=filters.decision)
    if filters.mine:
        found = found.filter(person=person)
    pages = paging.pages(total=found.count(), number=filters.page, per_page=filters.per_page)
    rows = found.select_related("unit", "person", "register_unit", "decision").order_by(
        "-year", "title_code", "id"
    )[pages.start : pages.end]
    return {
        "items": [_award_out(a) for a in rows],
        "total": pages.total,
        "page": pages.number,
        "pages": pages.count,
    }


@router.post(
    "/khen-thuong", response={201: AwardOut, **ERRORS}, summary="Ghi sổ khen thưởng ngoài hệ thống"
)
def award_add(request: HttpRequest, payload: AwardIn) -> Status[dict[str, Any]]:
    person = actor(request)
    register_unit = unit_named(payload.register_unit, "register_unit")
    made = services_awards.award_add(
        actor=person,
        register_unit=register_unit,
        year=payload.year,
        title_code=payload.title_code,
        title_name=payload.title_name,
        awarding_body=payload.awarding_body,
        decision_number=payload.decision_number,
        decided_on=payload.decided_on,
        unit=unit_named(payload.unit, "unit") if payload.unit else None,
        person=person_named(payload.person, "person") if payload.person else None,
    )
    return Status(201, _award_out(made))
