"""`/api/v1/don-thu/{letter_uuid}/thoi-han`, `…/gia-han`, `…/tam-dinh-chi`: a letter's legal
clocks (the deadlines computed from the rules in force, with their sources), an extension of
the settlement on a written decision, and a suspension and its end — through
`services_clocks`, as the letter page's forms."""

from __future__ import annotations

from uuid import UUID

from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema, Status

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.api.uploads import AttachmentIn
from vanphong.core.inputs import CleanStr, Day
from vanphong.petitions import services_clocks
from vanphong.petitions.api.letters import letter_get, uploaded
from vanphong.petitions.api.schemas import ClocksOut, ExtensionOut, SuspensionOut
from vanphong.petitions.models import Extension, Letter, Suspension

router = Router(tags=["thời hạn đơn thư"])


class ExtensionIn(Schema):
    days: int = Field(ge=1, le=365, description="Số ngày gia hạn.")
    decision_number: CleanStr = Field("", max_length=50, description="Số quyết định gia hạn.")
    decision_date: Day | None = Field(None, description="Ngày quyết định.")
    reason: CleanStr = Field("", max_length=500, description="Lý do.")
    decision_file: AttachmentIn | None = Field(None, description="Tệp quyết định.")


class SuspensionIn(Schema):
    starts_on: Day | None = Field(None, description="Tạm đình chỉ từ ngày.")
    ends_on: Day | None = Field(None, description="Đến ngày, nếu đã biết.")
    decision_number: CleanStr = Field("", max_length=50, description="Số quyết định.")
    reason: CleanStr = Field("", max_length=500, description="Lý do.")


class SuspensionEndIn(Schema):
    ends_on: Day | None = Field(None, description="Ngày kết thúc tạm đình chỉ.")


def _clocks(letter: Letter) -> dict[str, object]:
    return {
        "deadlines": list(letter.deadlines.order_by("due_on", "id")),
        "extensions": list(letter.extensions.order_by("decision_date", "id")),
        "suspensions": list(letter.suspensions.order_by("starts_on", "id")),
    }


@router.get(
    "/{letter_uuid}/thoi-han",
    response={200: ClocksOut, **ERRORS},
    summary="Các thời hạn của đơn theo quy định áp dụng, gia hạn và tạm đình chỉ",
)
def letter_clocks(request: HttpRequest, letter_uuid: UUID) -> dict[str, object]:
    return _clocks(letter_get(actor(request), letter_uuid))


@router.post(
    "/{letter_uuid}/gia-han",
    response={201: ExtensionOut, **ERRORS},
    summary="Gia hạn giải quyết theo quyết định bằng văn bản (số, ngày quyết định)",
)
def letter_extension_add(
    request: HttpRequest, letter_uuid: UUID, payload: ExtensionIn
) -> Status[Extension]:
    person = actor(request)
    letter = letter_get(person, letter_uuid)
    extension = services_clocks.letter_extension_add(
        actor=person,
        letter=letter,
        days=payload.days,
        decision_number=payload.decision_number,
        decision_date=payload.decision_date,
        reason=payload.reason,
        decision_file=uploaded(payload.decision_file, "decision_file"),
    )
    return Status(201, extension)


@router.post(
    "/{letter_uuid}/tam-dinh-chi",
    response={201: SuspensionOut, **ERRORS},
    summary="Tạm đình chỉ giải quyết (thời gian tạm đình chỉ không tính vào thời hạn)",
)
def letter_suspension_add(
    request: HttpRequest, letter_uuid: UUID, payload: SuspensionIn
) -> Status[Suspension]:
    person = actor(request)
    letter = letter_get(person, letter_uuid)
    suspension = services_clocks.letter_suspension_add(
        actor=person,
        letter=letter,
        starts_on=payload.starts_on,
        ends_on=payload.ends_on,
        decision_number=payload.decision_number,
        reason=payload.reason,
    )
    return Status(201, suspension)


@router.post(
    "/{letter_uuid}/tam-dinh-chi/ket-thuc",
    response={200: SuspensionOut, **ERRORS},
    summary="Kết thúc lần tạm đình chỉ đang có, tiếp tục giải quyết",
)
def letter_suspension_end(
    request: HttpRequest, letter_uuid: UUID, payload: SuspensionEndIn
) -> Suspension:
    person = actor(request)
    letter = letter_get(person, letter_uuid)
    suspension = Suspension.objects.filter(letter=letter, ends_on__isnull=True).first()
    if suspension is None:
        raise Http404
    return services_clocks.letter_suspension_end(
        actor=person, suspension=suspension, ends_on=payload.ends_on
    )
