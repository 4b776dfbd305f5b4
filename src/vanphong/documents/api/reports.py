"""The Decree 30 registers (XLSX, PDF) and the handling statistics."""

from __future__ import annotations

from datetime import date
from typing import Literal
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.core.inputs import Day
from vanphong.documents import registers, services, stats
from vanphong.documents.api.files import FILE_RESPONSE

router = Router(tags=["sổ sách và thống kê"])


class PeriodQuery(Schema):
    start: Day | None = Field(None, description="Từ ngày; mặc định ngày 1/1 của năm `end`.")
    end: Day | None = Field(None, description="Đến hết ngày; mặc định hôm nay.")

    def period(self) -> registers.Period:
        end = self.end or timezone.localdate()
        start = self.start or date(end.year, 1, 1)
        if start > end:
            raise ValidationError({"end": _("Ngày cuối phải sau hoặc bằng ngày đầu.")})
        return registers.Period(start, end)


class RegisterQuery(PeriodQuery):
    unit: UUID = Field(description="Đơn vị có sổ.")
    format: Literal["xlsx", "pdf"] = Field(description="Định dạng tệp: `xlsx` hoặc `pdf`.")


class StatsQuery(PeriodQuery):
    unit: UUID | None = Field(
        None, description="Chỉ đơn vị này và các đơn vị trực thuộc; mặc định mọi đơn vị được xem."
    )


class TallyOut(Schema):
    on_time: int = Field(description="Hoàn thành đúng hạn.")
    late: int = Field(description="Hoàn thành trễ hạn.")
    open: int = Field(description="Đang xử lý, chưa quá hạn.")
    overdue: int = Field(description="Đang xử lý, đã quá hạn.")
    total: int


class StatsLineOut(Schema):
    uuid: UUID = Field(description="Mã đơn vị hoặc cán bộ.")
    name: str
    tally: TallyOut


class HandlingStatsOut(Schema):
    start: date = Field(alias="period.start")
    end: date = Field(alias="period.end")
    today: date = Field(description="Ngày tính quá hạn.")
    total: TallyOut
    by_unit: list[StatsLineOut] = Field(description="Theo đơn vị có sổ văn bản đến.")
    by_person: list[StatsLineOut] = Field(
        description="Theo cán bộ được giao (không gồm giao đơn vị)."
    )


@router.get(
    "/so-sach/{kind}",
    response={**ERRORS},
    summary="Tải sổ theo Phụ lục IV Nghị định 30 (XLSX hoặc PDF)",
    description="`kind`: `den` (sổ văn bản đến), `di` (sổ văn bản đi), `theo-doi` (sổ theo dõi "
    "giải quyết văn bản đến). Chỉ liệt kê văn bản người gọi được xem; tệp có văn bản mật được "
    "ghi nhật ký như một lần đọc các văn bản đó.",
    openapi_extra=FILE_RESPONSE,
)
def register_download(
    request: HttpRequest, kind: registers.Kind, filters: Query[RegisterQuery]
) -> HttpResponse:
    person = actor(request)
    unit = registers.report_unit_get(person, filters.unit)
    period = filters.period()
    content = services.register_export(
        actor=person, kind=kind, unit=unit, period=period, file_format=filters.format
    )
    response = HttpResponse(content, content_type=registers.CONTENT_TYPES[filters.format])
    name = registers.filename(kind, unit, period, filters.format)
    response["Content-Disposition"] = (
        content_disposition_header(as_attachment=True, filename=name) or "attachment"
    )
    return response


@router.get(
    "/thong-ke",
    response={200: HandlingStatsOut, **ERRORS},
    summary="Thống kê giải quyết văn bản đến theo đơn vị và theo cán bộ",
    description="Phần việc (chủ trì, phối hợp) giao trong kỳ: đúng hạn, trễ hạn, đang xử lý, "
    "quá hạn; chỉ văn bản người gọi được xem.",
)
def handling_stats(request: HttpRequest, filters: Query[StatsQuery]) -> stats.HandlingStats:
    person = actor(request)
    unit = registers.report_unit_get(person, filters.unit) if filters.unit else None
    return stats.handling_stats(person, unit=unit, period=filters.period())
