"""Organisation administration pages for people: the list, a person's page, profiles and
accounts (passwords, deactivation, credentials)."""

from __future__ import annotations

from functools import partial
from uuid import UUID

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vanphong.core import paging
from vanphong.core.forms import attempt
from vanphong.org import services_people
from vanphong.org.forms import (
    ConfirmForm,
    DeactivateForm,
    PasswordForm,
    PeopleFilterForm,
    PersonCreateForm,
    PersonForm,
)
from vanphong.org.selectors import (
    may_manage_account,
    people_list,
    person_get_account_administered,
    person_get_administered,
    requests_pending_for,
    unit_get_administered,
    units_administered,
)
from vanphong.org.units import units_in_order
from vanphong.org.views import (
    SENT_FOR_CONFIRMATION,
    _actor,
    _form_page,
    _person_crumbs,
    _uuid_param,
    administrator_required,
)

PEOPLE_PER_PAGE = 50


# --- people --------------------------------------------------------------------------------


@administrator_required
@require_GET
def people(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    administered = units_administered(actor)
    form = PeopleFilterForm(request.GET, units=administered)
    form.is_valid()  # an unknown unit is reported on the form and not applied
    filters = form.cleaned_data
    status: str = filters.get("status") or ""
    found = people_list(
        actor,
        text=filters.get("q") or "",
        unit=filters.get("unit"),
        active={PeopleFilterForm.ACTIVE: True, PeopleFilterForm.INACTIVE: False}.get(status),
    )
    page = Paginator(found, PEOPLE_PER_PAGE).get_page(request.GET.get("trang"))
    context = {
        "page": page,
        "pages": paging.of_page(page),
        "units": partial(units_in_order, administered),  # called by the full page only
        "q": request.GET.get("q", ""),
        "selected_unit": request.GET.get("don-vi", ""),
        "selected_status": filters.get("status", ""),
        "status_choices": PeopleFilterForm.STATUS_CHOICES,
        "unit_error": "unit" in form.errors,
    }
    htmx = getattr(request, "htmx", None)
    if htmx and not htmx.history_restore_request:
        response = render(request, "org/_people_rows.html", {**context, "oob": True})
    else:
        response = render(request, "org/people.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@administrator_required
@require_http_methods(["GET", "POST"])
def person_create(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    units = units_administered(actor)
    if request.method == "POST":
        form = PersonCreateForm(request.POST, units=units)
        if form.is_valid():
            data = dict(form.cleaned_data)
            data.pop("password_confirm")
            person = attempt(form, lambda: services_people.person_create(actor=actor, **data))
            if person is not None:
                messages.success(request, _("Đã tạo tài khoản %(name)s.") % {"name": person})
                if requests_pending_for(actor, person).exists():
                    messages.info(request, SENT_FOR_CONFIRMATION)
                return redirect("org:person_detail", person_uuid=person.uuid)
    else:
        unit_uuid = _uuid_param(request, "don-vi")
        initial = {"unit": unit_get_administered(actor, unit_uuid)} if unit_uuid else {}
        form = PersonCreateForm(initial=initial, units=units)
    return _form_page(
        request,
        form,
        title=_("Thêm cán bộ"),
        submit_label=_("Tạo tài khoản"),
        cancel_url=reverse("org:people"),
        crumbs=[(_("Tổ chức"), reverse("org:units")), (_("Cán bộ"), reverse("org:people"))],
    )


@administrator_required
@require_GET
def person_detail(request: HttpRequest, person_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    person = person_get_administered(actor, person_uuid)
    memberships = list(
        person.memberships.filter(unit__in=units_administered(actor))
        .select_related("unit")
        .order_by("-starts_on", "unit__name")
    )
    today = timezone.localdate()
    is_self = person.pk == actor.pk
    context = {
        "person": person,
        "is_self": is_self,
        "manages_account": may_manage_account(actor, person),
        "pending": list(requests_pending_for(actor, person)),
        "current": [m for m in memberships if m.ends_on is None or m.ends_on >= today],
        "ended": [m for m in memberships if m.ends_on is not None and m.ends_on < today],
        "crumbs": _person_crumbs(person)[:-1],
    }
    return render(request, "org/person_detail.html", context)


@administrator_required
@require_http_methods(["GET", "POST"])
def person_update(request: HttpRequest, person_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    person = person_get_account_administered(actor, person_uuid)
    if request.method == "POST":
        form = PersonForm(request.POST)
    else:
        form = PersonForm(
            initial={"full_name": person.full_name, "email": person.email, "phone": person.phone}
        )
    if form.is_valid():
        saved = attempt(
            form,
            lambda: services_people.person_update(actor=actor, person=person, **form.cleaned_data),
        )
        if saved is not None:
            messages.success(request, _("Đã lưu hồ sơ của %(name)s.") % {"name": saved})
            return redirect("org:person_detail", person_uuid=saved.uuid)
    return _form_page(
        request,
        form,
        title=_("Sửa hồ sơ %(name)s") % {"name": person},
        submit_label=_("Lưu"),
        cancel_url=reverse("org:person_detail", args=[person.uuid]),
        crumbs=_person_crumbs(person),
    )


@administrator_required
@require_http_methods(["GET", "POST"])
def person_password(request: HttpRequest, person_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    person = person_get_account_administered(actor, person_uuid, or_self=True)
    form = PasswordForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        saved = attempt(
            form,
            lambda: services_people.person_set_password(
                actor=actor, person=person, password=form.cleaned_data["password"]
            ),
        )
        if saved is not None:
            if saved.pk == actor.pk:  # the service ended every session; keep this one
                update_session_auth_hash(request, saved)
            messages.success(
                request,
                _("Đã đặt mật khẩu mới cho %(name)s; các phiên đăng nhập cũ đã kết thúc.")
                % {"name": saved},
            )
            return redirect("org:person_detail", person_uuid=saved.uuid)
    return _form_page(
        request,
        form,
        title=_("Đặt mật khẩu cho %(name)s") % {"name": person},
        intro=_("Mọi phiên đăng nhập hiện có của cán bộ này sẽ kết thúc."),
        submit_label=_("Đặt mật khẩu"),
        cancel_url=reverse("org:person_detail", args=[person.uuid]),
        crumbs=_person_crumbs(person),
    )


@administrator_required
@require_http_methods(["GET", "POST"])
def person_deactivate(request: HttpRequest, person_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    person = person_get_account_administered(actor, person_uuid)
    form = DeactivateForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        saved = attempt(
            form,
            lambda: services_people.person_deactivate(
                actor=actor, person=person, reason=form.cleaned_data["reason"]
            ),
        )
        if saved is not None:
            messages.success(request, _("Đã vô hiệu hóa tài khoản %(name)s.") % {"name": saved})
            return redirect("org:person_detail", person_uuid=saved.uuid)
    return _form_page(
        request,
        form,
        title=_("Vô hiệu hóa tài khoản %(name)s") % {"name": person},
        intro=_(
            "Cán bộ này sẽ không đăng nhập được nữa và mọi phiên đăng nhập hiện có kết thúc "
            "ngay. Có thể kích hoạt lại sau."
        ),
        submit_label=_("Vô hiệu hóa"),
        danger=True,
        cancel_url=reverse("org:person_detail", args=[person.uuid]),
        crumbs=_person_crumbs(person),
    )


@administrator_required
@require_POST
def person_reactivate(request: HttpRequest, person_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    person = person_get_account_administered(actor, person_uuid)
    try:
        person = services_people.person_reactivate(actor=actor, person=person)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Đã kích hoạt lại tài khoản %(name)s.") % {"name": person})
    return redirect("org:person_detail", person_uuid=person.uuid)


@administrator_required
@require_http_methods(["GET", "POST"])
def person_credentials_revoke(request: HttpRequest, person_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    person = person_get_account_administered(actor, person_uuid)
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if (
        form.is_valid()
        and attempt(
            form, lambda: services_people.person_credentials_revoke(actor=actor, person=person)
        )
        is not None
    ):
        messages.success(
            request,
            _("Đã thu hồi mọi mã truy cập API và liên kết lịch của %(name)s.") % {"name": person},
        )
        return redirect("org:person_detail", person_uuid=person.uuid)
    return _form_page(
        request,
        form,
        title=_("Thu hồi mã truy cập và liên kết lịch của %(name)s") % {"name": person},
        intro=_(
            "Mọi mã truy cập API và địa chỉ lịch của cán bộ này ngừng hoạt động ngay; mật khẩu "
            "và các phiên đăng nhập không đổi."
        ),
        submit_label=_("Thu hồi"),
        danger=True,
        cancel_url=reverse("org:person_detail", args=[person.uuid]),
        crumbs=_person_crumbs(person),
    )
