"""`/api/v1/don-thu/so-tiep-cong-dan`, `/api/v1/don-thu/bao-cao/tep`: the files the reception
pages and the report page give — the reception register (sổ tiếp công dân) as XLSX or PDF
(`reception_register`, the register page's rows: a denunciation visit's visitors "(giữ bí
mật)" whoever reads), and the period report as XLSX or a DOCX draft (`report_files`, the
figures of `GET /bao-cao`). Served as documents' register downloads are."""

from __future__ import annotations

from typing import Literal
from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from ninja import Field, Query, Router, Schema

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.core.access import get_visible_or_404
from vanphong.core.inputs import Year
from vanphong.documents.api.files import FILE_RESPONSE
from vanphong.org.models import Unit, UnitKind
from vanphong.petitions import reception_register, report_files, selectors
from vanphong.petitions.api.reports import ReportQuery, report_built

router = Router(tags=["báo cáo đơn thư"])


class RegisterQuery(Schema):
    unit: UUID = Field(description="Văn phòng có sổ tiếp công dân (người gọi được xem).")
    year: Year | None = Field(None, description="Năm của sổ; mặc định năm nay.")
    format: Literal["xlsx", "pdf"] = Field(description="Định dạng tệp: `xlsx` hoặc `pdf`.")


class ReportFileQuery(ReportQuery):
    format: Literal["xlsx", "docx"] = Field(
        description="`xlsx` bảng số liệu, `docx` dự thảo báo cáo theo thể thức của Đảng."
    )


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = (
        content_disposition_header(as_attachment=True, filename=filename) or "attachment"
    )
    return response


@router.get(
    "/so-tiep-cong-dan",
    response={**ERRORS},
    summary="Tải sổ tiếp công dân của một Văn phòng trong năm (XLSX hoặc PDF)",
    description="Các lượt tiếp người gọi được xem, như trang Sổ tiếp công dân; người được tiếp "
    "của lượt tiếp tố cáo ghi “(giữ bí mật)” với mọi người. Văn phòng người gọi không được "
    "xem (hoặc không có): 404.",
    openapi_extra=FILE_RESPONSE,
)
def reception_register_download(
    request: HttpRequest, filters: Query[RegisterQuery]
) -> HttpResponse:
    person = actor(request)
    offices = Unit.objects.filter(pk__in=selectors.visible_unit_ids(person), kind=UnitKind.OFFICE)
    unit = get_visible_or_404(offices, filters.unit)
    year = filters.year or timezone.localdate().year
    found = reception_register.visits_of(selectors.visits_visible(person), unit, year)
    content = reception_register.export(found, unit=unit, year=year, file_format=filters.format)
    return _attachment(
        content,
        reception_register.CONTENT_TYPES[filters.format],
        f"so-tiep-cong-dan-{year}.{filters.format}",
    )


@router.get(
    "/bao-cao/tep",
    response={**ERRORS},
    summary="Tải báo cáo tiếp công dân, đơn thư của kỳ (XLSX hoặc DOCX)",
    description="Các số liệu của `GET /bao-cao` (tính đến hết kỳ), như tệp của trang báo cáo; "
    "lựa chọn sai (đơn vị không được lập báo cáo, thiếu tháng…) trả 422 theo trường.",
    openapi_extra=FILE_RESPONSE,
)
def report_file(request: HttpRequest, params: Query[ReportFileQuery]) -> HttpResponse:
    built = report_built(actor(request), params)
    write = report_files.xlsx if params.format == "xlsx" else report_files.docx
    content = write(built)
    return _attachment(
        content,
        report_files.CONTENT_TYPES[params.format],
        report_files.filename(built, params.format),
    )
