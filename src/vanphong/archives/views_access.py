"""The pages of access to archived files (khai thác): the archive's catalogue, a request, the
approvals queue and the loans."""

from __future__ import annotations

from typing import cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vanphong.archives import selectors_transfers as sel
from vanphong.archives import (
    services_access,
    workflow,
)
from vanphong.archives.forms_transfers import (
    AccessRequestForm,
    CatalogueQuery,
    DecideForm,
)
from vanphong.archives.models import (
    AccessMode,
    AccessRequest,
    AccessStatus,
)
from vanphong.core import paging
from vanphong.core.forms import ConfirmForm, attempt
from vanphong.core.vietnamese import fold
from vanphong.org.models import Clearance, Person

PAGE = 50


def _actor(request: HttpRequest) -> Person:
    return cast(Person, request.user)


def _access_crumbs(*more: tuple[str, str]) -> list[tuple[str, str]]:
    return [(_("Khai thác tài liệu lưu trữ"), reverse("archives:access_catalogue")), *more]


@login_required
@require_GET
def access_catalogue(request: HttpRequest) -> HttpResponse:
    person = _actor(request)
    query = CatalogueQuery(request.GET or None)
    found = sel.catalogue(person)
    if query.is_valid() and query.cleaned_data["text"]:
        text = query.cleaned_data["text"]
        found = found.filter(
            Q(code__icontains=text)
            | Q(title__icontains=text)
            | Q(title_folded__contains=fold(text))
        )
    found = found.order_by("archive_unit_id", "unit_id", "year", "code", "pk")
    pages = paging.pages(total=found.count(), number=request.GET.get(paging.PARAM), per_page=PAGE)
    rows = list(found.select_related("unit", "archive_unit")[pages.start : pages.end])
    return render(
        request,
        "archives/access_catalogue.html",
        {
            "title": _("Mục lục hồ sơ lưu trữ"),
            "rows": rows,
            "pages": pages,
            "query": query,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def access_request_create(request: HttpRequest, file_uuid: UUID) -> HttpResponse:
    person = _actor(request)
    file = sel.catalogue_get(person, file_uuid)
    form = AccessRequestForm(request.POST or None, initial={"mode": AccessMode.READ})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        made = attempt(
            form,
            lambda: services_access.access_request(
                actor=person,
                file=file,
                mode=data["mode"],
                purpose=data["purpose"],
                days=data["days"],
            ),
        )
        if made is not None:
            messages.success(request, _("Đã gửi yêu cầu khai thác."))
            return redirect("archives:access_request", made.uuid)
    return render(
        request,
        "web/form.html",
        {
            "title": _("Yêu cầu khai thác hồ sơ %(code)s") % {"code": file.code},
            "intro": f"{file.code} · {file.title} — {file.archive_unit}",
            "form": form,
            "submit_label": _("Gửi yêu cầu"),
            "cancel_url": reverse("archives:access_catalogue"),
            "crumbs": _access_crumbs(),
        },
    )


@login_required
@require_GET
def access_requests(request: HttpRequest) -> HttpResponse:
    person = _actor(request)
    found = AccessRequest.objects.filter(requester=person).order_by("-requested_at", "-id")
    pages = paging.pages(total=found.count(), number=request.GET.get(paging.PARAM), per_page=PAGE)
    rows = list(found.select_related("file", "file__archive_unit")[pages.start : pages.end])
    return render(
        request,
        "archives/access_list.html",
        {
            "title": _("Yêu cầu khai thác của tôi"),
            "rows": rows,
            "pages": pages,
            "crumbs": _access_crumbs(),
        },
    )


@login_required
@require_GET
def access_queue(request: HttpRequest) -> HttpResponse:
    person = _actor(request)
    found = sel.access_pending_for(person).order_by("requested_at", "id")
    pages = paging.pages(total=found.count(), number=request.GET.get(paging.PARAM), per_page=PAGE)
    rows = list(
        found.select_related("file", "file__archive_unit", "requester")[pages.start : pages.end]
    )
    return render(
        request,
        "archives/access_list.html",
        {
            "title": _("Yêu cầu khai thác chờ duyệt"),
            "rows": rows,
            "pages": pages,
            "show_requester": True,
            "crumbs": _access_crumbs(),
        },
    )


@login_required
@require_GET
def access_loans(request: HttpRequest) -> HttpResponse:
    person = _actor(request)
    today = timezone.localdate()
    found = (
        sel.loans_kept(person)
        | AccessRequest.objects.filter(requester=person, status=AccessStatus.LENT)
    ).order_by("valid_until", "id")
    pages = paging.pages(total=found.count(), number=request.GET.get(paging.PARAM), per_page=PAGE)
    rows = list(
        found.select_related("file", "file__archive_unit", "requester")[pages.start : pages.end]
    )
    return render(
        request,
        "archives/access_list.html",
        {
            "title": _("Hồ sơ đang cho mượn"),
            "rows": rows,
            "pages": pages,
            "show_requester": True,
            "today": today,
            "crumbs": _access_crumbs(),
        },
    )


@login_required
@require_GET
def access_request_detail(request: HttpRequest, request_uuid: UUID) -> HttpResponse:
    person = _actor(request)
    found = sel.access_request_get(person, request_uuid)
    file = found.file
    archive = file.archive_unit
    keeper = archive is not None and workflow.is_archivist(person, archive, file.confidentiality)
    may_decide = (
        found.status == AccessStatus.PENDING
        and found.requester_id != person.pk
        and archive is not None
        and workflow.may_approve_access(person, archive, file.confidentiality)
    )
    return render(
        request,
        "archives/access_detail.html",
        {
            "title": _("Yêu cầu khai thác hồ sơ %(code)s") % {"code": file.code},
            "req": found,
            "file": file,
            "clearance": Clearance(file.confidentiality).label,
            "decide_form": DecideForm(initial={"valid_until": found.valid_until})
            if may_decide
            else None,
            "may_lend": keeper
            and found.mode == AccessMode.BORROW
            and found.status == AccessStatus.APPROVED,
            "may_return": keeper and found.status == AccessStatus.LENT,
            "crumbs": _access_crumbs(),
        },
    )


@login_required
@require_http_methods(["POST"])
def access_decide(request: HttpRequest, request_uuid: UUID) -> HttpResponse:
    person = _actor(request)
    found = sel.access_request_get(person, request_uuid)
    form = DecideForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        done = attempt(
            form,
            lambda: services_access.access_decide(
                actor=person,
                request=found,
                approve=data["approve"],
                note=data["note"],
                valid_until=data["valid_until"],
            ),
        )
        if done is not None:
            messages.success(request, _("Đã ghi quyết định."))
            return redirect("archives:access_request", found.uuid)
    return render(
        request,
        "archives/access_detail.html",
        {
            "title": _("Yêu cầu khai thác hồ sơ %(code)s") % {"code": found.file.code},
            "req": found,
            "file": found.file,
            "clearance": Clearance(found.file.confidentiality).label,
            "decide_form": form,
            "crumbs": _access_crumbs(),
        },
        status=422,
    )


def _step(request: HttpRequest, request_uuid: UUID, lend: bool) -> HttpResponse:
    person = _actor(request)
    found = sel.access_request_get(person, request_uuid)
    form = ConfirmForm(request.POST)
    service = services_access.access_lend if lend else services_access.access_return
    done = attempt(form, lambda: service(actor=person, request=found))
    if done is not None:
        messages.success(request, _("Đã giao hồ sơ.") if lend else _("Đã nhận lại hồ sơ."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
    return redirect("archives:access_request", found.uuid)


@login_required
@require_POST
def access_lend(request: HttpRequest, request_uuid: UUID) -> HttpResponse:
    return _step(request, request_uuid, lend=True)


@login_required
@require_POST
def access_return(request: HttpRequest, request_uuid: UUID) -> HttpResponse:
    return _step(request, request_uuid, lend=False)
