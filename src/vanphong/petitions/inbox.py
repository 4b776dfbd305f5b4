"""The petitions' sections of the home page's inbox (core.inbox): the open legal clocks of the
letters of the units the person sees (reception officers and leaders, selectors) that are due
within a few working days, and those overdue. A row names the letter by its book number, its
kinds and its summary — never a petitioner, so a denouncer is named to nobody here. A
settlement stopped by an open suspension is not running: it is neither due nor overdue.

A reception officer also finds the new letters waiting to be classified: registered in the
units where they hold the reception post, unhandled or handled by them."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vanphong.core.inbox import FIRST, Item, Section, Shown, Today, register
from vanphong.core.workdays import WorkCalendar
from vanphong.org.models import Person, Role
from vanphong.org.selectors import scope_for
from vanphong.petitions.models import ClockKind, Deadline, Letter, LetterStatus, Suspension
from vanphong.petitions.selectors import visible_unit_ids


def _applies(person: Person) -> bool:
    return bool(visible_unit_ids(person))


def open_clocks(unit_ids: frozenset[int] | set[int]) -> QuerySet[Deadline]:
    """The running clocks of those units' letters (not met, not stopped by a suspension)."""
    stopped = Suspension.objects.filter(letter_id=OuterRef("letter_id"), ends_on__isnull=True)
    return Deadline.objects.filter(unit_id__in=unit_ids, met_on__isnull=True).exclude(
        Q(kind=ClockKind.SETTLEMENT) & Q(Exists(stopped))
    )


def clock_title(book_number: str, kinds: list[str], summary: str) -> str:
    return f"{book_number} · {', '.join(kinds)} · {summary[:120]}"


def _shown(clocks: QuerySet[Deadline], today: Today) -> Shown:
    clocks = clocks.select_related("letter", "unit").order_by("due_on", "id")
    items = []
    for clock in clocks[:FIRST]:
        letter = clock.letter
        note = _("%(clock)s: hạn %(day)s") % {
            "clock": clock.get_kind_display(),
            "day": f"{clock.due_on:%d/%m/%Y}",
        }
        items.append(
            Item(
                clock_title(letter.book_number, letter.kinds(), letter.summary),
                reverse("petitions:letter", args=[letter.uuid]),
                f"{note} · {clock.unit.name}",
                clock.due_on <= today.overdue_through,
            )
        )
    return Shown(clocks.count(), items)


def horizon(today: Today) -> date:
    return today.calendar.add_working_days(today.day, settings.VANPHONG_REMINDER_WORKING_DAYS)


def letters_due_soon(person: Person, today: Today) -> Shown:
    clocks = open_clocks(visible_unit_ids(person)).filter(
        due_on__gt=today.overdue_through, due_on__lte=horizon(today)
    )
    return _shown(clocks, today)


def letters_overdue(person: Person, today: Today) -> Shown:
    clocks = open_clocks(visible_unit_ids(person)).filter(due_on__lte=today.overdue_through)
    return _shown(clocks, today)


def letters_overdue_among(person: Person, letters: QuerySet[Letter], day: date) -> QuerySet[Letter]:
    """Those of `letters` with a running clock overdue on `day`, as the overdue section counts
    them (the API's `overdue` filter of the book)."""
    calendar = WorkCalendar.load(day - timedelta(days=31), day)
    clocks = open_clocks(visible_unit_ids(person)).filter(due_on__lte=calendar.overdue_through(day))
    return letters.filter(pk__in=clocks.values("letter_id"))


def _reception_unit_ids(person: Person) -> list[int]:
    scope = scope_for(person)
    return [unit_id for unit_id, roles in scope.roles_by_unit.items() if Role.RECEPTION in roles]


def _receives(person: Person) -> bool:
    return bool(_reception_unit_ids(person))


def letters_to_classify(person: Person, today: Today) -> Shown:
    """The registered letters of the person's reception units nobody else handles, oldest
    first (the one waiting longest is the first to classify)."""
    letters = (
        Letter.objects.filter(
            unit_id__in=_reception_unit_ids(person), status=LetterStatus.REGISTERED
        )
        .filter(Q(handler__isnull=True) | Q(handler=person))
        .select_related("unit")
        .order_by("received_on", "number", "id")
    )
    items = [
        Item(
            clock_title(letter.book_number, letter.kinds(), letter.summary),
            reverse("petitions:letter", args=[letter.uuid]),
            _("nhận ngày %(day)s · %(unit)s")
            % {"day": f"{letter.received_on:%d/%m/%Y}", "unit": letter.unit.name},
        )
        for letter in letters[:FIRST]
    ]
    more = f"{reverse('petitions:letters')}?tinh-trang={LetterStatus.REGISTERED}"
    return Shown(letters.count(), items, more)


TO_CLASSIFY = Section(
    "petitions_to_classify",
    gettext_lazy("Đơn mới chờ phân loại"),
    66,
    gettext_lazy("Không có đơn mới nào chờ phân loại."),
    _receives,
    letters_to_classify,
)
DUE_SOON = Section(
    "petitions_due_soon",
    gettext_lazy("Đơn thư sắp đến hạn"),
    65,
    gettext_lazy("Không có đơn thư nào sắp đến hạn."),
    _applies,
    letters_due_soon,
)
OVERDUE = Section(
    "petitions_overdue",
    gettext_lazy("Đơn thư quá hạn"),
    64,
    gettext_lazy("Không có đơn thư nào quá hạn."),
    _applies,
    letters_overdue,
)


def register_sections() -> None:
    register(OVERDUE)
    register(DUE_SOON)
    register(TO_CLASSIFY)
