"""Handling incoming documents: the caller's assignments, progress, completion, handing over."""

from __future__ import annotations

from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.api.refs import person_named
from vanphong.core.inputs import CleanStr
from vanphong.documents import selectors, services, services_handling
from vanphong.documents.api import prefetch
from vanphong.documents.api.incoming import (
    AssignmentOut,
    AssignmentWithNotesOut,
    IncomingRowOut,
    ProgressNoteOut,
)
from vanphong.documents.api.inputs import MAX_LIST
from vanphong.documents.models import Assignment, ProgressNote
from vanphong.org.models import Person

router = Router(tags=["xử lý văn bản đến"])


class AssignmentDetailOut(AssignmentWithNotesOut):
    document: IncomingRowOut


class InboxItemOut(AssignmentOut):
    document: IncomingRowOut


class InboxQuery(Schema):
    include_done: bool = Field(False, description="Cả việc đã xong hoặc đã chuyển.")
    limit: int = Field(100, ge=1, le=MAX_LIST, description="Tối đa 200.")


class ProgressIn(Schema):
    text: CleanStr = Field(min_length=1, max_length=5000, description="Tiến độ.")


class CompleteIn(Schema):
    result: CleanStr = Field("", max_length=5000, description="Kết quả xử lý.")
    reply: UUID | None = Field(None, description="Văn bản đi đã phát hành trả lời văn bản này.")


class HandOverIn(Schema):
    to: UUID = Field(description="Đồng nghiệp nhận phần việc (hạn xử lý đi theo).")
    note: CleanStr = Field("", max_length=500, description="Ghi chú khi chuyển.")


def _detail(person: Person, assignment_uuid: UUID) -> Assignment:
    return prefetch.assignment_with_notes(selectors.assignment_get_visible(person, assignment_uuid))


@router.get(
    "/viec-cua-toi",
    response={200: list[InboxItemOut], **ERRORS},
    summary="Việc được giao cho người gọi, hạn gần trước",
)
def my_inbox(request: HttpRequest, filters: Query[InboxQuery]) -> list[Assignment]:
    assignments = selectors.inbox(actor(request), include_done=filters.include_done)
    return list(assignments.select_related(*prefetch.ASSIGNMENT_RELATED)[: filters.limit])


@router.get(
    "/phan-cong/{assignment_uuid}",
    response={200: AssignmentDetailOut, **ERRORS},
    summary="Một phần việc xử lý văn bản đến, với tiến độ",
)
def assignment_get(request: HttpRequest, assignment_uuid: UUID) -> Assignment:
    person = actor(request)
    assignment = selectors.assignment_get_visible(person, assignment_uuid)
    services.document_read_record(actor=person, incoming=assignment.document)
    return prefetch.assignment_with_notes(assignment)


@router.post(
    "/phan-cong/{assignment_uuid}/tien-do",
    response={201: ProgressNoteOut, **ERRORS},
    summary="Báo cáo tiến độ (người được giao)",
)
def assignment_progress(
    request: HttpRequest, assignment_uuid: UUID, payload: ProgressIn
) -> Status[ProgressNote]:
    person = actor(request)
    assignment = selectors.assignment_get_visible(person, assignment_uuid)
    note = services_handling.assignment_progress(
        actor=person, assignment=assignment, text=payload.text
    )
    return Status(201, note)


@router.post(
    "/phan-cong/{assignment_uuid}/hoan-thanh",
    response={200: AssignmentDetailOut, **ERRORS},
    summary="Hoàn thành phần việc, có thể kèm văn bản trả lời",
)
def assignment_complete(
    request: HttpRequest, assignment_uuid: UUID, payload: CompleteIn
) -> Assignment:
    person = actor(request)
    assignment = selectors.assignment_get_visible(person, assignment_uuid)
    reply = None
    if payload.reply is not None:
        reply = selectors.outgoing_visible(person).filter(uuid=payload.reply).first()
        if reply is None:
            raise ValidationError({"reply": _("Không tìm thấy văn bản đi có mã này.")})
    services_handling.assignment_complete(
        actor=person, assignment=assignment, result=payload.result, reply=reply
    )
    return _detail(person, assignment_uuid)


@router.post(
    "/phan-cong/{assignment_uuid}/chuyen-giao",
    response={201: AssignmentDetailOut, **ERRORS},
    summary="Chuyển phần việc cho đồng nghiệp",
    description="Trả về phần việc mới của người nhận.",
)
def assignment_hand_over(
    request: HttpRequest, assignment_uuid: UUID, payload: HandOverIn
) -> Status[Assignment]:
    person = actor(request)
    assignment = selectors.assignment_get_visible(person, assignment_uuid)
    successor = services_handling.assignment_hand_over(
        actor=person, assignment=assignment, to=person_named(payload.to, "to"), note=payload.note
    )
    return Status(201, _detail(person, successor.uuid))
