"""Pages of the annual work programme and the monthly plans."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from vanphong.core import paging
from vanphong.core.access import get_visible_or_404
from vanphong.core.forms import attempt
from vanphong.org.models import Unit
from vanphong.planning import list_filters, progress, selectors, services_programme
from vanphong.planning.forms import (
    MonthlyPlanForm,
    PlanItemForm,
    ProgrammeForm,
    ProgrammeItemForm,
    TrackForm,
)
from vanphong.planning.models import MonthlyPlanItem, ProgrammeItem, ProgrammeStatus
from vanphong.planning.views import _actor, _simple_form

PAGE = 50  # programmes, monthly plans on a page of their lists


def _committees(request: HttpRequest) -> Any:
    return Unit.objects.filter(pk__in=[u.pk for u in selectors.compiles_for(_actor(request))])


def _units() -> Any:
    return Unit.objects.filter(is_active=True).order_by("sort_order", "name")


def _refused(request: HttpRequest, error: Exception) -> None:
    messages.error(request, " ".join(getattr(error, "messages", [str(error)])))


# --- programmes -------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def programmes(request: HttpRequest) -> HttpResponse:
    person = _actor(request)
    committees = _committees(request)
    form = ProgrammeForm(
        request.POST or None, committees=committees, initial={"year": timezone.localdate().year}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = attempt(
            form,
            lambda: services_programme.programme_create(
                actor=person,
                committee=data["committee"],
                body=data["body"],
                year=data["year"],
                title=data["title"],
            ),
        )
        if created is not None:
            return redirect("planning:programme", created.uuid)
    found = list_filters.programmes_narrowed(selectors.programmes_visible(person), request.GET)
    # One COUNT for the total and the page numbers.
    pages = paging.pages(total=found.count(), number=request.GET.get(paging.PARAM), per_page=PAGE)
    shown = list(found.order_by("-year", "committee__sort_order", "id")[pages.start : pages.end])
    return render(
        request,
        "planning/programmes.html",
        {
            "title": _("Chương trình công tác"),
            "programmes": shown,
            "rates": progress.rates_for(shown),
            "form": form if committees else None,
            "pages": pages,
        },
    )


def _programme(request: HttpRequest, programme_uuid: UUID) -> Any:
    return get_visible_or_404(selectors.programmes_visible(_actor(request)), programme_uuid)


@login_required
@require_http_methods(["GET", "POST"])
def programme(request: HttpRequest, programme_uuid: UUID) -> HttpResponse:
    person = _actor(request)
    item = _programme(request, programme_uuid)
    compiler = selectors.can_compile(person, item.committee)
    form = ProgrammeItemForm(request.POST or None, units=_units())
    if request.method == "POST":
        if not compiler:
            raise Http404
        if form.is_valid():
            data = form.cleaned_data
            added = attempt(
                form,
                lambda: services_programme.programme_item_add(
                    actor=person,
                    programme=item,
                    topic=data["topic"],
                    content=data["content"],
                    body=data["body"],
                    lead_unit=data["lead_unit"],
                    supporting_units=list(data["supporting_units"]),
                    month=data["month"],
                    quarter=data["quarter"],
                ),
            )
            if added is not None:
                messages.success(request, _("Đã thêm nội dung."))
                return redirect("planning:programme", item.uuid)
    items = list(selectors.programme_items(item))
    return render(
        request,
        "planning/programme.html",
        {
            "title": item.title,
            "programme": item,
            "items": items,
            "rates": progress.quarter_rates(items),
            "form": form if compiler and item.status == ProgrammeStatus.DRAFT else None,
            "can_compile": compiler,
            "can_approve": selectors.can_approve(person, item.committee),
        },
    )


@login_required
@require_POST
def programme_approve(request: HttpRequest, programme_uuid: UUID) -> HttpResponse:
    item = _programme(request, programme_uuid)
    try:
        services_programme.programme_approve(actor=_actor(request), programme=item)
        messages.success(request, _("Đã duyệt chương trình."))
    except (PermissionDenied, ValidationError) as error:
        _refused(request, error)
    return redirect("planning:programme", item.uuid)


@login_required
@require_POST
def programme_issue(request: HttpRequest, programme_uuid: UUID) -> HttpResponse:
    item = _programme(request, programme_uuid)
    try:
        document = services_programme.programme_issue(actor=_actor(request), programme=item)
    except (PermissionDenied, ValidationError) as error:
        _refused(request, error)
        return redirect("planning:programme", item.uuid)
    messages.success(
        request,
        _("Đã tạo dự thảo văn bản chương trình (CTr); trình duyệt và ban hành như văn bản đi."),
    )
    return redirect("documents:outgoing_detail", document.uuid)


def _item(request: HttpRequest, item_uuid: UUID) -> ProgrammeItem:
    item = get_visible_or_404(ProgrammeItem.objects.select_related("programme"), item_uuid)
    _programme(request, item.programme.uuid)
    return item


@login_required
@require_POST
def programme_item_remove(request: HttpRequest, item_uuid: UUID) -> HttpResponse:
    item = _item(request, item_uuid)
    try:
        services_programme.programme_item_remove(actor=_actor(request), item=item)
    except (PermissionDenied, ValidationError) as error:
        _refused(request, error)
    return redirect("planning:programme", item.programme.uuid)


@login_required
@require_http_methods(["GET", "POST"])
def programme_item_track(request: HttpRequest, item_uuid: UUID) -> HttpResponse:
    item = _item(request, item_uuid)
    form = TrackForm(request.POST or None, initial={"state": item.state, "reason": item.reason})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = attempt(
            form,
            lambda: services_programme.programme_item_track(
                actor=_actor(request),
                item=item,
                state=data["state"],
                reason=data["reason"],
                month=data["month"],
                quarter=data["quarter"],
                done_on=data["done_on"],
            ),
        )
        if done is not None:
            messages.success(request, _("Đã cập nhật tình hình thực hiện."))
            return redirect("planning:programme", item.programme.uuid)
    back = f"/ke-hoach/chuong-trinh/{item.programme.uuid}/"
    return _simple_form(
        request, _("Tình hình thực hiện: %(c)s") % {"c": item.content[:80]}, form, back
    )


# --- monthly plans ----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def monthly_plans(request: HttpRequest) -> HttpResponse:
    person = _actor(request)
    committees = _committees(request)
    today = timezone.localdate()
    form = MonthlyPlanForm(
        request.POST or None,
        committees=committees,
        initial={"year": today.year, "month": today.month % 12 + 1},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        plan = attempt(
            form,
            lambda: services_programme.monthly_plan_draft(
                actor=person, committee=data["committee"], year=data["year"], month=data["month"]
            ),
        )
        if plan is not None:
            return redirect("planning:monthly_plan", plan.uuid)
    found = selectors.monthly_plans_visible(person)
    # One COUNT for the total and the page numbers.
    pages = paging.pages(total=found.count(), number=request.GET.get(paging.PARAM), per_page=PAGE)
    return render(
        request,
        "planning/monthly_plans.html",
        {
            "title": _("Kế hoạch công tác tháng"),
            "plans": found.order_by("-year", "-month", "id")[pages.start : pages.end],
            "form": form if committees else None,
            "pages": pages,
        },
    )


def _plan(request: HttpRequest, plan_uuid: UUID) -> Any:
    return get_visible_or_404(selectors.monthly_plans_visible(_actor(request)), plan_uuid)


@login_required
@require_http_methods(["GET", "POST"])
def monthly_plan(request: HttpRequest, plan_uuid: UUID) -> HttpResponse:
    person = _actor(request)
    plan = _plan(request, plan_uuid)
    compiler = selectors.can_compile(person, plan.committee)
    form = PlanItemForm(request.POST or None, units=_units())
    if request.method == "POST":
        if not compiler:
            raise Http404
        if form.is_valid():
            data = form.cleaned_data
            added = attempt(
                form,
                lambda: services_programme.monthly_plan_item_add(
                    actor=person,
                    plan=plan,
                    content=data["content"],
                    lead_unit=data["lead_unit"],
                    day=data["day"],
                    note=data["note"],
                ),
            )
            if added is not None:
                return redirect("planning:monthly_plan", plan.uuid)
    return render(
        request,
        "planning/monthly_plan.html",
        {
            "title": _("Kế hoạch tháng %(m)s/%(y)s — %(c)s")
            % {"m": plan.month, "y": plan.year, "c": plan.committee.name},
            "plan": plan,
            "items": plan.items.select_related("lead_unit", "programme_item__programme"),
            "form": form if compiler and plan.status == ProgrammeStatus.DRAFT else None,
            "can_compile": compiler,
            "can_approve": selectors.can_approve(person, plan.committee),
        },
    )


@login_required
@require_POST
def monthly_plan_approve(request: HttpRequest, plan_uuid: UUID) -> HttpResponse:
    plan = _plan(request, plan_uuid)
    try:
        services_programme.monthly_plan_approve(actor=_actor(request), plan=plan)
        messages.success(request, _("Đã duyệt kế hoạch tháng."))
    except (PermissionDenied, ValidationError) as error:
        _refused(request, error)
    return redirect("planning:monthly_plan", plan.uuid)


@login_required
@require_POST
def monthly_plan_item_remove(request: HttpRequest, item_uuid: UUID) -> HttpResponse:
    item = get_visible_or_404(MonthlyPlanItem.objects.select_related("plan"), item_uuid)
    _plan(request, item.plan.uuid)
    try:
        services_programme.monthly_plan_item_remove(actor=_actor(request), item=item)
    except (PermissionDenied, ValidationError) as error:
        _refused(request, error)
    return redirect("planning:monthly_plan", item.plan.uuid)
