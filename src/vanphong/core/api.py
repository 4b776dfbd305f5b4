"""The working-day calendar in the JSON API: a year for everyone, its rows for the editors."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from django.contrib.auth.base_user import AbstractBaseUser
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from vanphong.core import selectors, services
from vanphong.core.inputs import CleanStr, Day
from vanphong.core.models import CalendarDay
from vanphong.core.workdays import DayKind

router = Router(tags=["lịch ngày làm việc"])


class ErrorOut(Schema):
    detail: str = Field(description="Thông báo lỗi (tiếng Việt).")


class InvalidOut(Schema):
    detail: str
    errors: dict[str, list[str]] = Field(description="Lỗi theo tên trường của yêu cầu.")


ERRORS: dict[int, type[Schema]] = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: InvalidOut}


class CalendarDayIn(Schema):
    day: Day = Field(description="Ngày.")
    is_working: bool = Field(
        False,
        description="true: ngày làm bù (đi làm vào ngày vốn nghỉ); false: ngày nghỉ.",
    )
    name: CleanStr = Field(
        min_length=1, max_length=200, description="Tên, ví dụ “Tết Nguyên đán (mùng 1)”."
    )
    note: CleanStr = Field("", max_length=500, description="Căn cứ, hoặc “chưa kiểm chứng”.")


class CalendarDayOut(Schema):
    uuid: UUID
    day: date
    is_working: bool
    name: str
    note: str


class CalendarDateOut(Schema):
    day: date
    weekday: str = Field(description="Thứ trong tuần, tiếng Việt.")
    kind: DayKind = Field(
        description="holiday: ngày lễ cố định; compensatory: nghỉ bù tự động; day_off: ngày "
        "nghỉ của bảng; worked: ngày làm bù của bảng."
    )
    is_working: bool
    name: str
    note: str
    uuid: UUID | None = Field(description="Dòng của bảng ngoại lệ (null: ngày theo quy tắc).")


class CalendarYearOut(Schema):
    year: int
    working_days: int = Field(description="Số ngày làm việc trong năm.")
    may_edit: bool = Field(description="Người gọi có được sửa lịch không.")
    days: list[CalendarDateOut] = Field(
        description="Các ngày khác lịch thường (thứ Hai–thứ Sáu làm việc, thứ Bảy, Chủ nhật "
        "nghỉ), theo thứ tự ngày."
    )


def _actor(request: HttpRequest) -> AbstractBaseUser:
    person: AbstractBaseUser = request.auth  # type: ignore[attr-defined]
    return person


def _row(row: CalendarDay) -> CalendarDayOut:
    return CalendarDayOut.model_validate(row, from_attributes=True)


@router.get(
    "/{int:year}",
    response={200: CalendarYearOut, **ERRORS},
    summary="Lịch ngày làm việc của một năm",
)
def calendar_year(request: HttpRequest, year: int) -> CalendarYearOut:
    found = selectors.calendar_year(selectors.calendar_year_valid(year))
    return CalendarYearOut(
        year=found.year,
        working_days=found.working_days,
        may_edit=selectors.calendar_may_edit(_actor(request)),
        days=[
            CalendarDateOut(
                day=entry.day.day,
                weekday=entry.weekday,
                kind=entry.day.kind,
                is_working=entry.day.is_working,
                name=entry.day.name,
                note=entry.note,
                uuid=entry.row.uuid if entry.row is not None else None,
            )
            for entry in found.entries
        ],
    )


@router.post(
    "/ngay",
    response={201: CalendarDayOut, **ERRORS},
    summary="Thêm ngày nghỉ hoặc ngày làm bù (quản trị cấp cao nhất)",
)
def calendar_day_create(request: HttpRequest, payload: CalendarDayIn) -> Status[CalendarDayOut]:
    row = services.calendar_day_create(actor=_actor(request), **payload.model_dump())
    return Status(201, _row(row))


@router.put(
    "/ngay/{day_uuid}",
    response={200: CalendarDayOut, **ERRORS},
    summary="Sửa một ngày của bảng (quản trị cấp cao nhất)",
)
def calendar_day_update(
    request: HttpRequest, day_uuid: UUID, payload: CalendarDayIn
) -> CalendarDayOut:
    row = selectors.calendar_day_get(day_uuid)
    row = services.calendar_day_update(
        actor=_actor(request), calendar_day=row, **payload.model_dump()
    )
    return _row(row)


@router.delete(
    "/ngay/{day_uuid}",
    response={204: None, **ERRORS},
    summary="Xóa một ngày khỏi bảng (quản trị cấp cao nhất)",
)
def calendar_day_delete(request: HttpRequest, day_uuid: UUID) -> Status[None]:
    services.calendar_day_delete(
        actor=_actor(request), calendar_day=selectors.calendar_day_get(day_uuid)
    )
    return Status(204, None)
