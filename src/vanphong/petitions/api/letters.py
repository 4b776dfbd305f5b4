"""`/api/v1/don-thu/`: the petitions book — the list with the page's filters, a letter in full,
registering a letter, and downloading a letter's file. The same selectors, services and
visibility as the pages: a letter the caller may not see is a 404.

A denouncer is never in the list, whoever calls; the full letter carries the petitioners only
for one who may read them, read through `services.letter_identity_read` as the page reads them
(every read of a denouncer's identity audited)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Literal
from uuid import UUID

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import QuerySet
from django.http import FileResponse, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.api.refs import unit_named
from vanphong.api.uploads import AttachmentIn, decoded
from vanphong.core import paging
from vanphong.core.access import get_visible_or_404
from vanphong.core.inbox import today as inbox_today
from vanphong.core.inputs import CleanStr, Day, Year
from vanphong.documents.api.files import FILE_RESPONSE
from vanphong.documents.selectors import incoming_visible, outgoing_visible
from vanphong.documents.services import Upload
from vanphong.documents.views_files import download
from vanphong.org.models import Person, Unit, UnitKind
from vanphong.petitions import selectors, services, services_visit_letter, workflow
from vanphong.petitions.api.schemas import LetterDetailOut, LetterOut, LettersPageOut
from vanphong.petitions.models import Channel, Citizen, Letter, LetterStatus, SubjectKind
from vanphong.petitions.models import Field as LetterField
from vanphong.petitions.redaction import identity_values, redact

router = Router(tags=["đơn thư"])

MAX_PER_PAGE = 200
KindName = Literal["complaint", "denunciation", "proposal", "report"]


# --- input ----------------------------------------------------------------------------------


class LettersQuery(Schema):
    year: Year | None = Field(None, description="Năm của sổ.")
    unit: UUID | None = Field(None, description="Chỉ sổ đơn thư của đơn vị này.")
    kind: KindName | None = Field(None, description="Loại đơn.")
    state: LetterStatus | None = Field(None, description="Tình trạng.")
    field: UUID | None = Field(None, description="Lĩnh vực.")
    due: Literal["overdue", "due_soon"] | None = Field(
        None,
        description="`overdue`: chỉ đơn có thời hạn đã quá mà chưa đáp ứng; `due_soon`: thời hạn "
        "sắp đến (như mục của hộp việc và bộ lọc Thời hạn của trang danh sách).",
    )
    q: CleanStr = Field(
        "", max_length=200, description="Tìm trong nội dung tóm tắt (không dấu) hoặc số `12/2011`."
    )
    page: int = Field(1, ge=1, le=100_000)
    per_page: int = Field(50, ge=1, le=MAX_PER_PAGE, description="Tối đa 200.")


class CitizenIn(Schema):
    full_name: CleanStr = Field("", max_length=200, description="Họ và tên.")
    id_number: CleanStr = Field(
        "", max_length=30, description="Số CMND (9 chữ số) hoặc CCCD (12 chữ số)."
    )
    id_issued: CleanStr = Field("", max_length=200, description="Ngày và nơi cấp.")
    address: CleanStr = Field("", max_length=300)
    phone: CleanStr = Field("", max_length=30)
    is_representative: bool = False


class LetterIn(Schema):
    unit: UUID = Field(description="Sổ đơn thư của đơn vị (người gọi là cán bộ tiếp dân ở đó).")
    received_on: Day = Field(description="Ngày nhận.")
    channel: Channel = Field(description="`post`, `in_person`, `email` hoặc `forwarded`.")
    kinds: list[KindName] = Field(
        [], max_length=4, description="Một hoặc nhiều loại: khiếu nại, tố cáo, kiến nghị, phản ánh."
    )
    anonymous: bool = Field(False, description="Đơn nặc danh: không ghi người gửi.")
    citizens: list[CitizenIn] = Field(
        [], max_length=100, description="Người gửi đơn (bắt buộc trừ đơn nặc danh)."
    )
    group_size: int | None = Field(None, ge=1, le=10_000, description="Số người đứng đơn.")
    field: UUID | None = Field(None, description="Lĩnh vực (`GET /don-thu/linh-vuc`).")
    place: CleanStr = Field("", max_length=300, description="Địa bàn.")
    place_unit: UUID | None = Field(None, description="Huyện, thị (cấp ủy huyện) của địa bàn.")
    subject_kind: SubjectKind | Literal[""] = Field("", description="Đối tượng bị đề cập.")
    subject: CleanStr = Field("", max_length=300, description="Người, tổ chức, quyết định.")
    summary: CleanStr = Field("", max_length=5000, description="Nội dung tóm tắt (bắt buộc).")
    covering: UUID | None = Field(None, description="Văn bản chuyển đơn (văn bản đến).")
    sender_body: CleanStr = Field("", max_length=300, description="Cơ quan chuyển đến.")
    scans: list[AttachmentIn] = Field([], max_length=20, description="Bản quét đơn.")
    visit: UUID | None = Field(
        None, description="Lượt tiếp công dân đã nhận đơn này (đơn được gắn với lượt tiếp)."
    )


# --- shared with the other modules of the router ---------------------------------------------


def letter_get(person: Person, letter_uuid: UUID) -> Letter:
    """The letter the caller sees (404 otherwise), with what its answer names."""
    letter = selectors.letter_or_404(person, letter_uuid)
    return Letter.objects.select_related(
        "unit", "handler", "field", "covering", "place_unit", "assigned_unit",
        "guide_document", "duplicate_of",
    ).get(pk=letter.pk)  # fmt: skip


def letter_out(person: Person, letter: Letter, *, identity: bool = False) -> Letter:
    """`letter` with what `LetterOut` (and with `identity`, `LetterDetailOut`) reads of it for
    `person`: the letter's page's own selectors and, for the petitioners, its audited read."""
    letter = letter_get(person, letter.uuid)
    deadlines = list(letter.deadlines.order_by("due_on", "id"))
    readable = services.may_read(person, letter)
    shown: dict[str, object] = {
        "shown_deadlines": deadlines,
        "open_deadlines": [d for d in deadlines if d.met_on is None],
        "shown_forwards": list(selectors.forwards_of(letter)),
        "shown_files": selectors.letter_files(person, letter),
        "shown_may_act": workflow.may_act(person, unit=letter.unit, handler_id=letter.handler_id),
        "shown_covering": letter.covering.uuid
        if letter.covering is not None
        and incoming_visible(person).filter(pk=letter.covering.pk).exists()
        else None,
        "shown_guide": letter.guide_document.uuid
        if letter.guide_document is not None
        and outgoing_visible(person).filter(pk=letter.guide_document.pk).exists()
        else None,
        # A row's names: none of a denunciation's, whoever reads (schemas.LetterRowOut).
        "named_citizens": [] if letter.denunciation else list(letter.citizens.all()),
        "shown_readable": readable,
        "shown_citizens": None,
    }
    if identity and readable:
        shown["shown_citizens"] = services.letter_identity_read(actor=person, letter=letter)
    for name, value in shown.items():
        setattr(letter, name, value)
    return letter


# --- helpers ---------------------------------------------------------------------------------


def _redacted(rows: list[Letter]) -> list[Letter]:
    """A summary is typed by an officer and may name the denouncer: in a list, a
    denunciation's summary has its petitioners' identity hidden, as the follow-up list's."""
    denounced = [row.pk for row in rows if row.denunciation]
    if not denounced:
        return rows
    by_letter: dict[int, list[Citizen]] = defaultdict(list)
    for citizen in Citizen.objects.filter(letter_id__in=denounced):
        by_letter[citizen.letter_id].append(citizen)  # type: ignore[index]
    for row in rows:
        if row.denunciation:
            row.summary = redact(row.summary, identity_values(by_letter[row.pk]))
    return rows


def field_named(uuid: UUID | None, name: str = "field") -> LetterField | None:
    if uuid is None:
        return None
    found = LetterField.objects.filter(uuid=uuid).first()
    if found is None:
        raise ValidationError({name: _("Không tìm thấy lĩnh vực có mã này.")})
    return found


def places() -> QuerySet[Unit]:
    """The district-level committees a letter's or a visit's place may lie in."""
    return Unit.objects.filter(
        kind__in=(UnitKind.DISTRICT_COMMITTEE, UnitKind.TOWN_COMMITTEE), is_active=True
    )


def place_unit(uuid: UUID | None) -> Unit | None:
    return unit_named(uuid, "place_unit", among=places()) if uuid is not None else None


def citizens_of(items: list[CitizenIn]) -> list[services.CitizenData]:
    return [services.CitizenData(**item.model_dump()) for item in items]


def uploads(items: list[AttachmentIn], field: str = "scans") -> list[Upload]:
    try:
        return [Upload(name=name, stream=stream) for name, stream in decoded(items)]
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from None


def uploaded(item: AttachmentIn | None, field: str) -> SimpleUploadedFile | None:
    """One file of a body as a service takes an upload of a page's form."""
    if item is None:
        return None
    [upload] = uploads([item], field)
    return SimpleUploadedFile(upload.name, upload.stream.read())


# --- endpoints ------------------------------------------------------------------------------


@router.get(
    "",
    response={200: LettersPageOut, **ERRORS},
    summary="Sổ đơn thư: các đơn người gọi được xem, lọc như trang danh sách",
    description="Không bao giờ có thông tin người tố cáo, kể cả với cán bộ xử lý.",
)
def letters(request: HttpRequest, filters: Query[LettersQuery]) -> dict[str, object]:
    person = actor(request)
    unit = None
    if filters.unit is not None:
        unit = Unit.objects.filter(uuid=filters.unit).first()
        if unit is None:
            raise ValidationError({"unit": _("Không tìm thấy đơn vị có mã này.")})
    found = selectors.letters_found(
        person,
        selectors.LetterFilter(
            year=filters.year,
            status=filters.state or "",
            kind=filters.kind or "",
            field=field_named(filters.field),
            unit=unit,
            text=filters.q,
            due=filters.due or "",
            today=inbox_today(timezone.localdate()) if filters.due else None,
        ),
    )
    pages = paging.pages(total=found.count(), number=filters.page, per_page=filters.per_page)
    rows = _redacted(list(selectors.letters_page(found)[pages.start : pages.end]))
    return {"items": rows, "total": pages.total, "page": pages.number, "pages": pages.count}


@router.post(
    "",
    response={201: LetterOut, **ERRORS},
    summary="Vào sổ đơn thư",
    description="Cấp số vào sổ tiếp theo của năm; dữ liệu sai trả 422 theo trường, không lưu gì "
    "và không dùng số. Không trả thông tin người gửi (xem `GET /don-thu/{letter_uuid}`).",
)
def letter_register(request: HttpRequest, payload: LetterIn) -> Status[Letter]:
    person = actor(request)
    unit = unit_named(payload.unit, "unit")
    covering = None
    if payload.covering is not None:
        covering = selectors.covering_find(person, payload.covering)
        if covering is None:
            raise ValidationError({"covering": _("Không tìm thấy văn bản đến có mã này.")})
    values: dict[str, Any] = {
        "received_on": payload.received_on,
        "channel": payload.channel,
        "summary": payload.summary,
        "anonymous": payload.anonymous,
        "citizens": citizens_of(payload.citizens),
        "field": field_named(payload.field),
        "place": payload.place,
        "place_unit": place_unit(payload.place_unit),
        "subject_kind": payload.subject_kind,
        "subject": payload.subject,
        "covering": covering,
        "sender_body": payload.sender_body,
        "group_size": payload.group_size,
        "files": uploads(payload.scans),
        **{kind: kind in payload.kinds for kind in selectors.KINDS},
    }
    if payload.visit is None:
        letter = services.letter_register(actor=person, unit=unit, **values)
    else:
        visit = get_visible_or_404(selectors.visits_visible(person), payload.visit)
        if visit.unit_id != unit.pk:
            raise ValidationError({"visit": _("Lượt tiếp không thuộc đơn vị này.")})
        letter = services_visit_letter.letter_register_from_visit(
            actor=person, visit=visit, **values
        )
    return Status(201, letter_out(person, letter))


@router.get(
    "/tep/{letter_file_uuid}",
    response={**ERRORS},
    summary="Tải một tệp của đơn hoặc của lượt tiếp",
    description="Bản quét đơn tố cáo chỉ với người được xem thông tin người tố cáo (404 với "
    "người khác).",
    openapi_extra=FILE_RESPONSE,
)
def letter_file(request: HttpRequest, letter_file_uuid: UUID) -> FileResponse:
    stored = selectors.letter_file_or_404(actor(request), letter_file_uuid)
    return download(stored.file, stored.filename)


@router.get(
    "/{letter_uuid}",
    response={200: LetterDetailOut, **ERRORS},
    summary="Một đơn: thông tin vào sổ, phân loại, xử lý, thời hạn, chuyển đơn, tệp",
    description="Người gửi đơn chỉ có khi người gọi được xem (đơn tố cáo: cán bộ xử lý và "
    "lãnh đạo của họ); mỗi lần xem thông tin người tố cáo được ghi nhật ký như trên trang.",
)
def letter(request: HttpRequest, letter_uuid: UUID) -> Letter:
    person = actor(request)
    return letter_out(person, selectors.letter_or_404(person, letter_uuid), identity=True)
