"""The documents' sections of the home page's inbox (core.inbox), registered from
DocumentsConfig.ready(): presented to me, awaiting my approval, awaiting issue, awaiting
registration, and my assignments. Each reads through the visibility-scoped selectors of the
full list pages, so an item the person may not open is neither listed nor counted."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vanphong.core.inbox import FIRST, Item, Section, Shown, Today, register
from vanphong.documents import selectors
from vanphong.documents.models import IncomingDocument, OutgoingDocument
from vanphong.documents.workflow import DOCUMENT_ROLES
from vanphong.org.models import LEADER_ROLES, Person, Role
from vanphong.org.selectors import scope_for


def _named(document: IncomingDocument | OutgoingDocument) -> str:
    subject = document.subject[:160]
    return f"{document.number_symbol} — {subject}" if document.number_symbol else subject


def _due(deadline: date | None, today: Today) -> tuple[str, bool]:
    """The note of a deadline and whether it is overdue (in working days, as the pages)."""
    if deadline is None:
        return "", False
    late = deadline <= today.overdue_through  # the page marks it "Quá hạn"
    note = _("hạn %(day)s") % {"day": f"{deadline:%d/%m/%Y}"}
    return note, late


def _has(*roles: str) -> Any:
    def applies(person: Person) -> bool:
        return bool(scope_for(person).units_with_role(*roles))

    return applies


def presented_to_me(person: Person, today: Today) -> Shown:
    documents = selectors.presented_to(person)
    first = list(documents[:FIRST])
    items = []
    for document in first:
        note, late = _due(document.deadline, today)
        items.append(
            Item(
                _named(document),
                reverse("documents:incoming_detail", args=[document.uuid]),
                note or document.sender_name,
                late,
            )
        )
    count = documents.count()
    return Shown(count, items, reverse("documents:presented_to_me"))


def awaiting_my_approval(person: Person, today: Today) -> Shown:
    drafts = selectors.awaiting_my_approval(person)
    items = [
        Item(
            _named(d),
            reverse("documents:outgoing_detail", args=[d.uuid]),
            d.drafter.full_name if d.drafter else "",
        )
        for d in drafts[:FIRST]
    ]
    return Shown(len(drafts), items, reverse("documents:outgoing_awaiting_approval"))


def awaiting_issue(person: Person, today: Today) -> Shown:
    documents = selectors.awaiting_issue(person)
    first = list(documents[:FIRST])
    items = [
        Item(
            _named(d),
            reverse("documents:outgoing_detail", args=[d.uuid]),
            d.signer.full_name if d.signer else "",
        )
        for d in first
    ]
    count = documents.count()
    return Shown(count, items, reverse("documents:outgoing_awaiting_issue"))


def awaiting_registration(person: Person, today: Today) -> Shown:
    deliveries = selectors.reception_queue(person)
    first = list(deliveries[:FIRST])
    register_url = reverse("documents:incoming_register")
    items = [
        Item(
            _named(d.document),
            f"{register_url}?lien-thong={d.uuid}",
            d.document.unit.name,
        )
        for d in first
    ]
    count = deliveries.count()
    return Shown(count, items, reverse("documents:queue"))


def my_assignments(person: Person, today: Today) -> Shown:
    assignments = selectors.inbox(person)
    first = list(assignments[:FIRST])
    items = []
    for assignment in first:
        note, late = _due(assignment.deadline, today)
        items.append(
            Item(
                _named(assignment.document),
                reverse("documents:assignment_detail", args=[assignment.uuid]),
                note,
                late,
            )
        )
    count = assignments.count()
    return Shown(count, items, reverse("documents:inbox"))


SECTIONS = (
    Section(
        "presented_to_me",
        gettext_lazy("Trình tôi"),
        10,
        gettext_lazy("Không có văn bản nào đang trình đồng chí."),
        _has(*LEADER_ROLES),
        presented_to_me,
    ),
    Section(
        "awaiting_my_approval",
        gettext_lazy("Chờ tôi duyệt"),
        20,
        gettext_lazy("Không có dự thảo nào chờ đồng chí duyệt."),
        _has(*LEADER_ROLES),
        awaiting_my_approval,
    ),
    Section(
        "awaiting_issue",
        gettext_lazy("Chờ phát hành"),
        30,
        gettext_lazy("Không có văn bản nào chờ phát hành."),
        _has(Role.CLERK),
        awaiting_issue,
    ),
    Section(
        "awaiting_registration",
        gettext_lazy("Chờ vào sổ"),
        40,
        gettext_lazy("Không có văn bản nào chờ vào sổ."),
        _has(Role.CLERK),
        awaiting_registration,
    ),
    Section(
        "my_assignments",
        gettext_lazy("Việc của tôi"),
        50,
        gettext_lazy("Không có việc nào đang giao cho đồng chí."),
        _has(*DOCUMENT_ROLES),
        my_assignments,
    ),
)


def register_sections() -> None:
    for section in SECTIONS:
        register(section)
