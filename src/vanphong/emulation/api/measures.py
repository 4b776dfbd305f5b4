"""`/api/v1/thi-dua/so-lieu/cach-do`: the measures vanphong computes (the registry of
core.yearly); `/api/v1/thi-dua/{movement_uuid}/so-lieu`: a movement's measured criteria per
member (as the measures page shows them), and `…/so-lieu/tinh-lai`: recompute them — through
`services_measure`, as the page's button."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.api.refs import UnitRef
from vanphong.core import yearly
from vanphong.emulation import services_measure, workflow
from vanphong.emulation.models import Measurement
from vanphong.emulation.selectors import movement_or_404
from vanphong.org.models import Person, Unit

router = Router(tags=["số liệu thi đua"])


class MeasureOut(Schema):
    key: str = Field(
        description="Mã cách đo, ghi trong tiêu chí, ví dụ documents.incoming_on_time."
    )
    title: str
    counted: str = Field(description="Những gì được tính (mẫu số).")
    done: str = Field(description="Những gì được coi là đạt (tử số).")
    query: str = Field(description="Câu truy vấn, viết để người dùng kiểm tra.")


class CriterionRef(Schema):
    uuid: UUID
    code: str
    title: str
    measure: str
    max_points: Decimal


class MeasurementOut(Schema):
    unit: UnitRef
    criterion: CriterionRef
    done: int
    counted: int
    share: float | None = Field(description="done / counted; không có gì được tính: null.")
    points: Decimal
    as_of: date = Field(description="Số liệu tính đến ngày.")
    computed_at: datetime
    records_url: str = Field(description="Trang danh sách hồ sơ, văn bản đằng sau số liệu.")


class MeasurementsQuery(Schema):
    unit: UUID | None = Field(None, description="Chỉ số liệu của đơn vị này (thành viên khối).")


class ComputeIn(Schema):
    as_of: date | None = Field(
        None, description="Tính đến ngày; mặc định hôm nay, hoặc 31/12 khi năm đã qua."
    )


class ComputeOut(Schema):
    rows: int = Field(description="Số dòng số liệu đã ghi.")


@router.get(
    "/so-lieu/cach-do",
    response={200: list[MeasureOut], **ERRORS},
    summary="Các cách đo từ số liệu của vanphong (mã, tên, cách tính, câu truy vấn)",
)
def measures_registry(request: HttpRequest) -> list[yearly.Measure]:
    return yearly.measures()


def _readable_units(person: Person, convenor_id: int, unit_ids: list[int]) -> list[int]:
    if workflow.reads_unit(person, convenor_id):
        return unit_ids
    return [uid for uid in unit_ids if workflow.reads_unit(person, uid)]


@router.get(
    "/phong-trao/{uuid:movement_uuid}/so-lieu",
    response={200: list[MeasurementOut], **ERRORS},
    summary="Số liệu đo được của các tiêu chí của phong trào, theo đơn vị",
    description="Các đơn vị thành viên người gọi được xem (đơn vị tổ chức xem mọi thành "
    "viên). Đơn vị không phải thành viên hoặc không được xem: 404.",
)
def measurements_list(
    request: HttpRequest, movement_uuid: UUID, filters: Query[MeasurementsQuery]
) -> list[dict[str, object]]:
    person = actor(request)
    movement = movement_or_404(person, movement_uuid)
    units = _readable_units(
        person, movement.bloc.convenor_id, services_measure.member_ids(movement)
    )
    if filters.unit is not None:
        asked = Unit.objects.filter(uuid=filters.unit, pk__in=units).values_list("pk", flat=True)
        units = list(asked)
        if not units:
            raise Http404
    rows = (
        Measurement.objects.filter(movement=movement, unit_id__in=units)
        .select_related("unit", "criterion")
        .order_by(
            "unit__sort_order", "unit_id", "criterion__group__position", "criterion__position"
        )
    )
    answer = []
    for row in rows:
        measure = yearly.measure(row.criterion.measure)
        url = ""
        if measure is not None and measure.records_url is not None:
            url = measure.records_url(str(row.unit.uuid), movement.year)
        answer.append(
            {
                "unit": row.unit,
                "criterion": row.criterion,
                "done": row.done,
                "counted": row.counted,
                "share": row.done / row.counted if row.counted else None,
                "points": row.points,
                "as_of": row.as_of,
                "computed_at": row.computed_at,
                "records_url": url,
            }
        )
    return answer


@router.post(
    "/phong-trao/{uuid:movement_uuid}/so-lieu/tinh-lai",
    response={200: ComputeOut, **ERRORS},
    summary="Tính lại số liệu đo được của mọi thành viên (đơn vị tổ chức)",
    description="Phong trào đã kết thúc: 422. Không phải cán bộ thi đua, lãnh đạo Văn phòng "
    "của đơn vị tổ chức: 403.",
)
def measurements_compute(
    request: HttpRequest, movement_uuid: UUID, payload: ComputeIn
) -> dict[str, int]:
    person = actor(request)
    movement = movement_or_404(person, movement_uuid)
    rows = services_measure.measurements_compute(
        movement=movement, actor=person, as_of=payload.as_of
    )
    return {"rows": rows}
