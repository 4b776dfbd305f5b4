"""Outgoing-document pages: drafts, approval, signature, issue, distribution, recall, the
outgoing book, and the approval-chain setting of a unit.

Thin by rule: parse the form, fetch through a scoped selector (what the user may not see is a
404), call one service, redirect with a message — or show the form again with the service's
ValidationError on its fields. Which buttons a page shows comes from `workflow`, the same
rules the services apply, so a button is shown exactly when its action would be accepted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F, Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vanphong.core.access import get_visible_or_404
from vanphong.core.forms import BootstrapForm
from vanphong.core.models import AuditEvent
from vanphong.core.rules import numbering_policy
from vanphong.documents import selectors, services, services_delivery, services_outgoing, workflow
from vanphong.documents.forms_outgoing import (
    BookFilterForm,
    ChainForm,
    DecisionForm,
    DistributeForm,
    DraftForm,
    IssueForm,
    ReasonForm,
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
from vanphong.org.models import Clearance, NumberingStyle, Person, Role, Unit
from vanphong.org.selectors import committee_of, scope_for, units_visible

BOOK_PAGE = 50

# What the audit log's action codes mean, for the document's history.
ACTIONS: dict[str, Any] = {
    "outgoing.create": gettext_lazy("Tạo dự thảo"),
    "outgoing.revise": gettext_lazy("Sửa dự thảo (phiên bản mới)"),
    "outgoing.submit": gettext_lazy("Trình duyệt"),
    "outgoing.approve": gettext_lazy("Duyệt"),
    "outgoing.return": gettext_lazy("Trả lại"),
    "outgoing.sign": gettext_lazy("Ký"),
    "outgoing.issue": gettext_lazy("Cấp số, phát hành"),
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


# --- what the viewer may do ----------------------------------------------------------------


@dataclass(frozen=True)
class Actions:
    revise: bool = False
    submit: bool = False
    decide: bool = False  # approve or return at the current step
    send_back: bool = False  # return an approved or signed document
    sign: bool = False
    issue: bool = False
    distribute: bool = False
    recall: bool = False
    cancel: bool = False

    @property
    def any(self) -> bool:
        return any(vars(self).values())


def _actions(person: Person, document: OutgoingDocument, committee: Unit | None) -> Actions:
    """The actions the services would accept from `person` now (see services.outgoing_*)."""
    status = document.status
    unit = document.unit
    drafter = person.pk == document.drafter_id
    editable = status in {OutgoingStatus.DRAFT, OutgoingStatus.RETURNED}
    leader = workflow.is_leader_of(person, unit)
    clerk = workflow.is_clerk_of(person, unit)
    return Actions(
        revise=drafter and editable,
        submit=drafter and editable,
        decide=workflow.can_decide(person, document, committees={unit.pk: committee}),
        send_back=leader and status in {OutgoingStatus.APPROVED, OutgoingStatus.SIGNED},
        sign=status == OutgoingStatus.APPROVED and workflow.may_sign(person, document),
        issue=status == OutgoingStatus.SIGNED and clerk,
        distribute=status == OutgoingStatus.ISSUED and clerk,
        recall=status == OutgoingStatus.ISSUED and clerk,
        cancel=editable and (drafter or leader),
    )


def _not_offered(request: HttpRequest, document: OutgoingDocument, *names: str) -> bool:
    """Whether a form page must not be shown: on GET, when none of the named actions is open
    to the viewer now (a POST always reaches the service, which gives its own reason)."""
    if request.method != "GET":
        return False
    actions = _actions(_actor(request), document, committee_of(document.unit))
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


def _drafting_units(person: Person) -> QuerySet[Unit]:
    """Units the person belongs to (a membership there, not only above it)."""
    return (
        units_visible(person)
        .filter(id__in=sorted(scope_for(person).roles_by_unit), is_active=True)
        .order_by("sort_order", "name")
    )


def _types_by_style(units: QuerySet[Unit]) -> dict[str, dict[str, str]]:
    today = timezone.localdate()
    styles = sorted({u.numbering_style for u in units})
    return {
        str(NumberingStyle(style).label): numbering_policy(style, today).types  # type: ignore[arg-type]
        for style in styles
    }


@login_required
@require_http_methods(["GET", "POST"])
def outgoing_create(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    reply_uuid = request.GET.get("tra-loi", "").strip()
    reply_to: IncomingDocument | None = (
        selectors.incoming_get_visible(actor, reply_uuid) if reply_uuid else None
    )
    units = _drafting_units(actor)
    scope = scope_for(actor)
    options: dict[str, Any] = {
        "units": units,
        "types": _types_by_style(units),
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
            "code": reply_to.number_symbol,
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
        document.deliveries.select_related("recipient_unit")
        .prefetch_related(events)
        .order_by(F("recipient_unit").asc(nulls_last=True), "id")
    )
    for delivery in deliveries:
        delivery.label = DELIVERY_LABELS.get(delivery.status, delivery.get_status_display())  # type: ignore[attr-defined]
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
        "actions": _actions(actor, document, committee),
        "versions": versions,
        "decisions": list(document.decisions.select_related("decided_by", "version")),
        "chain": chain,
        "chain_submitted": chain_submitted,
        "deliveries": deliveries,
        "files": list(document.attachments.filter(version__isnull=True).order_by("id")),
        "reply_to": reply_to,
        "history": history,
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


def _recipient_units(document: OutgoingDocument) -> QuerySet[Unit]:
    """Every active unit of the installation except the sender and those already sent to."""
    return (
        Unit.objects.filter(is_active=True)
        .exclude(pk=document.unit_id)
        .exclude(inbox_deliveries__document=document)
        .select_related("parent")
        .order_by("parent__sort_order", "parent__name_folded", "sort_order", "name_folded")
    )


@login_required
@require_http_methods(["GET", "POST"])
def outgoing_issue(request: HttpRequest, document_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    document = _document(request, document_uuid)
    if _not_offered(request, document, "issue"):
        return _detail(document)
    units = _recipient_units(document)
    if request.method == "POST":
        form = IssueForm(request.POST, request.FILES, units=units)
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
                )
            except PermissionDenied as error:
                return _refused(request, document, error)
            except ValidationError as error:
                form.add_service_error(error)
            else:
                document.refresh_from_db()
                messages.success(
                    request,
                    _("Đã phát hành văn bản số %(code)s.") % {"code": document.number_symbol},
                )
                return _detail(document)
    else:
        form = IssueForm(
            initial={
                "issued_on": timezone.localdate(),
                "copies": 1,
                "file_copy_holder": _("Lưu %(unit)s") % {"unit": document.unit.name},
            },
            units=units,
        )
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


@login_required
@require_http_methods(["GET", "POST"])
def outgoing_distribute(request: HttpRequest, document_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    document = _document(request, document_uuid)
    if _not_offered(request, document, "distribute"):
        return _detail(document)
    units = _recipient_units(document)
    form = DistributeForm(request.POST if request.method == "POST" else None, units=units)
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


# --- lists ---------------------------------------------------------------------------------


def _list_page(
    request: HttpRequest,
    documents: list[OutgoingDocument] | QuerySet[OutgoingDocument],
    *,
    title: str,
    empty: str,
    tab: str,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    context = {
        "documents": documents,
        "title": title,
        "empty": empty,
        "tab": tab,
        **(extra or {}),
    }
    return render(request, "documents/outgoing_list.html", context)


@login_required
@require_GET
def outgoing_mine(request: HttpRequest) -> HttpResponse:
    show_all = request.GET.get("tat-ca") == "1"
    documents = selectors.drafted_by(_actor(request), open_only=not show_all)
    if show_all:
        documents = documents[:200]
    return _list_page(
        request,
        documents,
        title=_("Dự thảo của tôi"),
        empty=_("Bạn không có dự thảo nào đang soạn hoặc đang trình."),
        tab="mine",
        extra={"show_all": show_all, "mine": True},
    )


@login_required
@require_GET
def outgoing_awaiting_approval(request: HttpRequest) -> HttpResponse:
    return _list_page(
        request,
        selectors.awaiting_my_approval(_actor(request)),
        title=_("Chờ tôi duyệt"),
        empty=_("Không có dự thảo nào chờ bạn duyệt."),
        tab="approval",
    )


@login_required
@require_GET
def outgoing_awaiting_issue(request: HttpRequest) -> HttpResponse:
    return _list_page(
        request,
        selectors.awaiting_issue(_actor(request)).select_related("drafter"),
        title=_("Chờ phát hành"),
        empty=_("Không có văn bản đã ký nào chờ cấp số."),
        tab="issue",
    )


@login_required
@require_GET
def outgoing_book(request: HttpRequest) -> HttpResponse:
    """The unit's outgoing book with the Decree 30 register columns, newest first."""
    actor = _actor(request)
    units = units_visible(actor).order_by("sort_order", "name")
    form = BookFilterForm(request.GET, units=units)
    form.is_valid()  # a bad value is reported on the form and not applied
    filters = form.cleaned_data
    unit: Unit | None = filters.get("don-vi")
    if unit is None:
        own = _drafting_units(actor)
        unit = own.first() or units.first()
    rows: list[OutgoingDocument] = []
    more = False
    if unit is not None:
        after = None
        if filters.get("sau"):
            last = get_visible_or_404(
                selectors.outgoing_visible(actor).filter(unit=unit, issued_on__isnull=False),
                filters["sau"],
            )
            after = (last.issued_on, last.pk) if last.issued_on else None
        rows = selectors.outgoing_book(
            actor,
            unit_id=unit.pk,
            year=filters.get("nam"),
            text=filters.get("q") or "",
            after=after,
            limit=BOOK_PAGE + 1,
        )
        more = len(rows) > BOOK_PAGE
        rows = rows[:BOOK_PAGE]
    scope = scope_for(actor)
    context = {
        "units": units,
        "unit": unit,
        "rows": rows,
        "next_after": str(rows[-1].uuid) if more else "",
        "q": request.GET.get("q", ""),
        "year": request.GET.get("nam", ""),
        "filter_errors": form.errors,
        "can_configure": unit is not None
        and (scope.administers(unit.pk) or workflow.is_leader_of(actor, unit)),
        "tab": "book",
    }
    return render(request, "documents/outgoing_book.html", context)


# --- approval chain ------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def approval_chain(request: HttpRequest, unit_uuid: UUID) -> HttpResponse:
    """How the unit's drafts are approved; for its leaders and administrators. Self-approval
    is changed only by a leader of the committee (workflow.may_allow_self_approval)."""
    actor = _actor(request)
    unit = get_visible_or_404(units_visible(actor), unit_uuid)
    if not (scope_for(actor).administers(unit.pk) or workflow.is_leader_of(actor, unit)):
        raise Http404
    configured = ApprovalChain.objects.select_related("self_approval_by").filter(unit=unit).first()
    allowed = bool(configured and configured.allow_self_approval)
    editable = workflow.may_allow_self_approval(actor, unit)
    if request.method == "POST":
        form = ChainForm(
            request.POST,
            initial={"allow_self_approval": allowed},
            self_approval_editable=editable,
        )
        if form.is_valid():
            try:
                services_outgoing.approval_chain_set(
                    actor=actor,
                    unit=unit,
                    steps=form.steps(),
                    allow_self_approval=form.self_approval(),
                )
            except PermissionDenied as error:
                form.add_error(None, str(error))
            except ValidationError as error:
                form.add_service_error(error)
            else:
                messages.success(
                    request, _("Đã lưu quy trình duyệt của %(unit)s.") % {"unit": unit.name}
                )
                return redirect("documents:approval_chain", unit_uuid=unit.uuid)
    else:
        steps = list(configured.steps) if configured and configured.steps else []
        form = ChainForm(
            initial=ChainForm.initial_for(steps or workflow.DEFAULT_CHAIN, allowed),
            self_approval_editable=editable,
        )
    committee = committee_of(unit)
    context = {"form": form, "unit": unit, "committee": committee, "chain": configured}
    return render(request, "documents/approval_chain.html", context)
