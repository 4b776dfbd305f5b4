"""Incoming-document pages: registration (from outside, or from the reception queue of what
other units of the installation sent), the book, and a document's page. The workflow steps on
a document are in views_incoming_steps, the handling of assignments in views_handling.

Thin by rule: parse the form, fetch through a visibility-scoped selector (what the user may
not see is a 404), call one service, redirect with a message — or show the form again with the
service's ValidationError on its fields. Every page that shows a secret document records the
read (services.document_read_record).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any, cast
from uuid import UUID, uuid4

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import (
    Exists,
    Max,
    Min,
    OuterRef,
    Prefetch,
    prefetch_related_objects,
)
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from vanphong.core import links, paging
from vanphong.core.forms import attempt
from vanphong.core.models import AuditEvent
from vanphong.core.vietnamese import number_line
from vanphong.core.workdays import WorkCalendar
from vanphong.documents import (
    selectors,
    services,
    services_delivery,
    services_incoming,
    suggestions,
    workflow,
)
from vanphong.documents.forms_incoming import (
    BookFilterForm,
    DeliveryRegisterForm,
    IncomingRegisterForm,
    ReasonForm,
)
from vanphong.documents.models import (
    Assignment,
    AssignmentStatus,
    Delivery,
    DeliveryEvent,
    IncomingDocument,
    ProgressNote,
)
from vanphong.documents.selectors import (
    delivery_get_for_recipient,
    incoming_get_visible,
    incoming_visible,
    outgoing_visible,
    reception_queue,
)
from vanphong.org.models import Person, Role, Unit
from vanphong.org.selectors import scope_for, unit_tree

BOOK_PAGE_SIZE = 50
DUE_SOON_DAYS = 3  # working days
FILES_NOT_KEPT = _(
    "Trình duyệt không giữ lại tệp đã chọn khi trang hiện lại: hãy chọn lại các tệp đính kèm."
)

# What the history shows for each audit action on an incoming document.
HISTORY_LABELS = {
    "incoming.register": _("Vào sổ"),
    "incoming.present": _("Trình lãnh đạo"),
    "incoming.direct": _("Cho ý kiến chỉ đạo"),
    "incoming.return": _("Trả lại văn thư"),
    "incoming.file": _("Lưu để biết"),
    "incoming.cancel": _("Hủy đăng ký"),
    "incoming.done": _("Hoàn thành xử lý"),
    "incoming.recall": _("Bị cơ quan gửi thu hồi"),
}


def _actor(request: HttpRequest) -> Person:
    return cast(Person, request.user)


def _is_htmx(request: HttpRequest) -> bool:
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not getattr(htmx, "history_restore_request", False)


def _document_url(document: IncomingDocument) -> str:
    return reverse("documents:incoming_detail", args=[document.uuid])


def _read(actor: Person, document: IncomingDocument) -> None:
    """Every page showing a secret document leaves an audit event (the service decides)."""
    services.document_read_record(actor=actor, incoming=document)


def _deadline_marks() -> dict[str, date]:
    """What the pages compare deadlines with, in working days: a deadline on or before
    `overdue_through` is overdue (a working day has passed since it), one on or before `soon`
    falls within the next DUE_SOON_DAYS working days."""
    today = timezone.localdate()
    # A month either side, so that a long holiday across the new year costs no second query.
    calendar = WorkCalendar.load(today - timedelta(days=31), today + timedelta(days=31))
    return {
        "overdue_through": calendar.overdue_through(today),
        "soon": calendar.add_working_days(today, DUE_SOON_DAYS),
    }


# --- registration --------------------------------------------------------------------------


def _no_clerk_unit(request: HttpRequest) -> HttpResponse:
    return render(request, "documents/incoming_no_access.html", status=403)


def _max_clearance(actor: Person, units: Iterable[Unit]) -> int:
    scope = scope_for(actor)
    return max((scope.clearance_by_unit.get(u.id, 0) for u in units), default=0)


@login_required
@require_http_methods(["GET", "POST"])
def incoming_register(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    units = list(selectors.clerk_units(actor))
    if not units:
        return _no_clerk_unit(request)
    raw_delivery = request.POST.get("delivery") or request.GET.get("lien-thong") or ""
    if raw_delivery:
        return _register_delivery(request, delivery_get_for_recipient(actor, raw_delivery))
    choices = Unit.objects.filter(id__in=[u.id for u in units])
    clearance = _max_clearance(actor, units)
    offered = {"senders_url": reverse("documents:incoming_senders")}
    duplicates: list[IncomingDocument] = []
    files_lost = False
    if request.method == "POST":
        form = IncomingRegisterForm(
            request.POST, request.FILES, units=choices, max_clearance=clearance, **offered
        )
        if form.is_valid():
            data = form.cleaned_data
            try:
                document = services_incoming.incoming_register(
                    actor=actor,
                    unit=data["unit"],
                    medium=data["medium"],
                    received_at=data["received_at"],
                    sender_name=data["sender_name"],
                    number_symbol=data["number_symbol"],
                    document_date=data["document_date"],
                    subject=data["subject"],
                    page_count=data["page_count"],
                    confidentiality=data["confidentiality"],
                    urgency=data["urgency"],
                    deadline=data["deadline"],
                    recipients_note=data["recipients_note"],
                    note=data["note"],
                    attachments=[services.Upload(f.name or "", f) for f in data["attachments"]],
                    duplicate_reason=data["duplicate_reason"],
                    submission_id=data["submission_id"],
                )
            except services_incoming.DuplicateDocument as error:
                form.add_service_error(error)
                duplicates = _duplicates_shown(actor, error)
            except ValidationError as error:
                form.add_service_error(error)
            else:
                return _registered(request, document)
        files_lost = bool(request.FILES)
        if files_lost and "attachments" in form.fields:
            form.add_error("attachments", FILES_NOT_KEPT)
    else:
        initial: dict[str, Any] = {
            "unit": units[0] if len(units) == 1 else None,
            "received_at": _now_to_the_minute(),
            "submission_id": uuid4(),
        }
        form = IncomingRegisterForm(
            initial=initial, units=choices, max_clearance=clearance, **offered
        )
    show_reason = bool(duplicates) or bool(form["duplicate_reason"].value())
    context = {
        "form": form,
        "duplicates": duplicates,
        "show_reason": show_reason,
        "files_lost": files_lost,
    }
    return render(request, "documents/incoming_register.html", context)


@login_required
@require_GET
def incoming_senders(request: HttpRequest) -> HttpResponse:
    """The registration form's sender suggestions for what is typed (`sender_name` or `q`):
    earlier senders in the books the person keeps as a clerk, folded match; nothing for
    someone who keeps no book."""
    actor = _actor(request)
    typed = request.GET.get("sender_name") or request.GET.get("q") or ""
    units = [u.id for u in selectors.clerk_units(actor)]
    names = suggestions.senders(actor, units, typed[:200]) if units else []
    return render(request, "documents/_picks.html", {"names": names})


def _now_to_the_minute() -> datetime:
    return timezone.localtime().replace(second=0, microsecond=0)


def _duplicates_shown(
    actor: Person, error: services_incoming.DuplicateDocument
) -> list[IncomingDocument]:
    shown = incoming_visible(actor).filter(pk__in=[d.pk for d in error.existing])
    return list(shown.order_by("year", "number"))


def _registered(request: HttpRequest, document: IncomingDocument) -> HttpResponse:
    messages.success(
        request,
        _("Đã vào sổ văn bản đến số %(number)s/%(year)s: %(symbol)s.")
        % {
            "number": document.number,
            "year": document.year,
            "symbol": number_line(document.number_symbol),
        },
    )
    return redirect(_document_url(document))


def _register_delivery(request: HttpRequest, delivery: Delivery) -> HttpResponse:
    """Registering what another unit sent: the document is shown as sent, read-only; the
    form asks only what the receiving side knows (services_incoming.delivery_register)."""
    actor = _actor(request)
    sent = delivery.document
    options = {"page_count_known": sent.page_count is not None}
    duplicates: list[IncomingDocument] = []
    if request.method == "POST":
        form = DeliveryRegisterForm(request.POST, **options)
        if form.is_valid():
            data = form.cleaned_data
            try:
                document = services_incoming.delivery_register(
                    actor=actor,
                    delivery=delivery,
                    received_at=data["received_at"],
                    page_count=data.get("page_count"),
                    deadline=data["deadline"],
                    recipients_note=data["recipients_note"],
                    note=data["note"],
                    duplicate_reason=data["duplicate_reason"],
                    submission_id=data["submission_id"],
                )
            except services_incoming.DuplicateDocument as error:
                form.add_service_error(error)
                duplicates = _duplicates_shown(actor, error)
            except ValidationError as error:
                form.add_service_error(error)
            else:
                return _registered(request, document)
    else:
        services.document_read_record(actor=actor, outgoing=sent)
        initial = {
            "received_at": _now_to_the_minute(),
            "recipients_note": delivery.delivery_note,
            "submission_id": uuid4(),
            "delivery": delivery.uuid,
        }
        form = DeliveryRegisterForm(initial=initial, **options)
    context = {
        "form": form,
        "delivery": delivery,
        "sent": sent,
        "duplicates": duplicates,
        "show_reason": bool(duplicates) or bool(form["duplicate_reason"].value()),
    }
    return render(request, "documents/incoming_register_delivery.html", context)


# --- the book ------------------------------------------------------------------------------


def _default_unit(actor: Person, units: list[Unit]) -> Unit | None:
    """The book a user opens first: of a unit where they are a clerk, else the first unit
    whose documents they see (in tree order)."""
    clerk = scope_for(actor).units_with_role(Role.CLERK)
    return next((u for u in units if u.id in clerk), units[0] if units else None)


def _with_handlers(rows: list[IncomingDocument]) -> list[IncomingDocument]:
    """The book's "Đơn vị/người nhận" column: two queries for the whole page."""
    handlers = Assignment.objects.exclude(
        status__in=[AssignmentStatus.CANCELLED, AssignmentStatus.HANDED_OVER]
    ).select_related("assignee", "assignee_unit")
    prefetch_related_objects(rows, Prefetch("assignments", queryset=handlers, to_attr="handlers"))
    prefetch_related_objects(rows, "presented_to")
    return rows


@login_required
@require_GET
def incoming_book(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    scope = scope_for(actor)
    units = [row.unit for row in unit_tree(Unit.objects.filter(id__in=sorted(scope.unit_ids)))]
    if not units:
        return render(request, "web/no_membership.html")
    form = BookFilterForm(request.GET, units=Unit.objects.filter(id__in=sorted(scope.unit_ids)))
    form.is_valid()  # what does not parse is reported on the form and not applied
    filters = form.cleaned_data
    unit: Unit = filters.get("unit") or _default_unit(actor, units) or units[0]
    # The years the book has pages for; the unique (unit, year, number) index answers this.
    span = IncomingDocument.objects.filter(unit=unit).aggregate(first=Min("year"), last=Max("year"))
    this_year = timezone.localdate().year
    year: int = filters.get("year") or span["last"] or this_year
    newest = max(span["last"] or this_year, this_year, year)
    oldest = min(span["first"] or this_year, year)
    years = list(range(newest, oldest - 1, -1))
    book: dict[str, Any] = {
        "unit_id": unit.id,
        "year": year,
        "status": filters.get("status") or "",
        "urgent_only": bool(filters.get("urgent")),
        "text": filters.get("q") or "",
        "received_from": filters.get("received_from"),
        "received_to": filters.get("received_to"),
    }
    # One COUNT, on the book's (unit, year, received_at) index like the page itself, gives the
    # total and the page numbers; a page is an OFFSET into at most a unit's year.
    total = selectors.incoming_book_filtered(actor, **book).count()
    pages = paging.pages(total=total, number=request.GET.get("trang"), per_page=BOOK_PAGE_SIZE)
    rows = selectors.incoming_book(actor, offset=pages.start, limit=BOOK_PAGE_SIZE, **book)
    rows = _with_handlers(rows)
    context = {
        "form": form,
        "unit": unit,
        "units": units,
        "year": year,
        "years": years,
        "rows": rows,
        "pages": pages,
        "can_register": scope.holds(unit.id, Role.CLERK),
        "status_choices": BookFilterForm.STATUS_CHOICES,
        "selected_status": filters.get("status") or "",
        "q": request.GET.get("q", ""),
        "urgent_only": bool(filters.get("urgent")),
        "received_from": request.GET.get("tu", ""),
        "received_to": request.GET.get("den", ""),
    }
    template = (
        "documents/_incoming_rows.html" if _is_htmx(request) else "documents/incoming_book.html"
    )
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


# --- a document's page ---------------------------------------------------------------------


def _history(document: IncomingDocument) -> tuple[list[dict[str, Any]], int]:
    events = AuditEvent.objects.filter(
        object_type=IncomingDocument._meta.label_lower, object_id=str(document.uuid)
    )
    shown = []
    reads = 0
    for event in events.order_by("seq"):
        if event.action == "document.read":
            reads += 1
            continue
        after = event.after or {}
        shown.append(
            {
                "at": event.occurred_at,
                "who": event.actor_label,
                "what": HISTORY_LABELS.get(event.action, event.action),
                "reason": after.get("status_reason") or after.get("duplicate_reason") or "",
            }
        )
    return shown, reads


@login_required
@require_GET
def incoming_detail(request: HttpRequest, document_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    document = incoming_get_visible(actor, document_uuid)
    _read(actor, document)
    notes = ProgressNote.objects.select_related("author")
    # A reply is named by its number-symbol: only one the reader may open.
    replies = outgoing_visible(actor).filter(pk=OuterRef("reply_id"))
    assignments = (
        Assignment.objects.select_related("assignee", "assignee_unit", "reply", "document")
        .annotate(reply_shown=Exists(replies))
        .prefetch_related(Prefetch("notes", queryset=notes))
    )
    directions = list(
        document.directions.select_related("given_by").prefetch_related(
            Prefetch("assignments", queryset=assignments.order_by("role", "id"))
        )
    )
    delivery = None
    events: list[DeliveryEvent] = []
    if document.delivery_id is not None:
        delivery = Delivery.objects.select_related("document", "document__unit").get(
            pk=document.delivery_id
        )
        events = list(delivery.events.select_related("by"))
    history, reads = _history(document)
    context = {
        "document": document,
        "attachments": list(document.attachments.select_related("file").order_by("id")),
        "directions": directions,
        "delivery": delivery,
        "delivery_events": events,
        "duplicate_of": (
            incoming_visible(actor).filter(pk=document.duplicate_of_id).first()
            if document.duplicate_of_id
            else None
        ),
        "history": history,
        "reads": reads,
        "actions": workflow.incoming_actions(actor, document),
        # The assignment page's rule for its "draft a reply" link: one's own open part.
        "may_reply": any(
            workflow.may_handle(actor, assignment)
            for direction in directions
            for assignment in direction.assignments.all()
        ),
        "related": links.links_for(actor, document),
        "offered": links.actions_for(actor, document),
        **_deadline_marks(),
    }
    return render(request, "documents/incoming_detail.html", context)


# --- the reception queue -------------------------------------------------------------------


@login_required
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    if not scope_for(actor).units_with_role(Role.CLERK):
        return _no_clerk_unit(request)
    deliveries = list(reception_queue(actor))
    return render(request, "documents/queue.html", {"deliveries": deliveries})


@login_required
@require_http_methods(["GET", "POST"])
def queue_refuse(request: HttpRequest, delivery_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    delivery = delivery_get_for_recipient(actor, delivery_uuid)
    form = ReasonForm(request.POST if request.method == "POST" else None)
    form.fields["reason"].help_text = _("Ví dụ: gửi nhầm đơn vị; thiếu trang; tệp không mở được.")
    if request.method == "POST" and form.is_valid():
        refused = attempt(
            form,
            lambda: services_delivery.delivery_refuse(
                actor=actor, delivery=delivery, reason=form.cleaned_data["reason"]
            ),
        )
        if refused is not None:
            messages.success(
                request,
                _("Đã từ chối tiếp nhận văn bản %(symbol)s; nơi gửi sẽ được báo.")
                % {"symbol": number_line(delivery.document.number_symbol)},
            )
            return redirect("documents:queue")
    if request.method == "GET":
        services.document_read_record(actor=actor, outgoing=delivery.document)
    context = {"delivery": delivery, "sent": delivery.document, "form": form}
    return render(request, "documents/queue_refuse.html", context)
