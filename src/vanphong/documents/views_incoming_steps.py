"""The workflow steps on an incoming document's page: present, direct, return to the clerk,
file for information, cancel the registration. Each is offered when workflow.incoming_actions
says so; the service has the last word."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from vanphong.core.forms import BootstrapForm
from vanphong.documents import (
    selectors,
    services_incoming,
    workflow,
)
from vanphong.documents.forms_incoming import (
    DirectionForm,
    FileForm,
    PresentForm,
    ReasonForm,
)
from vanphong.documents.models import (
    IncomingDocument,
)
from vanphong.documents.selectors import (
    incoming_get_visible,
)
from vanphong.documents.views_incoming import (
    _actor,
    _document_url,
    _read,
)
from vanphong.org.models import Person


def _action_page(
    request: HttpRequest,
    document: IncomingDocument,
    form: BootstrapForm,
    *,
    title: str,
    submit_label: str,
    intro: str = "",
    danger: bool = False,
) -> HttpResponse:
    context = {
        "document": document,
        "form": form,
        "title": title,
        "submit_label": submit_label,
        "intro": intro,
        "danger": danger,
        "cancel_url": _document_url(document),
    }
    return render(request, "documents/incoming_action.html", context)


ActionRun = Callable[[Person, IncomingDocument, dict[str, Any]], object]


def _incoming_action(
    request: HttpRequest,
    document_uuid: UUID,
    *,
    allowed: Callable[[workflow.IncomingActions], bool],
    make_form: Callable[[IncomingDocument, Any], BootstrapForm],
    run: ActionRun,
    done: str,
    title: str,
    submit_label: str,
    intro: str = "",
    danger: bool = False,
) -> HttpResponse:
    """One workflow step: offered only when `allowed`; the service has the last word."""
    actor = _actor(request)
    document = incoming_get_visible(actor, document_uuid)
    if not allowed(workflow.incoming_actions(actor, document)):
        messages.error(
            request,
            _("Bạn không thực hiện được thao tác này với văn bản ở tình trạng hiện tại."),
        )
        return redirect(_document_url(document))
    form = make_form(document, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            run(actor, document, form.cleaned_data)
        except PermissionDenied as error:
            messages.error(request, str(error))
            return redirect(_document_url(document))
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, done)
            return redirect(_document_url(document))
    if request.method == "GET":
        _read(actor, document)
    return _action_page(
        request,
        document,
        form,
        title=title,
        submit_label=submit_label,
        intro=intro,
        danger=danger,
    )


@login_required
@require_http_methods(["GET", "POST"])
def incoming_present(request: HttpRequest, document_uuid: UUID) -> HttpResponse:
    return _incoming_action(
        request,
        document_uuid,
        allowed=lambda a: a.present,
        make_form=lambda doc, data: PresentForm(
            data, leaders=selectors.presentation_leaders(doc.unit)
        ),
        run=lambda actor, doc, data: services_incoming.incoming_present(
            actor=actor, document=doc, leader=data["leader"]
        ),
        done=_("Đã trình văn bản."),
        title=_("Trình lãnh đạo"),
        submit_label=_("Trình"),
    )


def _direction_form(document: IncomingDocument, data: Any) -> DirectionForm:
    people, units = selectors.direction_choices(document.unit)
    return DirectionForm(
        data,
        people=people,
        units=units,
        initial={"deadline": document.deadline},
    )


def _give_direction(actor: Person, document: IncomingDocument, data: dict[str, Any]) -> object:
    return services_incoming.direction_give(
        actor=actor,
        document=document,
        text=data["text"],
        lead=services_incoming.Handler(person=data["lead_person"], unit=data["lead_unit"]),
        supporting=[services_incoming.Handler(person=p) for p in data["supporting"]],
        informed=[services_incoming.Handler(person=p) for p in data["informed"]],
        deadline=data["deadline"],
    )


@login_required
@require_http_methods(["GET", "POST"])
def incoming_direct(request: HttpRequest, document_uuid: UUID) -> HttpResponse:
    return _incoming_action(
        request,
        document_uuid,
        allowed=lambda a: a.direct,
        make_form=_direction_form,
        run=_give_direction,
        done=_("Đã ghi ý kiến chỉ đạo và giao xử lý."),
        title=_("Cho ý kiến chỉ đạo"),
        submit_label=_("Ghi ý kiến chỉ đạo"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def incoming_return(request: HttpRequest, document_uuid: UUID) -> HttpResponse:
    return _incoming_action(
        request,
        document_uuid,
        allowed=lambda a: a.give_back,
        make_form=lambda doc, data: ReasonForm(data),
        run=lambda actor, doc, data: services_incoming.incoming_return(
            actor=actor, document=doc, reason=data["reason"]
        ),
        done=_("Đã trả lại văn bản cho văn thư."),
        title=_("Trả lại văn thư"),
        submit_label=_("Trả lại"),
        intro=_("Văn thư sẽ thấy lý do và trình lại khi đã bổ sung."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def incoming_file(request: HttpRequest, document_uuid: UUID) -> HttpResponse:
    return _incoming_action(
        request,
        document_uuid,
        allowed=lambda a: a.file,
        make_form=lambda doc, data: FileForm(data),
        run=lambda actor, doc, data: services_incoming.incoming_file(
            actor=actor, document=doc, note=data["note"]
        ),
        done=_("Đã lưu văn bản để biết."),
        title=_("Lưu để biết"),
        submit_label=_("Lưu để biết"),
        intro=_("Văn bản không cần giải quyết; vẫn có thể giao xử lý sau."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def incoming_cancel(request: HttpRequest, document_uuid: UUID) -> HttpResponse:
    return _incoming_action(
        request,
        document_uuid,
        allowed=lambda a: a.cancel,
        make_form=lambda doc, data: ReasonForm(data),
        run=lambda actor, doc, data: services_incoming.incoming_cancel(
            actor=actor, document=doc, reason=data["reason"]
        ),
        done=_("Đã hủy đăng ký; số đến vẫn giữ trong sổ."),
        title=_("Hủy đăng ký văn bản đến"),
        submit_label=_("Hủy đăng ký"),
        intro=_("Dùng khi vào sổ nhầm. Số đến đã cấp không được dùng lại; dòng vẫn ở trong sổ."),
        danger=True,
    )
