"""Pages of directive tracking: directives and their dashboards, the task list, one task
with what the person's side may do on it (report, ask for time, complete; accept or return,
decide, move the deadline, break into sub-tasks), and the per-leader board."""

from __future__ import annotations

from typing import Any, cast
from urllib.parse import urlencode
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vanphong.core.access import get_visible_or_404
from vanphong.core.forms import attempt
from vanphong.directives import charts, selectors, services, stats
from vanphong.directives.forms import (
    AssignForm,
    CompleteForm,
    DeadlineForm,
    DecideForm,
    ExtensionForm,
    ReportForm,
    ReturnForm,
    TaskFilterForm,
)
from vanphong.directives.models import (
    Directive,
    ExtensionRequest,
    ExtensionStatus,
    Task,
    TaskState,
)
from vanphong.documents.models import OutgoingDocument
from vanphong.documents.selectors import (
    incoming_get_visible,
    outgoing_get_visible,
    outgoing_visible,
)
from vanphong.documents.views_files import download
from vanphong.org.models import Person, Unit, UnitKind
from vanphong.planning.selectors import programmes_visible

PAGE = 200


KIND_LABELS = {
    "on_time": gettext_lazy("Đúng hạn"),
    "late": gettext_lazy("Trễ hạn"),
    "overdue": gettext_lazy("Quá hạn"),
    "open": gettext_lazy("Đang thực hiện, còn hạn"),
    "cannot_do": gettext_lazy("Không thực hiện được"),
}


def _tasks_url(**params: str) -> str:
    return f"{reverse('directives:tasks')}?{urlencode(params)}"


# The figures' names with their bar colours, for the tables' headings.
LEGEND = {kind: (label, charts.COLOURS[kind]) for kind, label in KIND_LABELS.items()}


@login_required
@require_GET
def tasks(request: HttpRequest) -> HttpResponse:
    """The tasks the person sees; `don-vi` (a lead unit), `van-ban` (a directive), `lanh-dao`
    (a leader), `nam` (a year) and `loai` (a dashboard figure) narrow it to the tasks
    behind a figure."""
    kind = request.GET.get("loai", "")
    year = _year(request) if request.GET.get("nam", "").isdigit() else None
    behind = selectors.tasks_behind(
        cast(Person, request.user),
        unit=request.GET.get("don-vi", ""),
        directive=request.GET.get("van-ban", ""),
        leader=request.GET.get("lanh-dao", ""),
        year=year,
        kind=kind,
        today=timezone.localdate(),
    )
    narrowed = [
        behind.unit.name if behind.unit else "",
        (behind.directive.number_symbol or behind.directive.title[:60]) if behind.directive else "",
        behind.leader.full_name if behind.leader else "",
        _("năm %(year)s") % {"year": year} if year else "",
        str(KIND_LABELS.get(kind, "")),
    ]
    page = _page_number(request)
    rows = list(behind.tasks[(page - 1) * PAGE : page * PAGE + 1])
    query = request.GET.copy()
    query.pop("trang", None)
    visible = selectors.tasks_visible(cast(Person, request.user))
    filters = TaskFilterForm(
        request.GET,
        units=Unit.objects.filter(pk__in=visible.values("lead_unit_id")).order_by("name"),
        directives=selectors.directives_visible(cast(Person, request.user)).order_by(
            "-document_date", "-id"
        )[:PAGE],
        leaders=Person.objects.filter(pk__in=visible.values("leader_id")).order_by("full_name"),
        kinds=KIND_LABELS,
    )
    return render(
        request,
        "directives/tasks.html",
        {
            "title": _("Nhiệm vụ"),
            "tasks": rows[:PAGE],
            "narrowed": " · ".join(part for part in narrowed if part),
            "filters": filters,
            "page": page,
            "more": len(rows) > PAGE,
            "query": query.urlencode(),
        },
    )


def _page_number(request: HttpRequest) -> int:
    asked = request.GET.get("trang", "")
    return min(int(asked), 10_000) if asked.isdigit() and int(asked) > 0 else 1


def _year(request: HttpRequest) -> int:
    asked = request.GET.get("nam", "")
    today = timezone.localdate()
    return int(asked) if asked.isdigit() and 2000 <= int(asked) <= today.year + 10 else today.year


@login_required
@require_GET
def unit_dashboard(request: HttpRequest, unit_uuid: UUID) -> HttpResponse:
    """A unit's tasks of one year by directive (on time, late, overdue, open, cannot be
    done), and the totals of all its years."""
    person = cast(Person, request.user)
    unit = selectors.unit_seen_or_404(person, str(unit_uuid))
    today = timezone.localdate()
    year = _year(request) if "nam" in request.GET else stats.default_year(unit, today)
    seen = selectors.unit_board_seen(person, unit, year=year, today=today)
    scope = {"don-vi": str(unit.uuid), "nam": str(year)}
    rows = [
        (
            directive.number_symbol or directive.title[:40],
            directive.title,
            _tasks_url(**scope, **{"van-ban": str(directive.uuid)}),
            counts,
        )
        for directive, counts in seen.by_directive
    ]
    hrefs = [
        reverse("directives:directive_dashboard", args=[directive.uuid])
        for directive, _c in seen.by_directive
    ]
    if seen.own.total:
        label = str(_("Nhiệm vụ đơn vị tự giao"))
        rows.append((label, label, "", seen.own))  # counted, not to be opened from here
        hrefs.append("")
    if seen.secret.total:
        label = str(_("Nhiệm vụ theo văn bản mật"))
        rows.append((label, label, "", seen.secret))  # the figures, never the title
        hrefs.append("")
    bars = charts.chart(rows, hrefs)
    return render(
        request,
        "directives/dashboard.html",
        {
            "title": _("Theo dõi nhiệm vụ: %(unit)s") % {"unit": unit.name},
            "subtitle": _("Nhiệm vụ có thời hạn trong năm %(year)s và nhiệm vụ thường xuyên")
            % {"year": year},
            "total": seen.total,
            "total_link": _tasks_url(**scope),
            "all_years": seen.all_years,
            "all_years_link": _tasks_url(**{"don-vi": str(unit.uuid)}),
            "hidden": seen.own.total,
            "secret": seen.secret.total,
            "years": (year - 1, year + 1),
            "bars": bars,
            "labels": LEGEND,
            "key_label": _("Văn bản"),
        },
    )


@login_required
@require_GET
def my_unit(request: HttpRequest) -> HttpResponse:
    """The dashboard of the unit the person works for (a committee before its Office)."""
    person = cast(Person, request.user)
    units = Unit.objects.filter(id__in=selectors.acting_units(person)).order_by("parent_id", "id")
    first = units.exclude(kind=UnitKind.OFFICE).first() or units.first()
    if first is None:
        raise Http404
    return redirect("directives:unit_dashboard", first.uuid)


@login_required
@require_GET
def directives(request: HttpRequest) -> HttpResponse:
    """The directives the person sees, each with the figures of its tasks they see (one
    grouped query for the page)."""
    person = cast(Person, request.user)
    shown = list(
        selectors.directives_visible(person)
        .select_related("unit")
        .order_by("-document_date", "-id")[:PAGE]
    )
    board = stats.dashboard(
        selectors.tasks_visible(person).filter(directive__in=shown),
        by="directive_id",
        today=timezone.localdate(),
    )
    rows = [(directive, board.by_key.get(directive.pk, stats.Counts())) for directive in shown]
    return render(
        request,
        "directives/directives.html",
        {"title": _("Văn bản chỉ đạo được theo dõi"), "rows": rows, "labels": LEGEND},
    )


@login_required
@require_POST
def directive_track(request: HttpRequest) -> HttpResponse:
    """Start following an incoming or outgoing document the person sees (the button on the
    document's page)."""
    person = cast(Person, request.user)
    incoming_uuid, outgoing_uuid = (
        request.POST.get("incoming", ""),
        request.POST.get("outgoing", ""),
    )
    try:
        if incoming_uuid:
            incoming = incoming_get_visible(person, incoming_uuid)
            directive = services.directive_track(
                actor=person, unit=selectors.tracking_unit(incoming.unit), incoming=incoming
            )
        elif outgoing_uuid:
            outgoing = outgoing_get_visible(person, outgoing_uuid)
            directive = services.directive_track(
                actor=person, unit=selectors.tracking_unit(outgoing.unit), outgoing=outgoing
            )
        else:
            raise Http404
    except (PermissionDenied, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        back = request.META.get("HTTP_REFERER", "")
        safe = url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
        return redirect(back if safe else "directives:directives")
    return redirect("directives:directive_dashboard", directive.uuid)


@login_required
@require_POST
def programme_track(request: HttpRequest, programme_uuid: UUID) -> HttpResponse:
    person = cast(Person, request.user)
    programme = get_visible_or_404(programmes_visible(person), programme_uuid)
    try:
        directive = services.programme_track(actor=person, programme=programme)
    except (PermissionDenied, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return redirect("planning:programme", programme.uuid)
    return redirect("directives:directive_dashboard", directive.uuid)


@login_required
@require_http_methods(["GET", "POST"])
def directive_dashboard(request: HttpRequest, directive_uuid: UUID) -> HttpResponse:
    """A directive's tasks by lead unit — only the tasks the person sees, so a district's own
    sub-tasks stay the district's — with its task list and, for its unit, the form that
    assigns a task."""
    person = cast(Person, request.user)
    directive = get_visible_or_404(
        selectors.directives_visible(person).select_related("unit"), directive_uuid
    )
    assigns = selectors.acts_for(person, directive.unit)
    form = AssignForm(
        request.POST or None,
        units=selectors.units_below(directive.unit),
        leaders=selectors.leaders_of(directive.unit),
    )
    if request.method == "POST":
        if not assigns:
            raise Http404
        if form.is_valid() and _assign(person, form, directive=directive, parent=None):
            messages.success(request, _("Đã giao nhiệm vụ."))
            return redirect("directives:directive_dashboard", directive.uuid)
    visible = selectors.tasks_visible(person).filter(directive=directive)
    board = stats.dashboard(visible, by="lead_unit_id", today=timezone.localdate())
    units = Unit.objects.in_bulk(list(board.by_key))
    ordered = sorted(board.by_key.items(), key=lambda kv: -kv[1].total)
    bars = charts.chart(
        [
            (
                units[key].name,
                units[key].name,
                _tasks_url(**{"van-ban": str(directive.uuid), "don-vi": str(units[key].uuid)}),
                counts,
            )
            for key, counts in ordered
        ],
        [reverse("directives:unit_dashboard", args=[units[key].uuid]) for key, _c in ordered],
    )
    return render(
        request,
        "directives/directive.html",
        {
            "title": _("Theo dõi thực hiện: %(doc)s")
            % {"doc": directive.number_symbol or directive.title},
            "directive": directive,
            "total": board.total,
            "total_link": _tasks_url(**{"van-ban": str(directive.uuid)}),
            "bars": bars,
            "labels": LEGEND,
            "key_label": _("Đơn vị chủ trì"),
            "tasks": visible.filter(parent__isnull=True).order_by("deadline", "id")[:PAGE],
            "form": form if assigns else None,
            "can_review": assigns,
        },
    )


@login_required
@require_GET
def leaders(request: HttpRequest) -> HttpResponse:
    """The tasks the person sees, by the leader who follows them."""
    person = cast(Person, request.user)
    board = stats.dashboard(
        selectors.tasks_visible(person).filter(leader__isnull=False),
        by="leader_id",
        today=timezone.localdate(),
    )
    people = Person.objects.in_bulk(list(board.by_key))
    ordered = sorted(board.by_key.items(), key=lambda kv: -kv[1].total)
    bars = charts.chart(
        [
            (
                people[key].full_name,
                people[key].full_name,
                _tasks_url(**{"lanh-dao": str(people[key].uuid)}),
                counts,
            )
            for key, counts in ordered
        ],
        [_tasks_url(**{"lanh-dao": str(people[key].uuid)}) for key, _c in ordered],
    )
    return render(
        request,
        "directives/dashboard.html",
        {
            "title": _("Nhiệm vụ theo lãnh đạo phụ trách"),
            "total": board.total,
            "total_link": _tasks_url(**{"lanh-dao": selectors.ANY_LEADER}),
            "bars": bars,
            "labels": LEGEND,
            "key_label": _("Lãnh đạo phụ trách"),
        },
    )


# --- one task ----------------------------------------------------------------------------


def _assign(person: Person, form: AssignForm, *, directive: Directive, parent: Task | None) -> Any:
    data = form.cleaned_data
    return attempt(
        form,
        lambda: services.task_assign(
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
        ),
    )


def _ids(action: str) -> str:
    """Element ids of one form: the task page holds several forms with the same fields."""
    return f"id_{action}_%s"


def _forms(person: Person, item: Task, data: Any = None, files: Any = None) -> dict[str, Any]:
    """The forms the person's side may use on the task, unbound (or one bound, see _page)."""
    leads = selectors.acts_for(person, item.lead_unit)
    # The assigning side's forms are decisions: its leaders' or their delegates'.
    assigns = selectors.decision_authority(person, item.assigning_unit) is not None
    found: dict[str, Any] = {}
    if leads and not item.is_closed:
        if item.state != TaskState.SUBMITTED:
            found["bao-cao"] = ReportForm(auto_id=_ids("bao-cao"))
            found["hoan-thanh"] = CompleteForm(
                initial={"done_on": timezone.localdate()}, auto_id=_ids("hoan-thanh")
            )
            found["gia-han"] = ExtensionForm(auto_id=_ids("gia-han"))
        below = selectors.units_below(item.lead_unit)
        if below.exists():  # a board has no units to pass a part of its task to
            found["nhiem-vu-con"] = AssignForm(
                units=below,
                leaders=selectors.leaders_of(item.lead_unit),
                auto_id=_ids("nhiem-vu-con"),
            )
    if assigns and not item.is_closed:
        found["thoi-han"] = DeadlineForm(
            initial={"deadline": item.deadline}, auto_id=_ids("thoi-han")
        )
        if item.state == TaskState.SUBMITTED:
            found["tra-lai"] = ReturnForm(auto_id=_ids("tra-lai"))
            found["xac-nhan"] = True
    return found


def _page(request: HttpRequest, item: Task, bound: tuple[str, Any] | None = None) -> HttpResponse:
    person = cast(Person, request.user)
    forms = _forms(person, item)
    if bound is not None:
        forms[bound[0]] = bound[1]
    pending = item.extensions.filter(status=ExtensionStatus.PENDING).first()
    decides = selectors.decision_authority(person, item.assigning_unit) is not None
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
            "kind": KIND_LABELS[stats.statuses([item], timezone.localdate())[0]],
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


ACTIONS: dict[str, Any] = {
    "bao-cao": ReportForm,
    "hoan-thanh": CompleteForm,
    "gia-han": ExtensionForm,
    "tra-lai": ReturnForm,
    "thoi-han": DeadlineForm,
    "xac-nhan": None,
    "nhiem-vu-con": AssignForm,
}
DONE_MESSAGES = {
    "bao-cao": gettext_lazy("Đã gửi báo cáo tiến độ."),
    "hoan-thanh": gettext_lazy("Đã báo cáo hoàn thành; chờ đơn vị giao xác nhận."),
    "gia-han": gettext_lazy("Đã gửi đề nghị gia hạn."),
    "tra-lai": gettext_lazy("Đã trả lại báo cáo hoàn thành."),
    "thoi-han": gettext_lazy("Đã sửa thời hạn."),
    "xac-nhan": gettext_lazy("Đã xác nhận hoàn thành."),
    "nhiem-vu-con": gettext_lazy("Đã giao nhiệm vụ con."),
}


def _product(person: Person, item: Task, number: str) -> Any:
    if not number.strip():
        return None
    try:
        return selectors.product_document_find(person, item, number)
    except OutgoingDocument.DoesNotExist:
        raise ValidationError(
            {
                "product_number": _(
                    "Không tìm thấy văn bản đi đã ban hành số “%(number)s” của đơn vị chủ trì."
                )
                % {"number": number.strip()}
            }
        ) from None


def _call(person: Person, item: Task, action: str, form: Any) -> Any:
    data = form.cleaned_data if form is not None else {}
    if action == "bao-cao":
        return services.task_report(
            actor=person,
            task=item,
            text=data["text"],
            state=data["state"],
            attachments=data["attachments"],
        )
    if action == "hoan-thanh":
        return services.task_complete(
            actor=person,
            task=item,
            text=data["text"],
            done_on=data["done_on"],
            product_document=_product(person, item, data["product_number"]),
            attachments=data["attachments"],
        )
    if action == "gia-han":
        return services.extension_request(
            actor=person, task=item, new_deadline=data["new_deadline"], reason=data["reason"]
        )
    if action == "tra-lai":
        return services.completion_return(actor=person, task=item, reason=data["reason"])
    if action == "thoi-han":
        return services.task_set_deadline(actor=person, task=item, deadline=data["deadline"])
    if action == "xac-nhan":
        return services.completion_accept(actor=person, task=item)
    return _assign(person, form, directive=item.directive, parent=item)


@login_required
@require_POST
def task_action(request: HttpRequest, task_uuid: UUID, action: str) -> HttpResponse:
    """One form of the task page; a refusal or bad input shows the page again with what was
    typed and the reason, and nothing is saved."""
    person = cast(Person, request.user)
    item = selectors.task_get_visible(person, str(task_uuid))
    if action not in ACTIONS:
        raise Http404
    form_class = ACTIONS[action]
    form: Any = None
    if form_class is AssignForm:
        form = AssignForm(
            request.POST,
            units=selectors.units_below(item.lead_unit),
            leaders=selectors.leaders_of(item.lead_unit),
            auto_id=_ids(action),
        )
    elif form_class is not None:
        form = form_class(request.POST, request.FILES, auto_id=_ids(action))
    if form is not None and not form.is_valid():
        return _page(request, item, (action, form))
    try:
        done = _call(person, item, action, form)
    except PermissionDenied as error:
        if form is None:
            raise
        form.add_error(None, str(error))
        return _page(request, item, (action, form))
    except ValidationError as error:
        if form is None:
            messages.error(request, " ".join(error.messages))
            return redirect("directives:task", item.uuid)
        form.add_service_error(error)
        return _page(request, item, (action, form))
    if done is None:  # the sub-task form carried the service's errors
        return _page(request, item, (action, form))
    messages.success(request, DONE_MESSAGES[action])
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
            lambda: services.extension_decide(
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
