"""The working-day calendar's pages: a year's calendar for everyone, its rows for the editors.

Thin by rule: parse the form, fetch through a selector, call one service, redirect with a
message — or show the form again with the service's ValidationError on its fields.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import wraps
from typing import Any, cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from vanphong.core import selectors, services
from vanphong.core.forms import (
    DAY_OFF,
    WORKED,
    BootstrapForm,
    CalendarDayForm,
    ConfirmForm,
    attempt,
)
from vanphong.core.inputs import day_in_range
from vanphong.core.models import CalendarDay
from vanphong.core.workdays import WEEKEND

View = Callable[..., HttpResponse]


def _actor(request: HttpRequest) -> AbstractBaseUser:
    return cast(AbstractBaseUser, request.user)


def editor_required(view: View) -> View:
    """Logged in and allowed to change the calendar; anyone else is told who may."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not selectors.calendar_may_edit(_actor(request)):
            return render(request, "core/calendar_no_access.html", status=403)
        return view(request, *args, **kwargs)

    return login_required(wrapper)


def _year_url(year: int) -> str:
    return reverse("core:calendar_year", args=[year])


def _crumbs(year: int) -> list[tuple[str, str]]:
    return [(_("Lịch ngày làm việc năm %(year)s") % {"year": year}, _year_url(year))]


def _form_page(
    request: HttpRequest,
    form: BootstrapForm,
    *,
    title: str,
    submit_label: str,
    year: int,
    intro: str = "",
    danger: bool = False,
) -> HttpResponse:
    context = {
        "form": form,
        "title": title,
        "submit_label": submit_label,
        "cancel_url": _year_url(year),
        "crumbs": _crumbs(year),
        "intro": intro,
        "danger": danger,
    }
    return render(request, "web/form.html", context)


@login_required
@require_GET
def calendar_year(request: HttpRequest, year: int | None = None) -> HttpResponse:
    year = selectors.calendar_year_valid(year or timezone.localdate().year)
    context = {
        "calendar": selectors.calendar_year(year),
        "may_edit": selectors.calendar_may_edit(_actor(request)),
        "previous": year - 1 if year > selectors.FIRST_YEAR else None,
        "next": year + 1 if year < selectors.LAST_YEAR else None,
        "today": timezone.localdate(),
    }
    return render(request, "core/calendar_year.html", context)


def _initial_day(request: HttpRequest) -> date:
    """The day to start from: `ngay` (a day clicked on the calendar), else today."""
    try:
        day = date.fromisoformat(request.GET.get("ngay", ""))
    except ValueError:
        return timezone.localdate()
    return day if day_in_range(day) else timezone.localdate()


@editor_required
@require_http_methods(["GET", "POST"])
def calendar_day_create(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = CalendarDayForm(request.POST)
        if form.is_valid():
            row = attempt(
                form,
                lambda: services.calendar_day_create(actor=_actor(request), **form.cleaned_data),
            )
            if row is not None:
                messages.success(request, _("Đã thêm %(row)s.") % {"row": row})
                return redirect("core:calendar_year", year=row.day.year)
        shown = form.cleaned_data.get("day") or timezone.localdate()
    else:
        shown = _initial_day(request)
        worked = WORKED if shown.weekday() in WEEKEND else DAY_OFF  # on a weekend, likely làm bù
        form = CalendarDayForm(initial={"day": shown, "is_working": worked})
    return _form_page(
        request,
        form,
        title=_("Thêm ngày nghỉ hoặc ngày làm bù"),
        submit_label=_("Thêm"),
        year=shown.year,
    )


def _fetch(day_uuid: UUID) -> CalendarDay:
    return selectors.calendar_day_get(day_uuid)


@editor_required
@require_http_methods(["GET", "POST"])
def calendar_day_update(request: HttpRequest, day_uuid: UUID) -> HttpResponse:
    row = _fetch(day_uuid)
    if request.method == "POST":
        form = CalendarDayForm(request.POST)
        if form.is_valid():
            saved = attempt(
                form,
                lambda: services.calendar_day_update(
                    actor=_actor(request), calendar_day=row, **form.cleaned_data
                ),
            )
            if saved is not None:
                messages.success(request, _("Đã lưu %(row)s.") % {"row": saved})
                return redirect("core:calendar_year", year=saved.day.year)
    else:
        form = CalendarDayForm(
            initial={
                "day": row.day,
                "is_working": WORKED if row.is_working else DAY_OFF,
                "name": row.name,
                "note": row.note,
            }
        )
    return _form_page(
        request,
        form,
        title=_("Sửa ngày %(day)s") % {"day": row.day.strftime("%d/%m/%Y")},
        submit_label=_("Lưu"),
        year=row.day.year,
    )


@editor_required
@require_http_methods(["GET", "POST"])
def calendar_day_delete(request: HttpRequest, day_uuid: UUID) -> HttpResponse:
    row = _fetch(day_uuid)
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        attempt(form, lambda: services.calendar_day_delete(actor=_actor(request), calendar_day=row))
    if form.is_valid():  # still: the service refused nothing
        messages.success(request, _("Đã xóa %(row)s.") % {"row": row})
        return redirect("core:calendar_year", year=row.day.year)
    return _form_page(
        request,
        form,
        title=_("Xóa ngày %(day)s khỏi lịch") % {"day": row.day.strftime("%d/%m/%Y")},
        intro=_(
            "%(row)s. Sau khi xóa, ngày này theo lịch thường: làm việc từ thứ Hai đến thứ Sáu, "
            "nghỉ thứ Bảy, Chủ nhật và các ngày lễ cố định."
        )
        % {"row": row},
        submit_label=_("Xóa"),
        danger=True,
        year=row.day.year,
    )
