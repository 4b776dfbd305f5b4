"""The task page: one task with the forms the person's side may use on it (the lead unit
reports, asks for time, completes, breaks it into sub-tasks; the assigning side moves the
deadline, returns or accepts a completion, decides an extension), and the POST of each form.

`TASK_ACTIONS` is the one list of those forms: the page shows the ones whose `allowed` holds,
in its order, and the POST runs the chosen one's service — the service, not `allowed`, is
what refuses."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from vanphong.core.access import get_visible_or_404
from vanphong.core.forms import BootstrapForm, attempt
from vanphong.directives import charts, selectors, services, stats
from vanphong.directives import services_decisions as decisions
from vanphong.directives import services_reports as reports
from vanphong.directives.forms import (
    AssignForm,
    CompleteForm,
    DeadlineForm,
    DecideForm,
    ExtensionForm,
    ReportForm,
    ReturnForm,
)
from vanphong.directives.models import (
    Directive,
    ExtensionRequest,
    ExtensionStatus,
    Task,
    TaskState,
)
from vanphong.documents.models import OutgoingDocument
from vanphong.documents.selectors import outgoing_visible
from vanphong.documents.views_files import download
from vanphong.org.models import Person


def _ids(action: str) -> str:
    """Element ids of one form: the task page holds several forms with the same fields."""
    return f"id_{action}_%s"


def assign_from(
    person: Person, data: dict[str, Any], *, directive: Directive, parent: Task | None
) -> Task:
    """task_assign from an AssignForm's cleaned data: a directive's task, or a sub-task."""
    return services.task_assign(
        actor=person,
        directive=directive,
        parent=parent,
        lead_unit=data["lead_unit"],
        supporting_units=list(data["supporting_units"]),
        content=data["content"],
        deadline=data["deadline"],
        recurrence=data["recurrence"] or "",
        recur_until=data["recur_until"],
        clause=data["clause"],
        product=data["product"],
        leader=data["leader"],
    )


# --- who sees which form -------------------------------------------------------------------


def _leads(person: Person, task: Task) -> bool:
    return selectors.acts_for(person, task.lead_unit) and not task.is_closed


def _decides(person: Person, task: Task) -> bool:
    """The person decides for the task's assigning side (its leaders or their delegates):
    asked once per request, however many forms and notices depend on it."""
    asked: dict[int, bool] | None = getattr(person, "_vanphong_decides", None)
    if asked is None:
        asked = person._vanphong_decides = {}  # type: ignore[attr-defined]
    if task.assigning_unit_id not in asked:
        authority = selectors.decision_authority(person, task.assigning_unit)
        asked[task.assigning_unit_id] = authority is not None
    return asked[task.assigning_unit_id]


def _reports(person: Person, task: Task) -> bool:
    """The lead unit reports while the task waits on no confirmation."""
    return _leads(person, task) and task.state != TaskState.SUBMITTED


def _breaks_down(person: Person, task: Task) -> bool:
    # A board has no units to pass a part of its task to.
    return _leads(person, task) and selectors.units_below(task.lead_unit).exists()


def _moves_deadline(person: Person, task: Task) -> bool:
    return _decides(person, task) and not task.is_closed


def _confirms(person: Person, task: Task) -> bool:
    return _moves_deadline(person, task) and task.state == TaskState.SUBMITTED


# --- what each form runs -------------------------------------------------------------------


def _product(person: Person, task: Task, number: str) -> OutgoingDocument | None:
    if not number.strip():
        return None
    try:
        return selectors.product_document_find(person, task, number)
    except OutgoingDocument.DoesNotExist:
        raise ValidationError(
            {
                "product_number": _(
                    "Không tìm thấy văn bản đi đã ban hành số “%(number)s” của đơn vị chủ trì."
                )
                % {"number": number.strip()}
            }
        ) from None


def _report(person: Person, task: Task, data: dict[str, Any]) -> Any:
    return reports.task_report(
        actor=person,
        task=task,
        text=data["text"],
        state=data["state"],
        attachments=data["attachments"],
    )


def _complete(person: Person, task: Task, data: dict[str, Any]) -> Any:
    return reports.task_complete(
        actor=person,
        task=task,
        text=data["text"],
        done_on=data["done_on"],
        product_document=_product(person, task, data["product_number"]),
        attachments=data["attachments"],
    )


def _ask_time(person: Person, task: Task, data: dict[str, Any]) -> Any:
    return reports.extension_request(
        actor=person, task=task, new_deadline=data["new_deadline"], reason=data["reason"]
    )


def _sub_task_form(task: Task, data: Any, files: Any) -> BootstrapForm:
    return AssignForm(
        data,
        units=selectors.units_below(task.lead_unit),
        leaders=selectors.leaders_of(task.lead_unit),
        auto_id=_ids("nhiem-vu-con"),
    )


@dataclass(frozen=True)
class TaskAction:
    """One form of the task page. `form(task, data, files)` builds it (unbound with None);
    None for a button without fields, whose refusal is a 403 and whose error a message."""

    slug: str
    form: Callable[[Task, Any, Any], BootstrapForm] | None
    allowed: Callable[[Person, Task], bool]
    run: Callable[[Person, Task, dict[str, Any]], Any]
    message: Promise


# In the order the page shows them.
TASK_ACTIONS: dict[str, TaskAction] = {
    action.slug: action
    for action in (
        TaskAction(
            "bao-cao",
            lambda task, data, files: ReportForm(data, files, auto_id=_ids("bao-cao")),
            _reports,
            _report,
            gettext_lazy("Đã gửi báo cáo tiến độ."),
        ),
        TaskAction(
            "hoan-thanh",
            lambda task, data, files: CompleteForm(
                data,
                files,
                initial={"done_on": timezone.localdate()},
                auto_id=_ids("hoan-thanh"),
            ),
            _reports,
            _complete,
            gettext_lazy("Đã báo cáo hoàn thành; chờ đơn vị giao xác nhận."),
        ),
        TaskAction(
            "gia-han",
            lambda task, data, files: ExtensionForm(data, files, auto_id=_ids("gia-han")),
            _reports,
            _ask_time,
            gettext_lazy("Đã gửi đề nghị gia hạn."),
        ),
        TaskAction(
            "nhiem-vu-con",
            _sub_task_form,
            _breaks_down,
            lambda person, task, data: assign_from(
                person, data, directive=task.directive, parent=task
            ),
            gettext_lazy("Đã giao nhiệm vụ con."),
        ),
        TaskAction(
            "thoi-han",
            lambda task, data, files: DeadlineForm(
                data, files, initial={"deadline": task.deadline}, auto_id=_ids("thoi-han")
            ),
            _moves_deadline,
            lambda person, task, data: decisions.task_set_deadline(
                actor=person, task=task, deadline=data["deadline"]
            ),
            gettext_lazy("Đã sửa thời hạn."),
        ),
        TaskAction(
            "tra-lai",
            lambda task, data, files: ReturnForm(data, files, auto_id=_ids("tra-lai")),
            _confirms,
            lambda person, task, data: decisions.completion_return(
                actor=person, task=task, reason=data["reason"]
            ),
            gettext_lazy("Đã trả lại báo cáo hoàn thành."),
        ),
        TaskAction(
            "xac-nhan",
            None,
            _confirms,
            lambda person, task, data: decisions.completion_accept(actor=person, task=task),
            gettext_lazy("Đã xác nhận hoàn thành."),
        ),
    )
}


# --- the page ------------------------------------------------------------------------------


def _page(request: HttpRequest, item: Task, bound: tuple[str, Any] | None = None) -> HttpResponse:
    person = cast(Person, request.user)
    forms: dict[str, Any] = {
        action.slug: action.form(item, None, None) if action.form is not None else True
        for action in TASK_ACTIONS.values()
        if action.allowed(person, item)
    }
    if bound is not None:
        forms[bound[0]] = bound[1]
    pending = item.extensions.filter(status=ExtensionStatus.PENDING).first()
    decides = _decides(person, item)
    # The assigning side's other staff prepare: they see that a decision waits, not a button.
    awaiting = (
        not decides
        and selectors.acts_for(person, item.assigning_unit)
        and (pending is not None or item.state == TaskState.SUBMITTED)
    )
    decide = None
    if pending is not None and decides:
        decide = (
            bound[1]
            if bound is not None and bound[0] == "quyet-dinh"
            else DecideForm(auto_id=_ids("quyet-dinh"))
        )
    return render(
        request,
        "directives/task.html",
        {
            "title": item.content[:80],
            "task": item,
            "kind": charts.KIND_LABELS[stats.statuses([item], timezone.localdate())[0]],
            "reports": item.reports.select_related("author", "unit").prefetch_related("files"),
            "extensions": item.extensions.select_related("requested_by", "decided_by"),
            "children": selectors.tasks_visible(person)
            .filter(parent=item)
            .order_by("deadline", "id"),
            "forms": forms,
            # The product's number and subject only for those who may open the document.
            "product": item.product_document
            if item.product_document_id is not None
            and outgoing_visible(person).filter(pk=item.product_document_id).exists()
            else None,
            "pending": pending,
            "decide": decide,
            "awaiting": awaiting,
        },
        status=400 if bound is not None else 200,
    )


@login_required
@require_GET
def task(request: HttpRequest, task_uuid: UUID) -> HttpResponse:
    return _page(request, selectors.task_get_visible(cast(Person, request.user), str(task_uuid)))


@login_required
@require_POST
def task_action(request: HttpRequest, task_uuid: UUID, action: str) -> HttpResponse:
    """One form of the task page; a refusal or bad input shows the page again with what was
    typed and the reason, and nothing is saved."""
    person = cast(Person, request.user)
    item = selectors.task_get_visible(person, str(task_uuid))
    chosen = TASK_ACTIONS.get(action)
    if chosen is None:
        raise Http404
    if chosen.form is None:
        try:
            chosen.run(person, item, {})
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("directives:task", item.uuid)
    else:
        form = chosen.form(item, request.POST, request.FILES)
        if not form.is_valid():
            return _page(request, item, (action, form))
        if attempt(form, lambda: chosen.run(person, item, form.cleaned_data)) is None:
            return _page(request, item, (action, form))
    messages.success(request, str(chosen.message))
    return redirect("directives:task", item.uuid)


@login_required
@require_POST
def extension_decide(request: HttpRequest, extension_uuid: UUID) -> HttpResponse:
    person = cast(Person, request.user)
    pending = get_visible_or_404(
        ExtensionRequest.objects.filter(task__in=selectors.tasks_visible(person).values("pk")),
        extension_uuid,
    )
    item = selectors.task_get_visible(person, str(pending.task.uuid))
    form = DecideForm(request.POST, auto_id=_ids("quyet-dinh"))
    if form.is_valid():
        decided = attempt(
            form,
            lambda: decisions.extension_decide(
                actor=person,
                request=pending,
                approve=form.cleaned_data["approve"],
                note=form.cleaned_data["note"],
            ),
        )
        if decided is not None:
            messages.success(request, _("Đã quyết định đề nghị gia hạn."))
            return redirect("directives:task", item.uuid)
    return _page(request, item, ("quyet-dinh", form))


@login_required
@require_GET
def report_file(request: HttpRequest, file_uuid: UUID) -> FileResponse:
    attached = selectors.report_file_get_visible(cast(Person, request.user), str(file_uuid))
    return download(attached.file, attached.filename)
