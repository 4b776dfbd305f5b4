"""The directives' section of the home page's inbox (core.inbox): tasks my units lead that
are due within a few working days, or overdue — among the tasks I may see (a task of a secret
directive only to those cleared for it, selectors.tasks_visible)."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vanphong.core.inbox import FIRST, Item, Section, Shown, Today, register
from vanphong.directives.selectors import DUE_SOON, acting_units, tasks_visible, units_due
from vanphong.org.models import Person


def _applies(person: Person) -> bool:
    return bool(acting_units(person))


def units_tasks_due(person: Person, today: Today) -> Shown:
    horizon = today.calendar.add_working_days(today.day, settings.VANPHONG_REMINDER_WORKING_DAYS)
    tasks = (
        tasks_visible(person).filter(units_due(person, horizon=horizon)).order_by("deadline", "id")
    )
    first = list(tasks[:FIRST])
    items = []
    for task in first:
        assert task.deadline is not None  # noqa: S101 (filtered above)
        late = task.deadline <= today.overdue_through
        when = _("hạn %(day)s") % {"day": f"{task.deadline:%d/%m/%Y}"}
        items.append(
            Item(
                task.content[:160],
                reverse("directives:task", args=[task.uuid]),
                f"{when} · {task.lead_unit.name}",
                late,
            )
        )
    count = tasks.count()
    return Shown(count, items, f"{reverse('directives:tasks')}?han={DUE_SOON}")


SECTION = Section(
    "units_tasks_due",
    gettext_lazy("Nhiệm vụ của đơn vị sắp đến hạn"),
    60,
    gettext_lazy("Không có nhiệm vụ nào sắp đến hạn hoặc quá hạn."),
    _applies,
    units_tasks_due,
)


def register_sections() -> None:
    register(SECTION)
