"""Outgoing-document pages: a document's page, drafting, approval and signature. Issue,
distribution, recall and cancel are in views_outgoing_issue; the lists, the outgoing book and
a unit's approval-chain setting in views_outgoing_lists.

Thin by rule: parse the form, fetch through a scoped selector (what the user may not see is a
404), call one service, redirect with a message — or show the form again with the service's
ValidationError on its fields. Which buttons a page shows comes from `workflow`, the same
rules the services apply, so a button is shown exactly when its action would be accepted.
"""

from __future__ import annotations

from typing import Any, cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vanphong.core import links
from vanphong.core.forms import BootstrapForm
from vanphong.core.models import AuditEvent
from vanphong.core.vietnamese import number_line
from vanphong.documents import selectors, services, services_outgoing, workflow
from vanphong.documents.forms_outgoing import (
    DecisionForm,
    DraftForm,
    ReviseForm,
    SignForm,
    uploads,
)
from vanphong.documents.models import (
    ApprovalChain,
    Attachment,
    DeliveryEvent,
    DeliveryStatus,
    IncomingDocument,
    OutgoingDocument,
    OutgoingStatus,
)
from vanphong.org.models import Clearance, Person, Role, Unit
from vanphong.org.selectors import committee_of, scope_for

# What the audit log's action codes mean, for the document's history.
ACTIONS: dict[str, Any] = {
    "outgoing.create": gettext_lazy("Tạo dự thảo"),
    "outgoing.revise": gettext_lazy("Sửa dự thảo (phiên bản mới)"),
    "outgoing.submit": gettext_lazy("Trình duyệt"),
    "outgoing.approve": gettext_lazy("Duyệt"),
    "outgoing.return": gettext_lazy("Trả lại"),
    "outgoing.sign": gettext_lazy("Ký"),
    "outgoing.issue": gettext_lazy("Cấp số, phát hành"),
    "outgoing.backdate": gettext_lazy("Cấp số lùi ngày (có lý do)"),
    "outgoing.distribute": gettext_lazy("Gửi nơi nhận"),
    "outgoing.recall": gettext_lazy("Thu hồi"),
    "outgoing.cancel": gettext_lazy("Hủy dự thảo"),
    "document.read": gettext_lazy("Đọc văn bản mật"),
}
# The sender's words for each edXML status of an internal recipient's copy.
DELIVERY_LABELS: dict[str, Any] = {
    DeliveryStatus.ARRIVED: gettext_lazy("Đã đến"),
    DeliveryStatus.REGISTERED: gettext_lazy("Đã vào sổ"),
    DeliveryStatus.ASSIGNED: gettext_lazy("Đã phân công"),
    DeliveryStatus.IN_PROGRESS: gettext_lazy("Đang xử lý"),
    DeliveryStatus.DONE: pgettext_lazy("trạng thái", "Hoàn thành"),
    DeliveryStatus.REFUSED: pgettext_lazy("trạng thái", "Từ chối"),
    DeliveryStatus.RECALL_REQUESTED: gettext_lazy("Đề nghị thu hồi"),
    DeliveryStatus.RECALLED: pgettext_lazy("trạng thái", "Thu hồi"),
    DeliveryStatus.RECALL_REFUSED: gettext_lazy("Từ chối thu hồi"),
    DeliveryStatus.SENT_EXTERNAL: gettext_lazy("Đã gửi"),
}


def _actor(request: HttpRequest) -> Person:
    return cast(Person, request.user)


def _document(request: HttpRequest, document_uuid: UUID) -> OutgoingDocument:
    return selectors.outgoing_get_visible(_actor(request), document_uuid)


def _detail(document: OutgoingDocument) -> HttpResponse:
    return redirect("documents:outgoing_detail", document_uuid=document.uuid)


def _refused(request: HttpRequest, document: OutgoingDocument, error: Exception) -> HttpResponse:
    """A refused button action: the service's reason as a message, back to the document."""
    texts = error.messages if isinstance(error, ValidationError) else [str(error)]
    for text in texts:
        messages.error(request, text)
    return _detail(document)


def _not_offered(request: HttpRequest, document: OutgoingDocument, *names: str) -> bool:
    """Whether a form page must not be shown: on GET, when none of the named actions is open
    to the viewer now (a POST always reaches the service, which gives its own reason)."""
    if request.method != "GET":
        return False
    actions = workflow.outgoing_actions(_actor(request), document, committee_of(document.unit))
    if any(getattr(actions, name) for name in names):
        return False
    messages.warning(
        request,
        _("Bạn không thực hiện được thao tác này khi văn bản ở trạng thái “%(state)s”.")
        % {"state": document.get_status_display()},
    )
    return True


# --- pages around one document -------------------------------------------------------------


def _form_page(
    request: HttpRequest,
    form: BootstrapForm,
    *,
    title: str,
    document: OutgoingDocument | None = None,
    submit_label: str = "",
    buttons: list[tuple[str, str, str]] | None = None,
    intro: str = "",
    danger: bool = False,
    cancel_url: str = "",
) -> HttpResponse:
    """One form about one document; `buttons`: (value of `decision`, label, css class).
    Showing a secret document's page is a read, recorded like the document page's."""
    if document is not None and request.method == "GET":
        services.document_read_record(actor=_actor(request), outgoing=document)
    if not cancel_url:
        cancel_url = (
            reverse("documents:outgoing_detail", args=[document.uuid])
            if document is not None
            else reverse("documents:outgoing_mine")
        )
    context = {
        "form": form,
        "title": title,
        "document": document,
        "submit_label": submit_label,
        "buttons": buttons or [],
        "intro": intro,
        "danger": danger,
        "cancel_url": cancel_url,
    }
    return render(request, "documents/outgoing_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def outgoing_create(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    reply_uuid = request.GET.get("tra-loi", "").strip()
    reply_to: IncomingDocument | None = (
        selectors.incoming_get_visible(actor, reply_uuid) if reply_uuid else None
    )
    units = selectors.drafting_units(actor)
    scope = scope_for(actor)
    options: dict[str, Any] = {
        "units": units,
        "types": selectors.draft_types_by_style(units),
        "max_clearance": max(scope.clearance_by_unit.values(), default=Clearance.UNCLASSIFIED),
    }
    if request.method == "POST":
        form = DraftForm(request.POST, request.FILES, **options)
        if form.is_valid():
            data = form.cleaned_data
            try:
                document = services_outgoing.outgoing_create(
                    actor=actor,
                    unit=data["unit"],
                    type_symbol=data["type_symbol"],
                    subject=data["subject"],
                    body=data["body"],
                    confidentiality=data["confidentiality"],
                    urgency=data["urgency"],
                    reply_to=reply_to,
                    attachments=uploads(data["attachments"]),
                )
            except ValidationError as error:
                form.add_service_error(error)
            else:
                messages.success(request, _("Đã tạo dự thảo “%(s)s”.") % {"s": document.subject})
                return _detail(document)
    else:
        initial: dict[str, Any] = {}
        if len(units) == 1:
            initial["unit"] = units[0]
        if reply_to is not None:
            initial["type_symbol"] = "CV"
            initial["subject"] = _("V/v trả lời văn bản số %(code)s") % {
                "code": reply_to.number_symbol
            }
            initial["urgency"] = reply_to.urgency
            if reply_to.unit in units:
                initial["unit"] = reply_to.unit
        form = DraftForm(initial=initial, **options)
    intro = ""
    if reply_to is not None:
        intro = _("Trả lời văn bản đến số %(number)s/%(year)s (%(code)s): %(subject)s") % {
            "number": reply_to.number,
            "year": reply_to.year,
            "code": number_line(reply_to.number_symbol),
            "subject": reply_to.subject,
        }
    if not units:
        intro = _("Bạn chưa thuộc đơn vị nào nên chưa soạn được văn bản.")
    return _form_page(
        request,
        form,
        title=_("Soạn văn bản đi"),
        submit_label=_("Tạo dự thảo"),
        intro=intro,
        cancel_url=reverse("documents:outgoing_mine"),
    )


def _chain_rows(
    document: OutgoingDocument, committee: Unit | None
) -> tuple[list[dict[str, Any]], bool]:
    """The approval steps with the unit taking each and how far the draft got; the second
    value says whether the chain is the one the draft was submitted with (else: a preview)."""
    submitted = bool(document.chain)
    if submitted:
        steps = list(document.chain)
    else:
        configured = ApprovalChain.objects.filter(unit_id=document.unit_id).first()
        steps = list(configured.steps) if configured and configured.steps else []
        steps = steps or list(workflow.DEFAULT_CHAIN)
    reviewing = document.status == OutgoingStatus.IN_REVIEW
    past_review = document.status in {
        OutgoingStatus.APPROVED,
        OutgoingStatus.SIGNED,
        OutgoingStatus.ISSUED,
        OutgoingStatus.WITHDRAWN,
    }
    rows = []
    for index, step in enumerate(steps):
        at_committee = step.get("at") == "committee" and committee is not None
        if past_review or (reviewing and index < document.current_step):
            state = "done"
        elif reviewing and index == document.current_step:
            state = "current"
        else:
            state = "pending"
        rows.append(
            {
                "number": index + 1,
                "role": Role(step["role"]).label if step.get("role") in Role.values else "?",
                "unit": committee if at_committee else document.unit,
                "state": state,
            }
        )
    return rows, submitted


@login_required
@require_GET
def outgoing_detail(request: HttpRequest, document_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    document = _document(request, document_uuid)
    services.document_read_record(actor=actor, outgoing=document)
    committee = committee_of(document.unit)
    attachments = Prefetch("attachments", queryset=Attachment.objects.order_by("id"))
    versions = list(
        document.versions.select_related("created_by")
        .prefetch_related(attachments)
        .order_by("-version")
    )
    events = Prefetch("events", queryset=DeliveryEvent.objects.select_related("by"))
    deliveries = list(
        document.deliveries.select_related("recipient_unit", "receiving_unit")
        .prefetch_related(events)
        .order_by(F("recipient_unit").asc(nulls_last=True), "id")
    )
    for delivery in deliveries:
        delivery.label = DELIVERY_LABELS.get(delivery.status, delivery.get_status_display())  # type: ignore[attr-defined]
        # Sent to a committee, received by its Office: the sender is told who has it.
        received_elsewhere = delivery.receiving_unit_id != delivery.recipient_unit_id
        delivery.received_by = delivery.receiving_unit if received_elsewhere else None  # type: ignore[attr-defined]
    reply_to = None
    if document.reply_to_id is not None:
        reply_to = selectors.incoming_visible(actor).filter(pk=document.reply_to_id).first()
    chain, chain_submitted = _chain_rows(document, committee)
    history = list(
        AuditEvent.objects.filter(
            object_type=OutgoingDocument._meta.label_lower, object_id=str(document.uuid)
        ).order_by("seq")
    )
    for event in history:
        event.label = ACTIONS.get(event.action, event.action)  # type: ignore[attr-defined]
    context = {
        "document": document,
        "actions": workflow.outgoing_actions(actor, document, committee),
        "versions": versions,
        "decisions": list(document.decisions.select_related("decided_by", "version")),
        "chain": chain,
        "chain_submitted": chain_submitted,
        "deliveries": deliveries,
        "files": list(document.attachments.filter(version__isnull=True).order_by("id")),
        "reply_to": reply_to,
        "history": history,
        "related": links.links_for(actor, document),
        "offered": links.actions_for(actor, document),
    }
    return render(request, "documents/outgoing_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def outgoing_revise(request: HttpRequest, document_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    document = _document(request, document_uuid)
    if _not_offered(request, document, "revise"):
        return _detail(document)
    if request.method == "POST":
        form = ReviseForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                version = services_outgoing.draft_revise(
                    actor=actor,
                    document=document,
                    body=data["body"],
                    note=data["note"],
                    subject=data["subject"],
                    attachments=uploads(data["attachments"]),
                )
            except PermissionDenied as error:
                return _refused(request, document, error)
            except ValidationError as error:
                form.add_service_error(error)
            else:
                messages.success(
                    request, _("Đã lưu phiên bản %(n)d của dự thảo.") % {"n": version.version}
                )
                return _detail(document)
    else:
        latest = document.versions.order_by("-version").first()
        form = ReviseForm(
            initial={"subject": document.subject, "body": latest.body if latest else ""}
        )
    return _form_page(
        request,
        form,
        title=_("Sửa dự thảo"),
        document=document,
        submit_label=_("Lưu phiên bản mới"),
        intro=_("Mỗi lần lưu tạo một phiên bản mới; các phiên bản cũ được giữ nguyên."),
    )


@login_required
@require_POST
def outgoing_submit(request: HttpRequest, document_uuid: UUID) -> HttpResponse:
    document = _document(request, document_uuid)
    try:
        services_outgoing.outgoing_submit(actor=_actor(request), document=document)
    except (ValidationError, PermissionDenied) as error:
        return _refused(request, document, error)
    messages.success(request, _("Đã trình duyệt dự thảo."))
    return _detail(document)


@login_required
@require_http_methods(["GET", "POST"])
def outgoing_decide(request: HttpRequest, document_uuid: UUID) -> HttpResponse:
    """Approve or return, with comments (one form, two buttons)."""
    actor = _actor(request)
    document = _document(request, document_uuid)
    if _not_offered(request, document, "decide", "send_back"):
        return _detail(document)
    form = DecisionForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        comment = form.cleaned_data["comment"]
        approve = form.cleaned_data["decision"] == DecisionForm.APPROVE
        try:
            if approve:
                services_outgoing.outgoing_approve(actor=actor, document=document, comment=comment)
            else:
                services_outgoing.outgoing_return(actor=actor, document=document, comment=comment)
        except PermissionDenied as error:
            return _refused(request, document, error)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            document.refresh_from_db()
            if not approve:
                done = _("Đã trả lại dự thảo cho người soạn thảo.")
            elif document.status == OutgoingStatus.APPROVED:
                done = _("Đã duyệt; dự thảo chờ ký.")
            else:
                done = _("Đã duyệt; dự thảo chuyển sang bước duyệt tiếp theo.")
            messages.success(request, done)
            return _detail(document)
    buttons = [(DecisionForm.RETURN, _("Trả lại"), "btn-outline-danger")]
    if document.status == OutgoingStatus.IN_REVIEW:
        buttons.insert(0, (DecisionForm.APPROVE, _("Đồng ý"), "btn-primary"))
    return _form_page(
        request,
        form,
        title=_("Cho ý kiến về dự thảo"),
        document=document,
        buttons=buttons,
    )


@login_required
@require_http_methods(["GET", "POST"])
def outgoing_sign(request: HttpRequest, document_uuid: UUID) -> HttpResponse:
    """The signer signs, in person: a leader records their own signature (also one given on
    paper), nobody records another's."""
    actor = _actor(request)
    document = _document(request, document_uuid)
    if _not_offered(request, document, "sign"):
        return _detail(document)
    if request.method == "POST":
        form = SignForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services_outgoing.outgoing_sign(
                    actor=actor,
                    document=document,
                    position=data["position"],
                    authority=data["authority"],
                )
            except PermissionDenied as error:
                return _refused(request, document, error)
            except ValidationError as error:
                form.add_service_error(error)
            else:
                messages.success(request, _("Đã ký văn bản."))
                return _detail(document)
    else:
        own = [m for m in selectors.signer_candidates(document.unit) if m.person_id == actor.pk]
        form = SignForm(initial={"position": own[0].position} if own else {})
    return _form_page(
        request,
        form,
        title=_("Ký văn bản"),
        document=document,
        submit_label=_("Ký"),
        intro=_(
            "Bạn ký với tư cách của chính mình (cả khi đã ký trên bản giấy). Thẩm quyền ký: "
            "T/M (thay mặt tập thể), K/T (ký thay), T/L (thừa lệnh), TUQ (thừa ủy quyền)."
        ),
    )
