"""Issuing and after: numbering and issue, sending to more recipients, recall; and
abandoning a draft (like recall, an action that only asks for a reason)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from vanphong.documents import selectors, services_delivery, services_outgoing, suggestions
from vanphong.documents.forms_outgoing import (
    DistributeForm,
    IssueForm,
    ReasonForm,
    uploads,
)
from vanphong.documents.models import OutgoingDocument
from vanphong.documents.views_outgoing import (
    _actor,
    _detail,
    _document,
    _form_page,
    _not_offered,
    _refused,
)
from vanphong.org.models import Person, Unit


@login_required
@require_http_methods(["GET", "POST"])
def outgoing_issue(request: HttpRequest, document_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    document = _document(request, document_uuid)
    if _not_offered(request, document, "issue"):
        return _detail(document)
    units = selectors.recipient_units(document)
    outside = reverse("documents:outgoing_outside_bodies", args=[document.uuid])
    if request.method == "POST":
        form = IssueForm(request.POST, request.FILES, units=units, outside_url=outside)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services_outgoing.outgoing_issue(
                    actor=actor,
                    document=document,
                    recipients=form.recipient_list(),
                    issued_on=data["issued_on"],
                    page_count=data["page_count"],
                    copies=data["copies"],
                    file_copy_holder=data["file_copy_holder"],
                    attachments=uploads(data["attachments"]),
                    backdate_reason=data["backdate_reason"],
                )
            except PermissionDenied as error:
                return _refused(request, document, error)
            except ValidationError as error:
                form.add_service_error(error)
                if "backdate_reason" in getattr(error, "error_dict", {}):
                    form.show_backdate()
            else:
                document.refresh_from_db()
                messages.success(
                    request,
                    _("Đã phát hành văn bản số %(code)s.") % {"code": document.number_symbol},
                )
                return _detail(document)
    else:
        initial = {
            "issued_on": timezone.localdate(),
            "copies": 1,
            "file_copy_holder": _("Lưu %(unit)s") % {"unit": document.unit.name},
            **_reply_recipient(actor, document, units),
        }
        form = IssueForm(initial=initial, units=units, outside_url=outside)
    return _form_page(
        request,
        form,
        title=_("Cấp số và phát hành"),
        document=document,
        submit_label=_("Cấp số và phát hành"),
        intro=_(
            "Số văn bản được cấp khi lưu, theo quy tắc đánh số của đơn vị vào ngày ban hành; "
            "đơn vị nhận trong hệ thống sẽ thấy văn bản trong danh sách chờ vào sổ."
        ),
    )


def _reply_recipient(
    actor: Person, document: OutgoingDocument, units: QuerySet[Unit]
) -> dict[str, Any]:
    """A reply goes back to whoever sent the document it answers: that unit ticked, or that
    body's name on the first outside row (the clerk can still change either)."""
    to = suggestions.reply_recipient(actor, document, units)
    if to.unit is not None:
        return {"recipients": [str(to.unit.uuid)]}
    if to.external_name:
        return {"external": [(to.external_name, "")]}
    return {}


@login_required
@require_GET
def outgoing_outside_bodies(request: HttpRequest, document_uuid: UUID) -> HttpResponse:
    """Suggestions for an outside recipient row of `document`'s issue or distribution: the
    outside bodies its unit wrote to or heard from, folded match on what is typed."""
    actor = _actor(request)
    document = _document(request, document_uuid)
    typed = request.GET.get("external-ten") or request.GET.get("q") or ""
    names = suggestions.outside_bodies(actor, document.unit, typed[:200])
    return render(request, "documents/_picks.html", {"names": names})


@login_required
@require_http_methods(["GET", "POST"])
def outgoing_distribute(request: HttpRequest, document_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    document = _document(request, document_uuid)
    if _not_offered(request, document, "distribute"):
        return _detail(document)
    units = selectors.recipient_units(document)
    form = DistributeForm(
        request.POST if request.method == "POST" else None,
        units=units,
        outside_url=reverse("documents:outgoing_outside_bodies", args=[document.uuid]),
    )
    if form.is_valid():
        try:
            sent = services_delivery.outgoing_distribute(
                actor=actor, document=document, recipients=form.recipient_list()
            )
        except PermissionDenied as error:
            return _refused(request, document, error)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("Đã gửi thêm %(n)d nơi nhận.") % {"n": len(sent)})
            return _detail(document)
    return _form_page(
        request, form, title=_("Gửi thêm nơi nhận"), document=document, submit_label=_("Gửi")
    )


def _reason_action(
    request: HttpRequest,
    document_uuid: UUID,
    *,
    action: str,
    run: Callable[..., object],
    done: str,
    title: str,
    submit_label: str,
    intro: str,
) -> HttpResponse:
    """An action that only asks for a reason (recall, cancel): one form, one service."""
    actor = _actor(request)
    document = _document(request, document_uuid)
    if _not_offered(request, document, action):
        return _detail(document)
    form = ReasonForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            run(actor=actor, document=document, reason=form.cleaned_data["reason"])
        except PermissionDenied as error:
            return _refused(request, document, error)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, done)
            return _detail(document)
    return _form_page(
        request,
        form,
        title=title,
        document=document,
        submit_label=submit_label,
        danger=True,
        intro=intro,
    )


@login_required
@require_http_methods(["GET", "POST"])
def outgoing_recall(request: HttpRequest, document_uuid: UUID) -> HttpResponse:
    return _reason_action(
        request,
        document_uuid,
        action="recall",
        run=services_delivery.outgoing_recall,
        done=_("Đã thu hồi văn bản; bản của các nơi nhận bị khóa."),
        title=_("Thu hồi văn bản"),
        submit_label=_("Thu hồi"),
        intro=_(
            "Bản của mọi nơi nhận trong hệ thống bị khóa và đánh dấu đã thu hồi. Văn bản và số "
            "của nó vẫn được giữ trong sổ."
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def outgoing_cancel(request: HttpRequest, document_uuid: UUID) -> HttpResponse:
    return _reason_action(
        request,
        document_uuid,
        action="cancel",
        run=services_outgoing.outgoing_cancel,
        done=_("Đã hủy dự thảo."),
        title=_("Hủy dự thảo"),
        submit_label=_("Hủy dự thảo"),
        intro=_("Dự thảo bị hủy vẫn được giữ lại cùng lịch sử của nó."),
    )
