"""Pages of directive tracking (read-only so far: the task list and one task)."""

from __future__ import annotations

from typing import cast
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from vanphong.directives import selectors
from vanphong.org.models import Person

PAGE = 200


@login_required
@require_GET
def tasks(request: HttpRequest) -> HttpResponse:
    person = cast(Person, request.user)
    found = selectors.tasks_visible(person).order_by("deadline", "id")[:PAGE]
    return render(request, "directives/tasks.html", {"title": _("Nhiệm vụ"), "tasks": found})


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
