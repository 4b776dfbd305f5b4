"""The modules a home page lists; one not built yet says so instead of pretending to work."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Module:
    key: str
    title: str | Promise
    summary: str | Promise
    url_name: str | None = None  # None: not built yet ("sắp có")
    admin_only: bool = False


MODULES: tuple[Module, ...] = (
    Module(
        "documents",
        _("Văn bản đến, đi"),
        _("Đăng ký, trình, chỉ đạo, xử lý, phát hành."),
        "documents:incoming_book",
    ),
    Module(
        "planning",
        _("Chương trình, lịch công tác"),
        _("Chương trình năm, lịch tháng, tuần."),
        "planning:schedules",
    ),
    Module(
        "directives",
        _("Theo dõi nghị quyết, chỉ thị"),
        _("Nhiệm vụ, tiến độ, sơ kết."),
        "directives:directives",
    ),
    Module(
        "petitions",
        _("Tiếp dân, đơn thư"),
        _("Tiếp công dân, xử lý đơn, thời hạn."),
        "petitions:letters",
    ),
    Module("archives", _("Lưu trữ"), _("Danh mục hồ sơ, lập hồ sơ, nộp lưu.")),
    Module(
        "emulation",
        _("Thi đua, khen thưởng"),
        _("Tiêu chí, chấm điểm, xếp hạng, khen thưởng, tổng kết năm."),
        "emulation:home",
    ),
    Module(
        "reports",
        _("Sổ đăng ký, thống kê"),
        _("Sổ đăng ký văn bản, thống kê giải quyết."),
        "documents:register",
    ),
    Module("search", _("Tra cứu"), _("Tìm kiếm toàn văn tiếng Việt."), "search:results"),
    Module(
        "org",
        _("Tổ chức, cán bộ"),
        _("Đơn vị, nhiệm kỳ, cán bộ, phân quyền."),
        "org:units",
        admin_only=True,
    ),
)
