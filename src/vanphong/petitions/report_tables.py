"""The tables of a report, worked out once for the page, the workbook and the draft: one row
per line of the report (the committee's own books, each committee below) and the totals, or
one row per field, place or reason with a column per line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TypeVar

from django.utils.translation import gettext as _

from vanphong.petitions.models import Handling, SessionKind
from vanphong.petitions.reports import REASON_LABELS, Figures, Report

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class Table:
    key: str  # the sheet's name in ASCII, the page's test id
    title: str
    headings: list[str]
    rows: list[list[str | int]]
    total: list[str | int] | None  # the totals row, when there is more than one line


def _by_line(
    report: Report, key: str, title: str, columns: list[tuple[str, Callable[[Figures], int]]]
) -> Table:
    headings = [_("Đơn vị"), *(heading for heading, _value in columns)]
    rows: list[list[str | int]] = [
        [line.name, *(value(line.figures) for _heading, value in columns)] for line in report.lines
    ]
    summed: list[str | int] | None = None
    if report.rolled_up:
        summed = [_("Tổng cộng"), *(value(report.total) for _heading, value in columns)]
    return Table(key, title, headings, rows, summed)


def _by_key(
    report: Report,
    key: str,
    title: str,
    first: str,
    counts: Callable[[Figures], Counter[K]],
    names: dict[K, str],
) -> Table:
    """Rows by field (place, reason) with a column per line and the total; only rows with a
    count, in the names' order."""
    summed = counts(report.total)
    wanted = [k for k in names if summed[k]] + [k for k in summed if k not in names and summed[k]]
    if report.rolled_up:
        headings = [first, *(line.name for line in report.lines), _("Tổng cộng")]
        rows: list[list[str | int]] = [
            [names.get(k, str(k)), *(counts(line.figures)[k] for line in report.lines), summed[k]]
            for k in wanted
        ]
        foot: list[str | int] = [
            _("Tổng cộng"),
            *(sum(counts(line.figures).values()) for line in report.lines),
            sum(summed.values()),
        ]
        return Table(key, title, headings, rows, foot)
    rows = [[names.get(k, str(k)), summed[k]] for k in wanted]
    return Table(key, title, [first, _("Số đơn")], rows, None)


def tables(report: Report) -> list[Table]:
    def handled(kind: str) -> Callable[[Figures], int]:
        return lambda f: f.handled[kind]

    def held(kind: str) -> Callable[[Figures], int]:
        return lambda f: f.sessions[kind]

    received = _by_line(
        report,
        "tiep-nhan",
        _("Tiếp nhận, phân loại đơn thư"),
        [
            (_("Tổng số đơn"), lambda f: f.letters),
            (_("Đơn mới"), lambda f: f.new),
            (_("Đơn trùng"), lambda f: f.duplicates),
            (_("Khiếu nại"), lambda f: f.complaint),
            (_("Tố cáo"), lambda f: f.denunciation),
            (_("Kiến nghị"), lambda f: f.proposal),
            (_("Phản ánh"), lambda f: f.report),
            (_("Nặc danh"), lambda f: f.anonymous),
            (_("Đủ điều kiện xử lý"), lambda f: f.eligible),
            (_("Không đủ điều kiện xử lý"), lambda f: f.ineligible),
            (_("Chưa phân loại"), lambda f: f.unclassified),
        ],
    )
    handling = _by_line(
        report,
        "xu-ly",
        _("Kết quả xử lý đơn thư"),
        [
            (_("Chuyển đơn"), handled(Handling.FORWARD)),
            (_("Hướng dẫn"), handled(Handling.GUIDE)),
            (_("Lưu đơn, theo dõi"), handled(Handling.KEEP)),
            (_("Giao ban xác minh"), handled(Handling.ASSIGN)),
            (_("Thụ lý giải quyết"), handled(Handling.ACCEPT)),
            (_("Chưa xử lý"), lambda f: f.unhandled),
            (_("Lượt chuyển đơn"), lambda f: f.forwards),
            (_("Đã nhận kết quả"), lambda f: f.forward_results),
            (_("Quá hạn chưa có kết quả"), lambda f: f.forwards_overdue),
        ],
    )
    results = _by_line(
        report,
        "ket-qua",
        _("Kết quả giải quyết"),
        [
            (_("Có kết quả giải quyết"), lambda f: f.results),
            (_("Đã thông báo cho người gửi đơn"), lambda f: f.told),
            (_("Đã kết thúc"), lambda f: f.closed),
        ],
    )
    reception = _by_line(
        report,
        "tiep-dan",
        _("Tiếp công dân"),
        [
            (_("Buổi tiếp thường xuyên"), held(SessionKind.REGULAR)),
            (_("Buổi người đứng đầu cấp ủy tiếp"), held(SessionKind.HEAD)),
            (_("Buổi tiếp đột xuất"), held(SessionKind.AD_HOC)),
            (_("Tổng số buổi"), lambda f: f.session_total),
            (_("Lượt tiếp"), lambda f: f.visits),
            (_("Số người được tiếp"), lambda f: f.people),
            (_("Đoàn đông người"), lambda f: f.groups),
        ],
    )
    by_field = _by_key(
        report,
        "linh-vuc",
        _("Đơn thư theo lĩnh vực"),
        _("Lĩnh vực"),
        lambda f: f.by_field,
        _ordered(report.field_names),
    )
    by_place = _by_key(
        report,
        "dia-ban",
        _("Đơn thư theo địa bàn"),
        _("Địa bàn"),
        lambda f: f.by_place,
        _ordered(report.place_names),
    )
    reasons = _by_key(
        report,
        "ly-do",
        _("Đơn không đủ điều kiện xử lý, theo lý do"),
        _("Lý do"),
        lambda f: f.reasons,
        {str(k): str(v) for k, v in REASON_LABELS.items()},
    )
    return [received, handling, results, reception, by_field, by_place, reasons]


def _ordered(names: dict[int | None, str]) -> dict[int | None, str]:
    """By name, the one for "not given" last."""
    known = sorted(((k, v) for k, v in names.items() if k is not None), key=lambda kv: kv[1])
    return {**dict(known), None: names[None]}
