"""The lists of outgoing documents (my drafts, awaiting my approval, awaiting issue), a unit's
outgoing book, and the unit's approval-chain setting."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from vanphong.core import paging
from vanphong.core.access import get_visible_or_404
from vanphong.core.forms import attempt
from vanphong.documents import selectors, services_outgoing, workflow
from vanphong.documents.forms_outgoing import (
    BookFilterForm,
    ChainForm,
)
from vanphong.documents.models import (
    ApprovalChain,
    OutgoingDocument,
)
from vanphong.documents.views_outgoing import (
    _actor,
)
from vanphong.org.models import Unit
from vanphong.org.selectors import committee_of, units_visible
from vanphong.org.units import units_in_order

BOOK_PAGE = 50


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
    pages = None
    if show_all:  # everything the person ever drafted grows without end: a page at a time
        pages = paging.pages(
            total=documents.count(), number=request.GET.get(paging.PARAM), per_page=BOOK_PAGE
        )
        documents = documents[pages.start : pages.end]
    return _list_page(
        request,
        documents,
        title=_("Dự thảo của tôi"),
        empty=_("Bạn không có dự thảo nào đang soạn hoặc đang trình."),
        tab="mine",
        extra={"show_all": show_all, "mine": True, "pages": pages},
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
    unit: Unit | None = filters.get("unit")
    if unit is None:
        own = selectors.drafting_units(actor)
        unit = own.first() or units.first()
    rows: list[OutgoingDocument] = []
    pages = paging.pages(total=0, number=1, per_page=BOOK_PAGE)
    if unit is not None:
        book: dict[str, Any] = {
            "unit_id": unit.pk,
            "year": filters.get("year"),
            "text": filters.get("q") or "",
        }
        # One COUNT on the (unit, issued_on) rows the page reads gives the page numbers.
        total = selectors.outgoing_book_filtered(actor, **book).count()
        pages = paging.pages(total=total, number=request.GET.get("trang"), per_page=BOOK_PAGE)
        rows = selectors.outgoing_book(actor, offset=pages.start, limit=BOOK_PAGE, **book)
    context = {
        "units": units_in_order(units),
        "unit": unit,
        "rows": rows,
        "pages": pages,
        "q": request.GET.get("q", ""),
        "year": request.GET.get("nam", ""),
        "filter_errors": form.errors,
        "can_configure": unit is not None and workflow.may_configure_chain(actor, unit),
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
    if not workflow.may_configure_chain(actor, unit):
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
            chain = attempt(
                form,
                lambda: services_outgoing.approval_chain_set(
                    actor=actor,
                    unit=unit,
                    steps=form.steps(),
                    allow_self_approval=form.self_approval(),
                ),
            )
            if chain is not None:
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
