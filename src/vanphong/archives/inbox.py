"""The archives' sections of the home page's inbox (core.inbox): the files of the units one
transfers for that are due in the agency archive within 30 days or overdue; the requests to
read or borrow an archived file one may decide; the loans past their day (one's own, and those
of the files one keeps). Each counts and lists only what the person may see.

`register()` is called from the app's ready() (archives/apps.py).
"""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vanphong.archives import deadlines
from vanphong.archives.models import AccessRequest, AccessStatus
from vanphong.archives.selectors_transfers import (
    access_pending_for,
    compiling_units,
    files_due_for,
    loans_overdue,
)
from vanphong.core.inbox import FIRST, Item, Section, Shown, Today
from vanphong.core.inbox import register as register_section
from vanphong.org.models import Person, Role
from vanphong.org.selectors import scope_for

APPROVER_ROLES = (Role.ARCHIVIST, Role.OFFICE_LEADER, Role.COMMITTEE_LEADER)


def _transfers(person: Person) -> bool:
    return bool(compiling_units(person))


def files_due_soon(person: Person, today: Today) -> Shown:
    until = today.day + timedelta(days=deadlines.ALERT_DAYS)
    found = files_due_for(person, until).select_related("unit").order_by("work_ended_on", "pk")
    items = []
    for file in found[:FIRST]:
        deadline = deadlines.transfer_deadline(file)
        items.append(
            Item(
                f"{file.code} · {file.title[:120]}",
                reverse("archives:transfer_due"),
                _("hạn nộp lưu %(day)s · %(unit)s")
                % {"day": f"{deadline:%d/%m/%Y}" if deadline else "", "unit": file.unit.name},
                deadline is not None and deadline < today.day,
            )
        )
    return Shown(found.count(), items, reverse("archives:transfer_due"))


def _approves(person: Person) -> bool:
    return bool(scope_for(person).units_with_role(*APPROVER_ROLES))


def access_pending(person: Person, today: Today) -> Shown:
    found = (
        access_pending_for(person)
        .select_related("file", "requester")
        .order_by("requested_at", "pk")
    )
    items = [
        Item(
            f"{request.file.code} · {request.file.title[:120]}",
            reverse("archives:access_request", args=[request.uuid]),
            _("%(who)s · %(mode)s")
            % {"who": request.requester.full_name, "mode": request.get_mode_display()},
        )
        for request in found[:FIRST]
    ]
    return Shown(found.count(), items, reverse("archives:access_queue"))


def _borrows_or_keeps(person: Person) -> bool:
    if scope_for(person).units_with_role(Role.ARCHIVIST):
        return True
    return AccessRequest.objects.filter(requester=person, status=AccessStatus.LENT).exists()


def loans_late(person: Person, today: Today) -> Shown:
    found = (
        loans_overdue(person, today.day)
        .select_related("file", "requester")
        .order_by("valid_until", "pk")
    )
    items = [
        Item(
            f"{loan.file.code} · {loan.file.title[:120]}",
            reverse("archives:access_request", args=[loan.uuid]),
            _("%(who)s · hạn trả %(day)s")
            % {"who": loan.requester.full_name, "day": f"{loan.valid_until:%d/%m/%Y}"},
            True,
        )
        for loan in found[:FIRST]
    ]
    return Shown(found.count(), items, reverse("archives:access_loans"))


DUE = Section(
    "archives_transfer_due",
    gettext_lazy("Hồ sơ sắp đến hạn nộp lưu"),
    80,
    gettext_lazy("Không có hồ sơ nào sắp đến hạn nộp lưu."),
    _transfers,
    files_due_soon,
)
PENDING = Section(
    "archives_access_pending",
    gettext_lazy("Yêu cầu khai thác chờ duyệt"),
    81,
    gettext_lazy("Không có yêu cầu khai thác nào chờ duyệt."),
    _approves,
    access_pending,
)
LOANS = Section(
    "archives_loans_overdue",
    gettext_lazy("Hồ sơ mượn quá hạn"),
    82,
    gettext_lazy("Không có hồ sơ mượn nào quá hạn."),
    _borrows_or_keeps,
    loans_late,
)


def register() -> None:
    register_section(DUE)
    register_section(PENDING)
    register_section(LOANS)
