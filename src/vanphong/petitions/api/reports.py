"""`/api/v1/don-thu/bao-cao`: the period report's figures as JSON — the report page's own
form checks the choice and `reports.report_build` computes the figures, so they are the
page's, the XLSX's and the DOCX's numbers."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.api.refs import UnitRef
from vanphong.org.models import Person
from vanphong.petitions import reports
from vanphong.petitions.forms_reports import ReportForm
from vanphong.petitions.reports import PERIOD_SLUGS, PeriodKind

router = Router(tags=["báo cáo đơn thư"])


class CountOut(Schema):
    key: str = Field(description="Mã (lý do, hướng xử lý, hình thức tiếp).")
    label: str
    count: int


class NamedCountOut(Schema):
    name: str = Field(description="Lĩnh vực hoặc địa bàn; “Chưa xác định …” khi không ghi.")
    count: int


class FiguresOut(Schema):
    letters: int = Field(description="Đơn nhận trong kỳ.")
    new: int = Field(description="Đơn mới (không kể đơn trùng).")
    duplicates: int
    complaint: int
    denunciation: int
    proposal: int
    report: int
    anonymous: int
    eligible: int
    ineligible: int
    unclassified: int
    reasons: list[CountOut] = Field(description="Không đủ điều kiện, theo lý do.")
    by_field: list[NamedCountOut]
    by_place: list[NamedCountOut]
    handled: list[CountOut] = Field(description="Theo hướng xử lý.")
    handled_total: int
    unhandled: int
    forwards: int = Field(description="Lượt chuyển đơn (một đơn chuyển ba nơi: ba).")
    forwarded_letters: int
    forward_results: int = Field(description="Lượt chuyển đã có kết quả.")
    forwards_overdue: int = Field(description="Lượt chuyển quá hạn chưa có kết quả.")
    results: int
    told: int
    closed: int
    sessions: list[CountOut] = Field(description="Buổi tiếp công dân theo hình thức.")
    session_total: int
    head_sessions: int = Field(description="Buổi người đứng đầu cấp ủy tiếp.")
    visits: int
    people: int
    groups: int = Field(description="Đoàn đông người (từ 5 người).")


class LineOut(Schema):
    name: str = Field(description="Cấp ủy (sổ của cấp ủy trước, rồi từng cấp ủy trực thuộc).")
    figures: FiguresOut


class PeriodOut(Schema):
    kind: PeriodKind
    year: int
    month: int | None
    start: date
    end: date = Field(description="Số liệu tính đến hết ngày này.")
    label: str


class ReportOut(Schema):
    unit: UnitRef
    committee: UnitRef | None
    period: PeriodOut
    lines: list[LineOut]
    total: FiguresOut


class ReportQuery(Schema):
    unit: UUID = Field(description="Văn phòng hoặc cấp ủy được lập báo cáo.")
    kind: PeriodKind = Field(
        PeriodKind.YEAR,
        description="`month`, `q1` quý I, `six_months`, `nine_months`, `year`.",
    )
    year: int = Field(ge=1, le=9999, description="Năm báo cáo (từ 1990 đến năm nay).")
    month: int | None = Field(None, ge=1, le=12, description="Tháng (báo cáo tháng).")


def _counts(counter: Counter[str], labels: dict[str, Any]) -> list[dict[str, object]]:
    return [
        {"key": key, "label": str(labels.get(key, key)), "count": n}
        for key, n in sorted(counter.items())
        if n
    ]


def _named(counter: Counter[Any], names: dict[Any, str]) -> list[dict[str, object]]:
    rows = [{"name": str(names.get(key, "")), "count": n} for key, n in counter.items() if n]
    return sorted(rows, key=lambda row: (-int(str(row["count"])), str(row["name"])))


def _figures(figures: reports.Figures, built: reports.Report) -> dict[str, object]:
    plain = (
        "letters",
        "new",
        "duplicates",
        "complaint",
        "denunciation",
        "proposal",
        "report",
        "anonymous",
        "eligible",
        "ineligible",
        "unclassified",
        "handled_total",
        "unhandled",
        "forwards",
        "forwarded_letters",
        "forward_results",
        "forwards_overdue",
        "results",
        "told",
        "closed",
        "session_total",
        "head_sessions",
        "visits",
        "people",
        "groups",
    )
    return {
        **{name: getattr(figures, name) for name in plain},
        "reasons": _counts(figures.reasons, reports.REASON_LABELS),
        "handled": _counts(figures.handled, reports.HANDLING_LABELS),
        "sessions": _counts(figures.sessions, reports.SESSION_LABELS),
        "by_field": _named(figures.by_field, built.field_names),
        "by_place": _named(figures.by_place, built.place_names),
    }


def report_built(person: Person, params: ReportQuery) -> reports.Report:
    """The report the page's form would build for this choice; a unit not offered to the
    caller, a month missing, a year out of range: a 422 on that field."""
    form = ReportForm(
        {
            "don-vi": str(params.unit),
            "ky": PERIOD_SLUGS[params.kind],
            "nam": str(params.year),
            "thang": str(params.month or ""),
        },
        units=reports.report_units(person),
    )
    if not form.is_valid():
        raise ValidationError(
            {name: [str(m) for m in messages] for name, messages in form.errors.items()}
            or _("Dữ liệu gửi lên không hợp lệ.")
        )
    return reports.report_build(person=person, unit=form.cleaned_data["unit"], period=form.period())


@router.get(
    "/bao-cao",
    response={200: ReportOut, **ERRORS},
    summary="Báo cáo tiếp công dân, đơn thư của kỳ (tháng, quý I, 6, 9 tháng, năm)",
    description="Số liệu tính đến hết kỳ, như trang báo cáo và tệp XLSX, DOCX; cấp tỉnh gồm "
    "số liệu các huyện người gọi được xem.",
)
def report(request: HttpRequest, params: Query[ReportQuery]) -> dict[str, object]:
    built = report_built(actor(request), params)
    period = built.period
    return {
        "unit": built.unit,
        "committee": built.committee,
        "period": {
            "kind": period.kind,
            "year": period.year,
            "month": period.month,
            "start": period.start,
            "end": period.end,
            "label": period.label,
        },
        "lines": [
            {"name": line.name, "figures": _figures(line.figures, built)} for line in built.lines
        ],
        "total": _figures(built.total, built),
    }
