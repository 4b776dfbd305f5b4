"""`/api/v1/thi-dua/tong-ket/{unit}/{year}`: an Office's annual review — its figures (this
year and the year before as of 31/12, the districts' roll-up for the province, as the page and
the DOCX give them), the assessed sections (PUT), and the DOCX draft. A unit the caller does
not read is a 404; writing is for the Office's leaders and emulation officers (else 403)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from ninja import Field, Router, Schema

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.api.refs import UnitRef
from vanphong.core.inputs import CleanStr, Year
from vanphong.documents.api.files import FILE_RESPONSE
from vanphong.documents.selectors import incoming_visible, outgoing_visible
from vanphong.emulation import review_docx, services_review, workflow
from vanphong.emulation.models import AnnualReview
from vanphong.emulation.review import Cell, ReviewFigures, review_figures
from vanphong.emulation.services_review import TEXT_LIMIT
from vanphong.org.models import COMMITTEE_KINDS, Person, Unit, UnitKind

router = Router(tags=["tổng kết năm"])


class CellOut(Schema):
    this_year: int
    last_year: int
    difference: int


class DistrictCellOut(CellOut):
    unit: UnitRef


class LineOut(Schema):
    label: str
    own: CellOut = Field(description="Văn phòng và cấp ủy của nó.")
    districts: CellOut | None = Field(
        description="Tổng hợp các huyện, thị ủy người gọi được xem (chỉ bản của cấp tỉnh)."
    )
    by_district: list[DistrictCellOut]


class SectionOut(Schema):
    key: str
    title: str
    provided: bool = Field(description="false: phân hệ chưa có, chưa có số liệu.")
    notes: str
    lines: list[LineOut]


class StandingOut(Schema):
    movement: str
    rank: int | None
    total: str | None = Field(description="Tổng điểm, hai chữ số thập phân.")


class AwardOut(Schema):
    title_name: str
    awarding_body: str
    decision_number: str
    decided_on: str


class DocumentOut(Schema):
    uuid: UUID
    number_symbol: str
    subject: str


class ConferenceOut(Schema):
    lineage: UUID
    day: str
    content: str
    documents: list[DocumentOut] = Field(
        description="Văn bản gắn với cuộc họp, người gọi được xem."
    )


class ReviewOut(Schema):
    unit: UnitRef
    year: int
    as_of: str = Field(description="Số liệu tính đến hết ngày này (ISO).")
    last_as_of: str
    sections: list[SectionOut]
    standing: StandingOut | None
    awards: list[AwardOut]
    texts: dict[str, str] = Field(
        description="Các phần Văn phòng viết: crypto_it, finance, administration, tasks_next."
    )
    conference: ConferenceOut | None = Field(
        description="Hội nghị tổng kết (một mục của lịch công tác tuần), nếu người gọi xem được."
    )
    report: DocumentOut | None
    conclusions: DocumentOut | None


class TextsIn(Schema):
    crypto_it: CleanStr | None = Field(None, max_length=TEXT_LIMIT)
    finance: CleanStr | None = Field(None, max_length=TEXT_LIMIT)
    administration: CleanStr | None = Field(None, max_length=TEXT_LIMIT)
    tasks_next: CleanStr | None = Field(None, max_length=TEXT_LIMIT)


def _unit(person: Person, unit_uuid: UUID) -> Unit:
    unit = Unit.objects.filter(uuid=unit_uuid).select_related("parent").first()
    if unit is None or not workflow.reads_unit(person, unit.pk):
        raise Http404
    if unit.kind != UnitKind.OFFICE and unit.kind not in COMMITTEE_KINDS:
        raise Http404
    return unit


def _year(year: int) -> int:
    if year > timezone.localdate().year + 1:
        raise Http404
    return year


def _cell(cell: Cell) -> dict[str, int]:
    return {"this_year": cell.this, "last_year": cell.last, "difference": cell.difference}


def _document(document: Any) -> dict[str, object]:
    return {
        "uuid": document.uuid,
        "number_symbol": document.number_symbol,
        "subject": document.subject,
    }


def _links(
    person: Person, figures: ReviewFigures, review: AnnualReview | None
) -> dict[str, object]:
    """The conference and documents linked, as the caller may read them."""
    found: dict[str, object] = {"conference": None, "report": None, "conclusions": None}
    if review is None:
        return found
    if review.conference_lineage is not None:
        entry = services_review.conference_entry(
            person, figures.committee, review.conference_lineage
        )
        if entry is not None:
            documents = [
                *incoming_visible(person).filter(schedule_entries=entry),
                *outgoing_visible(person).filter(schedule_entries=entry),
            ]
            found["conference"] = {
                "lineage": entry.lineage,
                "day": entry.day.isoformat(),
                "content": entry.content,
                "documents": [_document(d) for d in documents],
            }
    readable = {
        d.pk: d
        for d in outgoing_visible(person).filter(pk__in=[review.report_id, review.conclusions_id])
    }
    for name, pk in (("report", review.report_id), ("conclusions", review.conclusions_id)):
        if pk in readable:
            found[name] = _document(readable[pk])
    return found


def _out(person: Person, figures: ReviewFigures) -> dict[str, object]:
    review = AnnualReview.objects.filter(unit=figures.unit, year=figures.year).first()
    districts = {unit.pk: unit for unit in figures.districts}
    standing = figures.standing
    return {
        "unit": figures.unit,
        "year": figures.year,
        "as_of": figures.as_of.isoformat(),
        "last_as_of": figures.last_as_of.isoformat(),
        "sections": [
            {
                "key": section.key,
                "title": section.title,
                "provided": section.provided,
                "notes": section.notes,
                "lines": [
                    {
                        "label": line.label,
                        "own": _cell(line.own),
                        "districts": _cell(line.districts) if line.districts else None,
                        "by_district": [
                            {"unit": districts[c], **_cell(cell)}
                            for c, cell in line.by_district.items()
                        ],
                    }
                    for line in section.lines
                ],
            }
            for section in figures.sections
        ],
        "standing": (
            {
                "movement": standing.movement.title,
                "rank": standing.rank,
                "total": f"{standing.total:.2f}" if standing.total is not None else None,
            }
            if standing is not None
            else None
        ),
        "awards": [
            {
                "title_name": award.title_name,
                "awarding_body": award.awarding_body,
                "decision_number": award.decision_number,
                "decided_on": award.decided_on.isoformat(),
            }
            for award in figures.awards
        ],
        "texts": review.texts if review is not None else {},
        **_links(person, figures, review),
    }


@router.get(
    "/tong-ket/{unit_uuid}/{year}",
    response={200: ReviewOut, **ERRORS},
    summary="Số liệu tổng kết năm của một Văn phòng",
    description="Mỗi phần với năm nay, năm trước (tính đến 31/12) và chênh lệch; Văn phòng "
    "Tỉnh ủy kèm tổng hợp các huyện, thị ủy người gọi được xem.",
)
def review_get(request: HttpRequest, unit_uuid: UUID, year: Year) -> dict[str, object]:
    person = actor(request)
    unit = _unit(person, unit_uuid)
    return _out(person, review_figures(unit, _year(year), reader=person))


@router.put(
    "/tong-ket/{unit_uuid}/{year}",
    response={200: ReviewOut, **ERRORS},
    summary="Sửa các phần Văn phòng viết của báo cáo tổng kết",
    description="Chỉ các phần gửi lên được thay; chuỗi rỗng xóa phần đó. Người không phải lãnh "
    "đạo Văn phòng, cán bộ thi đua của đơn vị: 403.",
)
def review_texts_put(
    request: HttpRequest, unit_uuid: UUID, year: Year, payload: TextsIn
) -> dict[str, object]:
    person = actor(request)
    unit = _unit(person, unit_uuid)
    texts = {key: value for key, value in payload.dict().items() if value is not None}
    services_review.review_texts_update(actor=person, unit=unit, year=_year(year), texts=texts)
    return _out(person, review_figures(unit, year, reader=person))


@router.get(
    "/tong-ket/{unit_uuid}/{year}/tai-ve.docx",
    response={**ERRORS},
    summary="Tải dự thảo báo cáo tổng kết năm (DOCX)",
    openapi_extra=FILE_RESPONSE,
)
def review_download(request: HttpRequest, unit_uuid: UUID, year: Year) -> HttpResponse:
    person = actor(request)
    unit = _unit(person, unit_uuid)
    figures = review_figures(unit, _year(year), reader=person)
    review = AnnualReview.objects.filter(unit=figures.unit, year=year).first()
    content = review_docx.review_docx(figures, review.texts if review is not None else {})
    response = HttpResponse(content, content_type=review_docx.DOCX_TYPE)
    response["Content-Disposition"] = (
        content_disposition_header(as_attachment=True, filename=review_docx.filename(figures))
        or "attachment"
    )
    return response
