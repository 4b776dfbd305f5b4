"""The navigation bar: every page a person goes to, in dropdowns by section, each item shown only
to those whose roles can use it.

An item's `who` names a capability read from the person's scope (`org.selectors.scope_for`),
which the shell computes once per request anyway: building the menu costs no query. The
capabilities are the predicates the views apply — a clerk post for what `documents.selectors.
clerk_units` offers, a leader post for what `workflow.is_leader_of` allows, a working post
(`workflow.DOCUMENT_ROLES`) for what `registers.report_units` opens, administration for what
`org.selectors.units_administered` opens, a reception or leader post
(`petitions.workflow.PETITION_ROLES`) for the letters `petitions.selectors` shows — so an item
is shown exactly when its page serves the person; a working post
(`emulation.workflow.READER_ROLES`) for the emulation pages, an emulation officer's or Office
leader's post for the blocs and criteria they keep; an archivist's or a leader's post for the
archive's queues, disposals, holds and registers (`archives.workflow`), every working post for
the file plans, files, transfers and reading requests its selectors scope.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from vanphong.documents.workflow import DOCUMENT_ROLES
from vanphong.emulation.workflow import EMULATION_ROLES, READER_ROLES
from vanphong.org.models import LEADER_ROLES, Person, Role
from vanphong.org.selectors import Scope, scope_for
from vanphong.petitions.workflow import PETITION_ROLES

Who = Literal[
    "anyone",
    "works",
    "clerk",
    "leader",
    "administers",
    "petitions",
    "reception",
    "emulation",
    "emulation_acts",
    "archives_keep",
    "archivist",
]


@dataclass(frozen=True)
class Item:
    url_name: str
    label: str | Promise
    who: Who = "works"
    divider_before: bool = False  # a separator above the item, between groups of a dropdown


@dataclass(frozen=True)
class Section:
    key: str
    label: str | Promise
    items: tuple[Item, ...]
    # The URL namespaces whose pages belong to the section (a document's page is "Văn bản").
    namespaces: tuple[str, ...]


SECTIONS: tuple[Section, ...] = (
    Section(
        "documents",
        _("Văn bản"),
        (
            Item("documents:incoming_book", _("Văn bản đến")),
            Item("documents:incoming_register", _("Vào sổ văn bản đến"), "clerk"),
            Item("documents:queue", _("Chờ vào sổ"), "clerk"),
            Item("documents:presented_to_me", _("Trình tôi"), "leader"),
            Item("documents:assigned_by_me", _("Tôi đã giao"), "leader"),
            Item("documents:inbox", _("Việc của tôi")),
            Item("documents:outgoing_book", _("Văn bản đi"), divider_before=True),
            Item("documents:outgoing_create", _("Soạn dự thảo")),
            Item("documents:outgoing_mine", _("Dự thảo của tôi")),
            Item("documents:outgoing_awaiting_approval", _("Chờ tôi duyệt"), "leader"),
            Item("documents:outgoing_awaiting_issue", _("Chờ phát hành"), "clerk"),
            Item("documents:register", _("Sổ đăng ký"), divider_before=True),
            Item("documents:handling_stats", _("Thống kê xử lý")),
        ),
        ("documents",),
    ),
    Section(
        "planning",
        _("Lịch, chương trình"),
        (
            Item("planning:schedules", _("Lịch công tác"), "anyone"),
            Item("planning:programmes", _("Chương trình công tác"), "anyone"),
            Item("planning:monthly_plans", _("Kế hoạch tháng"), "anyone"),
            Item("planning:rooms", _("Phòng họp"), "anyone"),
            Item("core:calendar", _("Ngày làm việc"), "anyone", divider_before=True),
        ),
        ("planning", "core"),
    ),
    Section(
        "directives",
        _("Nhiệm vụ"),
        (
            Item("directives:directives", _("Văn bản chỉ đạo")),
            Item("directives:tasks", _("Danh sách nhiệm vụ")),
            Item("directives:my_unit", _("Nhiệm vụ của đơn vị")),
            Item("directives:leaders", _("Theo lãnh đạo phụ trách")),
            Item("directives:delegations", _("Ủy quyền quyết định"), "leader"),
        ),
        ("directives",),
    ),
    Section(
        "petitions",
        _("Tiếp dân, đơn thư"),
        (
            Item("petitions:letters", _("Sổ đơn thư"), "petitions"),
            Item("petitions:letter_register", _("Vào sổ đơn thư"), "reception"),
            Item("petitions:follow_up", _("Đơn đã chuyển chờ kết quả"), "petitions"),
            Item("petitions:sessions", _("Tiếp công dân"), "petitions", divider_before=True),
            Item("petitions:session_plan", _("Lên lịch buổi tiếp"), "petitions"),
            Item("petitions:session_record", _("Ghi buổi tiếp đã diễn ra"), "petitions"),
            Item("petitions:reception_register", _("Sổ tiếp công dân"), "petitions"),
            Item(
                "petitions:reports",
                _("Báo cáo tiếp dân, đơn thư"),
                "petitions",
                divider_before=True,
            ),
            Item("petitions:fields", _("Lĩnh vực đơn thư"), "petitions"),
        ),
        ("petitions",),
    ),
    Section(
        "emulation",
        _("Thi đua"),
        (
            Item("emulation:home", _("Phong trào thi đua"), "emulation"),
            Item("emulation:blocs", _("Khối thi đua"), "emulation_acts"),
            Item("emulation:criteria_sets", _("Bảng tiêu chí"), "emulation_acts"),
            Item("emulation:proposals", _("Đề nghị khen thưởng"), "emulation", divider_before=True),
            Item("emulation:awards", _("Sổ khen thưởng"), "emulation"),
            Item("emulation:reviews", _("Tổng kết năm"), "emulation", divider_before=True),
        ),
        ("emulation",),
    ),
    Section(
        "archives",
        _("Lưu trữ"),
        (
            Item("archives:plan_list", _("Danh mục hồ sơ")),
            Item("archives:file_list", _("Hồ sơ")),
            Item("archives:transfer_due", _("Hồ sơ đến hạn nộp lưu")),
            Item("archives:transfer_list", _("Nộp lưu")),
            Item("archives:access_catalogue", _("Khai thác hồ sơ"), divider_before=True),
            Item("archives:access_requests", _("Yêu cầu khai thác của tôi")),
            Item("archives:access_queue", _("Yêu cầu chờ duyệt"), "archives_keep"),
            Item("archives:access_loans", _("Hồ sơ đang mượn"), "archives_keep"),
            Item("archives:disposal_list", _("Tiêu hủy"), "archives_keep", divider_before=True),
            Item("archives:hold_list", _("Lệnh tạm giữ"), "archives_keep"),
            Item("archives:register_holdings", _("Thống kê tài liệu lưu trữ"), divider_before=True),
            Item("archives:register_transfers", _("Sổ nộp lưu"), "archives_keep"),
            Item("archives:register_disposals", _("Sổ tiêu hủy"), "archives_keep"),
            Item("archives:retention_list", _("Bảng thời hạn bảo quản")),
            Item("archives:preservation", _("Bảo quản, kiểm tra toàn vẹn"), "archivist"),
        ),
        ("archives",),
    ),
    Section(
        "org",
        _("Tổ chức"),
        (
            Item("org:units", _("Đơn vị, nhiệm kỳ"), "administers"),
            Item("org:people", _("Cán bộ"), "administers"),
            Item("org:requests", _("Đề nghị phân công"), "administers"),
        ),
        ("org",),
    ),
    Section(
        "account",
        _("Tài khoản"),
        (
            Item("account:credentials", _("Tài khoản, mật khẩu"), "anyone"),
            Item("planning:feeds", _("Liên kết lịch"), "anyone"),
        ),
        ("account",),
    ),
)

# Pages reached from the bar outside the dropdowns: the brand, the search box, the bell.
OUTSIDE_DROPDOWNS = ("web:home", "search:results", "web:notices")


def capabilities(scope: Scope) -> frozenset[Who]:
    """What the person's posts let them use, from the scope alone (no query)."""
    held: set[Who] = {"anyone"}
    if scope.units_with_role(*DOCUMENT_ROLES):
        held.add("works")
    if scope.units_with_role(Role.CLERK):
        held.add("clerk")
    if scope.units_with_role(*LEADER_ROLES):
        held.add("leader")
    if scope.units_with_role(*PETITION_ROLES):
        held.add("petitions")
    if scope.units_with_role(Role.RECEPTION):
        held.add("reception")
    if scope.units_with_role(*READER_ROLES):
        held.add("emulation")
    if scope.units_with_role(*EMULATION_ROLES):
        held.add("emulation_acts")
    if scope.units_with_role(Role.ARCHIVIST, *LEADER_ROLES):
        held.add("archives_keep")
    if scope.units_with_role(Role.ARCHIVIST):
        held.add("archivist")
    if scope.everything or scope.administered:
        held.add("administers")
    return frozenset(held)


def allowed_pages(scope: Scope) -> frozenset[str]:
    """The menu's pages the person may use, by URL name: what other menus of the pages (the
    documents' tabs) ask before offering a link."""
    held = capabilities(scope)
    return frozenset(
        item.url_name for section in SECTIONS for item in section.items if item.who in held
    )


@dataclass(frozen=True)
class Link:
    label: str | Promise
    href: str
    current: bool
    divider_before: bool


@dataclass(frozen=True)
class Menu:
    key: str
    label: str | Promise
    links: tuple[Link, ...]
    current: bool


def menu_for(request: HttpRequest, person: Person) -> list[Menu]:
    """The person's dropdowns, the current page's item and section marked."""
    held = capabilities(scope_for(person))
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else ""
    namespace = match.namespace if match else ""
    # A page listed in one section is that section's, whatever its namespace (the calendar
    # links are planning's pages but the account's items); others go by namespace.
    listed = any(item.url_name == view_name for section in SECTIONS for item in section.items)
    menus = []
    for section in SECTIONS:
        links = tuple(
            Link(
                item.label, reverse(item.url_name), item.url_name == view_name, item.divider_before
            )
            for item in section.items
            if item.who in held
        )
        if not links:
            continue
        # A divider never opens a dropdown, whichever items the person lost above it.
        first = links[0]
        links = (Link(first.label, first.href, first.current, False), *links[1:])
        current = any(link.current for link in links) or (
            not listed and namespace in section.namespaces
        )
        menus.append(Menu(section.key, section.label, links, current))
    return menus
