"""Pages of directive tracking (read-only so far: the task list and one task)."""

from __future__ import annotations

from typing import cast
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from vanphong.core.access import get_visible_or_404
from vanphong.directives import charts, selectors, stats
from vanphong.directives.models import Directive
from vanphong.org.models import Person, Unit

PAGE = 200


KIND_LABELS = {
    "on_time": gettext_lazy("Đúng hạn"),
    "late": gettext_lazy("Trễ hạn"),
    "overdue": gettext_lazy("Quá hạn"),
    "open": gettext_lazy("Đang thực hiện, còn hạn"),
    "cannot_do": gettext_lazy("Không thực hiện được"),
}


@login_required
@require_GET
def tasks(request: HttpRequest) -> HttpResponse:
    """The tasks the person sees; `don-vi` (a lead unit) and `loai` (a dashboard figure)
    narrow it to the tasks behind a figure."""
    person = cast(Person, request.user)
    found = selectors.tasks_visible(person).order_by("deadline", "id")
    unit_uuid, kind = request.GET.get("don-vi", ""), request.GET.get("loai", "")
    if unit_uuid:
        # Still only the tasks the person sees: a figure of the roll-up counts a district's
        # own sub-tasks, its list does not show them to the province.
        found = found.filter(lead_unit=selectors.unit_seen_or_404(person, unit_uuid))
    rows = list(found[: PAGE * 10])
    if kind in KIND_LABELS:
        shown = stats.statuses(rows, timezone.localdate())
        rows = [task for task, status in zip(rows, shown, strict=True) if status == kind]
    return render(
        request,
        "directives/tasks.html",
        {"title": _("Nhiệm vụ"), "tasks": rows[:PAGE], "kind": KIND_LABELS.get(kind, "")},
    )


@login_required
@require_GET
def unit_dashboard(request: HttpRequest, unit_uuid: UUID) -> HttpResponse:
    """A unit's tasks by directive: on time, late, overdue, open, cannot be done."""
    person = cast(Person, request.user)
    unit = selectors.unit_seen_or_404(person, str(unit_uuid))
    board = stats.dashboard(
        selectors.tasks_led_by(unit), by="directive_id", today=timezone.localdate()
    )
    directives = Directive.objects.in_bulk(list(board.by_key))
    rows = [
        (directives[key].number_symbol, directives[key].title, counts)
        for key, counts in sorted(board.by_key.items(), key=lambda kv: -kv[1].total)
    ]
    return render(
        request,
        "directives/dashboard.html",
        {
            "title": _("Theo dõi nhiệm vụ: %(unit)s") % {"unit": unit.name},
            "unit": unit,
            "total": board.total,
            "bars": charts.bars(rows, link=f"?don-vi={unit.uuid}"),
            "labels": KIND_LABELS,
        },
    )


@login_required
@require_GET
def task(request: HttpRequest, task_uuid: UUID) -> HttpResponse:
    item = selectors.task_get_visible(cast(Person, request.user), str(task_uuid))
    return render(
        request,
        "directives/task.html",
        {
            "title": item.content[:80],
            "task": item,
            "reports": item.reports.select_related("author", "unit"),
            "extensions": item.extensions.all(),
        },
    )


@login_required
@require_GET
def directive_dashboard(request: HttpRequest, directive_uuid: UUID) -> HttpResponse:
    """A directive's tasks by lead unit — only the tasks the person sees, so a district's own
    sub-tasks stay the district's."""
    person = cast(Person, request.user)
    directive = get_visible_or_404(selectors.directives_visible(person), directive_uuid)
    board = stats.dashboard(
        selectors.tasks_visible(person).filter(directive=directive),
        by="lead_unit_id",
        today=timezone.localdate(),
    )
    units = Unit.objects.in_bulk(list(board.by_key))
    bars = [
        charts.bars(
            [(units[key].name, units[key].name, counts)], link=f"?don-vi={units[key].uuid}"
        )[0]
        for key, counts in sorted(board.by_key.items(), key=lambda kv: -kv[1].total)
    ]
    return render(
        request,
        "directives/dashboard.html",
        {
            "title": _("Theo dõi thực hiện: %(doc)s") % {"doc": directive.number_symbol},
            "unit": None,
            "total": board.total,
            "bars": bars,
            "labels": KIND_LABELS,
        },
    )
