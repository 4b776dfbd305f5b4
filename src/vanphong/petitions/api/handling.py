"""`/api/v1/don-thu/{letter_uuid}/…`: a letter's handling — taking it, giving it to a handler,
classification and eligibility, the duplicates proposed and linked, the handling decided (keep,
guide, assign, accept), forwarding (the body's result: `forwards`), the result of a
settlement, telling the petitioner, closing. Each through the service the letter page's form
calls; each answers the letter (without its petitioners: `GET /don-thu/{letter_uuid}` reads
them)."""

from __future__ import annotations

from datetime import date
from typing import Literal
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.api.refs import person_named, unit_named
from vanphong.core.inputs import CleanStr, Day
from vanphong.documents.selectors import outgoing_visible
from vanphong.petitions import (
    duplicates,
    selectors,
    services_duplicates,
    services_forward,
    services_handling,
)
from vanphong.petitions.api.letters import KindName, field_named, letter_get, letter_out
from vanphong.petitions.api.schemas import ForwardOut, LetterOut
from vanphong.petitions.models import Complexity, Eligibility, Forward, IneligibleReason, Letter

router = Router(tags=["xử lý đơn thư"])


def _today() -> date:
    return timezone.localdate()


# --- input ----------------------------------------------------------------------------------


class HandlerIn(Schema):
    handler: UUID = Field(description="Cán bộ tiếp dân của đơn vị được giao xử lý.")


class ClassifyIn(Schema):
    eligibility: Eligibility = Field(description="`eligible` đủ, `ineligible` không đủ điều kiện.")
    ineligible_reason: IneligibleReason | Literal[""] = Field(
        "", description="Lý do không đủ điều kiện xử lý (bắt buộc khi không đủ)."
    )
    kinds: list[KindName] | None = Field(
        None, max_length=4, description="Loại đơn; bỏ trống: giữ như khi vào sổ."
    )
    field: UUID | None = Field(None, description="Lĩnh vực.")
    complexity: Complexity = Field(Complexity.NORMAL, description="Tính chất vụ việc.")
    remote: bool = Field(False, description="Vùng sâu, vùng xa, đi lại khó khăn.")
    second_complaint: bool = Field(False, description="Khiếu nại lần hai.")
    classified_on: Day | None = Field(None, description="Ngày phân loại; mặc định hôm nay.")


class HandleIn(Schema):
    handling: Literal["keep", "guide", "assign", "accept"] = Field(
        description="`keep` lưu, theo dõi; `guide` hướng dẫn người gửi đơn; `assign` giao ban "
        "xác minh, báo cáo; `accept` thụ lý giải quyết. Chuyển đơn: `POST …/chuyen`."
    )
    assigned_unit: UUID | None = Field(None, description="Ban được giao (với `assign`).")
    accepted_on: Day | None = Field(None, description="Ngày thụ lý (với `accept`).")
    note: CleanStr = Field("", max_length=2000, description="Ý kiến xử lý.")
    handled_on: Day | None = Field(None, description="Ngày xử lý; mặc định hôm nay.")
    guide_document: UUID | None = Field(
        None, description="Văn bản hướng dẫn đã gửi người gửi đơn (văn bản đi)."
    )


class ForwardIn(Schema):
    to_body: CleanStr = Field("", max_length=300, description="Cơ quan nhận đơn.")
    to_unit: UUID | None = Field(None, description="Hoặc đơn vị trong hệ thống nhận đơn.")
    forwarded_on: Day | None = Field(None, description="Ngày chuyển; mặc định hôm nay.")
    note_subject: CleanStr = Field(
        "", max_length=500, description="Trích yếu phiếu chuyển đơn; không nêu người tố cáo."
    )


class ResultIn(Schema):
    result: CleanStr = Field("", max_length=5000, description="Kết quả giải quyết.")
    result_on: Day = Field(description="Ngày có kết quả.")


class ToldIn(Schema):
    told_on: Day = Field(description="Ngày thông báo.")
    told_how: CleanStr = Field(
        "", max_length=300, description="Hình thức: văn bản số…, trực tiếp, điện thoại."
    )


class CloseIn(Schema):
    reason: CleanStr = Field("", max_length=500, description="Lý do kết thúc.")
    closed_on: Day | None = Field(None, description="Ngày kết thúc; mặc định hôm nay.")


class LinkIn(Schema):
    original: UUID = Field(description="Đơn đã vào sổ trước mà đơn này trùng.")


class CandidateOut(Schema):
    full: bool = Field(
        description="false: đơn của đơn vị người gọi không được xem — chỉ có đơn vị, số, ngày."
    )
    uuid: UUID | None
    unit_name: str
    book_number: str
    received_on: date
    kinds: list[str] = Field(description="Loại đơn, bằng tên: Khiếu nại, Tố cáo…")
    summary: str
    status_label: str
    same_petitioner: bool = Field(description="Cùng người gửi (chỉ khi người gọi được xem).")
    similarity: float = Field(description="Độ giống của nội dung (0–1).")
    duplicate_round: int | None


# --- endpoints ------------------------------------------------------------------------------


def _answer(request: HttpRequest, letter: Letter) -> Letter:
    return letter_out(actor(request), letter)


@router.post(
    "/{letter_uuid}/nhan-xu-ly",
    response={200: LetterOut, **ERRORS},
    summary="Nhận xử lý đơn chưa có cán bộ xử lý (cán bộ tiếp dân của đơn vị)",
)
def letter_take(request: HttpRequest, letter_uuid: UUID) -> Letter:
    person = actor(request)
    letter = letter_get(person, letter_uuid)
    return _answer(request, services_handling.letter_take(actor=person, letter=letter))


@router.post(
    "/{letter_uuid}/can-bo",
    response={200: LetterOut, **ERRORS},
    summary="Giao cán bộ xử lý đơn (lãnh đạo đơn vị)",
)
def letter_handler_assign(request: HttpRequest, letter_uuid: UUID, payload: HandlerIn) -> Letter:
    person = actor(request)
    letter = letter_get(person, letter_uuid)
    handler = person_named(payload.handler, "handler")
    done = services_handling.letter_handler_assign(actor=person, letter=letter, handler=handler)
    return _answer(request, done)


@router.post(
    "/{letter_uuid}/phan-loai",
    response={200: LetterOut, **ERRORS},
    summary="Phân loại đơn: đủ hoặc không đủ điều kiện xử lý, với lý do",
)
def letter_classify(request: HttpRequest, letter_uuid: UUID, payload: ClassifyIn) -> Letter:
    person = actor(request)
    letter = letter_get(person, letter_uuid)
    kinds = {}
    if payload.kinds is not None:
        kinds = {kind: kind in payload.kinds for kind in selectors.KINDS}
    done = services_handling.letter_classify(
        actor=person,
        letter=letter,
        eligibility=payload.eligibility,
        ineligible_reason=payload.ineligible_reason,
        field=field_named(payload.field),
        complexity=payload.complexity,
        remote=payload.remote,
        second_complaint=payload.second_complaint,
        classified_on=payload.classified_on or _today(),
        **kinds,
    )
    return _answer(request, done)


@router.post(
    "/{letter_uuid}/xu-ly",
    response={200: LetterOut, **ERRORS},
    summary="Quyết định hướng xử lý: lưu, hướng dẫn, giao ban xác minh, thụ lý",
)
def letter_handle(request: HttpRequest, letter_uuid: UUID, payload: HandleIn) -> Letter:
    person = actor(request)
    letter = letter_get(person, letter_uuid)
    guide = None
    if payload.guide_document is not None:
        guide = outgoing_visible(person).filter(uuid=payload.guide_document).first()
        if guide is None:
            raise ValidationError({"guide_document": _("Không tìm thấy văn bản đi có mã này.")})
    assigned = (
        unit_named(payload.assigned_unit, "assigned_unit")
        if payload.assigned_unit is not None
        else None
    )
    done = services_handling.letter_handle(
        actor=person,
        letter=letter,
        handling=payload.handling,
        note=payload.note,
        assigned_unit=assigned,
        accepted_on=payload.accepted_on,
        handled_on=payload.handled_on or _today(),
        guide_document=guide,
    )
    return _answer(request, done)


@router.post(
    "/{letter_uuid}/chuyen",
    response={201: ForwardOut, **ERRORS},
    summary="Chuyển đơn đến cơ quan có thẩm quyền",
    description="Phiếu chuyển đơn được soạn thành dự thảo văn bản đi của đơn vị, kèm bản sao "
    "đơn (đơn tố cáo: bản do hệ thống lập, đã che thông tin người tố cáo).",
)
def letter_forward(request: HttpRequest, letter_uuid: UUID, payload: ForwardIn) -> Status[Forward]:
    person = actor(request)
    letter = letter_get(person, letter_uuid)
    to_unit = None
    if payload.to_unit is not None:
        to_unit = unit_named(payload.to_unit, "to_unit", among=selectors.forward_units(letter))
    made = services_forward.letter_forward(
        actor=person,
        letter=letter,
        to_body=payload.to_body,
        to_unit=to_unit,
        forwarded_on=payload.forwarded_on or _today(),
        note_subject=payload.note_subject,
    )
    return Status(201, selectors.forward_or_404(person, made.uuid))


@router.post(
    "/{letter_uuid}/ket-qua",
    response={200: LetterOut, **ERRORS},
    summary="Ghi kết quả giải quyết (đơn giao ban xác minh hoặc thụ lý)",
)
def letter_result(request: HttpRequest, letter_uuid: UUID, payload: ResultIn) -> Letter:
    person = actor(request)
    letter = letter_get(person, letter_uuid)
    done = services_handling.letter_result_record(
        actor=person, letter=letter, result=payload.result, result_on=payload.result_on
    )
    return _answer(request, done)


@router.post(
    "/{letter_uuid}/thong-bao",
    response={200: LetterOut, **ERRORS},
    summary="Ghi việc đã thông báo cho người gửi đơn",
)
def letter_told(request: HttpRequest, letter_uuid: UUID, payload: ToldIn) -> Letter:
    person = actor(request)
    letter = letter_get(person, letter_uuid)
    done = services_handling.letter_told(
        actor=person, letter=letter, told_on=payload.told_on, told_how=payload.told_how
    )
    return _answer(request, done)


@router.post(
    "/{letter_uuid}/ket-thuc",
    response={200: LetterOut, **ERRORS},
    summary="Kết thúc đơn (lãnh đạo đơn vị)",
)
def letter_close(request: HttpRequest, letter_uuid: UUID, payload: CloseIn) -> Letter:
    person = actor(request)
    letter = letter_get(person, letter_uuid)
    done = services_handling.letter_close(
        actor=person, letter=letter, reason=payload.reason, closed_on=payload.closed_on or _today()
    )
    return _answer(request, done)


# --- duplicates -----------------------------------------------------------------------------


@router.get(
    "/{letter_uuid}/trung",
    response={200: list[CandidateOut], **ERRORS},
    summary="Các đơn có thể trùng (cùng người gửi, nội dung tương tự, mọi đơn vị và năm)",
    description="Đơn của đơn vị người gọi không được xem chỉ có đơn vị, số và ngày; cùng "
    "người tố cáo chỉ được nêu với người được xem thông tin người tố cáo.",
)
def letter_duplicates(request: HttpRequest, letter_uuid: UUID) -> list[duplicates.Candidate]:
    person = actor(request)
    return duplicates.propose(letter_get(person, letter_uuid), person=person)


@router.post(
    "/{letter_uuid}/trung",
    response={200: LetterOut, **ERRORS},
    summary="Đánh dấu đơn trùng (đơn trùng lần n của đơn đã có)",
)
def letter_duplicate_link(request: HttpRequest, letter_uuid: UUID, payload: LinkIn) -> Letter:
    person = actor(request)
    letter = letter_get(person, letter_uuid)
    original = selectors.letters_visible(person).filter(uuid=payload.original).first()
    if original is None:
        raise ValidationError({"original": _("Không tìm thấy đơn được chọn.")})
    done = services_duplicates.letter_duplicate_link(actor=person, letter=letter, original=original)
    return _answer(request, done)


@router.post(
    "/{letter_uuid}/trung/bo-danh-dau",
    response={200: LetterOut, **ERRORS},
    summary="Bỏ đánh dấu đơn trùng",
)
def letter_duplicate_unlink(request: HttpRequest, letter_uuid: UUID) -> Letter:
    person = actor(request)
    letter = letter_get(person, letter_uuid)
    done = services_duplicates.letter_duplicate_unlink(actor=person, letter=letter)
    return _answer(request, done)
