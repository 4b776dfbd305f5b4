"""Handling pages: the leader's lists (presented to me, assigned by me), the handler's inbox
and an assignment's page with its progress, completion and hand-over forms."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vanphong.core import paging
from vanphong.documents import (
    selectors,
    services_handling,
    workflow,
)
from vanphong.documents.forms_incoming import (
    CompleteForm,
    HandOverForm,
    ProgressForm,
)
from vanphong.documents.models import (
    Assignment,
)
from vanphong.documents.selectors import (
    assigned_by,
    assignment_get_visible,
    inbox,
    presented_to,
)
from vanphong.documents.views_incoming import (
    _actor,
    _deadline_marks,
    _read,
)

INBOX_PAGE_SIZE = 50


# --- the leader's lists --------------------------------------------------------------------


@login_required
@require_GET
def incoming_presented_to_me(request: HttpRequest) -> HttpResponse:
    documents = list(presented_to(_actor(request)))
    return render(request, "documents/incoming_presented.html", {"documents": documents})


@login_required
@require_GET
def incoming_assigned_by_me(request: HttpRequest) -> HttpResponse:
    assignments = list(assigned_by(_actor(request)).select_related("assignee_unit"))
    context = {"assignments": assignments, **_deadline_marks()}
    return render(request, "documents/incoming_assigned_by.html", context)


# --- the handler's inbox and an assignment's page --------------------------------------------


@login_required
@require_GET
def my_inbox(request: HttpRequest) -> HttpResponse:
    include_done = request.GET.get("xong") == "1"
    found = inbox(_actor(request), include_done=include_done)
    page = Paginator(found, INBOX_PAGE_SIZE).get_page(request.GET.get("trang"))
    context = {
        "page": page,
        "pages": paging.of_page(page),
        "include_done": include_done,
        **_deadline_marks(),
    }
    return render(request, "documents/inbox.html", context)


def _assignment_page(
    request: HttpRequest,
    assignment: Assignment,
    *,
    progress: ProgressForm | None = None,
    complete: CompleteForm | None = None,
    hand_over: HandOverForm | None = None,
) -> HttpResponse:
    actor = _actor(request)
    document = assignment.document
    can_handle = workflow.may_handle(actor, assignment)
    context: dict[str, Any] = {
        "assignment": assignment,
        "document": document,
        "direction": assignment.direction,
        "notes": list(assignment.notes.select_related("author")),
        "can_handle": can_handle,
        **_deadline_marks(),
    }
    if can_handle:
        context["progress_form"] = progress or ProgressForm()
        context["complete_form"] = complete or CompleteForm(
            replies=selectors.reply_choices(actor, assignment)
        )
        context["hand_over_form"] = hand_over or HandOverForm(
            colleagues=selectors.hand_over_colleagues(actor, assignment)
        )
    return render(request, "documents/incoming_assignment.html", context)


def _fetch_assignment(request: HttpRequest, assignment_uuid: UUID) -> Assignment:
    return assignment_get_visible(_actor(request), assignment_uuid)


@login_required
@require_GET
def assignment_detail(request: HttpRequest, assignment_uuid: UUID) -> HttpResponse:
    assignment = _fetch_assignment(request, assignment_uuid)
    _read(_actor(request), assignment.document)
    return _assignment_page(request, assignment)


def _assignment_done(request: HttpRequest, assignment: Assignment, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("documents:assignment_detail", assignment_uuid=assignment.uuid)


def _refused(request: HttpRequest, assignment: Assignment, error: PermissionDenied) -> HttpResponse:
    messages.error(request, str(error))
    return redirect("documents:assignment_detail", assignment_uuid=assignment.uuid)


@login_required
@require_POST
def assignment_progress(request: HttpRequest, assignment_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    assignment = _fetch_assignment(request, assignment_uuid)
    form = ProgressForm(request.POST)
    if form.is_valid():
        try:
            services_handling.assignment_progress(
                actor=actor, assignment=assignment, text=form.cleaned_data["text"]
            )
        except PermissionDenied as error:
            return _refused(request, assignment, error)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            return _assignment_done(request, assignment, _("Đã ghi tiến độ."))
    return _assignment_page(request, assignment, progress=form)


@login_required
@require_POST
def assignment_complete(request: HttpRequest, assignment_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    assignment = _fetch_assignment(request, assignment_uuid)
    form = CompleteForm(request.POST, replies=selectors.reply_choices(actor, assignment))
    if form.is_valid():
        try:
            services_handling.assignment_complete(
                actor=actor,
                assignment=assignment,
                result=form.cleaned_data["result"],
                reply=form.cleaned_data["reply"],
            )
        except PermissionDenied as error:
            return _refused(request, assignment, error)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            return _assignment_done(request, assignment, _("Đã báo cáo hoàn thành."))
    return _assignment_page(request, assignment, complete=form)


@login_required
@require_POST
def assignment_hand_over(request: HttpRequest, assignment_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    assignment = _fetch_assignment(request, assignment_uuid)
    form = HandOverForm(request.POST, colleagues=selectors.hand_over_colleagues(actor, assignment))
    if form.is_valid():
        to = form.cleaned_data["to"]
        try:
            services_handling.assignment_hand_over(
                actor=actor, assignment=assignment, to=to, note=form.cleaned_data["note"]
            )
        except PermissionDenied as error:
            return _refused(request, assignment, error)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("Đã chuyển việc cho %(name)s.") % {"name": to})
            return redirect("documents:inbox")
    return _assignment_page(request, assignment, hand_over=form)
