"""Organisation administration pages: units, committee terms, people, memberships.

Thin by rule: parse the form, fetch through a scoped selector (what the user may not
administer is a 404), call one service, redirect with a message — or show the form again with
the service's ValidationError on its fields.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vanphong.core.forms import BootstrapForm
from vanphong.org import services
from vanphong.org.forms import (
    ConfirmForm,
    DeactivateForm,
    MembershipCreateForm,
    MembershipEndForm,
    MembershipUpdateForm,
    PasswordForm,
    PeopleFilterForm,
    PersonCreateForm,
    PersonForm,
    RefuseForm,
    TermForm,
    UnitForm,
)
from vanphong.org.models import Membership, MembershipRequest, Person, Unit
from vanphong.org.selectors import (
    ancestors,
    may_manage_account,
    membership_get_administered,
    people_list,
    person_get_account_administered,
    person_get_administered,
    request_get_visible,
    request_refusal,
    requests_pending_for,
    requests_to_decide,
    requests_visible,
    scope_for,
    term_get_administered,
    unit_get_administered,
    unit_tree,
    units_administered,
)

PEOPLE_PER_PAGE = 50
SENT_FOR_CONFIRMATION = gettext_lazy(
    "Công tác này mở quyền đọc văn bản nên đã được gửi cho quản trị cấp trên xác nhận; "
    "nó chỉ có hiệu lực khi được xác nhận."
)

View = Callable[..., HttpResponse]


def _actor(request: HttpRequest) -> Person:
    return cast(Person, request.user)


def _administers_anything(request: HttpRequest) -> bool:
    scope = scope_for(_actor(request))
    return scope.everything or bool(scope.administered)


def administrator_required(view: View) -> View:
    """Logged in, and administering at least one unit; anyone else gets a 404."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _administers_anything(request):
            raise Http404
        return view(request, *args, **kwargs)

    return login_required(wrapper)


def _uuid_param(request: HttpRequest, name: str) -> UUID | None:
    """A UUID from the query string; absent is None, malformed is a 404 like an unknown one."""
    raw = request.GET.get(name, "").strip()
    if not raw:
        return None
    try:
        return UUID(raw)
    except ValueError:
        raise Http404 from None


def _next_url(request: HttpRequest, default: str) -> str:
    """Where to go after a write: a same-site `next` from the form, else `default`."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


def _form_page(
    request: HttpRequest,
    form: BootstrapForm,
    *,
    title: str,
    submit_label: str,
    cancel_url: str,
    crumbs: list[tuple[str, str]] | None = None,
    intro: str = "",
    danger: bool = False,
    next_url: str = "",
) -> HttpResponse:
    context = {
        "form": form,
        "title": title,
        "submit_label": submit_label,
        "cancel_url": cancel_url,
        "crumbs": crumbs or [],
        "intro": intro,
        "danger": danger,
        "next": next_url,
    }
    return render(request, "web/form.html", context)


def _unit_crumbs(request: HttpRequest, unit: Unit | None, *, include_self: bool) -> list[Any]:
    """Breadcrumb to a unit: only the ancestors the user administers are shown."""
    scope = scope_for(_actor(request))
    crumbs: list[tuple[str, str]] = [(_("Tổ chức"), reverse("org:units"))]
    if unit is None:
        return crumbs
    chain = [a for a in ancestors(unit) if scope.administers(a.id)]
    if include_self:
        chain.append(unit)
    crumbs += [(a.name, reverse("org:unit_detail", args=[a.uuid])) for a in chain]
    return crumbs


def _person_crumbs(person: Person) -> list[tuple[str, str]]:
    return [
        (_("Tổ chức"), reverse("org:units")),
        (_("Cán bộ"), reverse("org:people")),
        (str(person), reverse("org:person_detail", args=[person.uuid])),
    ]


# --- units ---------------------------------------------------------------------------------


@login_required
@require_GET
def units(request: HttpRequest) -> HttpResponse:
    if not _administers_anything(request):
        return render(request, "org/no_access.html", status=403)
    rows = unit_tree(units_administered(_actor(request)))
    return render(request, "org/units.html", {"rows": rows})


@administrator_required
@require_GET
def unit_detail(request: HttpRequest, unit_uuid: UUID) -> HttpResponse:
    unit = unit_get_administered(_actor(request), unit_uuid)
    memberships = list(
        unit.memberships.select_related("person").order_by("person__name_folded", "role")
    )
    today = timezone.localdate()
    context = {
        "unit": unit,
        "crumbs": _unit_crumbs(request, unit, include_self=False),
        "children": list(unit.children.all()),
        "terms": list(unit.terms.all()) if unit.is_committee else [],
        "current": [m for m in memberships if m.ends_on is None or m.ends_on >= today],
        "ended": [m for m in memberships if m.ends_on is not None and m.ends_on < today],
    }
    return render(request, "org/unit_detail.html", context)


def _parent_choices(request: HttpRequest, unit: Unit | None = None) -> QuerySet[Unit]:
    """Administered units; when editing, also the current parent, and never the unit itself."""
    choices = units_administered(_actor(request))
    if unit is None:
        return choices
    if unit.parent_id is not None:
        choices = choices | Unit.objects.filter(pk=unit.parent_id)
    return choices.exclude(pk=unit.pk)


@administrator_required
@require_http_methods(["GET", "POST"])
def unit_create(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    parent_uuid = _uuid_param(request, "cap-tren")
    parent = unit_get_administered(actor, parent_uuid) if parent_uuid else None
    allow_root = scope_for(actor).everything
    parents = _parent_choices(request)
    if request.method == "POST":
        form = UnitForm(request.POST, parents=parents, allow_root=allow_root)
        if form.is_valid():
            try:
                unit = services.unit_create(actor=actor, **form.cleaned_data)
            except ValidationError as error:
                form.add_service_error(error)
            else:
                messages.success(request, _("Đã thêm đơn vị %(name)s.") % {"name": unit.name})
                return redirect("org:unit_detail", unit_uuid=unit.uuid)
    else:
        form = UnitForm(initial={"parent": parent}, parents=parents, allow_root=allow_root)
    cancel = reverse("org:unit_detail", args=[parent.uuid]) if parent else reverse("org:units")
    return _form_page(
        request,
        form,
        title=_("Thêm đơn vị"),
        submit_label=_("Thêm đơn vị"),
        cancel_url=cancel,
        crumbs=_unit_crumbs(request, parent, include_self=True),
    )


@administrator_required
@require_http_methods(["GET", "POST"])
def unit_update(request: HttpRequest, unit_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    unit = unit_get_administered(actor, unit_uuid)
    options: dict[str, Any] = {
        "parents": _parent_choices(request, unit),
        "allow_root": scope_for(actor).everything,
        "editing": True,
    }
    if request.method == "POST":
        form = UnitForm(request.POST, **options)
        if form.is_valid():
            try:
                unit = services.unit_update(actor=actor, unit=unit, **form.cleaned_data)
            except ValidationError as error:
                form.add_service_error(error)
            else:
                messages.success(request, _("Đã lưu đơn vị %(name)s.") % {"name": unit.name})
                return redirect("org:unit_detail", unit_uuid=unit.uuid)
    else:
        initial = {
            "parent": unit.parent,
            "kind": unit.kind,
            "name": unit.name,
            "short_name": unit.short_name,
            "symbol": unit.symbol,
            "superior_name": unit.superior_name,
            "place": unit.place,
            "numbering_style": unit.numbering_style,
            "sort_order": unit.sort_order,
            "is_active": unit.is_active,
        }
        form = UnitForm(initial=initial, **options)
    return _form_page(
        request,
        form,
        title=_("Sửa đơn vị %(name)s") % {"name": unit.name},
        submit_label=_("Lưu"),
        cancel_url=reverse("org:unit_detail", args=[unit.uuid]),
        crumbs=_unit_crumbs(request, unit, include_self=True),
    )


# --- committee terms -----------------------------------------------------------------------


@administrator_required
@require_http_methods(["GET", "POST"])
def term_create(request: HttpRequest, unit_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    committee = unit_get_administered(actor, unit_uuid)
    form = TermForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            term = services.term_create(actor=actor, committee=committee, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("Đã thêm %(term)s.") % {"term": term.name})
            return redirect("org:unit_detail", unit_uuid=committee.uuid)
    return _form_page(
        request,
        form,
        title=_("Thêm nhiệm kỳ của %(unit)s") % {"unit": committee.name},
        submit_label=_("Thêm nhiệm kỳ"),
        cancel_url=reverse("org:unit_detail", args=[committee.uuid]),
        crumbs=_unit_crumbs(request, committee, include_self=True),
    )


@administrator_required
@require_http_methods(["GET", "POST"])
def term_update(request: HttpRequest, term_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    term = term_get_administered(actor, term_uuid)
    if request.method == "POST":
        form = TermForm(request.POST)
    else:
        form = TermForm(
            initial={
                "name": term.name,
                "congress": term.congress,
                "starts_on": term.starts_on,
                "ends_on": term.ends_on,
            }
        )
    if form.is_valid():
        try:
            term = services.term_update(actor=actor, term=term, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("Đã lưu %(term)s.") % {"term": term.name})
            return redirect("org:unit_detail", unit_uuid=term.committee.uuid)
    return _form_page(
        request,
        form,
        title=_("Sửa nhiệm kỳ %(term)s") % {"term": term.name},
        submit_label=_("Lưu"),
        cancel_url=reverse("org:unit_detail", args=[term.committee.uuid]),
        crumbs=_unit_crumbs(request, term.committee, include_self=True),
    )


# --- people --------------------------------------------------------------------------------


@administrator_required
@require_GET
def people(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    administered = units_administered(actor)
    form = PeopleFilterForm(request.GET, units=administered)
    form.is_valid()  # an unknown unit is reported on the form and not applied
    filters = form.cleaned_data
    status: str = filters.get("trang-thai") or ""
    found = people_list(
        actor,
        text=filters.get("q") or "",
        unit=filters.get("don-vi"),
        active={PeopleFilterForm.ACTIVE: True, PeopleFilterForm.INACTIVE: False}.get(status),
    )
    page = Paginator(found, PEOPLE_PER_PAGE).get_page(request.GET.get("trang"))
    context = {
        "page": page,
        "units": administered,  # iterated by the full page only
        "q": request.GET.get("q", ""),
        "selected_unit": request.GET.get("don-vi", ""),
        "selected_status": filters.get("trang-thai", ""),
        "status_choices": PeopleFilterForm.STATUS_CHOICES,
        "unit_error": "don-vi" in form.errors,
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
            try:
                person = services.person_create(actor=actor, **data)
            except ValidationError as error:
                form.add_service_error(error)
            else:
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
        try:
            person = services.person_update(actor=actor, person=person, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("Đã lưu hồ sơ của %(name)s.") % {"name": person})
            return redirect("org:person_detail", person_uuid=person.uuid)
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
        try:
            person = services.person_set_password(
                actor=actor, person=person, password=form.cleaned_data["password"]
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            if person.pk == actor.pk:  # the service ended every session; keep this one
                update_session_auth_hash(request, person)
            messages.success(
                request,
                _("Đã đặt mật khẩu mới cho %(name)s; các phiên đăng nhập cũ đã kết thúc.")
                % {"name": person},
            )
            return redirect("org:person_detail", person_uuid=person.uuid)
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
        try:
            person = services.person_deactivate(
                actor=actor, person=person, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("Đã vô hiệu hóa tài khoản %(name)s.") % {"name": person})
            return redirect("org:person_detail", person_uuid=person.uuid)
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
        person = services.person_reactivate(actor=actor, person=person)
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
    if form.is_valid():
        services.person_credentials_revoke(actor=actor, person=person)
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


# --- memberships ---------------------------------------------------------------------------


@administrator_required
@require_http_methods(["GET", "POST"])
def membership_create(request: HttpRequest, person_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    person = person_get_administered(actor, person_uuid)
    units = units_administered(actor)
    if request.method == "POST":
        form = MembershipCreateForm(request.POST, units=units)
        if form.is_valid():
            try:
                made = services.membership_create(actor=actor, person=person, **form.cleaned_data)
            except ValidationError as error:
                form.add_service_error(error)
            else:
                if isinstance(made, MembershipRequest):
                    messages.info(request, SENT_FOR_CONFIRMATION)
                else:
                    messages.success(
                        request, _("Đã thêm công tác cho %(name)s.") % {"name": person}
                    )
                return redirect("org:person_detail", person_uuid=person.uuid)
    else:
        form = MembershipCreateForm(units=units)
    return _form_page(
        request,
        form,
        title=_("Thêm công tác cho %(name)s") % {"name": person},
        submit_label=_("Thêm công tác"),
        cancel_url=reverse("org:person_detail", args=[person.uuid]),
        crumbs=_person_crumbs(person),
    )


def _membership_page_args(
    request: HttpRequest, membership: Membership
) -> tuple[str, list[tuple[str, str]]]:
    back = _next_url(request, reverse("org:person_detail", args=[membership.person.uuid]))
    return back, _person_crumbs(membership.person)


@administrator_required
@require_http_methods(["GET", "POST"])
def membership_update(request: HttpRequest, membership_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    membership = membership_get_administered(actor, membership_uuid)
    back, crumbs = _membership_page_args(request, membership)
    if request.method == "POST":
        form = MembershipUpdateForm(request.POST)
    else:
        form = MembershipUpdateForm(
            initial={"clearance": membership.clearance, "position": membership.position}
        )
    if form.is_valid():
        try:
            made = services.membership_update(
                actor=actor, membership=membership, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            if isinstance(made, MembershipRequest):
                messages.info(request, SENT_FOR_CONFIRMATION)
            else:
                messages.success(request, _("Đã lưu công tác: %(m)s.") % {"m": membership})
            return HttpResponseRedirect(back)
    return _form_page(
        request,
        form,
        title=_("Sửa công tác"),
        intro=str(membership),
        submit_label=_("Lưu"),
        cancel_url=back,
        crumbs=crumbs,
        next_url=back,
    )


@administrator_required
@require_http_methods(["GET", "POST"])
def membership_end(request: HttpRequest, membership_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    membership = membership_get_administered(actor, membership_uuid)
    back, crumbs = _membership_page_args(request, membership)
    if request.method == "POST":
        form = MembershipEndForm(request.POST)
    else:
        form = MembershipEndForm(initial={"ends_on": timezone.localdate()})
    if form.is_valid():
        try:
            services.membership_end(actor=actor, membership=membership, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("Đã kết thúc công tác: %(m)s.") % {"m": membership})
            return HttpResponseRedirect(back)
    return _form_page(
        request,
        form,
        title=_("Kết thúc công tác"),
        intro=str(membership),
        submit_label=_("Kết thúc công tác"),
        danger=True,
        cancel_url=back,
        crumbs=crumbs,
        next_url=back,
    )


# --- membership requests -------------------------------------------------------------------


@administrator_required
@require_GET
def requests(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    context = {
        "to_decide": requests_to_decide(actor),
        "sent": list(requests_visible(actor).filter(requested_by=actor)[:100]),
        "crumbs": [(_("Tổ chức"), reverse("org:units"))],
    }
    return render(request, "org/requests.html", context)


def _request_page(request: HttpRequest, found: MembershipRequest, form: RefuseForm) -> HttpResponse:
    actor = _actor(request)
    context = {
        "req": found,
        "form": form,
        "cannot_confirm": request_refusal(actor, found, confirming=True)
        if found.is_pending
        else "",
        "cannot_refuse": request_refusal(actor, found, confirming=False)
        if found.is_pending
        else "",
        "crumbs": [
            (_("Tổ chức"), reverse("org:units")),
            (_("Đề nghị phân quyền"), reverse("org:requests")),
        ],
    }
    return render(request, "org/request_detail.html", context)


@administrator_required
@require_GET
def request_detail(request: HttpRequest, request_uuid: UUID) -> HttpResponse:
    found = request_get_visible(_actor(request), request_uuid)
    return _request_page(request, found, RefuseForm())


@administrator_required
@require_POST
def request_confirm(request: HttpRequest, request_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    found = request_get_visible(actor, request_uuid)
    try:
        services.membership_request_confirm(actor=actor, request=found)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("org:request_detail", request_uuid=found.uuid)
    messages.success(request, _("Đã xác nhận: %(r)s.") % {"r": found})
    return redirect("org:requests")


@administrator_required
@require_POST
def request_refuse(request: HttpRequest, request_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    found = request_get_visible(actor, request_uuid)
    form = RefuseForm(request.POST)
    if form.is_valid():
        try:
            services.membership_request_refuse(
                actor=actor, request=found, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("Đã từ chối: %(r)s.") % {"r": found})
            return redirect("org:requests")
    return _request_page(request, found, form)
